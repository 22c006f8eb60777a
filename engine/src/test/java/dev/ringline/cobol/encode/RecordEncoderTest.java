package dev.ringline.cobol.encode;

import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.FloatingPoint;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.error.DecodeError;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.cobol.json.JsonOptions;
import dev.ringline.cobol.json.RecordDecoder;
import dev.ringline.buffer.ByteVector;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the encoder writes for a line, and how it refuses lines that do not fit. */
class RecordEncoderTest {
    private static final CodePage CP037 = CodePage.of("cp037");

    static final String MIXED = String.join("\n",
            "       01  CUSTOMER-RECORD.",
            "           05  CUSTOMER-ID            PIC 9(10).",
            "           05  CUSTOMER-NAME          PIC X(30).",
            "           05  BALANCE                PIC S9(9)V99.",
            "           05  CREDIT-LIMIT           PIC S9(7)V99 COMP-3.",
            "           05  VISIT-COUNT            PIC S9(9) COMP.",
            "           05  FILLER                 PIC X(2).",
            "           05  OPENED-DATE            PIC 9(8).",
            "           05  OPENED-PARTS REDEFINES OPENED-DATE.",
            "               10  OPENED-YEAR        PIC 9(4).",
            "               10  OPENED-MONTH       PIC 9(2).",
            "               10  OPENED-DAY         PIC 9(2).",
            "           05  RECENT-ORDER OCCURS 3 TIMES.",
            "               10  ORDER-ID           PIC 9(8) COMP.",
            "               10  ORDER-AMOUNT       PIC S9(7)V99 COMP-3.",
            "           05  STATUS-CODE            PIC X(2).") + "\n";

    static RecordLayout layout(String copybook) {
        return Copybook.parse(copybook, "test.cpy").firstRecord();
    }

    static byte[] encode(RecordLayout layout, EncoderOptions options, String line) {
        RecordEncoder encoder = RecordEncoder.compile(layout, options);
        ByteVector out = new ByteVector(64);
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        encoder.encode(bytes, 0, bytes.length, 0, 0, encoder.newContext(), out);
        return out.toByteArray();
    }

    static byte[] encode(RecordLayout layout, String line) {
        return encode(layout, EncoderOptions.defaults(), line);
    }

    static String decode(RecordLayout layout, byte[] record) {
        RecordDecoder decoder = RecordDecoder.compile(layout, JsonOptions.defaults(CP037));
        ByteVector out = new ByteVector(64);
        decoder.decode(record, 0, record.length, 0, 0, decoder.newContext(), out);
        String json = new String(out.toByteArray(), StandardCharsets.UTF_8);
        return json.substring(0, json.length() - 1);
    }

    static DecodeError reject(RecordLayout layout, EncoderOptions options, String line) {
        return assertThrows(RecordEncodeException.class, () -> encode(layout, options, line)).error();
    }

    static DecodeError reject(RecordLayout layout, String line) {
        return reject(layout, EncoderOptions.defaults(), line);
    }

    @Test
    void encodesWhatDecodeWritesAndDecodesBackToTheSameLine() {
        RecordLayout layout = layout(MIXED);
        String line = "{\"CUSTOMER-ID\":123,\"CUSTOMER-NAME\":\"Ada Lovelace\",\"BALANCE\":-1234.50,"
                + "\"CREDIT-LIMIT\":5000.00,\"VISIT-COUNT\":-7,\"OPENED-DATE\":20240131,"
                + "\"OPENED-PARTS\":{\"OPENED-YEAR\":2024,\"OPENED-MONTH\":1,\"OPENED-DAY\":31},"
                + "\"RECENT-ORDER\":[{\"ORDER-ID\":1,\"ORDER-AMOUNT\":0.01},{\"ORDER-ID\":99999999,"
                + "\"ORDER-AMOUNT\":-9999999.99},{\"ORDER-ID\":0,\"ORDER-AMOUNT\":0.00}],\"STATUS-CODE\":\"OK\"}";
        byte[] record = encode(layout, line);
        assertEquals(layout.length(), record.length);
        assertEquals(line, decode(layout, record));
        assertArrayEquals(record, encode(layout, decode(layout, record)));
    }

