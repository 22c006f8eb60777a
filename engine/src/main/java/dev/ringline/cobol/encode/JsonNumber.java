package dev.ringline.cobol.encode;

import dev.ringline.cobol.error.ErrorCode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * A JSON number as read, exactly: sign, significant digits and a power of ten, with no rounding. The encoder asks
 * for it at a field's scale; a value that would lose digits is refused rather than rounded. Reused per line.
 */
final class JsonNumber {
    /** Longer numbers are refused as malformed: no field holds them and they would cost time. */
    private static final int MAX_TEXT = 400;
    private static final int LONG_DIGITS = 18;

    private static final long[] POW10 = new long[LONG_DIGITS + 1];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /** Where the number's text is (the line, or {@link #ascii} for a number in a string): for messages only. */
    private byte[] textSource;
    private int textStart;
    private int textLength;
    private final byte[] ascii = new byte[MAX_TEXT];
    private final byte[] digits = new byte[MAX_TEXT];
    private int count;
    /** The first (up to 18) significant digits as a number: the whole value when {@code count <= 18}. */
    private long leading;
    private int exponent;
    private boolean negative;

    /**
     * Parses the JSON number that starts at {@code src[off]} and ends at the first byte that cannot continue it, in
     * one pass. Returns the index after it, or -1 if the bytes there are not a JSON number.
     */
    int parse(byte[] src, int off, int end) {
        int i = off;
        negative = false;
        count = 0;
        leading = 0;
        exponent = 0;
        if (i < end && src[i] == '-') {
            negative = true;
            i++;
        }
        int intStart = i;
        if (i < end && src[i] == '0') {
            i++;
            if (i < end && isDigit(src[i])) {
                return -1; // leading zero
            }
        } else {
            while (i < end && isDigit(src[i])) {
                addDigit(src[i++]);
            }
        }
        if (i == intStart) {
            return -1;
        }
        if (i < end && src[i] == '.') {
            i++;
            int fracStart = i;
            while (i < end && isDigit(src[i])) {
                addDigit(src[i++]);
                exponent--;
            }
            if (i == fracStart) {
                return -1;
            }
        }
        if (i < end && (src[i] == 'e' || src[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < end && (src[i] == '+' || src[i] == '-')) {
                expNegative = src[i] == '-';
                i++;
            }
            int expStart = i;
            long e = 0;
            while (i < end && isDigit(src[i])) {
                e = Math.min(1_000_000, e * 10 + (src[i++] - '0'));
            }
            if (i == expStart) {
                return -1;
            }
            exponent += (int) (expNegative ? -e : e);
        }
        if (i - off > MAX_TEXT) {
            return -1;
        }
        textSource = src;
        textStart = off;
        textLength = i - off;
        return i;
    }

    /** Parses a number written as a JSON string ({@code "12.30"}); false if it is not exactly one. */
    boolean parse(CharSequence chars) {
        int n = chars.length();
        if (n == 0 || n > MAX_TEXT) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = chars.charAt(i);
            if (c > 0x7F) {
                return false;
            }
            ascii[i] = (byte) c;
        }
        return parse(ascii, 0, n) == n;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private void addDigit(byte b) {
        if (count == 0 && b == '0') {
            return; // leading zeros carry nothing
        }
        if (count == MAX_TEXT) {
            return; // unreachable: the text is at most MAX_TEXT bytes
        }
        if (count < LONG_DIGITS) {
            leading = leading * 10 + (b - '0');
        }
        digits[count++] = b;
    }

    boolean negative() {
        return negative && count > 0;
    }

    /** The number as written, for messages. */
    String text() {
        return new String(textSource, textStart, textLength, StandardCharsets.US_ASCII);
    }

    /**
     * Digits of the unscaled value at {@code scale} (the value times 10^scale, which must be an integer).
     *
     * @throws Reject VALUE_OUT_OF_RANGE if digits would be lost or there are more than {@code max}
     */
    int unscaledDigits(int scale, int max) {
        long shift = (long) exponent + scale;
        if (shift < 0) {
            long drop = -shift;
            for (long k = Math.max(0, count - drop); k < count; k++) {
                if (digits[(int) k] != '0') {
                    throw new Reject(ErrorCode.VALUE_OUT_OF_RANGE, "value " + text()
                            + " has more fraction digits than the field's scale " + scale);
                }
            }
        }
        long n = count == 0 ? 0 : count + shift;
        if (n > max) {
            throw new Reject(ErrorCode.VALUE_OUT_OF_RANGE,
                    "value " + text() + " does not fit " + max + " digits" + (scale > 0 ? " with scale " + scale : ""));
        }
        return (int) Math.max(0, n);
    }

    /** The unscaled value at {@code scale} after {@link #unscaledDigits} said it has at most 18 digits. */
    long unscaledLong(int scale) {
        long shift = (long) exponent + scale;
        long v;
        if (count <= LONG_DIGITS) {
            v = shift >= 0 ? leading * POW10[(int) shift] : leading / POW10[(int) Math.min(-shift, LONG_DIGITS)];
        } else { // many digits, the extra ones trailing zeros dropped by the scale
            int use = (int) Math.min(count, count + shift);
            v = 0;
            for (int i = 0; i < use; i++) {
                v = v * 10 + (digits[i] - '0');
            }
        }
        return negative ? -v : v;
    }

    /** The value as a BigDecimal (wide fields and edited pictures). Allocates. */
    BigDecimal toBigDecimal() {
        if (count == 0) {
            return BigDecimal.ZERO;
        }
        BigInteger unscaled = new BigInteger(new String(digits, 0, count, StandardCharsets.US_ASCII));
        BigDecimal v = new BigDecimal(negative ? unscaled.negate() : unscaled, -exponent);
        return v;
    }

    /** The value as the nearest double (floating-point fields). Allocates. */
    double toDouble() {
        return Double.parseDouble(text());
    }

    /** The value as the nearest float (COMP-1). Allocates. */
    float toFloat() {
        return Float.parseFloat(text());
    }

    static boolean fitsLong(int digitCount) {
        return digitCount <= LONG_DIGITS;
    }
}
