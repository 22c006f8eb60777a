package dev.ringline.cobol;

import dev.ringline.cobol.ErrorPolicy.Action;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ErrorPolicyTest {

    @Test
    void failFastFailsOnTheFirstError() {
        assertEquals(Action.FAIL, ErrorPolicy.failFast().onError(1, true));
        assertEquals(Action.FAIL, ErrorPolicy.failFast().onError(1, false));
    }

    @Test
    void skipRejectsForever() {
        for (long n : new long[] {1, 2, 1_000_000, Long.MAX_VALUE}) {
            assertEquals(Action.REJECT_RECORD, ErrorPolicy.skip().onError(n, true));
            assertEquals(Action.REJECT_RECORD, ErrorPolicy.skip().onError(n, false));
        }
    }

    @Test
    void stopAfterThreeSkipsThreeAndFailsOnTheFourth() {
        ErrorPolicy policy = ErrorPolicy.stopAfter(3);
        assertEquals(Action.REJECT_RECORD, policy.onError(1, true));
        assertEquals(Action.REJECT_RECORD, policy.onError(2, false));
        assertEquals(Action.REJECT_RECORD, policy.onError(3, true));
        assertEquals(Action.FAIL, policy.onError(4, true));
        assertEquals(Action.FAIL, policy.onError(5, false));
        assertEquals("stop-after 3", policy.toString());
    }

    @Test
    void stopAfterZeroIsFailFast() {
        assertEquals(Action.FAIL, ErrorPolicy.stopAfter(0).onError(1, true));
        assertThrows(IllegalArgumentException.class, () -> ErrorPolicy.stopAfter(-1));
    }

    @Test
    void lenientNullsFieldsAndRejectsWholeRecordErrors() {
        assertEquals(Action.NULL_FIELD, ErrorPolicy.lenient().onError(1, true));
        assertEquals(Action.NULL_FIELD, ErrorPolicy.lenient().onError(Long.MAX_VALUE, true));
        assertEquals(Action.REJECT_RECORD, ErrorPolicy.lenient().onError(7, false));
    }

    @Test
    void errorNumbersStartAtOne() {
        assertThrows(IllegalArgumentException.class, () -> ErrorPolicy.skip().onError(0, true));
    }
}
