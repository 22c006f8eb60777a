package dev.ringline.cobol.encode;

import dev.ringline.buffer.ByteVector;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.FloatingPoint;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.copybook.Segments;
import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.DecodeError;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.cobol.json.BlankNumerics;
import dev.ringline.cobol.json.EmptyText;
import dev.ringline.cobol.json.Fillers;
import dev.ringline.cobol.json.JsonOptions;
import dev.ringline.cobol.json.RecordDecoder;
import dev.ringline.cobol.json.Trim;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Encoding with a segment mapping: the discriminator's value picks the view of each governed REDEFINES set. */
class SegmentEncodeTest {
    private static final CodePage CP037 = CodePage.of("cp037");

    /** A common header, a governed set of three views (text, packed, binary) and a set no mapping governs. */
    static final String COPYBOOK = String.join("\n",
            "       01  MULTI.",
            "           05  HEADER.",
            "               10  REC-TYPE           PIC X(1).",
            "               10  REC-ID             PIC 9(4).",
            "           05  CUSTOMER.",
            "               10  NAME               PIC X(10).",
            "               10  BALANCE            PIC S9(5)V99.",
            "           05  ORDER REDEFINES CUSTOMER.",
            "               10  ORDER-NO           PIC 9(6) COMP.",
            "               10  AMOUNT             PIC S9(7)V99 COMP-3.",
            "           05  NOTE REDEFINES CUSTOMER.",
            "               10  NOTE-TEXT          PIC X(17).",
            "           05  TRAILER                PIC X(4).",
            "           05  TRAILER-N REDEFINES TRAILER PIC 9(4).") + "\n";

    static final Segments SEGMENTS = Segments.on("REC-TYPE").map("C", "CUSTOMER").map("O", "ORDER")
            .map("N", "NOTE");

    private static RecordLayout layout() {
        return Copybook.parse(COPYBOOK, "multi.cpy").firstRecord();
    }

    private static EncoderOptions options(Segments segments, boolean ignoreUnknown) {
        return new EncoderOptions(CP037, Fill.SPACES, ignoreUnknown, FloatingPoint.Format.IBM_HEX, false, segments);
    }

    private static byte[] encode(EncoderOptions options, String line) {
        RecordEncoder encoder = RecordEncoder.compile(layout(), options);
        ByteVector out = new ByteVector(64);
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        encoder.encode(bytes, 0, bytes.length, 6, 0, encoder.newContext(), out);
        return out.toByteArray();
    }

    private static DecodeError reject(EncoderOptions options, String line) {
        return assertThrows(RecordEncodeException.class, () -> encode(options, line)).error();
    }

    private static String decode(Segments segments, byte[] record) {
        JsonOptions json = new JsonOptions(CP037, Trim.RIGHT, false, false, false, BlankNumerics.REJECT,
                EmptyText.STRING, Fillers.OMIT, false, segments, true, FloatingPoint.Format.IBM_HEX);
        RecordDecoder decoder = RecordDecoder.compile(layout(), json);
        ByteVector out = new ByteVector(64);
        decoder.decode(record, 0, record.length, 0, 0, decoder.newContext(), out);
        String text = new String(out.toByteArray(), StandardCharsets.UTF_8);
        return text.substring(0, text.length() - 1);
    }

    @Test
    void eachLineEncodesTheViewItsValueSelectsAndDecodesBackToTheSameLine() {
        String customer = "{\"HEADER\":{\"REC-TYPE\":\"C\",\"REC-ID\":1},\"CUSTOMER\":{\"NAME\":\"ANN\","
                + "\"BALANCE\":-12.50},\"TRAILER\":\"0042\",\"TRAILER-N\":42}";
        String order = "{\"HEADER\":{\"REC-TYPE\":\"O\",\"REC-ID\":2},\"ORDER\":{\"ORDER-NO\":123456,"
                + "\"AMOUNT\":9876.54},\"TRAILER\":\"1234\",\"TRAILER-N\":1234}";
        byte[] c = encode(options(SEGMENTS, false), customer);
        byte[] o = encode(options(SEGMENTS, false), order);
        assertEquals(customer, decode(SEGMENTS, c));
        assertEquals(order, decode(SEGMENTS, o));
        // ORDER's 9 bytes (4 binary, 5 packed), then the 8 bytes of the 17-byte area ORDER does not cover: fill
        assertEquals("0001E240" + "000987654C" + "4040404040404040",
                HexFormat.of().withUpperCase().formatHex(o, 5, 22));
    }

    @Test
    void theDiscriminatorMayComeAfterTheViewsItSelects() {
        String late = "{\"ORDER\":{\"AMOUNT\":1.00,\"ORDER-NO\":7},\"TRAILER\":\"X\",\"HEADER\":{\"REC-ID\":3,"
                + "\"REC-TYPE\":\"O\"}}";
        String early = "{\"HEADER\":{\"REC-TYPE\":\"O\",\"REC-ID\":3},\"ORDER\":{\"ORDER-NO\":7,\"AMOUNT\":1.00},"
                + "\"TRAILER\":\"X\"}";
        assertArrayEquals(encode(options(SEGMENTS, false), early), encode(options(SEGMENTS, false), late));
    }

