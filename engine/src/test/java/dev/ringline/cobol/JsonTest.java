package dev.ringline.cobol;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The test reader is as strict and exact as the decoder tests assume. */
class JsonTest {
    @Test
    void duplicateKeysAndTrailingTextFail() {
        assertThrows(UncheckedIOException.class, () -> Json.parse("{\"A\":1,\"A\":2}"));
        assertThrows(UncheckedIOException.class, () -> Json.parse("{\"A\":1} x"));
    }

    @Test
    void numbersKeepEveryDigitAndTheWrittenScale() {
        Object parsed = Json.object("{\"A\":[12.30,123456789012345678901234567890,-0.000001]}").get("A");
        assertEquals(List.of(new BigDecimal("12.30"), new BigDecimal("123456789012345678901234567890"),
                new BigDecimal("-0.000001")), parsed);
    }
}
