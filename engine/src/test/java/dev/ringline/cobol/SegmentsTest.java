package dev.ringline.cobol;

import dev.ringline.cobol.CobolDecoderTest.RejectsCollector;
import dev.ringline.cobol.codec.BinaryInteger;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.codec.PackedDecimal;
import dev.ringline.cobol.codec.ZonedDecimal;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.copybook.Segments;
import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.cobol.framing.FramingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Section 1 of issue 11: one REDEFINES view (or one 01 record) per record, chosen by a discriminator field. */
class SegmentsTest {
    /** An export-like record: a type byte and key, three views of a 30-byte area, a trailer. 41 bytes. */
    static final String EXPORT = String.join("\n",
            "       01  EXPORT-REC.",
            "           05  REC-TYPE         PIC X(1).",
            "           05  ACCOUNT-KEY      PIC 9(6).",
            "           05  CUSTOMER-DATA.",
            "               10  CUST-NAME    PIC X(10).",
            "               10  CUST-BALANCE PIC S9(7)V99 COMP-3.",
            "               10  CUST-SINCE   PIC 9(8).",
            "               10  CUST-VISITS  PIC S9(4) COMP.",
            "               10  FILLER       PIC X(5).",
            "           05  ORDER-DATA REDEFINES CUSTOMER-DATA.",
            "               10  ORDER-NO     PIC 9(8) COMP.",
            "               10  ORDER-AMOUNT PIC S9(9)V99 COMP-3.",
            "               10  ORDER-QTY    PIC S9(5).",
            "               10  ORDER-ITEM   PIC X(15).",
            "           05  NOTE-DATA REDEFINES CUSTOMER-DATA.",
            "               10  NOTE-TEXT    PIC X(26).",
            "               10  NOTE-SEQ     PIC 9(4) COMP.",
            "               10  NOTE-CODE    PIC S9(3) COMP-3.",
            "           05  TRAILER-CHK      PIC 9(4).");
    static final int LENGTH = 41;
    static final CodePage CP037 = CodePage.of("cp037");

    static RecordLayout export() {
        return Copybook.parse(EXPORT, "export.cpy").firstRecord();
    }

    /** Record {@code i}: type C, O or N in turn (c for every 7th customer), each view filled with its own values. */
    static byte[] exportRecord(int i) {
        byte[] rec = new byte[LENGTH];
        Arrays.fill(rec, CP037.space());
        char type = "CON".charAt(i % 3);
        CP037.encode(i % 7 == 0 && type == 'C' ? "c" : String.valueOf(type), rec, 0, 1);
        ZonedDecimal.encodeUnscaled(100_000 + i, NumericFormat.of(6, 0, false), true, rec, 1);
        switch (type) {
            case 'C':
                CP037.encode("CUSTOMER" + (i % 10), rec, 7, 10);
                PackedDecimal.encodeUnscaled(-12_345L * i, NumericFormat.of(9, 2, true), rec, 17);
                ZonedDecimal.encodeUnscaled(20_200_101 + i, NumericFormat.of(8, 0, false), true, rec, 22);
                BinaryInteger.encodeUnscaled(-i, NumericFormat.of(4, 0, true), true, rec, 30, 2);
                break;
            case 'O':
                BinaryInteger.encodeUnscaled(9_000_000 + i, NumericFormat.of(8, 0, false), true, rec, 7, 4);
                PackedDecimal.encodeUnscaled(99_999L * i + 1, NumericFormat.of(11, 2, true), rec, 11);
                ZonedDecimal.encodeUnscaled(-i, NumericFormat.of(5, 0, true), true, rec, 17);
                CP037.encode("ITEM-" + i, rec, 22, 15);
                break;
            default:
                CP037.encode("NOTE NUMBER " + i, rec, 7, 26);
                BinaryInteger.encodeUnscaled(i, NumericFormat.of(4, 0, false), true, rec, 33, 2);
                PackedDecimal.encodeUnscaled(-(i % 1000), NumericFormat.of(3, 0, true), rec, 35);
                break;
        }
        ZonedDecimal.encodeUnscaled(i % 10_000, NumericFormat.of(4, 0, false), true, rec, 37);
        return rec;
    }

