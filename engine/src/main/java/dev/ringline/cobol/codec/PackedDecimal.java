package dev.ringline.cobol.codec;

import dev.ringline.cobol.error.ErrorCode;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Packed decimal (COMP-3): two digit nibbles per byte, the last nibble being the sign. A field of {@code n}
 * stored digits takes {@code n/2 + 1} bytes, so an even digit count carries one extra leading digit nibble.
 *
 * <p>Sign nibbles: {@code C}, {@code A}, {@code E}, {@code F} positive; {@code D}, {@code B} negative. An unsigned
 * field must have {@code F}; {@code C} is also accepted there because some writers use it for every positive
 * value. Encoding writes {@code C}/{@code D} for signed fields and {@code F} for unsigned ones.
 *
 * <p>Decoding allocates nothing: every digit nibble becomes one ASCII digit ({@code 2*len - 1} digits).
 */
public final class PackedDecimal {
    private PackedDecimal() {
    }

    /** Bytes of a packed field with {@code storedDigits} digits (the picture's digits less {@code P}s). */
    public static int byteLength(int storedDigits) {
        return storedDigits / 2 + 1;
    }

    /**
     * Decodes {@code len} bytes into {@code out}, at {@code fmt.scale()}.
     *
     * @throws FieldDecodeException BAD_PACKED_DIGIT (a digit nibble above 9) or BAD_PACKED_SIGN, with the byte index
     */
    public static void decode(byte[] src, int off, int len, NumericFormat fmt, DecodedNumber out) {
        out.clear();
        if (len < 1) {
            throw new FieldDecodeException(ErrorCode.BAD_PACKED_SIGN, "empty packed field");
        }
        var digits = out.digits();
        int last = len - 1;
        // One capacity check, then plain stores: every nibble becomes one ASCII digit (2 * len - 1 of them).
        digits.setLength(2 * len - 1);
        byte[] d = digits.array();
        int j = 0;
        for (int i = 0; i < last; i++) {
            int b = src[off + i] & 0xFF;
            int high = b >>> 4;
            int low = b & 0x0F;
            if (high > 9 || low > 9) {
                checkDigits(b, src, off, i); // throws, naming the bad nibble
            }
            d[j++] = (byte) ('0' + high);
            d[j++] = (byte) ('0' + low);
        }
        int b = src[off + last] & 0xFF;
        d[j] = (byte) ('0' + lastDigit(b, src, off, last));
        out.set(isNegative(b & 0x0F, fmt, src, off, last), fmt.scale());
    }

    private static void checkDigits(int b, byte[] src, int off, int i) {
        int high = b >>> 4;
        int low = b & 0x0F;
        if (high > 9) {
            throw FieldDecodeException.atByte(ErrorCode.BAD_PACKED_DIGIT,
                    "bad packed digit nibble " + nibble(high), src, off, i);
        }
        if (low > 9) {
            throw FieldDecodeException.atByte(ErrorCode.BAD_PACKED_DIGIT,
                    "bad packed digit nibble " + nibble(low), src, off, i);
        }
    }

    private static int lastDigit(int b, byte[] src, int off, int last) {
        int high = b >>> 4;
        if (high > 9) {
            throw FieldDecodeException.atByte(ErrorCode.BAD_PACKED_DIGIT,
                    "bad packed digit nibble " + nibble(high), src, off, last);
        }
        return high;
    }

    private static boolean isNegative(int sign, NumericFormat fmt, byte[] src, int off, int last) {
        if (sign < 0x0A) {
            throw FieldDecodeException.atByte(ErrorCode.BAD_PACKED_SIGN,
                    "bad packed sign nibble " + nibble(sign), src, off, last);
        }
        if (fmt.signed()) {
            return sign == 0x0D || sign == 0x0B;
        }
        if (sign != 0x0F && sign != 0x0C) {
            throw FieldDecodeException.atByte(ErrorCode.BAD_PACKED_SIGN,
                    "packed sign nibble " + nibble(sign) + " in an unsigned field", src, off, last);
        }
        return false;
    }

    private static String nibble(int n) {
        return "0x" + Character.toUpperCase(Character.forDigit(n, 16));
    }

    /**
     * Encodes {@code value} in {@code byteLength(digits)} bytes, digits being the picture's digits less trailing
     * {@code P}s. Allocates.
     *
     * @throws FieldDecodeException VALUE_OUT_OF_RANGE if the value does not fit
     */
    public static void encode(BigDecimal value, NumericFormat fmt, byte[] dst, int off) {
        encode(value, fmt, EncodeSupport.storedDigits(fmt), dst, off);
    }

    /** As {@link #encode(BigDecimal, NumericFormat, byte[], int)} with an explicit stored digit count. */
    public static void encode(BigDecimal value, NumericFormat fmt, int storedDigits, byte[] dst, int off) {
        BigInteger unscaled = EncodeSupport.unscaled(value, fmt);
        int bytes = byteLength(storedDigits);
        // Checks against the declared digits, then pads to the nibbles the bytes hold.
        String digits = "0".repeat(2 * bytes - 1 - storedDigits) + EncodeSupport.digits(unscaled, storedDigits);
        for (int i = 0; i < bytes; i++) {
            int high = digits.charAt(2 * i) - '0';
            int low = i == bytes - 1 ? signNibble(fmt, unscaled.signum() < 0) : digits.charAt(2 * i + 1) - '0';
            dst[off + i] = (byte) (high << 4 | low);
        }
    }

    /** Encodes an unscaled long with the stored digits of {@code fmt}; allocation-free, for data generators. */
    public static void encodeUnscaled(long unscaled, NumericFormat fmt, byte[] dst, int off) {
        EncodeSupport.checkUnsignedLong(unscaled, fmt);
        int count = EncodeSupport.storedDigits(fmt);
        int bytes = byteLength(count);
        long v = unscaled;
        java.util.Arrays.fill(dst, off, off + bytes, (byte) 0);
        dst[off + bytes - 1] = (byte) signNibble(fmt, unscaled < 0);
        // Digit nibbles from the right: nibble n lives in byte n/2, high half when n is even.
        for (int n = 2 * bytes - 2, k = 0; n >= 0; n--, k++) {
            int digit = 0;
            if (k < count) {
                digit = (int) Math.abs(v % 10);
                v /= 10;
            }
            dst[off + n / 2] |= (byte) ((n & 1) == 0 ? digit << 4 : digit);
        }
        if (v != 0) {
            throw new FieldDecodeException(ErrorCode.VALUE_OUT_OF_RANGE,
                    "unscaled value " + unscaled + " does not fit " + count + " digits");
        }
    }

    private static int signNibble(NumericFormat fmt, boolean negative) {
        return !fmt.signed() ? 0x0F : negative ? 0x0D : 0x0C;
    }
}