    @Test
    void writesTheExpectedBytesPerType() {
        RecordLayout layout = layout(MIXED);
        byte[] record = encode(layout, "{\"CUSTOMER-ID\":42,\"BALANCE\":-1.5,\"CREDIT-LIMIT\":12.34,"
                + "\"VISIT-COUNT\":-2}");
        HexFormat hex = HexFormat.of();
        assertEquals("f0f0f0f0f0f0f0f0f4f2", hex.formatHex(record, 0, 10));          // unsigned zoned: F zones
        assertEquals("f0".repeat(8) + "f1f5d0", hex.formatHex(record, 40, 51));    // -1.50: D overpunch
        assertEquals("000001234c", hex.formatHex(record, 51, 56));                   // packed, C sign
        assertEquals("fffffffe", hex.formatHex(record, 56, 60));                     // binary two's complement
        assertEquals("4040", hex.formatHex(record, 60, 62));                         // FILLER: spaces
        assertEquals("40".repeat(30), hex.formatHex(record, 10, 40));               // missing text: spaces
        assertEquals("f0".repeat(8), hex.formatHex(record, 62, 70));                // missing zoned: zero
    }

    @Test
    void fillChoosesFillerAndMissingBytes() {
        RecordLayout layout = layout(MIXED);
        EncoderOptions lowValues = new EncoderOptions(CP037, Fill.LOW_VALUES, false, FloatingPoint.Format.IBM_HEX,
                false);
        byte[] record = encode(layout, lowValues, "{}");
        for (byte b : record) {
            assertEquals(0, b);
        }
        EncoderOptions zeros = new EncoderOptions(CP037, Fill.ZEROS, false, FloatingPoint.Format.IBM_HEX, false);
        byte[] z = encode(layout, zeros, "{}");
        assertEquals((byte) 0xF0, z[60]);
        assertEquals((byte) 0xF0, z[10]);
        assertEquals((byte) 0x0C, z[55]); // packed zero keeps its sign nibble
    }

    @Test
    void refusesValuesThatDoNotFitWithLinePathAndReason() {
        RecordLayout layout = layout(MIXED);
        DecodeError tooLong = reject(layout, "{\"CUSTOMER-ID\":12345678901}");
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE, tooLong.code());
        assertEquals("CUSTOMER-ID", tooLong.fieldPath());
        assertTrue(tooLong.message().contains("line 1"), tooLong.message());

