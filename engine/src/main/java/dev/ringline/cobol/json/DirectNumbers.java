package dev.ringline.cobol.json;

import dev.ringline.buffer.ByteVector;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The common case of packed, EBCDIC zoned and binary fields written as JSON straight from the record's bytes: one table
 * look-up per byte gives its ASCII digits and whether they are valid, leading zeros are skipped and the decimal
 * point is placed from the compiled scale, with no intermediate {@code DecodedNumber}. The text is exactly what
 * {@code DecodedNumber.appendPlainText} gives. Anything unusual (a bad nibble, zone or sign, blanks) makes these
 * methods write nothing and return false; the caller then takes the general path, which decodes the field again
 * and reports the error precisely, so validation is the same on both paths.
 */
final class DirectNumbers {
    /** Packed byte → its two ASCII digits (high nibble in bits 8-15), or -1 if a nibble is above 9. */
    private static final int[] PACKED = new int[256];
    /** EBCDIC zoned byte → its ASCII digit when the zone is F, or -1. */
    private static final int[] ZONED = new int[256];

    static {
        for (int b = 0; b < 256; b++) {
            int high = b >>> 4;
            int low = b & 0x0F;
            PACKED[b] = high > 9 || low > 9 ? -1 : ('0' + high) << 8 | ('0' + low);
            ZONED[b] = high == 0x0F && low <= 9 ? '0' + low : -1;
        }
    }

    /** Packed fields up to this many bytes (13 digits) are decoded in registers, longer ones byte by byte. */
    static final int MAX_PACKED_BYTES = 7;
    /** Zoned fields up to this many digits are decoded in registers, longer ones byte by byte. */
    static final int MAX_ZONED_BYTES = 14;
    /** Room a direct writer needs at its position: quotes, sign and 16 bytes stored at once. */
    static final int MAX_TEXT = 20;
    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /**
     * Bits 0xB and 0xD set: {@code NEGATIVE_SIGNS >>> sign & 1} is 1 for a negative sign nibble or zone. Random signs
     * are a coin toss for a branch predictor, so the sign is computed, not branched on.
     */
    private static final int NEGATIVE_SIGNS = 1 << 0x0B | 1 << 0x0D;
    private static final long ASCII_ZEROS = 0x3030303030303030L;
    private static final long LOW_NIBBLES = 0x0F0F0F0F0F0F0F0FL;
    private static final long HIGH_NIBBLES = 0xF0F0F0F0F0F0F0F0L;
    private static final long SIXES = 0x6666666666666666L;
    private static final long SIXES_PER_BYTE = 0x0606060606060606L;
    private static final long CARRIES_PER_BYTE = 0x1010101010101010L;
    /** Bits 4, 8, ..., 60: where a carry out of each nibble of a 15-nibble sum lands. */
    private static final long NIBBLE_CARRIES = 0x1111111111111110L;

    private DirectNumbers() {
    }

    /** Whether a field of {@code digits} digit positions and this scale can take the direct path. */
    static boolean supportsScale(int scale, int digits) {
        return scale >= 0 && scale <= digits;
    }

    /**
     * Appends a packed field of {@code len} bytes ({@code 2 * len - 1} digit nibbles and a sign) as a JSON number
     * (quoted if asked); false, with nothing written, if the field is not a valid packed number.
     */
    static boolean appendPacked(byte[] src, int at, int len, int scale, boolean signed, boolean quoted,
                                ByteVector out) {
        if (len > MAX_PACKED_BYTES) {
            return appendLongPacked(src, at, len, scale, signed, quoted, out);
        }
        int p = out.length();
        out.ensureCapacity(p + MAX_TEXT);
        p = packed(src, at, len, scale, signed, quoted, out.array(), p);
        if (p < 0) {
            return false;
        }
        out.setLength(p);
        return true;
    }

