package dev.ringline.cobol;

import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.CopybookException;
import dev.ringline.cobol.copybook.CopybookOptions;
import dev.ringline.cobol.copybook.FieldType;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Section 5 of issue 11: copybook dialects found in the wild. */
class DialectsTest {
    private static String decode(RecordLayout layout, byte[] data, DecodeOptions.Builder options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CobolDecoder.decode(Channels.newChannel(new ByteArrayInputStream(data)), layout, options.build(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void inlineCommentsEndTheLineInFixedFormatButNotInsideLiterals() {
        RecordLayout layout = Copybook.parse(String.join("\n",
                "       01  R.                          *> the record",
                "           05  A  PIC X(3). *> three bytes",
                "           05  B  *> a comment between clauses",
                "                  PIC 9(2).",
                "           05  C  PIC X(2) VALUE '*>'."), "c.cpy").firstRecord();
        assertEquals(7, layout.length());
        assertEquals("C", layout.fields().get(2).name());
        RecordLayout free = Copybook.parse(String.join("\n",
                "01 R. *> free form",
                "  05 A PIC X(3). *> three bytes"), "f.cpy").firstRecord();
        assertEquals(3, free.length());
    }

    private static final String SHIFTED = String.join("\n",
            "       01  R.",
            "   *  exported by a tool that shifts the comment star",
            "  *****************************************",
            "           05  A  PIC X(3).");

    @Test
    void lenientFormatTreatsAStarInColumnsOneToEightAsAComment() {
        CopybookException strict = assertThrows(CopybookException.class, () -> Copybook.parse(SHIFTED, "s.cpy"));
        assertEquals(2, strict.line());
        RecordLayout layout = Copybook.parse(SHIFTED, "s.cpy", CopybookOptions.defaults().withLenient(true))
                .firstRecord();
        assertEquals(3, layout.length());
    }

    @Test
    void copybookColumnsMoveTheIndicatorAndTheCodeArea() {
        String text = String.join("\n",
                "0001*a comment in the indicator column 5",
                "0002 01  R.",
                "0003     05  A  PIC X(2).                                               IGNORED",
                "0004     05  B  PIC 9(3).");
        assertThrows(CopybookException.class, () -> Copybook.parse(text, "cols.cpy"));
        RecordLayout layout = Copybook.parse(text, "cols.cpy", CopybookOptions.defaults().withColumns(5, 60))
                .firstRecord();
        assertEquals(5, layout.length());
        assertEquals(2, layout.fields().size());
        assertThrows(IllegalArgumentException.class, () -> CopybookOptions.defaults().withColumns(8, 8));
    }

    @Test
    void nationalTextIsUtf16BigEndian() throws IOException {
        RecordLayout layout = Copybook.parse(String.join("\n",
                "       01  R.",
                "           05  N1  PIC N(6).",
                "           05  N2  PIC N(2) USAGE NATIONAL."), "n.cpy").firstRecord();
        assertEquals(FieldType.NATIONAL, layout.fields().get(0).type());
        assertEquals(16, layout.length());
        byte[] data = new byte[16];
        byte[] text = "Gr\u00fc\u00df\ud83d\ude00".getBytes(StandardCharsets.UTF_16BE); // 6 units = 12 bytes
        System.arraycopy(text, 0, data, 0, 12);
        byte[] padded = "\"  ".getBytes(StandardCharsets.UTF_16BE);
        System.arraycopy(padded, 0, data, 12, 4);
        assertEquals("{\"N1\":\"Gr\u00fc\u00df\ud83d\ude00\",\"N2\":\"\\\"\"}\n",
                decode(layout, data, DecodeOptions.builder()));
    }

    @Test
    void doubleByteTextUsesTheCodePagesDbcsCharset() throws IOException {
        RecordLayout layout = Copybook.parse(String.join("\n",
                "       01  R.",
                "           05  G1  PIC G(3).",
                "           05  G2  PIC N(2) USAGE DISPLAY-1."), "g.cpy").firstRecord();
        assertEquals(FieldType.DBCS, layout.fields().get(0).type());
        assertEquals(FieldType.DBCS, layout.fields().get(1).type());
        Charset ibm939 = Charset.forName("x-IBM939");
        byte[] nihon = "\u65e5\u672c".getBytes(ibm939); // SO, 4 bytes, SI
        byte[] data = new byte[10];
        Arrays.fill(data, (byte) 0x40);
        System.arraycopy(nihon, 1, data, 0, 4);
        System.arraycopy("\u6771".getBytes(ibm939), 1, data, 6, 2);
        assertEquals("{\"G1\":\"\u65e5\u672c\",\"G2\":\"\u6771\"}\n",
                decode(layout, data, DecodeOptions.builder().codePage(CodePage.of("cp939"))));
        assertTrue(CodePage.of("cp930").hasDoubleByte());
        CobolException none = assertThrows(CobolException.class, () -> decode(layout, data,
                DecodeOptions.builder()));
        assertEquals(ErrorCode.COPYBOOK_UNSUPPORTED, none.code());
        assertTrue(none.getMessage().contains("cp939") && none.getMessage().contains("cp037 has none"),
                none.getMessage());
    }

    @Test
    void comp9IsLittleEndianAndBinaryOrderLittleReadsPcFiles() throws IOException {
        RecordLayout layout = Copybook.parse(String.join("\n",
                "       01  R.",
                "           05  LE    PIC S9(4) COMP-9.",
                "           05  BIN   PIC S9(4) COMP.",
                "           05  NAT   PIC 9(8) COMP-5."), "b.cpy").firstRecord();
        byte[] data = {0x39, 0x30, 0x30, 0x39, 0x01, 0x00, 0x00, 0x00};
        assertEquals("{\"LE\":12345,\"BIN\":12345,\"NAT\":16777216}\n", decode(layout, data,
                DecodeOptions.builder()));
        assertEquals("{\"LE\":12345,\"BIN\":14640,\"NAT\":1}\n", decode(layout, data,
                DecodeOptions.builder().binaryBigEndian(false)));
    }

    @Test
    void aMisspeltUsageGetsAHint() {
        for (String clause : new String[] {"COMP3", "USAGE COMP3", "USAGE IS COMPUTATIONAL3", "COMP_3"}) {
            CopybookException e = assertThrows(CopybookException.class, () -> Copybook.parse(
                    "       01  R.\n           05  A  PIC S9(5) " + clause + ".\n", "t.cpy"));
            assertTrue(e.getMessage().contains("did you mean COMP"), clause + ": " + e.getMessage());
        }
        CopybookException display = assertThrows(CopybookException.class, () -> Copybook.parse(
                "       01  R.\n           05  A  PIC G(2) DISPLAY1.\n", "t.cpy"));
        assertTrue(display.getMessage().contains("did you mean DISPLAY-1"), display.getMessage());
    }
}
