package dev.ringline.cobol.codec;

import dev.ringline.cobol.error.ErrorCode;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Zoned decimal (USAGE DISPLAY numeric): one byte per digit, in EBCDIC ({@code 0xF0..0xF9}) or ASCII
 * ({@code 0x30..0x39}), with the sign overpunched on the first or last digit, or in a separate {@code +}/{@code -}
 * byte before or after the digits ({@code SIGN ... SEPARATE}).
 *
 * <ul>
 *   <li>EBCDIC overpunch: zone {@code C}, {@code A}, {@code E} (and {@code F}, unsigned) are positive, {@code D}
 *       and {@code B} negative. Encoding writes {@code C}/{@code D} in signed fields, {@code F} in unsigned.</li>
 *   <li>ASCII overpunch: {@code {ABCDEFGHI} = +0..+9, {@code }JKLMNOPQR} = -0..-9; bytes {@code 0x70..0x79}
 *       ({@code p..y}, the convention of some ASCII compilers) are also read as -0..-9.</li>
 *   <li>An overpunch, or a {@code -} separate sign, in an unsigned field is {@link ErrorCode#BAD_SIGN}; any other
 *       non-digit byte is {@link ErrorCode#BAD_ZONE}.</li>
 * </ul>
 *
 * <p>Decoding allocates nothing. The stored digits are the non-{@code P} digits; the scale is taken from the
 * format, so {@code PPP9(5)} and {@code 9(5)PPP} store five digits.
 */
public final class ZonedDecimal {
    private static final int EBCDIC_PLUS = 0x4E;
    private static final int EBCDIC_MINUS = 0x60;
    private static final int ASCII_PLUS = 0x2B;
    private static final int ASCII_MINUS = 0x2D;
    private static final int EBCDIC_SPACE = 0x40;
    private static final int ASCII_SPACE = 0x20;
    private static final String ASCII_POSITIVE = "{ABCDEFGHI";
    private static final String ASCII_NEGATIVE = "}JKLMNOPQR";

    private ZonedDecimal() {
    }

    /**
     * Decodes {@code len} bytes (digits, plus one if the sign is separate) into {@code out}.
     *
     * @param allowBlanks lenient mode: skip leading/trailing space and 0x00 bytes; an all-blank field is flagged
     *                    {@linkplain DecodedNumber#isBlank() blank}
     * @throws FieldDecodeException BAD_ZONE or BAD_SIGN, with the byte index
     */
    public static void decode(byte[] src, int off, int len, NumericFormat fmt, boolean ebcdic, boolean allowBlanks,
                              DecodedNumber out) {
        out.clear();
        int space = ebcdic ? EBCDIC_SPACE : ASCII_SPACE;
        if (allSpaces(src, off, len, space)) {
            if (fmt.blankWhenZero()) {
                out.setZero(fmt.scale());
                return;
            }
            if (allowBlanks) {
                out.setBlank(fmt.scale());
                return;
            }
        }
        int from = 0;
        int to = len; // exclusive, indexes within the field
        if (allowBlanks) {
            while (from < to && isBlank(src[off + from], space)) {
                from++;
            }
            while (to > from && isBlank(src[off + to - 1], space)) {
                to--;
            }
            if (from == to) {
                out.setBlank(fmt.scale());
                return;
            }
        }
        boolean negative = false;
        boolean leading = fmt.signPosition() == SignPosition.LEADING;
        if (fmt.signSeparate()) {
            int signIndex = leading ? from : to - 1;
            if (to - from < 2) {
                throw new FieldDecodeException(ErrorCode.BAD_ZONE, "field of " + len
                        + " bytes has no room for digits besides its separate sign", signIndex);
            }
            int s = src[off + signIndex] & 0xFF;
            if (s == (ebcdic ? EBCDIC_MINUS : ASCII_MINUS)) {
                negative = true;
            } else if (s != (ebcdic ? EBCDIC_PLUS : ASCII_PLUS)) {
                throw FieldDecodeException.atByte(ErrorCode.BAD_SIGN, "bad separate sign", src, off, signIndex);
            }
            if (negative && !fmt.signed()) {
                throw FieldDecodeException.atByte(ErrorCode.BAD_SIGN, "minus sign in an unsigned field",
                        src, off, signIndex);
            }
            if (leading) {
                from++;
            } else {
                to--;
            }
            if (allowBlanks) {
                while (from < to && isBlank(src[off + from], space)) {
                    from++;
                }
                while (to > from && isBlank(src[off + to - 1], space)) {
                    to--;
                }
            }
        }
        if (from == to) {
            throw new FieldDecodeException(ErrorCode.BAD_ZONE, "field has no digits", from);
        }
        int punchIndex = fmt.signSeparate() ? -1 : (leading ? from : to - 1);
        var digits = out.digits();
        for (int i = from; i < to; i++) {
            int b = src[off + i] & 0xFF;
            int digit;
            if (ebcdic) {
                int zone = b >>> 4;
                digit = b & 0x0F;
                if (digit > 9) {
                    throw FieldDecodeException.atByte(ErrorCode.BAD_ZONE, "bad zoned digit", src, off, i);
                }
                if (zone != 0x0F) {
                    if (i != punchIndex || zone < 0x0A) {
                        throw FieldDecodeException.atByte(ErrorCode.BAD_ZONE, "bad zone", src, off, i);
                    }
                    if (!fmt.signed()) {
                        throw FieldDecodeException.atByte(ErrorCode.BAD_SIGN, "overpunched sign in an unsigned field",
                                src, off, i);
                    }
                    negative = zone == 0x0D || zone == 0x0B;
                }
            } else if (b >= '0' && b <= '9') {
                digit = b - '0';
            } else {
                digit = i == punchIndex ? asciiOverpunch(b) : -1;
                if (digit < 0) {
                    throw FieldDecodeException.atByte(ErrorCode.BAD_ZONE, "not a digit", src, off, i);
                }
                if (!fmt.signed()) {
                    throw FieldDecodeException.atByte(ErrorCode.BAD_SIGN, "overpunched sign in an unsigned field",
                            src, off, i);
                }
                negative = digit >= 10;
                digit %= 10;
            }
            digits.append('0' + digit);
        }
        out.set(negative, fmt.scale());
    }

    /** 0..9 for a positive overpunch, 10..19 for a negative one, -1 if {@code b} is neither. */
    private static int asciiOverpunch(int b) {
        int p = ASCII_POSITIVE.indexOf(b);
        if (p >= 0) {
            return p;
        }
        int n = ASCII_NEGATIVE.indexOf(b);
        if (n >= 0) {
            return 10 + n;
        }
        if (b >= 0x70 && b <= 0x79) {
            return 10 + b - 0x70;
        }
        return -1;
    }

    private static boolean allSpaces(byte[] src, int off, int len, int space) {
        for (int i = 0; i < len; i++) {
            if ((src[off + i] & 0xFF) != space) {
                return false;
            }
        }
        return len > 0;
    }

    private static boolean isBlank(byte b, int space) {
        return b == 0 || (b & 0xFF) == space;
    }

    /** Bytes a field of this format occupies with {@code storedDigits} digits. */
    public static int byteLength(NumericFormat fmt, int storedDigits) {
        return storedDigits + (fmt.signSeparate() ? 1 : 0);
    }

    /**
     * Encodes {@code value} (which must have no more fraction digits than the scale) in
     * {@code byteLength(fmt, digits)} bytes, where digits is the picture's digits less trailing {@code P}s.
     * For leading-{@code P} pictures use {@link #encode(BigDecimal, NumericFormat, int, boolean, byte[], int)}.
     * Allocates.
     *
     * @throws FieldDecodeException VALUE_OUT_OF_RANGE if the value does not fit
     */
    public static void encode(BigDecimal value, NumericFormat fmt, boolean ebcdic, byte[] dst, int off) {
        encode(value, fmt, EncodeSupport.storedDigits(fmt), ebcdic, dst, off);
    }

    /** As {@link #encode(BigDecimal, NumericFormat, boolean, byte[], int)} with an explicit stored digit count. */
    public static void encode(BigDecimal value, NumericFormat fmt, int storedDigits, boolean ebcdic, byte[] dst,
                              int off) {
        BigInteger unscaled = EncodeSupport.unscaled(value, fmt);
        String text = EncodeSupport.digits(unscaled, storedDigits);
        write(text, unscaled.signum() < 0, fmt, ebcdic, dst, off);
    }

    /**
     * Encodes an unscaled long (the value times 10^scale) with the stored digits of {@code fmt}; allocation-free,
     * for data generators.
     */
    public static void encodeUnscaled(long unscaled, NumericFormat fmt, boolean ebcdic, byte[] dst, int off) {
        EncodeSupport.checkUnsignedLong(unscaled, fmt);
        int count = EncodeSupport.storedDigits(fmt);
        int start = off + (fmt.signSeparate() && fmt.signPosition() == SignPosition.LEADING ? 1 : 0);
        long v = unscaled;
        int zero = ebcdic ? 0xF0 : '0';
        for (int i = count - 1; i >= 0; i--) {
            dst[start + i] = (byte) (zero + (int) Math.abs(v % 10));
            v /= 10;
        }
        if (v != 0) {
            throw new FieldDecodeException(ErrorCode.VALUE_OUT_OF_RANGE,
                    "unscaled value " + unscaled + " does not fit " + count + " digits");
        }
        applySign(unscaled < 0, fmt, ebcdic, dst, off, count);
    }

    private static void write(String digits, boolean negative, NumericFormat fmt, boolean ebcdic, byte[] dst,
                              int off) {
        int count = digits.length();
        int start = off + (fmt.signSeparate() && fmt.signPosition() == SignPosition.LEADING ? 1 : 0);
        int zero = ebcdic ? 0xF0 : '0';
        for (int i = 0; i < count; i++) {
            dst[start + i] = (byte) (zero + digits.charAt(i) - '0');
        }
        applySign(negative, fmt, ebcdic, dst, off, count);
    }

    /** Adds the sign to digits already written (after a leading separate sign byte if there is one). */
    private static void applySign(boolean negative, NumericFormat fmt, boolean ebcdic, byte[] dst, int off,
                                  int count) {
        boolean leading = fmt.signPosition() == SignPosition.LEADING;
        if (fmt.signSeparate()) {
            int signAt = leading ? off : off + count;
            int plus = ebcdic ? EBCDIC_PLUS : ASCII_PLUS;
            int minus = ebcdic ? EBCDIC_MINUS : ASCII_MINUS;
            dst[signAt] = (byte) (negative ? minus : plus);
            return;
        }
        if (!fmt.signed()) {
            return;
        }
        int at = leading ? off : off + count - 1;
        int digit = ebcdic ? dst[at] & 0x0F : dst[at] - '0';
        if (ebcdic) {
            dst[at] = (byte) ((negative ? 0xD0 : 0xC0) | digit);
        } else {
            dst[at] = (byte) (negative ? ASCII_NEGATIVE.charAt(digit) : ASCII_POSITIVE.charAt(digit));
        }
    }
}