    /**
     * {@link #appendPacked} into {@code a[p]}, which has room for {@link #MAX_TEXT} bytes: returns the position after
     * the text, or -1 (nothing meaningful written) for a field that is invalid or longer than {@value
     * #MAX_PACKED_BYTES} bytes.
     */
    static int packed(byte[] src, int at, int len, int scale, boolean signed, boolean quoted, byte[] a, int p) {
        // one call per length with a constant argument: the JIT folds the masks and shifts of each length it sees
        switch (len) {
            case 1:
                return packedOf(src, at, 1, scale, signed, quoted, a, p);
            case 2:
                return packedOf(src, at, 2, scale, signed, quoted, a, p);
            case 3:
                return packedOf(src, at, 3, scale, signed, quoted, a, p);
            case 4:
                return packedOf(src, at, 4, scale, signed, quoted, a, p);
            case 5:
                return packedOf(src, at, 5, scale, signed, quoted, a, p);
            case 6:
                return packedOf(src, at, 6, scale, signed, quoted, a, p);
            case 7:
                return packedOf(src, at, 7, scale, signed, quoted, a, p);
            default:
                return -1;
        }
    }

    private static int packedOf(byte[] src, int at, int len, int scale, boolean signed, boolean quoted, byte[] a,
                                int p) {
        long v = bigEndian(src, at, len);
        int sign = (int) v & 0x0F;
        long digits = v >>> 4;
        int n = 2 * len - 1;
        if (nibbleAboveNine(digits, n) || (signed ? sign < 0x0A : sign != 0x0F && sign != 0x0C)) {
            return -1;
        }
        int first = (Long.numberOfLeadingZeros(digits) - (64 - 4 * n)) >> 2; // n when all digits are 0
        int negative = signed ? NEGATIVE_SIGNS >>> sign & (digits != 0 ? 1 : 0) : 0;
        return write(spread(digits >>> 32) | ASCII_ZEROS, spread(digits) | ASCII_ZEROS, n, first, scale, negative,
                quoted, a, p);
    }

    /** {@link #appendPacked} for fields of more than {@value #MAX_PACKED_BYTES} bytes: a table look-up per byte. */
    private static boolean appendLongPacked(byte[] src, int at, int len, int scale, boolean signed, boolean quoted,
                                            ByteVector out) {
        int last = at + len - 1;
        int tail = src[last] & 0xFF;
        int lastDigit = tail >>> 4;
        int sign = tail & 0x0F;
        if (lastDigit > 9 || (signed ? sign < 0x0A : sign != 0x0F && sign != 0x0C)) {
            return false;
        }
        int n = 2 * len - 1;
        int first = n;
        for (int i = at; i < last; i++) {
            int v = src[i] & 0xFF;
            if (v != 0) {
                first = 2 * (i - at) + (v < 0x10 ? 1 : 0);
                break;
            }
        }
        if (first == n && lastDigit != 0) {
            first = n - 1;
        }
        int intEnd = n - scale;
        int start = Math.min(first, intEnd);
        int p = out.length();
        out.ensureCapacity(p + n + 5);
        byte[] a = out.array();
        if (quoted) {
            a[p++] = '"';
        }
        if (signed && (sign == 0x0D || sign == 0x0B) && first < n) {
            a[p++] = '-';
        }
        if (first >= intEnd) {
            a[p++] = '0';
        }
        int bad = 0;
        if (start < n) {
            int i = at + (start >> 1);
            if ((start & 1) == 1) {
                int e = PACKED[src[i++] & 0xFF];
                bad |= e;
                a[p++] = (byte) e;
            }
            for (; i < last; i++) {
                int e = PACKED[src[i] & 0xFF];
                bad |= e;
                a[p] = (byte) (e >>> 8);
                a[p + 1] = (byte) e;
                p += 2;
            }
            a[p++] = (byte) ('0' + lastDigit);
        }
        if (bad < 0) {
            return false;
        }
        finish(a, p, scale, quoted, out);
        return true;
    }

