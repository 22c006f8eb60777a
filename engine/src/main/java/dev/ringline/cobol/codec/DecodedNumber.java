package dev.ringline.cobol.codec;

import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.buffer.ByteVector;
import dev.ringline.buffer.DigitBuffer;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The mutable, reusable result of decoding one numeric field: a sign, the unscaled digits as ASCII and a scale.
 * One instance per worker is reused for every field, so decoding allocates nothing once {@link #digits()} has
 * grown to the widest field (32 digits are preallocated).
 *
 * <p>A decoder may also flag the result {@linkplain #isBlank() blank} (an all-blank field in lenient mode); the
 * caller then emits null and must ignore the digits.
 *
 * <p>Not thread-safe.
 */
public final class DecodedNumber {
    private static final long MAX_LONG_DIV_10 = Long.MAX_VALUE / 10;

    private final DigitBuffer digits = new DigitBuffer();
    private boolean negative;
    private int scale;
    private boolean blank;

    /** Resets to "no value": no digits, positive, scale 0, not blank. */
    void clear() {
        digits.clear();
        negative = false;
        scale = 0;
        blank = false;
    }

    /** Sets the sign and scale; the digits are appended by the decoder to {@link #digits()}. */
    void set(boolean negative, int scale) {
        this.negative = negative;
        this.scale = scale;
        this.blank = false;
    }

    /** Marks the field as blank (no value): callers emit null. Clears the digits. */
    public void setBlank(int scale) {
        digits.clear();
        negative = false;
        this.scale = scale;
        blank = true;
    }

    /** Sets the value zero at {@code scale}. */
    void setZero(int scale) {
        digits.clear();
        digits.append('0');
        set(false, scale);
    }

    /**
     * Sets the value to an unsigned 64-bit magnitude (values above {@link Long#MAX_VALUE} are read as unsigned),
     * with the sign given separately. Allocation-free.
     */
    void setUnsigned(long magnitude, boolean negative, int scale) {
        digits.clear();
        appendUnsignedDigits(digits, magnitude);
        set(negative, scale);
    }

    /** Appends the decimal digits of an unsigned 64-bit value, most significant first. */
    static void appendUnsignedDigits(ByteVector out, long magnitude) {
        int start = out.length();
        long v = magnitude;
        if (v < 0) {
            // The top bit is set: one unsigned division brings it into signed range.
            long quotient = Long.divideUnsigned(v, 10);
            out.append('0' + (int) (v - quotient * 10));
            v = quotient;
        }
        do {
            out.append('0' + (int) (v % 10));
            v /= 10;
        } while (v != 0);
        reverse(out.array(), start, out.length() - 1);
    }

    private static void reverse(byte[] a, int from, int to) {
        while (from < to) {
            byte t = a[from];
            a[from++] = a[to];
            a[to--] = t;
        }
    }

    /** True if the value is negative and not zero. */
    public boolean negative() {
        return negative && !isZero();
    }

    /**
     * The unscaled value as ASCII digits, most significant first; may have leading zeros. Decoders append to it
     * after {@link #clear()}.
     */
    public DigitBuffer digits() {
        return digits;
    }

    /** Digits right of the decimal point; negative for trailing {@code P} scaling. */
    public int scale() {
        return scale;
    }

    /** True when the decoder found an all-blank field and the caller should emit null. */
    public boolean isBlank() {
        return blank;
    }

    /** True when every digit is 0 (or there are none). */
    public boolean isZero() {
        byte[] d = digits.array();
        for (int i = 0, n = digits.length(); i < n; i++) {
            if (d[i] != '0') {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends the exact decimal text: no leading zeros except one {@code 0} before the point, exactly
     * {@code max(scale, 0)} fraction digits, zeros appended for a negative scale, and {@code -} only for a non-zero
     * negative value. Allocation-free (beyond growing {@code out}).
     */
    public void appendPlainText(ByteVector out) {
        byte[] d = digits.array();
        int n = digits.length();
        int first = 0;
        while (first < n && d[first] == '0') {
            first++;
        }
        boolean zero = first == n;
        if (negative && !zero) {
            out.append('-');
        }
        if (scale <= 0) {
            if (zero) {
                out.append('0');
                return;
            }
            out.append(d, first, n - first);
            for (int i = scale; i < 0; i++) {
                out.append('0');
            }
            return;
        }
        int intEnd = n - scale; // index in d where the fraction starts; negative if leading fraction zeros
        if (intEnd <= first) {
            out.append('0');
        } else {
            out.append(d, first, intEnd - first);
        }
        out.append('.');
        for (int i = intEnd; i < 0; i++) {
            out.append('0');
        }
        int fracStart = Math.max(intEnd, 0);
        out.append(d, fracStart, n - fracStart);
    }

    /** The value as a BigDecimal with exactly {@link #scale()}. Allocates: for tests, encoders and rare paths. */
    public BigDecimal toBigDecimal() {
        if (digits.length() == 0) {
            return BigDecimal.valueOf(0, scale);
        }
        BigInteger unscaled = new BigInteger(new String(digits.array(), 0, digits.length(),
                java.nio.charset.StandardCharsets.US_ASCII));
        return new BigDecimal(negative ? unscaled.negate() : unscaled, scale);
    }

    /**
     * The value as a long, for counters such as OCCURS DEPENDING ON. Allocation-free.
     *
     * @throws FieldDecodeException VALUE_OUT_OF_RANGE if the value has a non-zero fraction or does not fit a long
     */
    public long toLong() {
        byte[] d = digits.array();
        int n = digits.length();
        int intEnd = scale > 0 ? n - scale : n;
        for (int i = Math.max(intEnd, 0); i < n; i++) {
            if (d[i] != '0') {
                throw new FieldDecodeException(ErrorCode.VALUE_OUT_OF_RANGE, "value has a fraction, not an integer");
            }
        }
        long v = 0;
        for (int i = 0; i < intEnd; i++) {
            v = timesTenPlus(v, d[i] - '0');
        }
        if (v != 0) {
            for (int i = scale; i < 0; i++) {
                v = timesTenPlus(v, 0);
            }
        }
        return negative ? -v : v;
    }

    private static long timesTenPlus(long v, int digit) {
        if (v > MAX_LONG_DIV_10 || (v == MAX_LONG_DIV_10 && digit > 7)) {
            throw new FieldDecodeException(ErrorCode.VALUE_OUT_OF_RANGE, "value does not fit a long");
        }
        return v * 10 + digit;
    }

    /** The plain text; allocates, for debugging. */
    @Override
    public String toString() {
        if (blank) {
            return "blank";
        }
        ByteVector text = new ByteVector(digits.length() + 8);
        appendPlainText(text);
        return new String(text.array(), 0, text.length(), java.nio.charset.StandardCharsets.US_ASCII);
    }
}