    static byte[] exportFile(int records) {
        byte[] all = new byte[records * LENGTH];
        for (int i = 0; i < records; i++) {
            System.arraycopy(exportRecord(i), 0, all, i * LENGTH, LENGTH);
        }
        return all;
    }

    static Segments exportSegments() {
        return Segments.on("REC-TYPE").map("C", "CUSTOMER-DATA").map("c", "CUSTOMER-DATA")
                .map("O", "ORDER-DATA").map("N", "NOTE-DATA");
    }

    private static List<Map<String, Object>> lines(ByteArrayOutputStream out) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                rows.add(Json.object(line));
            }
        }
        return rows;
    }

    private static DecodeSummary decode(RecordLayout layout, byte[] data, DecodeOptions.Builder options,
                                        ByteArrayOutputStream out) throws IOException {
        return CobolDecoder.decode(Channels.newChannel(new ByteArrayInputStream(data)), layout, options.build(), out);
    }

    @Test
    void withoutSegmentsEveryRecordOfTheMultiViewFileIsRejected() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecodeSummary s = decode(export(), exportFile(30), DecodeOptions.builder(), out);
        assertEquals(30, s.recordsRejected(), "the views that do not apply hold invalid numbers");
    }

    @Test
    void eachRecordDecodesOnlyTheViewItsTypeSelects() throws IOException {
        int n = 60;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecodeSummary s = decode(export(), exportFile(n), DecodeOptions.builder().segments(exportSegments()), out);
        assertEquals(new DecodeSummary(n, n, 0, 0, (long) n * LENGTH, out.size()), s);
        List<Map<String, Object>> rows = lines(out);
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = rows.get(i);
            char type = "CON".charAt(i % 3);
            String view = type == 'C' ? "CUSTOMER-DATA" : type == 'O' ? "ORDER-DATA" : "NOTE-DATA";
            assertEquals(List.of("REC-TYPE", "ACCOUNT-KEY", view, "TRAILER-CHK"), new ArrayList<>(row.keySet()),
                    "record " + i);
            assertEquals(new BigDecimal(100_000 + i), row.get("ACCOUNT-KEY"));
            assertEquals(new BigDecimal(i % 10_000), row.get("TRAILER-CHK"));
            @SuppressWarnings("unchecked")
            Map<String, Object> body = (Map<String, Object>) row.get(view);
            switch (type) {
                case 'C':
                    assertEquals(Map.of("CUST-NAME", "CUSTOMER" + (i % 10),
                            "CUST-BALANCE", BigDecimal.valueOf(-12_345L * i, 2),
                            "CUST-SINCE", new BigDecimal(20_200_101 + i),
                            "CUST-VISITS", new BigDecimal(-i)), body);
                    break;
                case 'O':
                    assertEquals(Map.of("ORDER-NO", new BigDecimal(9_000_000 + i),
                            "ORDER-AMOUNT", BigDecimal.valueOf(99_999L * i + 1, 2),
                            "ORDER-QTY", new BigDecimal(-i),
                            "ORDER-ITEM", "ITEM-" + i), body);
                    break;
                default:
                    assertEquals(Map.of("NOTE-TEXT", "NOTE NUMBER " + i, "NOTE-SEQ", new BigDecimal(i),
                            "NOTE-CODE", new BigDecimal(-(i % 1000))), body);
                    break;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void outputIsTheSameForAnyWorkerCount(int workers) throws IOException {
        byte[] data = exportFile(5000);
        data[17 * LENGTH] = CP037.toByte('X') < 0 ? 0 : (byte) CP037.toByte('X'); // one unknown segment
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        CobolDecoder.decodeSequential(Channels.newChannel(new ByteArrayInputStream(data)), export(),
                DecodeOptions.builder().segments(exportSegments()).build(), one);
        ByteArrayOutputStream many = new ByteArrayOutputStream();
        DecodeSummary s = decode(export(), data, DecodeOptions.builder().segments(exportSegments())
                .workers(workers), many);
        assertEquals(1, s.recordsRejected());
        assertArrayEquals(one.toByteArray(), many.toByteArray());
    }

    @Test
    void anUnmappedValueIsRejectedAsUnknownSegmentWithItsRawBytes() throws IOException {
        byte[] data = exportFile(6);
        data[4 * LENGTH] = (byte) CP037.toByte('Z');
        RejectsCollector rejects = new RejectsCollector();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecodeSummary s = decode(export(), data, DecodeOptions.builder().segments(exportSegments())
                .rejects(rejects), out);
        assertEquals(5, s.recordsWritten());
        assertEquals(1, s.recordsRejected());
        assertEquals(ErrorCode.UNKNOWN_SEGMENT, rejects.errors.get(0).code());
        assertEquals(4, rejects.errors.get(0).recordSequence());
        assertEquals("REC-TYPE", rejects.errors.get(0).fieldPath());
        assertTrue(rejects.errors.get(0).message().contains("'Z'"), rejects.errors.get(0).message());
        assertArrayEquals(Arrays.copyOfRange(data, 4 * LENGTH, 5 * LENGTH), rejects.raw.get(0));
    }

    @Test
    void anUnmappedValueCanBeEmittedWithTheCommonFieldsOnly() throws IOException {
        byte[] data = exportFile(3);
        data[LENGTH] = (byte) CP037.toByte('Z');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecodeSummary s = decode(export(), data, DecodeOptions.builder()
                .segments(exportSegments().emitUnknown(true)), out);
        assertEquals(3, s.recordsWritten());
        Map<String, Object> unknown = lines(out).get(1);
        assertEquals(Map.of("REC-TYPE", "Z", "ACCOUNT-KEY", new BigDecimal(100_001),
                "TRAILER-CHK", new BigDecimal(1)), unknown);
    }

    @Test
    void unmappedViewsOfAGovernedSetAreNeverWritten() throws IOException {
        // only C is mapped: ORDER-DATA and NOTE-DATA belong to the governed set and are omitted everywhere
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecodeSummary s = decode(export(), exportFile(4), DecodeOptions.builder().segments(Segments.on("REC-TYPE")
                .map("C", "CUSTOMER-DATA")), out);
        assertEquals(3, s.recordsRejected(), "c, O and N map to nothing");
        assertEquals(Set.of("REC-TYPE", "ACCOUNT-KEY", "CUSTOMER-DATA", "TRAILER-CHK"), lines(out).get(0).keySet());
    }

    @Test
    void aNumericDiscriminatorIsComparedByValue() throws IOException {
        RecordLayout layout = Copybook.parse(String.join("\n",
                "       01  R.",
                "           05  KIND   PIC S9(3) COMP-3.",
                "           05  A.",
                "               10  A-NUM  PIC 9(4).",
                "           05  B REDEFINES A.",
                "               10  B-TXT  PIC X(4)."), "n.cpy").firstRecord();
        byte[] data = new byte[12];
        PackedDecimal.encodeUnscaled(7, NumericFormat.of(3, 0, true), data, 0);
        ZonedDecimal.encodeUnscaled(1234, NumericFormat.of(4, 0, false), true, data, 2);
        PackedDecimal.encodeUnscaled(12, NumericFormat.of(3, 0, true), data, 6);
        CP037.encode("ABCD", data, 8, 4);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        decode(layout, data, DecodeOptions.builder().segments(Segments.on("KIND").map("7", "A").map("12", "B")),
                out);
        assertEquals("{\"KIND\":7,\"A\":{\"A-NUM\":1234}}\n{\"KIND\":12,\"B\":{\"B-TXT\":\"ABCD\"}}\n",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBinaryDiscriminatorFollowsTheBinaryOrder() throws IOException {
        RecordLayout layout = Copybook.parse(String.join("\n",
                "       01  R.",
                "           05  KIND   PIC 9(4) COMP.",
                "           05  A      PIC X(2).",
                "           05  B REDEFINES A PIC 9(2)."), "b.cpy").firstRecord();
        byte[] data = {0x01, 0x00, (byte) 0xC1, (byte) 0xC2, 0x00, 0x02, (byte) 0xF4, (byte) 0xF2};
        Segments segments = Segments.on("KIND").map("1", "A").map("2", "B");
        ByteArrayOutputStream little = new ByteArrayOutputStream();
        decode(layout, data, DecodeOptions.builder().segments(segments).binaryBigEndian(false), little);
        assertEquals("{\"KIND\":1,\"A\":\"AB\"}\n", little.toString(StandardCharsets.UTF_8),
                "01 00 is 1 little-endian; 00 02 is 512, an unknown segment");
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        decode(layout, data, DecodeOptions.builder().segments(segments), big);
        assertEquals("{\"KIND\":2,\"B\":42}\n", big.toString(StandardCharsets.UTF_8));
    }

    /** Two 01 records sharing a header; the 01s redefine each other implicitly. */
    static final String TWO_RECORDS = String.join("\n",
            "       01  CUSTOMER.",
            "           05  REC-TYPE   PIC X.",
            "           05  CUST-ID    PIC 9(4).",
            "           05  NAME       PIC X(8).",
            "       01  PAYMENT.",
            "           05  REC-TYPE   PIC X.",
            "           05  CUST-ID    PIC 9(4).",
            "           05  AMOUNT     PIC S9(5)V99 COMP-3.",
            "           05  PAID-ON    PIC 9(8).");

    @Test
    void segmentsSelectAmongTheRecordsOfOneCopybook() throws IOException {
        Copybook copybook = Copybook.parse(TWO_RECORDS, "two.cpy");
        RecordLayout union = copybook.union();
        assertEquals(17, union.length());
        byte[] data = new byte[17 * 3];
        Arrays.fill(data, CP037.space());
        CP037.encode("C", data, 0, 1);
        ZonedDecimal.encodeUnscaled(42, NumericFormat.of(4, 0, false), true, data, 1);
        CP037.encode("ALICE", data, 5, 8);
        CP037.encode("P", data, 17, 1);
        ZonedDecimal.encodeUnscaled(42, NumericFormat.of(4, 0, false), true, data, 18);
        PackedDecimal.encodeUnscaled(-1050, NumericFormat.of(7, 2, true), data, 22);
        ZonedDecimal.encodeUnscaled(20240131, NumericFormat.of(8, 0, false), true, data, 26);
        CP037.encode("?", data, 34, 1);
        ZonedDecimal.encodeUnscaled(7, NumericFormat.of(4, 0, false), true, data, 35);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecodeSummary s = decode(union, data, DecodeOptions.builder().segments(Segments.on("REC-TYPE")
                .map("C", "CUSTOMER").map("P", "PAYMENT").emitUnknown(true)), out);
        assertEquals(3, s.recordsWritten());
        assertEquals(String.join("\n",
                "{\"REC-TYPE\":\"C\",\"CUST-ID\":42,\"NAME\":\"ALICE\"}",
                "{\"REC-TYPE\":\"P\",\"CUST-ID\":42,\"AMOUNT\":-10.50,\"PAID-ON\":20240131}",
                "{\"REC-TYPE\":\"?\",\"CUST-ID\":7}", ""), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badNamesAreReportedAtCompileTime() {
        RecordLayout layout = export();
        CobolException noField = assertThrows(CobolException.class,
                () -> Segments.on("NOPE").map("C", "CUSTOMER-DATA").compile(layout, CP037));
        assertEquals(ErrorCode.COPYBOOK_REFERENCE, noField.code());
        CobolException noView = assertThrows(CobolException.class,
                () -> Segments.on("REC-TYPE").map("C", "CUST-NAME").compile(layout, CP037));
        assertTrue(noView.getMessage().contains("CUSTOMER-DATA, ORDER-DATA, NOTE-DATA"), noView.getMessage());
        CobolException inView = assertThrows(CobolException.class,
                () -> Segments.on("CUST-NAME").map("C", "ORDER-DATA").compile(layout, CP037));
        assertTrue(inView.getMessage().contains("inside view"), inView.getMessage());
    }

    @Test
    void theSegmentMapAlsoWorksOnVariableLengthRecords() throws IOException {
        // RDW records cut after the view: the view's missing fields are null, the trailer too
        byte[] rec = exportRecord(1); // an O record
        byte[] data = new byte[4 + 30];
        data[1] = 34;
        System.arraycopy(rec, 0, data, 4, 30);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        decode(export(), data, DecodeOptions.builder().segments(exportSegments()).framing(FramingOptions.rdw()), out);
        Map<String, Object> row = lines(out).get(0);
        assertEquals(Set.of("REC-TYPE", "ACCOUNT-KEY", "ORDER-DATA", "TRAILER-CHK"), row.keySet());
        assertEquals(null, row.get("TRAILER-CHK"));
    }
}