    /**
     * Appends an EBCDIC zoned field (trailing overpunched sign, no separate sign) of {@code len} digits as a JSON
     * number; false, with nothing written, unless every byte is a digit with zone F, the last one also with a sign
     * zone when the field is signed.
     */
    static boolean appendZoned(byte[] src, int at, int len, int scale, boolean signed, boolean quoted,
                               ByteVector out) {
        if (len > MAX_ZONED_BYTES) {
            return appendLongZoned(src, at, len, scale, signed, quoted, out);
        }
        int p = out.length();
        out.ensureCapacity(p + MAX_TEXT);
        p = zoned(src, at, len, scale, signed, quoted, out.array(), p);
        if (p < 0) {
            return false;
        }
        out.setLength(p);
        return true;
    }

    /**
     * {@link #appendZoned} into {@code a[p]}, which has room for {@link #MAX_TEXT} bytes: returns the position after
     * the text, or -1 for a field that is invalid or longer than {@value #MAX_ZONED_BYTES} bytes.
     */
    static int zoned(byte[] src, int at, int len, int scale, boolean signed, boolean quoted, byte[] a, int p) {
        if (len > MAX_ZONED_BYTES) {
            return -1;
        }
        int lowLen = Math.min(len, 8);
        long low = bigEndian(src, at + len - lowLen, lowLen);
        long high = len > 8 ? bigEndian(src, at, len - 8) : 0;
        int tail = (int) low & 0xFF;
        int zone = tail >>> 4;
        if ((tail & 0x0F) > 9 || zone != 0x0F && (!signed || zone < 0x0A)) {
            return -1;
        }
        low |= 0xF0; // the sign zone checked, every byte must now be F0-F9
        if (!zonedDigits(low, lowLen) || len > 8 && !zonedDigits(high, len - 8)) {
            return -1;
        }
        long lowDigits = low & LOW_NIBBLES;
        long highDigits = high & LOW_NIBBLES;
        int leadingZeroBits = highDigits != 0 ? Long.numberOfLeadingZeros(highDigits)
                : 64 + Long.numberOfLeadingZeros(lowDigits);
        int first = (leadingZeroBits >> 3) - (16 - len); // len when all digits are 0
        int negative = NEGATIVE_SIGNS >>> zone & (first < len ? 1 : 0);
        return write(highDigits | ASCII_ZEROS, lowDigits | ASCII_ZEROS, len, first, scale, negative, quoted, a, p);
    }

    /** {@link #appendZoned} for fields of more than {@value #MAX_ZONED_BYTES} bytes: a table look-up per byte. */
    private static boolean appendLongZoned(byte[] src, int at, int len, int scale, boolean signed, boolean quoted,
                                           ByteVector out) {
        int last = at + len - 1;
        int tail = src[last] & 0xFF;
        int zone = tail >>> 4;
        int lastDigit = tail & 0x0F;
        if (lastDigit > 9 || zone != 0x0F && (!signed || zone < 0x0A)) {
            return false;
        }
        int first = len;
        for (int i = at; i < last; i++) {
            if (src[i] != (byte) 0xF0) {
                first = i - at;
                break;
            }
        }
        if (first == len && lastDigit != 0) {
            first = len - 1;
        }
        int intEnd = len - scale;
        int start = Math.min(first, intEnd);
        int p = out.length();
        out.ensureCapacity(p + len + 5);
        byte[] a = out.array();
        if (quoted) {
            a[p++] = '"';
        }
        if ((zone == 0x0D || zone == 0x0B) && first < len) {
            a[p++] = '-';
        }
        if (first >= intEnd) {
            a[p++] = '0';
        }
        int bad = 0;
        if (start < len) {
            for (int i = at + start; i < last; i++) {
                int e = ZONED[src[i] & 0xFF];
                bad |= e;
                a[p++] = (byte) e;
            }
            a[p++] = (byte) ('0' + lastDigit);
        }
        if (bad < 0) {
            return false;
        }
        finish(a, p, scale, quoted, out);
        return true;
    }

