package dev.ringline.cobol;

import dev.ringline.memory.ByteVector;

/** Numbers written as JSON text straight into a {@link ByteVector}, without allocating. */
public final class JsonNumbers {
    private JsonNumbers() {
    }

    /** Appends {@code v} in decimal ({@code -} when negative, never {@code +}); every long, MIN_VALUE included. */
    public static void appendLong(long v, ByteVector out) {
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

    /** Scales {@link #appendScaled} handles: the fraction must fit a long. */
    public static final int MAX_SCALED_SCALE = 18;
    private static final long[] POWERS_OF_TEN = new long[MAX_SCALED_SCALE + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i <= MAX_SCALED_SCALE; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /**
     * Appends {@code unscaled / 10^scale} exactly, with exactly {@code max(scale, 0)} fraction digits, zeros
     * appended for a negative scale, and no {@code -} for zero: the same text as
     * {@link DecodedNumber#appendPlainText}. Requires {@code scale <= MAX_SCALED_SCALE} and
     * {@code unscaled != Long.MIN_VALUE}.
     */
    public static void appendScaled(long unscaled, int scale, ByteVector out) {
        if (scale <= 0) {
            appendLong(unscaled, out);
            if (unscaled != 0) {
                for (int i = scale; i < 0; i++) {
                    out.append('0');
                }
            }
            return;
        }
        if (scale > MAX_SCALED_SCALE || unscaled == Long.MIN_VALUE) {
            throw new IllegalArgumentException("appendScaled takes scale <= " + MAX_SCALED_SCALE + ": " + scale);
        }
        long magnitude = Math.abs(unscaled);
        if (unscaled < 0) {
            out.append('-');
        }
        long power = POWERS_OF_TEN[scale];
        appendLong(magnitude / power, out);
        long fraction = magnitude % power;
        int at = out.length() + 1;
        int end = at + scale;
        out.setLength(end);
        byte[] a = out.array();
        a[at - 1] = '.';
        int first = writeDigitsBackwards(fraction, a, end);
        while (first > at) {
            a[--first] = '0'; // leading zeros of the fraction
        }
    }

    /** Decimal digits of a value {@code >= 0} (1 for 0). */
    private static int digitCount(long magnitude) {
        for (int digits = 1; digits <= MAX_SCALED_SCALE; digits++) {
            if (magnitude < POWERS_OF_TEN[digits]) {
                return digits;
            }
        }
        return 19;
    }
}
