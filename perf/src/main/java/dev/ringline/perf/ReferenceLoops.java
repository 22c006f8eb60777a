package dev.ringline.perf;

import dev.ringline.buffer.ByteVector;
import dev.ringline.cobol.codec.CodePage;

import java.nio.charset.StandardCharsets;

/**
 * Hand-written single-thread decoders for the three synthetic layouts, the yardstick for {@link CodecBenchmark}:
 * each knows its layout's offsets, types and keys, and writes the same JSON line as the codec with the same checks
 * (every packed nibble and sign, every zone), but with no compiled plan, no per-field dispatch and no error
 * reporting beyond an exception. Valid only for the workloads' data: a text byte that would need JSON escaping is
 * refused rather than escaped.
 */
final class ReferenceLoops {
    /** cp037 byte → its ASCII byte when it needs no escaping, else 0. */
    private static final byte[] TEXT = new byte[256];
    /** cp037 byte → whether the codec's right trim removes it (its char is at most a space). */
    private static final boolean[] BLANK = new boolean[256];
    /** Packed byte → its two ASCII digits (high nibble's in bits 8-15), or -1 when a nibble is above 9. */
    private static final int[] PACKED_ASCII = new int[256];

    static {
        char[] chars = CodePage.of("cp037").toCharTable();
        for (int b = 0; b < 256; b++) {
            char c = chars[b];
            BLANK[b] = c <= ' ';
            TEXT[b] = c >= ' ' && c < 0x7F && c != '"' && c != '\\' ? (byte) c : 0;
            int high = b >>> 4;
            int low = b & 0x0F;
            PACKED_ASCII[b] = high > 9 || low > 9 ? -1 : ('0' + high) << 8 | ('0' + low);
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
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000};

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
        for (int f = 0; f < 10; f++) {
            out.append(DISPLAY_KEYS[f]);
            text(src, off + 50 * f, 50, out);
        }
        out.append(END);
    }

    /** 10 × PIC S9(9)V99 COMP-3 (6 bytes each). */
    static void comp3(byte[] src, int off, ByteVector out) {
        for (int f = 0; f < 10; f++) {
            out.append(COMP3_KEYS[f]);
            packed(src, off + 6 * f, 6, out);
        }
        out.append(END);
    }

    /** The 122-byte customer record, field by field. */
    static void mixed(byte[] src, int off, ByteVector out) {
        out.append(CUSTOMER_ID);
        zoned(src, off, 10, 0, false, out);
        out.append(CUSTOMER_NAME);
        text(src, off + 10, 30, out);
        out.append(CITY);
        text(src, off + 40, 20, out);
        out.append(BALANCE);
        zoned(src, off + 60, 11, 2, true, out);
        out.append(CREDIT_LIMIT);
        packed(src, off + 71, 5, out);
        out.append(VISIT_COUNT);
        number((src[off + 76] << 24 | (src[off + 77] & 0xFF) << 16 | (src[off + 78] & 0xFF) << 8
                | (src[off + 79] & 0xFF)), 0, out);
        out.append(LOYALTY_POINTS);
        number((src[off + 80] & 0xFF) << 8 | (src[off + 81] & 0xFF), 0, out);
        out.append(OPENED_DATE);
        zoned(src, off + 82, 8, 0, false, out);
        out.append(OPENED_YEAR);
        zoned(src, off + 82, 4, 0, false, out);
        out.append(OPENED_MONTH);
        zoned(src, off + 86, 2, 0, false, out);
        out.append(OPENED_DAY);
        zoned(src, off + 88, 2, 0, false, out);
        for (int i = 0; i < 3; i++) {
            int at = off + 90 + 10 * i;
            out.append(i == 0 ? FIRST_ORDER_ID : NEXT_ORDER_ID);
            number((src[at] & 0xFFL) << 24 | (src[at + 1] & 0xFF) << 16 | (src[at + 2] & 0xFF) << 8
                    | (src[at + 3] & 0xFF), 0, out);
            out.append(ORDER_AMOUNT);
            packed(src, at + 4, 5, out);
            out.append(ORDER_STATUS);
            text(src, at + 9, 1, out);
        }
        out.append(STATUS_CODE);
        text(src, off + 120, 2, out);
        out.append(END);
    }

    /** A quoted string, trailing blanks trimmed. */
    private static void text(byte[] src, int at, int len, ByteVector out) {
        int end = at + len;
        while (end > at && BLANK[src[end - 1] & 0xFF]) {
            end--;
        }
        int p = out.length();
        out.setLength(p + 2 + end - at);
        byte[] a = out.array();
        a[p++] = '"';
        for (int i = at; i < end; i++) {
            byte c = TEXT[src[i] & 0xFF];
            if (c == 0) {
                throw new IllegalArgumentException("reference loop: text byte needs escaping at " + i);
            }
            a[p++] = c;
        }
        a[p] = '"';
    }

