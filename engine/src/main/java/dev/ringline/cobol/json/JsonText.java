package dev.ringline.cobol.json;

import dev.ringline.buffer.ByteVector;

import java.util.Objects;

/**
 * Writes text fields as JSON strings straight from their encoded bytes: each byte is looked up in a table,
 * built once from a code page, that holds the JSON-escaped UTF-8 bytes of its char.
 *
 * <p>Escaping follows Jackson (and so Spark's {@code toJSON}): {@code "} → {@code \"}, {@code \} → {@code \\},
 * U+0008/9/A/C/D → {@code \b \t \n \f \r}, other chars below U+0020 → {@code \}{@code u00XX} with upper-case hex,
 * everything else (U+007F, U+0085, U+00A0 included) raw UTF-8.
 *
 * <p>Costs: 2 KiB of tables per instance; {@link #appendString} is a table copy per byte and allocates nothing
 * once {@code out} has grown. Immutable after construction, so one instance can be shared by threads.
 */
final class JsonText {
    private static final int SLOT = 8;

    private final char[] chars;
    private final byte[] escaped = new byte[256 * SLOT];
    private final byte[] escapedLength = new byte[256];
    /** The single output byte of each input byte, or 0 when it needs the escaped/multi-byte form: one load per byte. */
    private final byte[] direct = new byte[256];
    /** Bytes 0x80 and above start or continue UTF-8 sequences, copied as they are once validated. */
    private final boolean utf8;

    /**
     * @param codePage the char of every byte value (256 entries, byte → char); surrogates are not allowed
     */
    JsonText(char[] codePage) {
        this(codePage, false);
    }

    /**
     * @param codePage the char of every byte value below 0x80 (and of all bytes unless {@code utf8})
     * @param utf8     text is UTF-8: valid sequences are copied, invalid or cut ones become U+FFFD
     */
    JsonText(char[] codePage, boolean utf8) {
        this.utf8 = utf8;
        Objects.requireNonNull(codePage, "codePage");
        if (codePage.length != 256) {
            throw new IllegalArgumentException("codePage must have 256 entries: " + codePage.length);
        }
        chars = codePage.clone();
        for (int b = 0; b < 256; b++) {
            if (Character.isSurrogate(chars[b])) {
                throw new IllegalArgumentException("codePage maps byte " + b + " to a surrogate: "
                        + Integer.toHexString(chars[b]));
            }
            escapedLength[b] = (byte) JsonEscape.encode(chars[b], escaped, b * SLOT);
            direct[b] = escapedLength[b] == 1 ? escaped[b * SLOT] : 0;
        }
    }

    /** The char that byte {@code b} stands for. */
    char charOf(byte b) {
        return chars[b & 0xFF];
    }

    /**
     * Appends {@code "..."}: the field's bytes {@code src[off, off+len)} trimmed per {@code trim}, decoded and
     * escaped.
     */
    void appendString(byte[] src, int off, int len, Trim trim, ByteVector out) {
        Objects.checkFromIndexSize(off, len, src.length);
        int start = off;
        int end = off + len;
        if (trim == Trim.LEFT || trim == Trim.BOTH) {
            while (start < end && chars[src[start] & 0xFF] <= ' ') {
                start++;
            }
        }
        if (trim == Trim.RIGHT || trim == Trim.BOTH) {
            while (end > start && chars[src[end - 1] & 0xFF] <= ' ') {
                end--;
            }
        }
        int at = out.length();
        out.setLength(at + maxBytes(end - start));
        byte[] a = out.array();
        if (!utf8) {
            out.truncate(singleByte(src, start, end, a, at));
            return;
        }
        a[at++] = '"';
        for (int i = start; i < end; i++) {
            int b = src[i] & 0xFF;
            if (b >= 0x80) {
                int n = utf8Length(src, i, end);
                if (n > 0) {
                    System.arraycopy(src, i, a, at, n);
                    at += n;
                    i += n - 1;
                } else {
                    a[at++] = (byte) 0xEF; // U+FFFD for one bad byte
                    a[at++] = (byte) 0xBF;
                    a[at++] = (byte) 0xBD;
                }
                continue;
            }
            byte single = direct[b];
            if (single != 0) {
                a[at++] = single;
            } else {
                int n = escapedLength[b];
                System.arraycopy(escaped, b * SLOT, a, at, n);
                at += n;
            }
        }
        a[at++] = '"';
        out.truncate(at);
    }

