package dev.ringline.cobol.codec;

import dev.ringline.cobol.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodePageTest {
    @ParameterizedTest
    @CsvSource({"cp037,IBM037", "cp273,IBM273", "cp500,IBM500", "cp1047,IBM1047", "cp1140,IBM01140",
            "cp1141,IBM01141", "cp1148,IBM01148", "ascii,ISO-8859-1"})
    void everyByteMatchesTheJdkCharset(String name, String jdkName) {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        String jdk = new String(all, Charset.forName(jdkName));
        assertEquals(256, jdk.length());
        CodePage page = CodePage.of(name);
        for (int b = 0; b < 256; b++) {
            assertTrue(jdk.charAt(b) != '\uFFFD', "JDK maps byte " + b);
            assertEquals(jdk.charAt(b), page.toChar(b), name + " byte " + Integer.toHexString(b));
        }
        assertEquals(jdk, new String(page.toCharTable()));
        assertEquals(name, page.name());
        assertEquals(!name.equals("ascii"), page.isEbcdic());
    }

    @Test
    void encodeInvertsDecodeWhereTheTableIsInjective() {
        for (String name : CodePage.names()) {
            CodePage page = CodePage.of(name);
            Map<Character, Integer> count = new HashMap<>();
            for (int b = 0; b < 256; b++) {
                count.merge(page.toChar(b), 1, Integer::sum);
            }
            for (int b = 0; b < 256; b++) {
                char c = page.toChar(b);
                if (count.get(c) == 1) {
                    assertEquals(b, page.toByte(c), name + " byte " + b);
                } else {
                    assertEquals(c, page.toChar(page.toByte(c)), name + " char " + (int) c);
                }
            }
        }
    }

    @Test
    void knownVectors() {
        CodePage cp037 = CodePage.of("cp037");
        assertEquals('A', cp037.toChar(0xC1));
        assertEquals('$', cp037.toChar(0x5B));
        assertEquals('Ä', CodePage.of("cp273").toChar(0x4A));
        assertEquals('€', CodePage.of("cp1140").toChar(0x9F));
        assertEquals(0x9F, CodePage.of("cp1140").toByte('€'));
        assertEquals(-1, cp037.toByte('€'));
        assertEquals((byte) 0x40, cp037.space());
        assertEquals((byte) 0xF0, cp037.digitZero());
        assertEquals((byte) 0x20, CodePage.of("ascii").space());
        assertEquals((byte) 0x30, CodePage.of("ascii").digitZero());
    }

    @Test
    void namesAndUnknownName() {
        List<String> names = CodePage.names();
        assertEquals(List.of("cp037", "cp273"), names.subList(0, 2));
        assertEquals(List.of("ascii", "utf8"), names.subList(names.size() - 2, names.size()));
        // the pages the issue asks for that JDK 17 ships (it has no IBM1153 / IBM1154)
        for (int n : new int[] {37, 273, 277, 278, 280, 284, 285, 297, 420, 424, 500, 838, 870, 871, 875, 1025,
            1026, 1047, 1112, 1122, 1123, 1140, 1141, 1142, 1143, 1144, 1145, 1146, 1147, 1148, 1149}) {
            String name = n < 100 ? String.format("cp%03d", n) : "cp" + n;
            assertTrue(names.contains(name), name + " in " + names);
            assertTrue(CodePage.of(name).isEbcdic());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CodePage.of("cp999"));
        assertTrue(e.getMessage().contains("cp1148"), e.getMessage());
    }

    @ParameterizedTest
    @MethodSource("ebcdicNames")
    void everyBuiltInEbcdicPageIsItsJdkCharset(String name) {
        CodePage page = CodePage.of(name);
        Charset jdk = Charset.forName(name); // cpNNN is an alias of every such JDK charset
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        if (page.hasDoubleByte()) {
            // a mixed page: each byte decoded alone, the shift-out byte has no char of its own
            for (int b = 0; b < 256; b++) {
                String one = new String(new byte[] {(byte) b}, jdk);
                if (b != 0x0E) {
                    assertEquals(one, String.valueOf(page.toChar(b)), name + " byte " + b);
                }
            }
        } else {
            assertEquals(new String(all, jdk), new String(page.toCharTable()), name);
        }
        assertEquals((byte) 0x40, page.space());
        assertEquals((byte) 0xF0, page.digitZero());
    }

    static List<String> ebcdicNames() {
        return CodePage.names().stream().filter(n -> n.startsWith("cp")).toList();
    }

    @Test
    void jdkCharsetNamesAreAccepted() {
        assertEquals(CodePage.of("cp1141"), CodePage.of("IBM01141"), "a JDK name of a built-in page is that page");
        assertEquals("cp1025", CodePage.of("x-IBM1025").name());
        assertEquals(CodePage.of("cp500"), CodePage.of("CP500"), "case is ignored");
        CodePage windows = CodePage.of("windows-1252");
        assertFalse(windows.isEbcdic());
        assertEquals('€', windows.toChar(0x80));
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class, () -> CodePage.of("UTF-16"));
        assertTrue(wide.getMessage().contains("not a single-byte"), wide.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CodePage.of("no such charset!"));
    }

    @Test
    void utf8IsAsciiForNumbersAndFlagsItsText() {
        CodePage utf8 = CodePage.of("utf8");
        assertTrue(utf8.isUtf8());
        assertFalse(utf8.isEbcdic());
        assertEquals((byte) 0x30, utf8.digitZero());
        assertFalse(CodePage.of("ascii").isUtf8());
    }

    @Test
    void encodePadsAndRejects() {
        CodePage cp037 = CodePage.of("cp037");
        byte[] dst = new byte[5];
        cp037.encode("AB", dst, 0, 5);
        assertArrayEquals(new byte[]{(byte) 0xC1, (byte) 0xC2, 0x40, 0x40, 0x40}, dst);
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE,
                assertThrows(FieldDecodeException.class, () -> cp037.encode("ABCDEF", dst, 0, 5)).code());
        FieldDecodeException bad = assertThrows(FieldDecodeException.class, () -> cp037.encode("A€", dst, 0, 5));
        assertEquals(ErrorCode.UNENCODABLE_CHARACTER, bad.code());
        assertEquals(1, bad.byteIndex());
    }

    @Test
    void customTableLikeCobrixCommonPrefersGraphicSpace() {
        // A Cobrix-style variant: control bytes shown as spaces.
        char[] table = CodePage.of("cp037").toCharTable();
        for (int b = 0; b < 0x40; b++) {
            table[b] = ' ';
        }
        table[0xFF] = ' ';
        CodePage variant = CodePage.custom("cp037_spaces", table, true);
        assertEquals(' ', variant.toChar(0x00));
        assertEquals(0x40, variant.toByte(' '));
        assertEquals((byte) 0x40, variant.space());
        assertFalse(variant.toChar(0x41) == ' ');
        table[0] = 'X'; // the custom page holds its own copy
        assertEquals(' ', variant.toChar(0x00));
    }
}
