package dev.ringline.cobol;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;

/** Code-page tables transcribed from shared/testdata/cobrix/README.md section 3.6, for the JSON tests. */
final class CodePageFixtures {
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
    static char[] extendedControlsLatin1() {
        char[] t = new char[256];
        for (int b = 0; b < 256; b++) {
            t[b] = (char) b;
        }
        applyExtendedControls(t);
        return t;
    }

    /** Cobrix's cp037_extended: the extended controls plus Java's IBM037 for 0x40-0xFE. */
    static char[] cp037Extended() {
        char[] t = ibm037();
        applyExtendedControls(t);
        return t;
    }

    /** Cobrix's cp037: 0x00-0x3F and 0xFF are spaces except 0x0D → LF, 0x15 → U+0085, 0x25 → CR. */
    static char[] cp037() {
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

    private static char[] ibm037() {
        byte[] all = new byte[256];
        for (int b = 0; b < 256; b++) {
            all[b] = (byte) b;
        }
        return Charset.forName("IBM037").decode(ByteBuffer.wrap(all)).array().clone();
    }

    private static void applyExtendedControls(char[] t) {
        for (int b = 0; b < 0x40; b++) {
            t[b] = (char) EXTENDED_CONTROLS[b];
        }
        t[0xFF] = ' ';
    }
}
