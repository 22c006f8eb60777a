package dev.ringline.perf;

import dev.ringline.buffer.ByteVector;
import dev.ringline.cobol.codec.CodePage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Hand-written single-thread decoders for the three synthetic layouts, the yardstick for {@link CodecBenchmark}:
 * each knows its layout's offsets, types, lengths, scales and keys as constants, and writes the same JSON line as
 * the codec with the same checks (every packed nibble and sign, every zone), but with no compiled plan, no per-field
 * dispatch and no error reporting beyond an exception. Straight-line code as fast as we know how to write it: room
 * for the whole line made once, the position in a local; numbers read with one or two 8-byte loads, checked with
 * carry tests on all digits at once, turned to ASCII in registers and written with two 8-byte stores; the sign
 * computed, not branched on (random signs defeat a branch predictor). Valid only for the workloads' data: a text
 * byte that would need JSON escaping is refused rather than escaped.
 */
final class ReferenceLoops {
    /** cp037 byte → its ASCII byte when it needs no escaping, else 0. */
    private static final byte[] TEXT = new byte[256];
    /** cp037 byte → whether the codec's right trim removes it (its char is at most a space). */
    private static final boolean[] BLANK = new boolean[256];
    private static final VarHandle BIG_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle BIG_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    static {
        char[] chars = CodePage.of("cp037").toCharTable();
        for (int b = 0; b < 256; b++) {
            char c = chars[b];
            BLANK[b] = c <= ' ';
            TEXT[b] = c >= ' ' && c < 0x7F && c != '"' && c != '\\' ? (byte) c : 0;
        }
    }

    private static final byte[][] DISPLAY_KEYS = keys("{", "TEXT-01", "TEXT-02", "TEXT-03", "TEXT-04", "TEXT-05",
            "TEXT-06", "TEXT-07", "TEXT-08", "TEXT-09", "TEXT-10");
    private static final byte[][] COMP3_KEYS = keys("{", "AMOUNT-01", "AMOUNT-02", "AMOUNT-03", "AMOUNT-04",
            "AMOUNT-05", "AMOUNT-06", "AMOUNT-07", "AMOUNT-08", "AMOUNT-09", "AMOUNT-10");
    private static final byte[] CUSTOMER_ID = ascii("{\"CUSTOMER-ID\":");
    private static final byte[] CUSTOMER_NAME = ascii(",\"CUSTOMER-NAME\":");
    private static final byte[] CITY = ascii(",\"CITY\":");
    private static final byte[] BALANCE = ascii(",\"BALANCE\":");
    private static final byte[] CREDIT_LIMIT = ascii(",\"CREDIT-LIMIT\":");
    private static final byte[] VISIT_COUNT = ascii(",\"VISIT-COUNT\":");
    private static final byte[] LOYALTY_POINTS = ascii(",\"LOYALTY-POINTS\":");
    private static final byte[] OPENED_DATE = ascii(",\"OPENED-DATE\":");
    private static final byte[] OPENED_YEAR = ascii(",\"OPENED-PARTS\":{\"OPENED-YEAR\":");
    private static final byte[] OPENED_MONTH = ascii(",\"OPENED-MONTH\":");
    private static final byte[] OPENED_DAY = ascii(",\"OPENED-DAY\":");
    private static final byte[] FIRST_ORDER_ID = ascii("},\"RECENT-ORDER\":[{\"ORDER-ID\":");
    private static final byte[] NEXT_ORDER_ID = ascii("},{\"ORDER-ID\":");
    private static final byte[] ORDER_AMOUNT = ascii(",\"ORDER-AMOUNT\":");
    private static final byte[] ORDER_STATUS = ascii(",\"ORDER-STATUS\":");
    private static final byte[] STATUS_CODE = ascii("}],\"STATUS-CODE\":");
    private static final byte[] END = ascii("}\n");

    private ReferenceLoops() {
    }

    /** Decodes one record of {@code workload} at {@code src[off]} into {@code out}. */
    static void decode(String workload, byte[] src, int off, ByteVector out) {
        switch (workload) {
            case "display" -> display(src, off, out);
            case "comp3" -> comp3(src, off, out);
            case "mixed" -> mixed(src, off, out);
            default -> throw new IllegalArgumentException("no reference loop for " + workload);
        }
    }

    /** 10 × PIC X(50). */
    static void display(byte[] src, int off, ByteVector out) {
        int p = out.length();
        out.ensureCapacity(p + 10 * (16 + 52) + 2);
        byte[] a = out.array();
        for (int f = 0; f < 10; f++) {
            p = copy(DISPLAY_KEYS[f], a, p);
            p = text(src, off + 50 * f, 50, a, p);
        }
        a[p] = '}';
        a[p + 1] = '\n';
        out.setLength(p + 2);
    }