    /**
     * Appends a binary integer of {@code len <= 8} bytes at scale 0 (an unsigned one shorter than 8 bytes, so its
     * value fits a long) as a JSON number. Binary fields have no invalid values, so this never declines.
     */
    static void appendBinary(byte[] src, int at, int len, boolean signed, boolean bigEndian, boolean quoted,
                             ByteVector out) {
        int p = out.length();
        out.ensureCapacity(p + MAX_TEXT);
        p = binary(src, at, len, signed, bigEndian, quoted, out.array(), p);
        if (p >= 0) {
            out.setLength(p);
            return;
        }
        long v = binaryValue(src, at, len, signed, bigEndian); // more than 16 digits
        if (quoted) {
            out.append('"');
            JsonNumbers.appendLong(v, out);
            out.append('"');
        } else {
            JsonNumbers.appendLong(v, out);
        }
    }

    /**
     * {@link #appendBinary} into {@code a[p]}, which has room for {@link #MAX_TEXT} bytes: returns the position after
     * the text, or -1 for a value of more than 16 digits.
     */
    static int binary(byte[] src, int at, int len, boolean signed, boolean bigEndian, boolean quoted, byte[] a,
                      int p) {
        long v = binaryValue(src, at, len, signed, bigEndian);
        long negative = v >> 63; // -1 or 0: no branch on the sign
        long magnitude = (v ^ negative) - negative;
        if (magnitude < 0 || magnitude >= 10_000_000_000_000_000L) { // MIN_VALUE, or more than 16 digits
            return -1;
        }
        long high = eightDigits((int) (magnitude / 100_000_000L));
        long low = eightDigits((int) (magnitude % 100_000_000L));
        int leadingZeroBits = high != 0 ? Long.numberOfLeadingZeros(high) : 64 + Long.numberOfLeadingZeros(low);
        return write(high | ASCII_ZEROS, low | ASCII_ZEROS, 16, leadingZeroBits >> 3, 0, (int) negative & 1, quoted,
                a, p);
    }

    private static long binaryValue(byte[] src, int at, int len, boolean signed, boolean bigEndian) {
        long v = 0;
        if (bigEndian) {
            v = bigEndian(src, at, len);
        } else {
            for (int i = len - 1; i >= 0; i--) {
                v = v << 8 | (src[at + i] & 0xFF);
            }
        }
        if (signed) {
            int unused = 64 - 8 * len;
            v = v << unused >> unused;
        }
        return v;
    }

    /**
     * The 8 decimal digits of {@code n} (0 to 99,999,999) as byte values 0-9, most significant in the high byte:
     * halves, quarters and digits split in parallel lanes, with multiplications by reciprocals instead of divisions.
     */
    private static long eightDigits(int n) {
        long v = (long) (n / 10_000) << 32 | n % 10_000; // two 4-digit lanes
        long hundreds = (v * 5243 >>> 19) & 0x0000007F0000007FL; // x / 100 for x < 43,699
        v = hundreds << 16 | v - hundreds * 100; // four 2-digit lanes
        long tens = (v * 103 >>> 10) & 0x000F000F000F000FL; // x / 10 for x < 179
        return tens << 8 | v - tens * 10; // eight digits
    }

    /**
     * The {@code len} (1 to 8) bytes at {@code src[at]} as an unsigned big-endian number. One 8-byte load ending at
     * the field's last byte (bytes before the field are in the array, so only a field in the first 7 bytes of the
     * array takes the byte loop); nothing after the field is read.
     */
    private static long bigEndian(byte[] src, int at, int len) {
        int end = at + len;
        if (end >= 8) {
            return (long) BIG_ENDIAN_LONG.get(src, end - 8) & -1L >>> (64 - 8 * len);
        }
        long v = 0;
        for (int i = at; i < end; i++) {
            v = v << 8 | (src[i] & 0xFF);
        }
        return v;
    }

    /**
     * Whether any of the low {@code n} nibbles of {@code digits} is above 9: adding 6 to every nibble carries out of
     * exactly those (and of none when all are digits, 9 + 6 being 15), and the carries show in the sum's bits.
     */
    private static boolean nibbleAboveNine(long digits, int n) {
        long sixes = SIXES >>> (64 - 4 * n);
        long carries = (digits + sixes) ^ digits ^ sixes;
        return (carries & NIBBLE_CARRIES >>> (60 - 4 * n)) != 0;
    }

