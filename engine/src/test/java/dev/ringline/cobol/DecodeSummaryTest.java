package dev.ringline.cobol;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecodeSummaryTest {

    @Test
    void balancedWhenEveryRecordIsWrittenOrRejected() {
        assertTrue(new DecodeSummary(1000, 998, 2, 5, 65264, 120_000).balanced());
        assertTrue(new DecodeSummary(0, 0, 0, 0, 0, 0).balanced());
        assertFalse(new DecodeSummary(1000, 998, 1, 1, 65264, 120_000).balanced());
    }

    @Test
    void readableText() {
        assertEquals("read 1000 records (65264 bytes), wrote 998 (120000 bytes), rejected 2, errors 5",
                new DecodeSummary(1000, 998, 2, 5, 65264, 120_000).toString());
        assertEquals("read 10 records (100 bytes), wrote 8 (80 bytes), rejected 1, errors 1 -- UNBALANCED: "
                + "1 records and 0 bytes unaccounted for", new DecodeSummary(10, 8, 1, 1, 100, 80).toString());
        assertEquals("read 2 records (100 bytes), wrote 2 (80 bytes), rejected 0, errors 0, 40 bytes not decoded"
                + " -- UNBALANCED: 0 records and 10 bytes unaccounted for",
                new DecodeSummary(2, 2, 0, 0, 100, 80, 50, 0, 40, 0, null).toString());
    }
}