    /** 10 × PIC S9(9)V99 COMP-3 (6 bytes each). */
    static void comp3(byte[] src, int off, ByteVector out) {
        int p = out.length();
        out.ensureCapacity(p + 10 * (16 + 20) + 2);
        byte[] a = out.array();
        for (int f = 0; f < 10; f++) {
            p = copy(COMP3_KEYS[f], a, p);
            p = packed(src, off + 6 * f, 6, a, p);
        }
        a[p] = '}';
        a[p + 1] = '\n';
        out.setLength(p + 2);
    }

    /** The 122-byte customer record, field by field. */
    static void mixed(byte[] src, int off, ByteVector out) {
        int p = out.length();
        out.ensureCapacity(p + 1024);
        byte[] a = out.array();
        p = copy(CUSTOMER_ID, a, p);
        p = zoned(src, off, 10, 0, false, a, p);
        p = copy(CUSTOMER_NAME, a, p);
        p = text(src, off + 10, 30, a, p);
        p = copy(CITY, a, p);
        p = text(src, off + 40, 20, a, p);
        p = copy(BALANCE, a, p);
        p = zoned(src, off + 60, 11, 2, true, a, p);
        p = copy(CREDIT_LIMIT, a, p);
        p = packed(src, off + 71, 5, a, p);
        p = copy(VISIT_COUNT, a, p);
        p = number((int) BIG_ENDIAN_INT.get(src, off + 76), a, p);
        p = copy(LOYALTY_POINTS, a, p);
        p = number((src[off + 80] & 0xFF) << 8 | (src[off + 81] & 0xFF), a, p);
        p = copy(OPENED_DATE, a, p);
        p = zoned(src, off + 82, 8, 0, false, a, p);
        p = copy(OPENED_YEAR, a, p);
        p = zoned(src, off + 82, 4, 0, false, a, p);
        p = copy(OPENED_MONTH, a, p);
        p = zoned(src, off + 86, 2, 0, false, a, p);
        p = copy(OPENED_DAY, a, p);
        p = zoned(src, off + 88, 2, 0, false, a, p);
        for (int i = 0; i < 3; i++) {
            int at = off + 90 + 10 * i;
            p = copy(i == 0 ? FIRST_ORDER_ID : NEXT_ORDER_ID, a, p);
            p = number((int) BIG_ENDIAN_INT.get(src, at) & 0xFFFFFFFFL, a, p);
            p = copy(ORDER_AMOUNT, a, p);
            p = packed(src, at + 4, 5, a, p);
            p = copy(ORDER_STATUS, a, p);
            p = text(src, at + 9, 1, a, p);
        }
        p = copy(STATUS_CODE, a, p);
        p = text(src, off + 120, 2, a, p);
        a[p] = '}';
        a[p + 1] = '\n';
        out.setLength(p + 2);
    }

    private static int copy(byte[] literal, byte[] a, int p) {
        System.arraycopy(literal, 0, a, p, literal.length);
        return p + literal.length;
    }

    /** A quoted string, trailing blanks trimmed: one table load and one store per byte. */
    private static int text(byte[] src, int at, int len, byte[] a, int p) {
        int end = at + len;
        while (end > at && BLANK[src[end - 1] & 0xFF]) {
            end--;
        }
        a[p++] = '"';
        for (int i = at; i < end; i++) {
            byte c = TEXT[src[i] & 0xFF];
            if (c == 0) {
                throw new IllegalArgumentException("reference loop: text byte needs escaping at " + i);
            }
            a[p++] = c;
        }
        a[p] = '"';
        return p + 1;
    }

    /**
     * A signed packed field of scale 2 ({@code S9(n)V99 COMP-3}, both layouts' only kind) of {@code len} (5 or 6)
     * bytes: read with one 8-byte load (byte by byte in the array's first 8 bytes), sign and every nibble checked at
     * once, nibbles spread to ASCII bytes, the point inserted, leading zeros shifted out.
     */
    private static int packed(byte[] src, int at, int len, byte[] a, int p) {
        int end = at + len;
        long v = end >= 8 ? (long) BIG_ENDIAN_LONG.get(src, end - 8) & -1L >>> (64 - 8 * len) : bytes(src, at, len);
        int sign = (int) v & 0x0F;
        long digits = v >>> 4;
        int n = 2 * len - 1;
        long sixes = 0x6666666666666666L >>> (64 - 4 * n);
        long carries = ((digits + sixes) ^ digits ^ sixes) & 0x1111111111111110L >>> (60 - 4 * n);
        if (carries != 0 | sign < 0x0A) {
            throw new IllegalArgumentException("reference loop: bad packed digit or sign in " + at + ".." + end);
        }
        int first = (Long.numberOfLeadingZeros(digits) - (64 - 4 * n)) >> 2;
        int negative = 0x2800 >>> sign & (digits != 0 ? 1 : 0);
        return decimal(spread(digits >>> 32), spread(digits), n, first, 2, negative, a, p);
    }

