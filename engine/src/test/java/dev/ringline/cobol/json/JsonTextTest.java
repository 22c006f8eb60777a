package dev.ringline.cobol.json;

import dev.ringline.cobol.SharedTestData;
import dev.ringline.cobol.codec.CodePageFixtures;
import dev.ringline.buffer.ByteVector;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonTextTest {
    private final JsonText extended = new JsonText(CodePageFixtures.extendedControlsLatin1());

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static String written(JsonText text, byte[] src, Trim trim) {
        ByteVector out = new ByteVector(4);
        text.appendString(src, 0, src.length, trim, out);
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    /** Independent reading of README section 3.2, char by char on a String. */
    private static String jacksonQuoted(char c) {
        StringBuilder sb = new StringBuilder("\"");
        switch (c) {
            case '"': sb.append("\\\""); break;
            case '\\': sb.append("\\\\"); break;
            case '\b': sb.append("\\b"); break;
            case '\t': sb.append("\\t"); break;
            case '\n': sb.append("\\n"); break;
            case '\f': sb.append("\\f"); break;
            case '\r': sb.append("\\r"); break;
            default:
                if (c < 0x20) {
                    sb.append(String.format("\\u%04X", (int) c));
                } else {
                    sb.append(c);
                }
        }
        return sb.append('"').toString();
    }

    @Test
    void everyByteOfTheExtendedControlTableIsEscapedAsJacksonDoes() {
        char[] table = CodePageFixtures.extendedControlsLatin1();
        for (int b = 0; b < 256; b++) {
            ByteVector out = new ByteVector(1);
            extended.appendString(new byte[] {(byte) b}, 0, 1, Trim.NONE, out);
            assertArrayEquals(jacksonQuoted(table[b]).getBytes(StandardCharsets.UTF_8), out.toByteArray(),
                    "byte 0x" + Integer.toHexString(b));
        }
    }

    @Test
    void everyByteOfLatin1IsEscapedAsJacksonDoes() {
        char[] latin1 = new char[256];
        for (int b = 0; b < 256; b++) {
            latin1[b] = (char) b;
        }
        JsonText text = new JsonText(latin1);
        for (int b = 0; b < 256; b++) {
            assertEquals(jacksonQuoted((char) b), written(text, new byte[] {(byte) b}, Trim.NONE),
                    "byte 0x" + Integer.toHexString(b));
        }
    }

    @Test
    void knownEscapesFromTheExpectedFiles() {
        assertEquals("\"\\u0000\"", written(extended, bytes(0x00), Trim.NONE));
        assertEquals("\"\\t\"", written(extended, bytes(0x05), Trim.NONE));
        assertEquals("\"\\n\"", written(extended, bytes(0x0D), Trim.NONE), "Cobrix maps 0x0D to LF");
        assertEquals("\"\\r\"", written(extended, bytes(0x25), Trim.NONE), "and 0x25 to CR");
        assertEquals("\"\\b\"", written(extended, bytes(0x16), Trim.NONE));
        assertEquals("\"\\f\"", written(extended, bytes(0x0C), Trim.NONE));
        assertEquals("\"\\u000B\"", written(extended, bytes(0x0B), Trim.NONE));
        assertEquals("\"\\u001A\"", written(extended, bytes(0x3F), Trim.NONE), "upper-case hex");
        assertEquals("\"\\u001B\"", written(extended, bytes(0x27), Trim.NONE));
        assertEquals("\"\\\\\"", written(extended, bytes(0x5C), Trim.NONE));
        assertEquals("\" \"", written(extended, bytes(0xFF), Trim.NONE));
        assertEquals("\"\\u0007\"", written(extended, bytes(0x2F), Trim.NONE));
        // Raw, unescaped UTF-8 for U+007F, U+0085, U+00A0, U+00AD.
        assertArrayEquals(bytes('"', 0x7F, '"'), utf8(extended, bytes(0x07)));
        assertArrayEquals(bytes('"', 0xC2, 0x85, '"'), utf8(extended, bytes(0x15)));
        assertArrayEquals(bytes('"', 0xC2, 0xA0, '"'), utf8(extended, bytes(0xA0)));
        assertArrayEquals(bytes('"', 0xC2, 0xAD, '"'), utf8(extended, bytes(0xAD)));
    }

    private static byte[] utf8(JsonText text, byte[] src) {
        ByteVector out = new ByteVector(1);
        text.appendString(src, 0, src.length, Trim.NONE, out);
        return out.toByteArray();
    }

    @Test
    void trimPolicies() {
        // U+0000, space, A, space, B, TAB, LF
        byte[] field = bytes(0x00, 0x04, 'A', 0x04, 'B', 0x05, 0x0D);
        assertEquals("\"\\u0000 A B\\t\\n\"", written(extended, field, Trim.NONE));
        assertEquals("\"A B\\t\\n\"", written(extended, field, Trim.LEFT));
        assertEquals("\"\\u0000 A B\"", written(extended, field, Trim.RIGHT));
        assertEquals("\"A B\"", written(extended, field, Trim.BOTH));
    }

    @Test
    void charsAboveSpaceAreNeverTrimmed() {
        byte[] field = bytes(0x15, 'A', 0xA0);
        assertArrayEquals(bytes('"', 0xC2, 0x85, 'A', 0xC2, 0xA0, '"'),
                written(extended, field, Trim.BOTH).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void blankFieldTrimsToEmptyString() {
        byte[] blank = bytes(0x04, 0x00, 0x20, 0xFF);
        for (Trim trim : List.of(Trim.LEFT, Trim.RIGHT, Trim.BOTH)) {
            assertEquals("\"\"", written(extended, blank, trim), trim.name());
        }
        assertEquals("\"\"", written(extended, new byte[0], Trim.NONE));
    }

    @Test
    void appendsTheRequestedSliceAfterExistingContent() {
        ByteVector out = new ByteVector(2);
        out.appendAscii("{\"K\":");
        extended.appendString(bytes('x', 'A', 'B', 'y'), 1, 2, Trim.BOTH, out);
        assertEquals("{\"K\":\"AB\"", new String(out.toByteArray(), StandardCharsets.UTF_8));
        assertThrows(IndexOutOfBoundsException.class,
                () -> extended.appendString(bytes(1, 2), 1, 2, Trim.NONE, new ByteVector(1)));
    }

    @Test
    void allZeroBytes() {
        assertTrue(JsonText.isAllZeroBytes(bytes(0, 0, 0), 0, 3));
        assertTrue(JsonText.isAllZeroBytes(bytes(5, 0, 0), 1, 2));
        assertFalse(JsonText.isAllZeroBytes(bytes(0, 0x40, 0), 0, 3));
        assertTrue(JsonText.isAllZeroBytes(bytes(7), 0, 0), "an empty slice has no non-zero byte");
    }

    @Test
    void rejectsBadTables() {
        assertThrows(IllegalArgumentException.class, () -> new JsonText(new char[255]));
        char[] surrogate = CodePageFixtures.extendedControlsLatin1();
        surrogate[0x41] = '\uD800';
        assertThrows(IllegalArgumentException.class, () -> new JsonText(surrogate));
    }

    /**
     * The text fields of test9 (CURRENCY X(3), SIGNATURE X(8), COMPANY-NAME-NP X(15), COMPANY-ID X(10) at the start
     * of each 45-byte record) written with JsonKeys and JsonText match the expected lines' prefixes exactly.
     */
    @Test
    void test9TextFieldsMatchCobrixByteForByte() throws IOException {
        Path dir = SharedTestData.cobrix().resolve("test9");
        byte[] data = Files.readAllBytes(dir.resolve("data.dat"));
        assertTest9(data, dir.resolve("expected_cp037_ext.jsonl"), new JsonText(CodePageFixtures.cp037Extended()),
                Trim.NONE);
        assertTest9(data, dir.resolve("expected_cp037.jsonl"), new JsonText(CodePageFixtures.cp037()), Trim.BOTH);
    }

    private static void assertTest9(byte[] data, Path expectedFile, JsonText text, Trim trim) throws IOException {
        List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8);
        assertEquals(60, expected.size());
        String[] names = {"CURRENCY", "SIGNATURE", "COMPANY_NAME_NP", "COMPANY_ID"};
        int[] offsets = {0, 3, 11, 26, 36};
        ByteVector line = new ByteVector(64);
        for (int r = 0; r < expected.size(); r++) {
            line.clear();
            line.append('{');
            for (int f = 0; f < names.length; f++) {
                int off = r * 45 + offsets[f];
                int len = offsets[f + 1] - offsets[f];
                if (JsonText.isAllZeroBytes(data, off, len)) {
                    continue;
                }
                if (line.length() > 1) {
                    line.append(',');
                }
                line.append(JsonKeys.encodeKey(names[f]));
                text.appendString(data, off, len, trim, line);
            }
            line.append(',');
            String prefix = new String(line.toByteArray(), StandardCharsets.UTF_8);
            assertTrue(expected.get(r).startsWith(prefix),
                    expectedFile.getFileName() + " record " + r + ":\n" + expected.get(r) + "\n" + prefix);
        }
    }

    @Test
    void utf8TextIsCopiedAndBadSequencesBecomeReplacementChars() {
        char[] latin1 = new char[256];
        for (int i = 0; i < 256; i++) {
            latin1[i] = (char) i;
        }
        JsonText utf8 = new JsonText(latin1, true);
        byte[] good = "h\u00e9llo \u20ac \ud83d\ude00 \"q\"  ".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteVector out = new ByteVector(64);
        utf8.appendString(good, 0, good.length, Trim.RIGHT, out);
        assertEquals("\"h\u00e9llo \u20ac \ud83d\ude00 \\\"q\\\"\"",
                new String(out.toByteArray(), java.nio.charset.StandardCharsets.UTF_8));
        // a lone continuation byte, an overlong form, and a sequence cut by the field's end
        byte[] bad = {'a', (byte) 0x80, 'b', (byte) 0xC0, (byte) 0x80, 'c', (byte) 0xE2, (byte) 0x82};
        out.clear();
        utf8.appendString(bad, 0, bad.length, Trim.NONE, out);
        assertEquals("\"a\ufffdb\ufffd\ufffdc\ufffd\ufffd\"",
                new String(out.toByteArray(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
