package dev.ringline.cobol.codec;

import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.memory.ByteVector;

/**
 * COMP-1 (4 bytes) and COMP-2 (8 bytes) floating point, big-endian, in IBM hexadecimal or IEEE 754 format.
 *
 * <p>IBM hex float: a sign bit, a 7-bit base-16 exponent in excess-64, and a 24-bit (single) or 56-bit (double)
 * fraction {@code 0.f}. An IBM single converts to a double exactly; an IBM double has up to 56 significant bits
 * and is rounded to the nearest double. IEEE NaN and infinities have no JSON form and are rejected as
 * {@link ErrorCode#BAD_FLOAT}.
 *
 * <p>Decoding allocates nothing; {@link #appendShortest(double, ByteVector)} allocates a String (a documented
 * rare path: floats are uncommon in COBOL records).
 */
public final class FloatingPoint {
    /** The bit layout of a COMP-1/COMP-2 field. */
    public enum Format {
        /** IBM System/360 hexadecimal floating point (the mainframe default). */
        IBM_HEX,
        /** IEEE 754 binary32/binary64. */
        IEEE_754
    }

    private static final long LOW_24 = (1L << 24) - 1;
    private static final long LOW_56 = (1L << 56) - 1;

    private FloatingPoint() {
    }

    /**
     * Decodes a 4-byte field. An IBM single whose magnitude exceeds the float range is BAD_FLOAT; one below it
     * rounds towards a subnormal or zero ({@link #decodeSingleAsDouble} keeps every IBM single exact).
     */
    public static float decodeSingle(byte[] src, int off, Format format) {
        if (format == Format.IEEE_754) {
            float f = Float.intBitsToFloat(readInt(src, off));
            if (Float.isNaN(f) || Float.isInfinite(f)) {
                throw new FieldDecodeException(ErrorCode.BAD_FLOAT, "IEEE single " + f + " has no numeric value");
            }
            return f;
        }
        double exact = ibmSingle(readInt(src, off));
        float f = (float) exact;
        if (Float.isInfinite(f)) {
            throw new FieldDecodeException(ErrorCode.BAD_FLOAT, "IBM single " + exact + " exceeds the float range");
        }
        return f;
    }

    /** Decodes a 4-byte field as a double: exact for both formats. */
    public static double decodeSingleAsDouble(byte[] src, int off, Format format) {
        if (format == Format.IEEE_754) {
            return decodeSingle(src, off, format);
        }
        return ibmSingle(readInt(src, off));
    }