    @Test
    void aMissingSelectedViewGivesThatViewsMissingValuesNotTheFirstViews() {
        byte[] order = encode(options(SEGMENTS, false), "{\"HEADER\":{\"REC-TYPE\":\"O\",\"REC-ID\":4}}");
        // binary zero and packed zero (sign C), then fill: not the spaces and zoned zero of CUSTOMER
        assertEquals("00000000" + "000000000C" + "4040404040404040",
                HexFormat.of().withUpperCase().formatHex(order, 5, 22));
    }

    @Test
    void aViewTheSegmentDoesNotSelectIsRejectedNamingItOrSkippedWithIgnoreUnknown() {
        String line = "{\"HEADER\":{\"REC-TYPE\":\"O\",\"REC-ID\":5},\"ORDER\":{\"ORDER-NO\":1,\"AMOUNT\":2},"
                + "\"CUSTOMER\":{\"NAME\":\"ZED\",\"BALANCE\":0}}";
        DecodeError error = reject(options(SEGMENTS, false), line);
        assertEquals(ErrorCode.UNSELECTED_VIEW, error.code());
        assertEquals("CUSTOMER", error.fieldPath());
        assertTrue(error.message().contains("view CUSTOMER is not selected by segment value 'O' of "),
                error.message());
        assertTrue(error.message().contains("(line 7)"), error.message());

        byte[] lax = encode(options(SEGMENTS, true), line);
        byte[] plain = encode(options(SEGMENTS, false), line.substring(0, line.indexOf(",\"CUSTOMER\"")) + "}");
        assertArrayEquals(plain, lax);
    }

    @Test
    void anUnmappedValueIsUnknownSegmentOrWithEmitUnknownOnlyTheCommonFieldsOverFillBytes() {
        String line = "{\"HEADER\":{\"REC-TYPE\":\"Z\",\"REC-ID\":9},\"TRAILER\":\"T\"}";
        DecodeError error = reject(options(SEGMENTS, false), line);
        assertEquals(ErrorCode.UNKNOWN_SEGMENT, error.code());
        assertEquals("HEADER.REC-TYPE", error.fieldPath());
        assertTrue(error.message().contains("segment value 'Z'"), error.message());
        // no discriminator in the line: its fill value (spaces) maps to nothing either
        assertEquals(ErrorCode.UNKNOWN_SEGMENT, reject(options(SEGMENTS, false), "{\"TRAILER\":\"T\"}").code());

        Segments emit = SEGMENTS.emitUnknown(true);
        byte[] record = encode(options(emit, false), line);
        byte[] area = Arrays.copyOfRange(record, 5, 22);
        byte[] spaces = new byte[17];
        Arrays.fill(spaces, (byte) 0x40);
        assertArrayEquals(spaces, area);
        assertEquals("{\"HEADER\":{\"REC-TYPE\":\"Z\",\"REC-ID\":9},\"TRAILER\":\"0007\",\"TRAILER-N\":7}",
                decode(emit, encode(options(emit, false), line.replace("\"T\"", "\"0007\""))));
        // a view given with an unmapped value is one the segment does not select
        assertEquals(ErrorCode.UNSELECTED_VIEW, reject(options(emit, false),
                "{\"HEADER\":{\"REC-TYPE\":\"Z\"},\"NOTE\":{\"NOTE-TEXT\":\"x\"}}").code());
    }

    @Test
    void aNumericDiscriminatorIsComparedByValue() {
        String copybook = COPYBOOK.replace("REC-TYPE           PIC X(1).", "REC-TYPE           PIC 9(2) COMP-3.");
        RecordLayout layout = Copybook.parse(copybook, "multi.cpy").firstRecord();
        Segments segments = Segments.on("REC-TYPE").map("1", "CUSTOMER").map("2", "NOTE");
        RecordEncoder encoder = RecordEncoder.compile(layout, options(segments, false));
        byte[] line = "{\"HEADER\":{\"REC-TYPE\":2},\"NOTE\":{\"NOTE-TEXT\":\"HELLO\"}}"
                .getBytes(StandardCharsets.UTF_8);
        ByteVector out = new ByteVector(64);
        encoder.encode(line, 0, line.length, 0, 0, encoder.newContext(), out);
        assertEquals("002F", HexFormat.of().withUpperCase().formatHex(out.toByteArray(), 0, 2));
        byte[] wrong = "{\"HEADER\":{\"REC-TYPE\":2},\"CUSTOMER\":{}}".getBytes(StandardCharsets.UTF_8);
        RecordEncodeException e = assertThrows(RecordEncodeException.class, () -> encoder.encode(wrong, 0,
                wrong.length, 0, 0, encoder.newContext(), new ByteVector(64)));
        assertEquals(ErrorCode.UNSELECTED_VIEW, e.error().code());
    }

