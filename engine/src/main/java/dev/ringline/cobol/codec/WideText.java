package dev.ringline.cobol.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;

/**
 * PIC N (UTF-16 big-endian) and PIC G (double-byte EBCDIC) fields decoded into one reused char buffer and trimmed of
 * wide blanks: chars up to U+0020 and the ideographic space U+3000 (the DBCS blank 0x4040). One per decoding
 * thread: the buffers grow to the longest field, then a field costs no allocation.
 */
public final class WideText {
    private CharBuffer chars = CharBuffer.allocate(0);
    private byte[] shifted = new byte[0];
    private CharsetDecoder doubleByte;

    /**
     * Decodes {@code src[at, at + len)} ({@code len} even).
     *
     * @param national  UTF-16 big-endian (PIC N); otherwise double-byte EBCDIC (PIC G) by {@code page}'s double-byte
     *                  charset (the first page given is kept: one instance serves one decoder)
     * @return the reused buffer, its text between position and limit; valid until the next call
     */
    public CharBuffer decode(byte[] src, int at, int len, boolean national, CodePage page, boolean trimLeft,
                             boolean trimRight) {
        if (chars.capacity() < len) {
            chars = CharBuffer.allocate(len);
        }
        chars.clear();
        if (national) {
            for (int i = 0; i < len; i += 2) {
                chars.put((char) (((src[at + i] & 0xFF) << 8) | (src[at + i + 1] & 0xFF)));
            }
        } else {
            if (doubleByte == null) {
                doubleByte = page.newDoubleByteDecoder();
            }
            doubleByte.reset();
            doubleByte.decode(shiftedIn(src, at, len), chars, true);
            doubleByte.flush(chars);
        }
        chars.flip();
        int from = 0;
        int to = chars.limit();
        if (trimLeft) {
            while (from < to && blank(chars.get(from))) {
                from++;
            }
        }
        if (trimRight) {
            while (to > from && blank(chars.get(to - 1))) {
                to--;
            }
        }
        return chars.limit(to).position(from);
    }

    /** All low-values, or all spaces (U+0020 pairs for national, 0x4040 for double-byte EBCDIC). */
    public static boolean blank(byte[] src, int at, int len, boolean national) {
        boolean zeros = true;
        boolean spaces = true;
        for (int i = 0; i < len; i += 2) {
            int hi = src[at + i] & 0xFF;
            int lo = src[at + i + 1] & 0xFF;
            zeros &= hi == 0 && lo == 0;
            spaces &= national ? hi == 0 && lo == 0x20 : hi == 0x40 && lo == 0x40;
        }
        return zeros || spaces;
    }

    private static boolean blank(char c) {
        return c <= ' ' || c == '\u3000';
    }

    /** The field's bytes between shift-out and shift-in, as a double-byte decoder wants them. */
    private ByteBuffer shiftedIn(byte[] src, int at, int len) {
        if (shifted.length < len + 2) {
            shifted = new byte[len + 2];
        }
        shifted[0] = 0x0E;
        System.arraycopy(src, at, shifted, 1, len);
        shifted[len + 1] = 0x0F;
        return ByteBuffer.wrap(shifted, 0, len + 2);
    }
}
