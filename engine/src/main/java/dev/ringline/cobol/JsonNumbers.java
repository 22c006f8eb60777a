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
        out.setLength(at + scale);
        byte[] a = out.array();
        a[at - 1] = '.';
        for (int i = at + scale - 1; i >= at; i--) {
            a[i] = (byte) ('0' + (int) (fraction % 10));
            fraction /= 10;
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
