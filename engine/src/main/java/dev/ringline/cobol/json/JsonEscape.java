package dev.ringline.cobol.json;

import dev.ringline.memory.ByteVector;

/**
 * JSON string escaping as Jackson writes it: {@code "} and {@code \} backslashed, U+0008/9/A/C/D as {@code \b \t
 * \n \f \r}, other chars below U+0020 as {@code \}{@code u00XX} with upper-case hex, everything else raw UTF-8.
 */
final class JsonEscape {
    /** Longest escaped form of one code point: {@code \}{@code u001F} is 6 bytes, UTF-8 at most 4. */
    static final int MAX_BYTES = 6;

    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};

    private JsonEscape() {
    }

    /** Writes the escaped UTF-8 form of {@code cp} at {@code dst[at]}; returns the number of bytes written. */
    static int encode(int cp, byte[] dst, int at) {
        if (cp < 0x20) {
            dst[at] = '\\';
            switch (cp) {
                case 0x08: dst[at + 1] = 'b'; return 2;
                case 0x09: dst[at + 1] = 't'; return 2;
                case 0x0A: dst[at + 1] = 'n'; return 2;
                case 0x0C: dst[at + 1] = 'f'; return 2;
                case 0x0D: dst[at + 1] = 'r'; return 2;
                default:
                    dst[at + 1] = 'u';
                    dst[at + 2] = '0';
                    dst[at + 3] = '0';
                    dst[at + 4] = HEX[cp >> 4];
                    dst[at + 5] = HEX[cp & 0xF];
                    return 6;
            }
        }
        if (cp == '"' || cp == '\\') {
            dst[at] = '\\';
            dst[at + 1] = (byte) cp;
            return 2;
        }
        if (cp < 0x80) {
            dst[at] = (byte) cp;
            return 1;
        }
        if (cp < 0x800) {
            dst[at] = (byte) (0xC0 | (cp >> 6));
            dst[at + 1] = (byte) (0x80 | (cp & 0x3F));
            return 2;
        }
        if (cp < 0x10000) {
            dst[at] = (byte) (0xE0 | (cp >> 12));
            dst[at + 1] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            dst[at + 2] = (byte) (0x80 | (cp & 0x3F));
            return 3;
        }
        dst[at] = (byte) (0xF0 | (cp >> 18));
        dst[at + 1] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        dst[at + 2] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        dst[at + 3] = (byte) (0x80 | (cp & 0x3F));
        return 4;
    }

    /**
     * Appends {@code text} escaped, without quotes. A lone surrogate becomes U+FFFD (it has no UTF-8 form).
     * Walks code points by index: no iterator, no allocation beyond the vector's growth.
     */
    static void append(CharSequence text, ByteVector out) {
        int n = text.length();
        int at = out.length();
        out.setLength(at + n * MAX_BYTES);
        byte[] a = out.array();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                cp = Character.toCodePoint(c, text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                cp = 0xFFFD;
            }
            at += encode(cp, a, at);
        }
        out.truncate(at);
    }
}