    /** Whether the code page has one byte per char, so that {@link #appendSingleByte} applies. */
    boolean singleByte() {
        return !utf8;
    }

    /** Most bytes a text field of {@code len} bytes takes as a JSON string. */
    static int maxBytes(int len) {
        return 2 + len * JsonEscape.MAX_BYTES;
    }

    /**
     * {@link #appendString} for a single-byte code page, into {@code a[at]}, which has room for {@link #maxBytes}
     * of {@code len}; returns the position after the closing quote.
     */
    int appendSingleByte(byte[] src, int off, int len, Trim trim, byte[] a, int at) {
        int start = off;
        int end = off + len;
        if (trim == Trim.LEFT || trim == Trim.BOTH) {
            while (start < end && chars[src[start] & 0xFF] <= ' ') {
                start++;
            }
        }
        if (trim == Trim.RIGHT || trim == Trim.BOTH) {
            while (end > start && chars[src[end - 1] & 0xFF] <= ' ') {
                end--;
            }
        }
        return singleByte(src, start, end, a, at);
    }

    /**
     * The quoted text of {@code src[start, end)}: first a loop without a branch that copies every byte's single
     * output byte and notes whether one has none; only then (a quote, a backslash, a control char, a char beyond
     * ASCII) the field again with escapes.
     */
    private int singleByte(byte[] src, int start, int end, byte[] a, int at) {
        int p = at;
        a[p++] = '"';
        int missing = 0;
        for (int i = start; i < end; i++) {
            byte single = direct[src[i] & 0xFF];
            a[p++] = single;
            missing |= single - 1; // negative once a byte has no single output byte (0)
        }
        if (missing < 0) {
            p = at + 1;
            for (int i = start; i < end; i++) {
                int b = src[i] & 0xFF;
                byte single = direct[b];
                if (single != 0) {
                    a[p++] = single;
                } else {
                    int n = escapedLength[b];
                    System.arraycopy(escaped, b * SLOT, a, p, n);
                    p += n;
                }
            }
        }
        a[p++] = '"';
        return p;
    }

    /** Bytes of the valid UTF-8 sequence at {@code src[i]} (a byte of 0x80 or more) ending before {@code end}; 0 if invalid. */
    private static int utf8Length(byte[] src, int i, int end) {
        int b = src[i] & 0xFF;
        int n;
        int min;
        if (b >= 0xC2 && b <= 0xDF) {
            n = 2;
            min = 0x80;
        } else if (b >= 0xE0 && b <= 0xEF) {
            n = 3;
            min = 0x800;
        } else if (b >= 0xF0 && b <= 0xF4) {
            n = 4;
            min = 0x10000;
        } else {
            return 0;
        }
        if (i + n > end) {
            return 0;
        }
        int cp = b & (0xFF >> (n + 1));
        for (int k = 1; k < n; k++) {
            int c = src[i + k] & 0xFF;
            if ((c & 0xC0) != 0x80) {
                return 0;
            }
            cp = (cp << 6) | (c & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return 0;
        }
        return n;
    }

    /** True when every byte of {@code src[off, off+len)} is 0x00 (Cobrix's null test for text fields). */
    static boolean isAllZeroBytes(byte[] src, int off, int len) {
        Objects.checkFromIndexSize(off, len, src.length);
        for (int i = off, end = off + len; i < end; i++) {
            if (src[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