        DecodeError scale = reject(layout, "{\"BALANCE\":1.234}");
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE, scale.code());
        assertTrue(scale.message().contains("fraction digits"), scale.message());
        encode(layout, "{\"BALANCE\":1.2300}"); // zeros beyond the scale lose nothing

        DecodeError unsigned = reject(layout, "{\"RECENT-ORDER\":[{},{\"ORDER-ID\":-1}]}");
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE, unsigned.code());
        assertEquals("RECENT-ORDER[1].ORDER-ID", unsigned.fieldPath());

        DecodeError text = reject(layout, "{\"STATUS-CODE\":\"ABC\"}");
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE, text.code());

        DecodeError unencodable = reject(layout, "{\"STATUS-CODE\":\"\u20ac\"}");
        assertEquals(ErrorCode.UNENCODABLE_CHARACTER, unencodable.code());
        assertEquals("STATUS-CODE", unencodable.fieldPath());

        DecodeError binary = reject(layout, "{\"RECENT-ORDER\":[{\"ORDER-ID\":123456789}]}");
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE, binary.code()); // fits 4 bytes, not PIC 9(8)

        DecodeError tooMany = reject(layout, "{\"RECENT-ORDER\":[{},{},{},{}]}");
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE, tooMany.code());
    }

    @Test
    void refusesKeysAndKindsThatDoNotMatch() {
        RecordLayout layout = layout(MIXED);
        DecodeError unknown = reject(layout, "{\"OPENED-PARTS\":{\"OPENED-HOUR\":1}}");
        assertEquals(ErrorCode.UNKNOWN_KEY, unknown.code());
        assertEquals("OPENED-PARTS.OPENED-HOUR", unknown.fieldPath());
        EncoderOptions lax = new EncoderOptions(CP037, Fill.SPACES, true, FloatingPoint.Format.IBM_HEX, false);
        encode(layout, lax, "{\"OPENED-PARTS\":{\"OPENED-HOUR\":[1,{\"a\":null}]}}");
        encode(layout, "{\"_record\":3,\"_offset\":366,\"_length\":122}");

        assertEquals(ErrorCode.WRONG_JSON_TYPE, reject(layout, "{\"BALANCE\":\"abc\"}").code());
        assertEquals(ErrorCode.WRONG_JSON_TYPE, reject(layout, "{\"BALANCE\":true}").code());
        assertEquals(ErrorCode.WRONG_JSON_TYPE, reject(layout, "{\"STATUS-CODE\":12}").code());
        assertEquals(ErrorCode.WRONG_JSON_TYPE, reject(layout, "{\"RECENT-ORDER\":{}}").code());
        assertEquals(ErrorCode.BAD_JSON, reject(layout, "{\"BALANCE\":1,\"BALANCE\":2}").code());
        assertEquals(ErrorCode.BAD_JSON, reject(layout, "{\"BALANCE\":1").code());
        assertEquals(ErrorCode.BAD_JSON, reject(layout, "[1]").code());
        assertEquals(ErrorCode.BAD_JSON, reject(layout, "{} {}").code());
        assertEquals(ErrorCode.BAD_JSON, reject(layout, "{\"BALANCE\":01}").code());
        assertEquals(ErrorCode.BAD_JSON, reject(layout, "").code());
    }

    @Test
    void acceptsNumbersAsStringsAndExponents() {
        RecordLayout layout = layout(MIXED);
        assertArrayEquals(encode(layout, "{\"BALANCE\":-12.30}"), encode(layout, "{\"BALANCE\":\"-12.30\"}"));
        assertArrayEquals(encode(layout, "{\"BALANCE\":1230}"), encode(layout, "{\"BALANCE\":1.23e3}"));
    }

    @Test
    void redefinesViewsMustAgree() {
        RecordLayout layout = layout(MIXED);
        byte[] viaDate = encode(layout, "{\"OPENED-DATE\":20240131}");
        byte[] viaParts = encode(layout, "{\"OPENED-PARTS\":{\"OPENED-YEAR\":2024,\"OPENED-MONTH\":1,\"OPENED-DAY\":31}}");
        assertArrayEquals(viaDate, viaParts);
        DecodeError mismatch = reject(layout, "{\"OPENED-DATE\":20240131,\"OPENED-PARTS\":{\"OPENED-YEAR\":2023}}");
        assertEquals(ErrorCode.REDEFINES_MISMATCH, mismatch.code());
        assertTrue(mismatch.message().contains("OPENED-DATE") && mismatch.message().contains("OPENED-PARTS"),
                mismatch.message());
        // a partial view only has to agree on the bytes it sets
        assertArrayEquals(viaDate, encode(layout, "{\"OPENED-DATE\":20240131,\"OPENED-PARTS\":{\"OPENED-DAY\":31}}"));
    }

    @Test
    void dependingOnCounterFollowsTheArray() {
        RecordLayout layout = layout(String.join("\n",
                "       01  R.",
                "           05  N        PIC 9(2).",
                "           05  ITEMS OCCURS 1 TO 5 TIMES DEPENDING ON N.",
                "               10  V    PIC S9(3) COMP-3.") + "\n");
        byte[] record = encode(layout, "{\"ITEMS\":[{\"V\":1},{\"V\":-2}]}");
        assertEquals(12, record.length);
        assertEquals("f0f2", HexFormat.of().formatHex(record, 0, 2));
        assertEquals("{\"N\":2,\"ITEMS\":[{\"V\":1},{\"V\":-2}]}", decode(layout, record));

        EncoderOptions variable = new EncoderOptions(CP037, Fill.SPACES, false, FloatingPoint.Format.IBM_HEX, true);
        assertEquals(6, encode(layout, variable, "{\"N\":2,\"ITEMS\":[{\"V\":1},{\"V\":-2}]}").length);

        DecodeError mismatch = reject(layout, "{\"N\":3,\"ITEMS\":[{\"V\":1}]}");
        assertEquals(ErrorCode.ODO_OUT_OF_RANGE, mismatch.code());
        assertEquals("ITEMS", mismatch.fieldPath());
        assertEquals(ErrorCode.ODO_OUT_OF_RANGE, reject(layout, "{\"ITEMS\":[]}").code());
        assertEquals(4, encode(layout, variable, "{\"N\":1}").length);
    }

    @Test
    void editedPicturesWithAnOverpunchedSignRoundTrip() {
        RecordLayout layout = layout("       01  R.\n           05  E    PIC S9(3).99.\n           05  F    PIC 9(8)+.\n");
        for (String hex : new String[] {"f3f0f54bf0d3f0f0f0f0f1f2f3f44e", "f7f8f44bf4c9f0f0f0f0f0f0f0f04e"}) {
            byte[] record = HexFormat.of().parseHex(hex);
            String json = decode(layout, record);
            assertEquals(hex, HexFormat.of().formatHex(encode(layout, json)), json);
        }
        assertEquals("{\"E\":-305.03,\"F\":1234}", decode(layout, HexFormat.of().parseHex(
                "f3f0f54bf0d3f0f0f0f0f1f2f3f44e")));
        EncoderOptions ascii = new EncoderOptions(CodePage.of("ascii"), Fill.SPACES, false,
                FloatingPoint.Format.IBM_HEX, false);
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE, reject(layout, ascii, "{\"E\":-1}").code());
    }
}
