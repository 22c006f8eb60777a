package dev.ringline.cobol.codec;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;

/** Code-page tables transcribed from shared/testdata/cobrix/README.md section 3.6, for the JSON tests. */
public final class CodePageFixtures {
    /** Bytes 0x00-0x3F of Cobrix's cp037_extended (and cp273, cp500, cp114x) table; 0xFF maps to U+0020. */
    static final int[] EXTENDED_CONTROLS = {
        0x0000, 0x0001, 0x0002, 0x0003, 0x0020, 0x0009, 0x0020, 0x007F,
        0x0020, 0x0020, 0x0020, 0x000B, 0x000C, 0x000A, 0x000E, 0x000F,
        0x0010, 0x0011, 0x0012, 0x0013, 0x0020, 0x0085, 0x0008, 0x0020,
        0x0018, 0x0019, 0x0020, 0x0020, 0x001C, 0x001D, 0x001E, 0x001F,
        0x0020, 0x0020, 0x0020, 0x0020, 0x0020, 0x000D, 0x0017, 0x001B,
        0x0020, 0x0020, 0x0020, 0x0020, 0x0020, 0x0005, 0x0006, 0x0007,
        0x0020, 0x0020, 0x0016, 0x0020, 0x0020, 0x0020, 0x0020, 0x0004,
        0x0020, 0x0020, 0x0020, 0x0020, 0x0014, 0x0015, 0x0020, 0x001A,
    };

    private CodePageFixtures() {
    }

    /** The extended control table for 0x00-0x3F and 0xFF, Latin-1 (char = byte value) for 0x40-0xFE. */
    public static char[] extendedControlsLatin1() {
        char[] t = new char[256];
        for (int b = 0; b < 256; b++) {
            t[b] = (char) b;
        }
        applyExtendedControls(t);
        return t;
    }

    /** Cobrix's cp037_extended: the extended controls plus Java's IBM037 for 0x40-0xFE. */
    public static char[] cp037Extended() {
        char[] t = ibm037();
        applyExtendedControls(t);
        return t;
    }

    /** Cobrix's cp037: 0x00-0x3F and 0xFF are spaces except 0x0D → LF, 0x15 → U+0085, 0x25 → CR. */
    public static char[] cp037() {
        char[] t = ibm037();
        for (int b = 0; b < 0x40; b++) {
            t[b] = ' ';
        }
        t[0x0D] = '\n';
        t[0x15] = '\u0085';
        t[0x25] = '\r';
        t[0xFF] = ' ';
        return t;
    }

    /** Cobrix's extended tables (cp273, cp500, cp1140, ...): the extended controls plus the Java charset. */
    public static char[] extended(String javaCharset) {
        char[] t = jdk(javaCharset);
        applyExtendedControls(t);
        return t;
    }

    /**
     * Cobrix's default "common" table: only the invariant characters of README 3.6 map (as in cp037, except 0xCA is
     * '-'); 0x0D is LF, 0x25 is CR; every other byte is a space.
     */
    public static char[] common() {
        char[] cp037 = ibm037();
        char[] t = new char[256];
        java.util.Arrays.fill(t, ' ');
        int[] single = {0x4B, 0x4C, 0x4D, 0x4E, 0x4F, 0x50, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x60, 0x61, 0x6A, 0x6B, 0x6C,
            0x6D, 0x6E, 0x6F, 0x79, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F, 0xA1, 0xB0, 0xBA, 0xBB, 0xC0, 0xD0, 0xE0};
        for (int b : single) {
            t[b] = cp037[b];
        }
        int[][] ranges = {{0x81, 0x89}, {0x91, 0x99}, {0xA2, 0xA9}, {0xC1, 0xC9}, {0xD1, 0xD9}, {0xE2, 0xE9},
            {0xF0, 0xF9}};
        for (int[] r : ranges) {
            for (int b = r[0]; b <= r[1]; b++) {
                t[b] = cp037[b];
            }
        }
        t[0x6A] = '\u00A6';
        t[0xCA] = '-';
        t[0x0D] = '\n';
        t[0x25] = '\r';
        return t;
    }

    private static char[] ibm037() {
        return jdk("IBM037");
    }

    private static char[] jdk(String charset) {
        byte[] all = new byte[256];
        for (int b = 0; b < 256; b++) {
            all[b] = (byte) b;
        }
        return Charset.forName(charset).decode(ByteBuffer.wrap(all)).array().clone();
    }

    private static void applyExtendedControls(char[] t) {
        for (int b = 0; b < 0x40; b++) {
            t[b] = (char) EXTENDED_CONTROLS[b];
        }
        t[0xFF] = ' ';
    }
}