    /**
     * A signed packed field of scale 2 ({@code S9(n)V99 COMP-3}, both layouts' only kind) straight to text: sign
     * and every nibble checked, leading zeros skipped, integer digits two per byte through a table of ASCII pairs,
     * then the point and the two decimals, which are the low nibble of the second last byte and the high nibble of
     * the last.
     */
    private static void packed(byte[] src, int at, int len, ByteVector out) {
        int last = at + len - 1;
        int tail = src[last] & 0xFF;
        int sign = tail & 0x0F;
        if (tail >>> 4 > 9 || sign < 0x0A) {
            throw new IllegalArgumentException("reference loop: bad packed sign at " + last);
        }
        int bad = 0;
        int first = last; // byte index of the first non-zero byte before the decimals' byte, or last
        for (int i = last - 1; i >= at; i--) {
            int v = src[i] & 0xFF;
            bad |= PACKED_ASCII[v];
            if (v != 0) {
                first = i;
            }
        }
        if (bad < 0) {
            throw new IllegalArgumentException("reference loop: bad packed digit at " + at);
        }
        int decimals = last - 1; // its high nibble is the last integer digit
        int p = out.length();
        out.setLength(p + 2 * len + 3);
        byte[] a = out.array();
        int lowDecimal = src[decimals] & 0x0F;
        if ((sign == 0x0D || sign == 0x0B) && (first < last || lowDecimal != 0 || tail >>> 4 != 0)) {
            a[p++] = '-';
        }
        if (first > decimals || first == decimals && src[decimals] >>> 4 == 0) {
            a[p++] = '0';
        } else {
            int i = first;
            if (src[i] >= 0 && src[i] < 0x10) { // leading zero nibble: only the low digit
                a[p++] = (byte) PACKED_ASCII[src[i] & 0xFF];
                i++;
            }
            for (; i < decimals; i++) {
                int pair = PACKED_ASCII[src[i] & 0xFF];
                a[p] = (byte) (pair >>> 8);
                a[p + 1] = (byte) pair;
                p += 2;
            }
            a[p++] = (byte) ('0' + ((src[decimals] & 0xF0) >>> 4));
        }
        a[p] = '.';
        a[p + 1] = (byte) ('0' + lowDecimal);
        a[p + 2] = (byte) ('0' + (tail >>> 4));
        out.setLength(p + 3);
    }

    /** An EBCDIC zoned field with a trailing overpunched sign straight to text: every zone checked. */
    private static void zoned(byte[] src, int at, int len, int scale, boolean signed, ByteVector out) {
        int last = at + len - 1;
        int tail = src[last] & 0xFF;
        int zone = tail >>> 4;
        if ((tail & 0x0F) > 9 || zone != 0x0F && (!signed || zone < 0x0A)) {
            throw new IllegalArgumentException("reference loop: bad sign zone at " + last);
        }
        int first = len;
        for (int i = last - 1; i >= at; i--) {
            int b = src[i] & 0xFF;
            if (b < 0xF0 || b > 0xF9) {
                throw new IllegalArgumentException("reference loop: bad zone at " + i);
            }
            if (b != 0xF0) {
                first = i - at;
            }
        }
        if (first == len && (tail & 0x0F) != 0) {
            first = len - 1;
        }
        int intEnd = len - scale;
        int p = out.length();
        out.setLength(p + len + 3);
        byte[] a = out.array();
        if ((zone == 0x0D || zone == 0x0B) && first < len) {
            a[p++] = '-';
        }
        if (first >= intEnd) {
            a[p++] = '0';
            if (intEnd == len) { // zero at scale 0
                out.setLength(p);
                return;
            }
            first = intEnd;
        }
        for (int k = first; k < len - 1; k++) {
            if (k == intEnd) {
                a[p++] = '.';
            }
            a[p++] = (byte) ('0' + (src[at + k] & 0x0F));
        }
        if (len - 1 == intEnd) {
            a[p++] = '.';
        }
        a[p++] = (byte) ('0' + (tail & 0x0F));
        out.setLength(p);
    }

    /** {@code unscaled / 10^scale} as a JSON number with exactly {@code scale} decimals. */
    private static void number(long unscaled, int scale, ByteVector out) {
        int p = out.length();
        out.setLength(p + 24);
        byte[] a = out.array();
        if (unscaled < 0) {
            a[p++] = '-';
            unscaled = -unscaled;
        }
        long intPart = unscaled / POWERS[scale];
        long fraction = unscaled - intPart * POWERS[scale];
        int digits = 1;
        for (long t = intPart; t >= 10; t /= 10) {
            digits++;
        }
        for (int k = p + digits - 1; k >= p; k--) {
            a[k] = (byte) ('0' + intPart % 10);
            intPart /= 10;
        }
        p += digits;
        if (scale > 0) {
            a[p++] = '.';
            for (int k = p + scale - 1; k >= p; k--) {
                a[k] = (byte) ('0' + fraction % 10);
                fraction /= 10;
            }
            p += scale;
        }
        out.setLength(p);
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
