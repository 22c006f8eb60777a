package dev.ringline.cobol.json;

import dev.ringline.memory.ByteVector;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonNumbersProperties {

    private static String appended(String before, long v) {
        ByteVector out = new ByteVector(0);
        out.appendAscii(before);
        JsonNumbers.appendLong(v, out);
        return new String(out.toByteArray(), StandardCharsets.US_ASCII);
    }

    @Property(tries = 2000)
    void matchesLongToString(@ForAll long v) {
        assertEquals("[" + v, appended("[", v));
    }

    @Example
    void edges() {
        long[] values = {0, -1, 1, 9, 10, -9, -10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1,
            999_999_999_999_999_999L, 1_000_000_000_000_000_000L, -1_000_000_000_000_000_000L};
        for (long v : values) {
            assertEquals(Long.toString(v), appended("", v));
        }
        long p = 1;
        for (int i = 0; i < 19; i++, p *= 10) {
            assertEquals(Long.toString(p), appended("", p));
            assertEquals(Long.toString(p - 1), appended("", p - 1));
            assertEquals(Long.toString(-p), appended("", -p));
        }
    }
}