    @Test
    void aBadDiscriminatorValueIsRejectedWithItsPath() {
        DecodeError error = reject(options(SEGMENTS, false), "{\"HEADER\":{\"REC-TYPE\":\"TOO LONG\"}}");
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE, error.code());
        assertEquals("HEADER.REC-TYPE", error.fieldPath());
    }

    static final String RECORDS = String.join("\n",
            "       01  HEADER-REC.",
            "           05  KIND         PIC X.",
            "           05  SEQ          PIC 9(4) COMP.",
            "           05  RUN-DATE     PIC 9(8).",
            "       01  DETAIL-REC.",
            "           05  KIND         PIC X.",
            "           05  SEQ          PIC 9(4) COMP.",
            "           05  AMOUNT       PIC S9(7)V99 COMP-3.",
            "           05  ITEM         PIC X(12).") + "\n";

    private static String roundTrip(RecordLayout union, Segments segments, boolean variable, String line,
                                    int length) {
        EncoderOptions options = new EncoderOptions(CP037, Fill.SPACES, false, FloatingPoint.Format.IBM_HEX,
                variable, segments);
        RecordEncoder encoder = RecordEncoder.compile(union, options);
        ByteVector out = new ByteVector(64);
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        assertEquals(length, encoder.encode(bytes, 0, bytes.length, 0, 0, encoder.newContext(), out));
        JsonOptions json = new JsonOptions(CP037, Trim.RIGHT, false, false, false, BlankNumerics.REJECT,
                EmptyText.STRING, Fillers.OMIT, false, segments, true, FloatingPoint.Format.IBM_HEX);
        RecordDecoder decoder = RecordDecoder.compile(union, json);
        ByteVector text = new ByteVector(64);
        decoder.decode(out.toByteArray(), 0, length, 0, 0, decoder.newContext(), text);
        String decoded = new String(text.toByteArray(), StandardCharsets.UTF_8);
        return decoded.substring(0, decoded.length() - 1);
    }

    @Test
    void amongTheRecordsOfAUnionTheValueSelectsTheRecordWhoseFieldsTheLineHolds() {
        RecordLayout union = Copybook.parse(RECORDS, "records.cpy").union();
        Segments segments = Segments.on("KIND").map("H", "HEADER-REC").map("D", "DETAIL-REC");
        String header = "{\"KIND\":\"H\",\"SEQ\":1,\"RUN-DATE\":20261201}";
        String detail = "{\"KIND\":\"D\",\"SEQ\":2,\"AMOUNT\":-42.10,\"ITEM\":\"BOLT\"}";
        // fixed output: every record has the union's (longest) length; RDW: the selected record's own
        assertEquals(header, roundTrip(union, segments, false, header, 20));
        assertEquals(header, roundTrip(union, segments, true, header, 11));
        assertEquals(detail, roundTrip(union, segments, true, detail, 20));
        DecodeError other = reject(union, segments, "{\"KIND\":\"H\",\"ITEM\":\"BOLT\"}");
        assertEquals(ErrorCode.UNKNOWN_KEY, other.code());
        assertTrue(other.message().contains("no field ITEM in record HEADER-REC"), other.message());
        assertEquals(ErrorCode.UNKNOWN_SEGMENT, reject(union, segments, "{\"KIND\":\"Q\",\"SEQ\":3}").code());
        Segments emit = segments.emitUnknown(true);
        assertEquals("{\"KIND\":\"Q\",\"SEQ\":3}", roundTrip(union, emit, false, "{\"KIND\":\"Q\",\"SEQ\":3}", 20));
        assertEquals(ErrorCode.UNKNOWN_KEY, reject(union, emit, "{\"KIND\":\"Q\",\"ITEM\":\"x\"}").code());
    }

    private static DecodeError reject(RecordLayout union, Segments segments, String line) {
        RecordEncoder encoder = RecordEncoder.compile(union, options(segments, false));
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return assertThrows(RecordEncodeException.class, () -> encoder.encode(bytes, 0, bytes.length, 0, 0,
                encoder.newContext(), new ByteVector(64))).error();
    }

    @Test
    void aUnionWhoseRecordsNameTheDiscriminatorDifferentlyIsRefused() {
        String renamed = RECORDS.replace("05  KIND         PIC X.\n           05  SEQ          PIC 9(4) COMP.\n"
                + "           05  AMOUNT", "05  D-KIND       PIC X.\n           05  SEQ          PIC 9(4) COMP.\n"
                + "           05  AMOUNT");
        RecordLayout union = Copybook.parse(renamed, "records.cpy").union();
        CobolException e = assertThrows(CobolException.class, () -> RecordEncoder.compile(union,
                options(Segments.on("KIND").map("H", "HEADER-REC").map("D", "DETAIL-REC"), false)));
        assertEquals(ErrorCode.COPYBOOK_UNSUPPORTED, e.code());
        assertTrue(e.getMessage().contains("DETAIL-REC"), e.getMessage());
    }
}
