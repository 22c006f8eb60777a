package dev.ringline.cobol.json;

import dev.ringline.memory.ByteVector;

/** Numbers written as JSON text straight into a {@link ByteVector}, without allocating. */
final class JsonNumbers {
    private JsonNumbers() {
    }

    /** Appends {@code v} in decimal ({@code -} when negative, never {@code +}); every long, MIN_VALUE included. */
    static void appendLong(long v, ByteVector out) {
        if (v == Long.MIN_VALUE) {
            out.appendAscii("-9223372036854775808"); // the one value without a positive counterpart
            return;
        }
        boolean negative = v < 0;
        long magnitude = negative ? -v : v;
        int end = out.length() + digitCount(magnitude) + (negative ? 1 : 0);
        out.setLength(end);
        byte[] a = out.array();
        int p = writeDigitsBackwards(magnitude, a, end);
        if (negative) {
            a[p - 1] = '-';
        }
    }

    /**
     * Writes the digits of {@code magnitude >= 0} ending just before {@code end}; returns the index of the first.
     * Two digits per division, and int arithmetic once the value fits: divisions dominate number printing.
     */
    private static int writeDigitsBackwards(long magnitude, byte[] a, int end) {
        int p = end;
        long m = magnitude;
        while (m > Integer.MAX_VALUE) {
            long q = m / 100;
            int r = (int) (m - q * 100);
            a[--p] = ONES[r];
            a[--p] = TENS[r];
            m = q;
        }
        int i = (int) m;
        while (i >= 100) {
            int q = i / 100;
            int r = i - q * 100;
            a[--p] = ONES[r];
            a[--p] = TENS[r];
            i = q;
        }
        if (i >= 10) {
            a[--p] = ONES[i];
            a[--p] = TENS[i];
        } else {
            a[--p] = (byte) ('0' + i);
        }
        return p;
    }

    private static final byte[] ONES = new byte[100];
    private static final byte[] TENS = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            ONES[i] = (byte) ('0' + i % 10);
            TENS[i] = (byte) ('0' + i / 10);
        }
    }

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /** Decimal digits of a value {@code >= 0} (1 for 0). */
    private static int digitCount(long magnitude) {
        for (int digits = 1; digits < POWERS_OF_TEN.length; digits++) {
            if (magnitude < POWERS_OF_TEN[digits]) {
                return digits;
            }
        }
        return 19;
    }
}