    /**
     * An EBCDIC zoned field of 2 to 14 digits with a trailing overpunched sign, not in the array's first 8 bytes:
     * every zone checked at once.
     */
    private static int zoned(byte[] src, int at, int len, int scale, boolean signed, byte[] a, int p) {
        int end = at + len;
        long low = (long) BIG_ENDIAN_LONG.get(src, end - 8) & -1L >>> (64 - 8 * Math.min(len, 8));
        long high = len <= 8 ? 0 : end >= 16 ? (long) BIG_ENDIAN_LONG.get(src, end - 16) & -1L >>> (128 - 8 * len)
                : bytes(src, at, len - 8);
        int zone = (int) low >>> 4 & 0x0F;
        low |= 0xF0;
        long zonesLow = 0xF0F0F0F0F0F0F0F0L >>> (64 - 8 * Math.min(len, 8));
        long zonesHigh = len > 8 ? 0xF0F0F0F0F0F0F0F0L >>> (128 - 8 * len) : 0;
        long digitsLow = low & 0x0F0F0F0F0F0F0F0FL;
        long digitsHigh = high & 0x0F0F0F0F0F0F0F0FL;
        if ((low & zonesLow) != zonesLow | (high & zonesHigh) != zonesHigh
                | ((digitsLow + 0x0606060606060606L | digitsHigh + 0x0606060606060606L) & 0x1010101010101010L) != 0
                | zone != 0x0F & (!signed | zone < 0x0A)) {
            throw new IllegalArgumentException("reference loop: bad zone in " + at + ".." + end);
        }
        int zeroBits = digitsHigh != 0 ? Long.numberOfLeadingZeros(digitsHigh)
                : 64 + Long.numberOfLeadingZeros(digitsLow);
        int first = (zeroBits >> 3) - (16 - len);
        int negative = 0x2800 >>> zone & (first < len ? 1 : 0);
        return decimal(digitsHigh, digitsLow, len, first, scale, negative, a, p);
    }

    /** A binary value of at most 10 digits as a JSON number. */
    private static int number(long value, byte[] a, int p) {
        long negative = value >> 63;
        long magnitude = (value ^ negative) - negative;
        long high = eightDigits((int) (magnitude / 100_000_000));
        long low = eightDigits((int) (magnitude % 100_000_000));
        int zeroBits = high != 0 ? Long.numberOfLeadingZeros(high) : 64 + Long.numberOfLeadingZeros(low);
        return decimal(high, low, 16, zeroBits >> 3, 0, (int) negative & 1, a, p);
    }

    /** The 8 digits of {@code n < 10^8}, one per byte, most significant in the high byte. */
    private static long eightDigits(int n) {
        long v = (long) (n / 10_000) << 32 | n % 10_000;
        long hundreds = (v * 5243 >>> 19) & 0x0000007F0000007FL;
        v = hundreds << 16 | v - hundreds * 100;
        long tens = (v * 103 >>> 10) & 0x000F000F000F000FL;
        return tens << 8 | v - tens * 10;
    }

    /** The low 8 nibbles of {@code x}, nibble k into byte k. */
    private static long spread(long x) {
        long v = x & 0xFFFFFFFFL;
        v = (v | v << 16) & 0x0000FFFF0000FFFFL;
        v = (v | v << 8) & 0x00FF00FF00FF00FFL;
        return (v | v << 4) & 0x0F0F0F0F0F0F0F0FL;
    }

    /**
     * Writes {@code n} digits (values 0-9, right-aligned in {@code high:low}) from the first significant one (one 0
     * before the point at least), with a point before the last {@code scale < 8} and a minus sign if {@code negative}
     * is 1.
     */
    private static int decimal(long high, long low, int n, int first, int scale, int negative, byte[] a, int p) {
        long hi = high | 0x3030303030303030L;
        long lo = low | 0x3030303030303030L;
        int count = n - Math.min(first, n - scale - 1);
        if (scale > 0) {
            long below = lo & (1L << 8 * scale) - 1;
            hi = hi << 8 | lo >>> 56;
            lo = (lo - below) << 8 | (long) '.' << 8 * scale | below;
            count++;
        }
        int shift = 8 * (16 - count);
        long by64 = -(long) (shift >>> 6);
        int s = shift & 63;
        long h = (lo & by64 | hi & ~by64) << s | (lo & ~by64) >>> 1 >>> (63 - s);
        long l = (lo & ~by64) << s;
        a[p] = '-';
        p += negative;
        BIG_ENDIAN_LONG.set(a, p, h);
        BIG_ENDIAN_LONG.set(a, p + 8, l);
        return p + count;
    }

    private static long bytes(byte[] src, int at, int len) {
        long v = 0;
        for (int i = at; i < at + len; i++) {
            v = v << 8 | (src[i] & 0xFF);
        }
        return v;
    }

    private static byte[][] keys(String open, String... names) {
        byte[][] keys = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            keys[i] = ascii((i == 0 ? open : ",") + "\"" + names[i] + "\":");
        }
        return keys;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
