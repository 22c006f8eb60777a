package dev.ringline.cobol.json;

import dev.ringline.buffer.ByteVector;

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
        long v = 0;
        if (bigEndian) {
            for (int i = 0; i < len; i++) {
                v = v << 8 | (src[at + i] & 0xFF);
            }
        } else {
            for (int i = len - 1; i >= 0; i--) {
                v = v << 8 | (src[at + i] & 0xFF);
            }
        }
        if (signed) {
            int unused = 64 - 8 * len;
            v = v << unused >> unused;
        }
        if (quoted) {
            out.append('"');
            JsonNumbers.appendLong(v, out);
            out.append('"');
        } else {
            JsonNumbers.appendLong(v, out);
        }
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
