package dev.ringline.cobol;

import dev.ringline.memory.ByteVector;

/** Numbers written as JSON text straight into a {@link ByteVector}, without allocating. */
public final class JsonNumbers {
    private JsonNumbers() {
    }

    /** Appends {@code v} in decimal ({@code -} when negative, never {@code +}); every long, MIN_VALUE included. */
    public static void appendLong(long v, ByteVector out) {
        // Work on the negative magnitude: it covers Long.MIN_VALUE, whose positive value does not exist.
        long q = v < 0 ? v : -v;
        int size = digitCount(q) + (v < 0 ? 1 : 0);
        int end = out.length() + size;
        out.setLength(end);
        byte[] a = out.array();
        int p = end;
        while (q <= -10) {
            long next = q / 10;
            a[--p] = (byte) ('0' + (int) (next * 10 - q));
            q = next;
        }
        a[--p] = (byte) ('0' - q);
        if (v < 0) {
            a[--p] = '-';
        }
    }

    /** Digits of a value {@code <= 0} (1 for 0). */
    private static int digitCount(long negative) {
        long bound = -10;
        for (int digits = 1; digits < 19; digits++) {
            if (negative > bound) {
                return digits;
            }
            bound *= 10;
        }
        return 19;
    }
}