    /** Decodes an 8-byte field (IBM doubles rounded to nearest). */
    public static double decodeDouble(byte[] src, int off, Format format) {
        long bits = readInt(src, off) & 0xFFFFFFFFL;
        bits = bits << 32 | (readInt(src, off + 4) & 0xFFFFFFFFL);
        if (format == Format.IEEE_754) {
            double d = Double.longBitsToDouble(bits);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new FieldDecodeException(ErrorCode.BAD_FLOAT, "IEEE double " + d + " has no numeric value");
            }
            return d;
        }
        long fraction = bits & LOW_56;
        int exponent = (int) (bits >>> 56) & 0x7F;
        // (double) long rounds to nearest-even; the power of two scaling after it is exact in double range.
        double magnitude = Math.scalb((double) fraction, 4 * (exponent - 64) - 56);
        return bits < 0 ? -magnitude : magnitude;
    }

    private static double ibmSingle(int bits) {
        long fraction = bits & LOW_24;
        int exponent = (bits >>> 24) & 0x7F;
        double magnitude = Math.scalb((double) fraction, 4 * (exponent - 64) - 24);
        return bits < 0 ? -magnitude : magnitude;
    }

    private static int readInt(byte[] src, int off) {
        return (src[off] & 0xFF) << 24 | (src[off + 1] & 0xFF) << 16 | (src[off + 2] & 0xFF) << 8
                | (src[off + 3] & 0xFF);
    }

    private static void writeInt(int v, byte[] dst, int off) {
        dst[off] = (byte) (v >>> 24);
        dst[off + 1] = (byte) (v >>> 16);
        dst[off + 2] = (byte) (v >>> 8);
        dst[off + 3] = (byte) v;
    }

    /**
     * Encodes 4 bytes. IBM: the 24-bit fraction is rounded to nearest-even (a float has 24 bits, but hex
     * normalisation can shift up to 3 of them out).
     *
     * @throws FieldDecodeException BAD_FLOAT for NaN, infinities, and IBM values outside the IBM range
     */
    public static void encodeSingle(float value, Format format, byte[] dst, int off) {
        checkFinite(value);
        if (format == Format.IEEE_754) {
            writeInt(Float.floatToRawIntBits(value), dst, off);
            return;
        }
        int sign = Float.floatToRawIntBits(value) & 0x80000000;
        if (value == 0) {
            writeInt(sign, dst, off);
            return;
        }
        double magnitude = Math.abs((double) value);
        int binaryExponent = Math.getExponent(magnitude);
        long mantissa = (Double.doubleToRawLongBits(magnitude) & ((1L << 52) - 1)) | (1L << 52); // 53 bits
        int ibmExponent = Math.floorDiv(binaryExponent, 4) + 65;
        // magnitude = mantissa * 2^(binaryExponent - 52); fraction = magnitude / 16^(ibmExponent - 64) * 2^24
        int shift = 52 - 24 + 4 * (ibmExponent - 64) - binaryExponent; // right shift, 29..32
        long fraction = roundShiftRight(mantissa, shift);
        if (fraction > LOW_24) {
            fraction >>>= 4;
            ibmExponent++;
        }
        checkIbmExponent(ibmExponent, value);
        writeInt(sign | ibmExponent << 24 | (int) fraction, dst, off);
    }

    /**
     * Encodes 8 bytes; exact for IBM (a double's 53 bits fit the 56-bit fraction).
     *
     * @throws FieldDecodeException BAD_FLOAT for NaN, infinities, and IBM values outside the IBM range
     */
    public static void encodeDouble(double value, Format format, byte[] dst, int off) {
        checkFinite(value);
        long bits;
        if (format == Format.IEEE_754) {
            bits = Double.doubleToRawLongBits(value);
        } else {
            long sign = Double.doubleToRawLongBits(value) & Long.MIN_VALUE;
            if (value == 0) {
                bits = sign;
            } else {
                double magnitude = Math.abs(value);
                int binaryExponent = Math.getExponent(magnitude);
                if (binaryExponent < Double.MIN_EXPONENT) {
                    throw new FieldDecodeException(ErrorCode.BAD_FLOAT,
                            "value " + value + " is below the IBM hex float range");
                }
                long mantissa = (Double.doubleToRawLongBits(magnitude) & ((1L << 52) - 1)) | (1L << 52);
                int ibmExponent = Math.floorDiv(binaryExponent, 4) + 65;
                checkIbmExponent(ibmExponent, value);
                long fraction = mantissa << Math.floorMod(binaryExponent, 4);
                bits = sign | (long) ibmExponent << 56 | fraction;
            }
        }
        writeInt((int) (bits >>> 32), dst, off);
        writeInt((int) bits, dst, off + 4);
    }

    private static long roundShiftRight(long v, int shift) {
        long kept = v >>> shift;
        long rest = v & ((1L << shift) - 1);
        long half = 1L << (shift - 1);
        if (rest > half || (rest == half && (kept & 1) == 1)) {
            kept++;
        }
        return kept;
    }

    private static void checkIbmExponent(int ibmExponent, double value) {
        if (ibmExponent < 0 || ibmExponent > 127) {
            throw new FieldDecodeException(ErrorCode.BAD_FLOAT, "value " + value + " is outside the IBM hex float range");
        }
    }

    private static void checkFinite(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new FieldDecodeException(ErrorCode.BAD_FLOAT, value + " cannot be encoded");
        }
    }

    /**
     * Appends the shortest decimal text that parses back to {@code v}, as a JSON number ({@code 1.0E10} form is
     * valid JSON). Allocates a String ({@link Double#toString}).
     *
     * @throws FieldDecodeException BAD_FLOAT for NaN and infinities
     */
    public static void appendShortest(double v, ByteVector out) {
        checkFinite(v);
        out.appendAscii(Double.toString(v));
    }

    /** As {@link #appendShortest(double, ByteVector)} for a float ({@link Float#toString}). */
    public static void appendShortest(float v, ByteVector out) {
        checkFinite(v);
        out.appendAscii(Float.toString(v));
    }
}