    /** Whether each of the low {@code len} bytes of {@code v} is F0-F9 (an EBCDIC digit with zone F). */
    private static boolean zonedDigits(long v, int len) {
        long zones = HIGH_NIBBLES >>> (64 - 8 * len);
        return (v & zones) == zones && ((v & LOW_NIBBLES) + SIXES_PER_BYTE & CARRIES_PER_BYTE) == 0;
    }

    /** The low 8 nibbles of {@code x}, nibble k into the low bits of byte k. */
    private static long spread(long x) {
        long v = x & 0xFFFFFFFFL;
        v = (v | v << 16) & 0x0000FFFF0000FFFFL;
        v = (v | v << 8) & 0x00FF00FF00FF00FFL;
        return (v | v << 4) & 0x0F0F0F0F0F0F0F0FL;
    }

    /**
     * Writes a number at {@code a[at]} from its {@code n} ASCII digits (at most 16, at most 14 with a scale),
     * right-aligned in the 16 bytes {@code high:low} (big-endian, '0' above them): quotes if asked, a sign, the digits
     * from the first significant one (at most one 0 before the point), the point before the last {@code scale}; all
     * in registers, then two 8-byte stores. Returns the position after the text.
     *
     * @param first    index of the first non-zero digit, {@code n} if none
     * @param negative 1 to write a minus sign, else 0
     */
    private static int write(long high, long low, int n, int first, int scale, int negative, boolean quoted,
                             byte[] a, int at) {
        int start = Math.min(first, n - scale - 1); // -1: the 0 above the digits, for "0.05" when all are decimals
        int count = n - start + (scale > 0 ? 1 : 0);
        long hi = scale > 0 ? highWithPoint(high, low, scale) : high;
        long lo = scale > 0 ? lowWithPoint(low, scale) : low;
        int shift = 8 * (16 - count); // moves the text to the first of the 16 bytes
        int p = at;
        a[p] = '"';
        p += quoted ? 1 : 0;
        a[p] = '-';
        p += negative;
        BIG_ENDIAN_LONG.set(a, p, shiftedHigh(hi, lo, shift));
        BIG_ENDIAN_LONG.set(a, p + 8, shiftedLow(lo, shift));
        p += count;
        a[p] = '"';
        return p + (quoted ? 1 : 0);
    }

    /** The high 8 of 16 text bytes {@code high:low} with a point inserted before the last {@code scale > 0}. */
    private static long highWithPoint(long high, long low, int scale) {
        if (scale < 8) {
            return high << 8 | low >>> 56;
        }
        long below = high & (1L << 8 * (scale - 8)) - 1;
        return (high - below) << 8 | (long) '.' << 8 * (scale - 8) | below;
    }

    /** The low 8 of 16 text bytes {@code ?:low} with a point inserted before the last {@code scale > 0}. */
    private static long lowWithPoint(long low, int scale) {
        if (scale >= 8) {
            return low;
        }
        long below = low & (1L << 8 * scale) - 1;
        return (low - below) << 8 | (long) '.' << 8 * scale | below;
    }

    /** The high 8 bytes of {@code high:low << shift} ({@code shift} 0 to 127), without a branch. */
    private static long shiftedHigh(long high, long low, int shift) {
        long by64 = -(long) (shift >>> 6);
        int s = shift & 63;
        return (low & by64 | high & ~by64) << s | (low & ~by64) >>> 1 >>> (63 - s);
    }

    /** The low 8 bytes of {@code high:low << shift} ({@code shift} 0 to 127). */
    private static long shiftedLow(long low, int shift) {
        return (low & ~-(long) (shift >>> 6)) << (shift & 63);
    }

    /** Moves the last {@code scale} digits up one byte to put the decimal point before them; closes the quote. */
    private static void finish(byte[] a, int p, int scale, boolean quoted, ByteVector out) {
        if (scale > 0) {
            for (int k = p; k > p - scale; k--) {
                a[k] = a[k - 1];
            }
            a[p - scale] = '.';
            p++;
        }
        if (quoted) {
            a[p++] = '"';
        }
        out.setLength(p);
    }
}
