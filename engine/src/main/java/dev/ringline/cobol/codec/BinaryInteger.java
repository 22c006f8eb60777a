package dev.ringline.cobol.codec;

import dev.ringline.cobol.error.ErrorCode;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Binary integers (COMP, COMP-4, BINARY, COMP-5) of 1..16 bytes: two's complement when the format is signed,
 * unsigned otherwise, scaled by the format's scale ({@code V} and {@code P} apply as for DISPLAY; the value is not
 * checked against the picture's digit count).
 *
 * <p>COMP/COMP-4/BINARY are big-endian; COMP-5 is native, which is big-endian on the mainframe: callers pass the
 * byte order. Up to 8 bytes decoding allocates nothing (unsigned 64-bit values above {@link Long#MAX_VALUE} are
 * exact). 9..16 bytes (19+ digits) is a rare path that goes through {@link BigInteger} and allocates.
 */
public final class BinaryInteger {
    /** Widest field supported: 16 bytes hold any 38-digit value. */
    public static final int MAX_BYTES = 16;

    private static final double LOG2_10 = Math.log(10) / Math.log(2);

    private BinaryInteger() {
    }

    /** Bytes of a binary field of {@code digits} digits: 1-4 → 2, 5-9 → 4, 10-18 → 8, 19+ → enough bits + sign. */
    public static int byteLength(int digits) {
        if (digits < 1) {
            throw new IllegalArgumentException("digits must be >= 1: " + digits);
        }
        if (digits <= 4) {
            return 2;
        }
        if (digits <= 9) {
            return 4;
        }
        if (digits <= 18) {
            return 8;
        }
        return (int) Math.ceil((LOG2_10 * digits + 1) / 8);
    }

    /**
     * Decodes {@code len} (1..16) bytes into {@code out} at {@code fmt.scale()}. Every bit pattern is a value, so
     * this never fails on data.
     */
    public static void decode(byte[] src, int off, int len, NumericFormat fmt, boolean bigEndian,
                              DecodedNumber out) {
        checkLength(len);
        out.clear();
        if (len > 8) {
            decodeWide(src, off, len, fmt, bigEndian, out);
            return;
        }
        long v = 0;
        for (int i = 0; i < len; i++) {
            int b = src[off + (bigEndian ? i : len - 1 - i)] & 0xFF;
            v = v << 8 | b;
        }
        int unusedBits = 64 - 8 * len;
        boolean negative = false;
        if (fmt.signed()) {
            v = v << unusedBits >> unusedBits; // sign-extend
            if (v < 0) {
                negative = true;
                v = -v; // Long.MIN_VALUE stays itself, which read as unsigned is its magnitude 2^63
            }
        }
        out.setUnsigned(v, negative, fmt.scale());
    }

    /** Rare path for 9..16 bytes: allocates a BigInteger and its digits. */
    private static void decodeWide(byte[] src, int off, int len, NumericFormat fmt, boolean bigEndian,
                                   DecodedNumber out) {
        byte[] bytes = new byte[len];
        for (int i = 0; i < len; i++) {
            bytes[i] = src[off + (bigEndian ? i : len - 1 - i)];
        }
        BigInteger value = fmt.signed() ? new BigInteger(bytes) : new BigInteger(1, bytes);
        out.digits().appendAscii(value.abs().toString());
        out.set(value.signum() < 0, fmt.scale());
    }

    private static void checkLength(int len) {
        if (len < 1 || len > MAX_BYTES) {
            throw new IllegalArgumentException("binary field length must be 1.." + MAX_BYTES + ": " + len);
        }
    }

    /**
     * Encodes {@code value} in {@code len} bytes. Allocates.
     *
     * @throws FieldDecodeException VALUE_OUT_OF_RANGE if it has more fraction digits than the scale, is negative in
     *                              an unsigned field, or does not fit the bytes
     */
    public static void encode(BigDecimal value, NumericFormat fmt, boolean bigEndian, byte[] dst, int off, int len) {
        checkLength(len);
        BigInteger unscaled = EncodeSupport.unscaled(value, fmt);
        int bits = unscaled.bitLength();
        if (fmt.signed() ? bits > 8 * len - 1 : bits > 8 * len) {
            throw new FieldDecodeException(ErrorCode.VALUE_OUT_OF_RANGE,
                    "unscaled value " + unscaled + " does not fit " + len + " bytes");
        }
        byte[] twos = unscaled.toByteArray(); // big-endian, minimal, with a sign bit
        byte fill = (byte) (unscaled.signum() < 0 ? 0xFF : 0x00);
        for (int i = 0; i < len; i++) {
            int fromEnd = len - 1 - i; // index counted from the least significant byte
            int k = twos.length - 1 - fromEnd;
            byte b = k >= 0 ? twos[k] : fill;
            dst[off + (bigEndian ? i : fromEnd)] = b;
        }
    }

    /**
     * Encodes an unscaled long in {@code len} (1..8) bytes; allocation-free, for data generators.
     *
     * @throws FieldDecodeException VALUE_OUT_OF_RANGE if it does not fit (or is negative in an unsigned field)
     */
    public static void encodeUnscaled(long unscaled, NumericFormat fmt, boolean bigEndian, byte[] dst, int off,
                                      int len) {
        if (len < 1 || len > 8) {
            throw new IllegalArgumentException("encodeUnscaled takes 1..8 bytes: " + len);
        }
        EncodeSupport.checkUnsignedLong(unscaled, fmt);
        if (len < 8) {
            int bits = 8 * len;
            boolean fits = fmt.signed()
                    ? unscaled >= -(1L << (bits - 1)) && unscaled < (1L << (bits - 1))
                    : unscaled < (1L << bits);
            if (!fits) {
                throw new FieldDecodeException(ErrorCode.VALUE_OUT_OF_RANGE,
                        "unscaled value " + unscaled + " does not fit " + len + " bytes");
            }
        }
        for (int i = 0; i < len; i++) {
            byte b = (byte) (unscaled >>> (8 * i));
            dst[off + (bigEndian ? len - 1 - i : i)] = b;
        }
    }
}
