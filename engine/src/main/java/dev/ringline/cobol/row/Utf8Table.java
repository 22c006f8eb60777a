package dev.ringline.cobol.row;

import dev.ringline.buffer.ByteVector;

/**
 * A code page as UTF-8: the encoded bytes (1 to 3) of each byte's char, built once, so text fields go from
 * record bytes to UTF-8 with one table copy per byte and no {@code String}. Immutable.
 */
final class Utf8Table {
    private static final int SLOT = 4;

    private final char[] chars;
    private final byte[] utf8 = new byte[256 * SLOT];
    private final byte[] length = new byte[256];

    Utf8Table(char[] codePage) {
        chars = codePage.clone();
        for (int b = 0; b < 256; b++) {
            char c = chars[b];
            int at = b * SLOT;
            if (c < 0x80) {
                utf8[at] = (byte) c;
                length[b] = 1;
            } else if (c < 0x800) {
                utf8[at] = (byte) (0xC0 | c >> 6);
                utf8[at + 1] = (byte) (0x80 | c & 0x3F);
                length[b] = 2;
            } else {
                if (Character.isSurrogate(c)) {
                    throw new IllegalArgumentException("code page maps byte " + b + " to a surrogate");
                }
                utf8[at] = (byte) (0xE0 | c >> 12);
                utf8[at + 1] = (byte) (0x80 | c >> 6 & 0x3F);
                utf8[at + 2] = (byte) (0x80 | c & 0x3F);
                length[b] = 3;
            }
        }
    }

    /** The char byte {@code b} stands for. */
    char charOf(byte b) {
        return chars[b & 0xFF];
    }

    /** Replaces {@code out}'s content with the UTF-8 of {@code src[from, to)}. */
    void encode(byte[] src, int from, int to, ByteVector out) {
        out.setLength((to - from) * 3);
        byte[] a = out.array();
        int at = 0;
        for (int i = from; i < to; i++) {
            int b = src[i] & 0xFF;
            int n = length[b];
            if (n == 1) {
                a[at++] = utf8[b * SLOT];
            } else {
                System.arraycopy(utf8, b * SLOT, a, at, n);
                at += n;
            }
        }
        out.truncate(at);
    }
}
