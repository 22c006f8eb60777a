package dev.ringline.cobol;

import dev.ringline.cobol.CobolDecoderTest.RejectsCollector;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.codec.PackedDecimal;
import dev.ringline.cobol.codec.ZonedDecimal;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.cobol.framing.FramingOptions;
import dev.ringline.buffer.ByteVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Section 4 of issue 11: OCCURS DEPENDING ON inside a table, its counter inside the table's element. */
class NestedOdoTest {
    private static final CodePage CP037 = CodePage.of("cp037");

    /** Cobrix's test21 copybook shape: each GROUP element carries its own INNER-COUNT. */
    static final String TEST21 = String.join("\n",
            "       01 RECORD.",
            "          02 COUNT PIC 9(1).",
            "          02 GROUP OCCURS 0 TO 2 TIMES DEPENDING ON COUNT.",
            "             03 INNER-COUNT PIC 9(1).",
            "             03 INNER-GROUP OCCURS 0 TO 3 TIMES",
            "                                DEPENDING ON INNER-COUNT.",
            "                04 FIELD PIC X.");

    private static byte[] ebcdic(String s) {
        byte[] b = new byte[s.length()];
        CP037.encode(s, b, 0, b.length);
        return b;
    }

    private static String decode(String copybook, byte[] data, DecodeOptions.Builder options) throws IOException {
        RecordLayout layout = Copybook.parse(copybook, "odo.cpy").firstRecord();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CobolDecoder.decode(Channels.newChannel(new ByteArrayInputStream(data)), layout, options.build(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Cobrix's expected rows of test21 (its names: '-' as '_' in one key; here the copybook names). */
    private static final String TEST21_EXPECTED = String.join("\n",
            "{\"COUNT\":0,\"GROUP\":[]}",
            "{\"COUNT\":1,\"GROUP\":[{\"INNER-COUNT\":0,\"INNER-GROUP\":[]}]}",
            "{\"COUNT\":1,\"GROUP\":[{\"INNER-COUNT\":2,\"INNER-GROUP\":[{\"FIELD\":\"A\"},{\"FIELD\":\"B\"}]}]}",
            "{\"COUNT\":2,\"GROUP\":[{\"INNER-COUNT\":1,\"INNER-GROUP\":[{\"FIELD\":\"A\"}]},"
                    + "{\"INNER-COUNT\":2,\"INNER-GROUP\":[{\"FIELD\":\"B\"},{\"FIELD\":\"C\"}]}]}",
            "{\"COUNT\":2,\"GROUP\":[{\"INNER-COUNT\":1,\"INNER-GROUP\":[{\"FIELD\":\"A\"}]},"
                    + "{\"INNER-COUNT\":1,\"INNER-GROUP\":[{\"FIELD\":\"B\"}]}]}", "");

    @Test
    void test21ShapeWithVariableSizeOccursOnAFixedFile() throws IOException {
        // records as long as their content, back to back, as Cobrix's variable_size_occurs reads them
        byte[] data = ebcdic("0" + "10" + "12AB" + "21A2BC" + "21A1B");
        assertEquals(TEST21_EXPECTED, decode(TEST21, data, DecodeOptions.builder().variableOccurs(true)));
    }

    @Test
    void test21ShapeAtMaximumSizeByDefault() throws IOException {
        // every table at its maximum: 1 + 2 x (1 + 3) = 9 bytes a record, unused bytes are spaces
        byte[] data = ebcdic("0        " + "10       " + "12AB     " + "21A  2BC " + "21A  1B  ");
        assertEquals(TEST21_EXPECTED, decode(TEST21, data, DecodeOptions.builder()));
    }

    /** Three levels of counts, a packed value per inner element and fields after each table. */
    static final String SHAPE = String.join("\n",
            "       01  R.",
            "           05  N          PIC 9.",
            "           05  OUTER      OCCURS 0 TO 3 TIMES DEPENDING ON N.",
            "               10  M      PIC 9.",
            "               10  INNER  OCCURS 0 TO 2 TIMES DEPENDING ON M.",
            "                   15  V  PIC S9(3) COMP-3.",
            "               10  TAG    PIC X.",
            "           05  TRAILER    PIC X(2).");
    /** 1 + 3 x (1 + 2 x 2 + 1) + 2. */
    static final int SHAPE_MAX = 21;

    /** One record: {@code counts[0]} outer elements, element {@code i} with {@code counts[i + 1]} inner ones. */
    private static byte[] shape(boolean compact, int... counts) {
        ByteVector b = new ByteVector(32);
        byte[] digit = new byte[1];
        ZonedDecimal.encodeUnscaled(counts[0], NumericFormat.of(1, 0, false), true, digit, 0);
        b.append(digit, 0, 1);
        for (int i = 0; i < (compact ? counts[0] : 3); i++) {
            int m = i < counts[0] ? counts[i + 1] : 0;
            ZonedDecimal.encodeUnscaled(m, NumericFormat.of(1, 0, false), true, digit, 0);
            b.append(i < counts[0] ? digit : ebcdic(" "), 0, 1);
            for (int k = 0; k < (compact ? m : 2); k++) {
                byte[] v = ebcdic("  ");
                if (k < m) {
                    PackedDecimal.encodeUnscaled(-(10 * i + k), NumericFormat.of(3, 0, true), v, 0);
                }
                b.append(v, 0, 2);
            }
            b.append(ebcdic(i < counts[0] ? String.valueOf((char) ('A' + i)) : " "), 0, 1);
        }
        b.append(ebcdic("ZZ"), 0, 2);
        return b.toByteArray();
    }

    /** The JSON of {@link #shape}, written independently of the decoder. */
    private static String shapeJson(int... counts) {
        StringBuilder sb = new StringBuilder("{\"N\":" + counts[0] + ",\"OUTER\":[");
        for (int i = 0; i < counts[0]; i++) {
            sb.append(i > 0 ? "," : "").append("{\"M\":").append(counts[i + 1]).append(",\"INNER\":[");
            for (int k = 0; k < counts[i + 1]; k++) {
                sb.append(k > 0 ? "," : "").append("{\"V\":").append(-(10 * i + k)).append('}');
            }
            sb.append("],\"TAG\":\"").append((char) ('A' + i)).append("\"}");
        }
        return sb.append("],\"TRAILER\":\"ZZ\"}\n").toString();
    }

    /** 0, 1 and the maximum at each level. */
    private static final int[][] CASES = {{0}, {1, 0}, {1, 1}, {1, 2}, {3, 0, 1, 2}, {3, 2, 2, 2}, {2, 1, 0}};

    private static byte[] concat(List<byte[]> parts) {
        ByteVector all = new ByteVector(64);
        for (byte[] p : parts) {
            all.append(p, 0, p.length);
        }
        return all.toByteArray();
    }

    private static String expectedAll() {
        StringBuilder sb = new StringBuilder();
        for (int[] c : CASES) {
            sb.append(shapeJson(c));
        }
        return sb.toString();
    }

    @Test
    void fixedFileAtMaximumLength() throws IOException {
        List<byte[]> records = new ArrayList<>();
        for (int[] c : CASES) {
            byte[] r = shape(false, c);
            assertEquals(SHAPE_MAX, r.length);
            records.add(r);
        }
        assertEquals(expectedAll(), decode(SHAPE, concat(records), DecodeOptions.builder()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void fixedFileWithVariableOccursRecordsAsLongAsTheirContent(int workers) throws IOException {
        List<byte[]> records = new ArrayList<>();
        for (int[] c : CASES) {
            records.add(shape(true, c));
        }
        assertEquals(expectedAll(), decode(SHAPE, concat(records), DecodeOptions.builder().variableOccurs(true)
                .workers(workers)));
    }

    private static byte[] rdw(byte[] payload) {
        byte[] r = new byte[payload.length + 4];
        r[0] = (byte) (r.length >> 8);
        r[1] = (byte) r.length;
        System.arraycopy(payload, 0, r, 4, payload.length);
        return r;
    }

    @Test
    void rdwAndVbFilesWithVariableOccurs() throws IOException {
        List<byte[]> records = new ArrayList<>();
        for (int[] c : CASES) {
            records.add(rdw(shape(true, c)));
        }
        byte[] rdwFile = concat(records);
        assertEquals(expectedAll(), decode(SHAPE, rdwFile, DecodeOptions.builder().variableOccurs(true)
                .framing(FramingOptions.rdw())));
        // VB: the same records in two blocks
        byte[] first = concat(records.subList(0, 3));
        byte[] second = concat(records.subList(3, records.size()));
        byte[] vb = concat(List.of(rdw(first), rdw(second)));
        assertEquals(expectedAll(), decode(SHAPE, vb, DecodeOptions.builder().variableOccurs(true)
                .framing(FramingOptions.vb())));
        // RDW records at maximum size decode without variableOccurs
        List<byte[]> padded = new ArrayList<>();
        for (int[] c : CASES) {
            padded.add(rdw(shape(false, c)));
        }
        assertEquals(expectedAll(), decode(SHAPE, concat(padded), DecodeOptions.builder()
                .framing(FramingOptions.rdw())));
    }

    /** Record 0: N is 4; record 1: the second OUTER element's M is 3; record 2 is good. */
    private static List<byte[]> badCounts(boolean compact) {
        byte[] outer = shape(compact, 2, 1, 1);
        outer[0] = ebcdic("4")[0];
        byte[] inner = shape(compact, 2, 1, 1);
        inner[compact ? 5 : 7] = ebcdic("3")[0];
        return List.of(outer, inner, shape(compact, 1, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixed", "rdw-variable", "rdw-maximum"})
    void countsOutOfRangeRejectTheRecordNamingTheCounter(String framing) throws IOException {
        boolean compact = framing.equals("rdw-variable");
        List<byte[]> records = badCounts(compact);
        DecodeOptions.Builder options = DecodeOptions.builder();
        byte[] data = concat(records);
        if (framing.startsWith("rdw")) {
            List<byte[]> framed = new ArrayList<>();
            records.forEach(r -> framed.add(rdw(r)));
            data = concat(framed);
            options.framing(FramingOptions.rdw()).variableOccurs(compact);
        }
        RejectsCollector rejects = new RejectsCollector();
        String out = decode(SHAPE, data, options.rejects(rejects));
        assertEquals(shapeJson(1, 2), out, "the good record is written");
        assertEquals(2, rejects.errors.size());
        assertEquals(ErrorCode.ODO_OUT_OF_RANGE, rejects.errors.get(0).code());
        assertEquals("N", rejects.errors.get(0).fieldPath());
        assertEquals("OUTER[1].M", rejects.errors.get(1).fieldPath());
        assertTrue(rejects.errors.get(1).message().contains("is 3, not in 0..2"), rejects.errors.get(1).message());
        assertArrayEquals(records.get(1), rejects.raw.get(1), "raw bytes kept");
    }

    @Test
    void aBadCountInAVariableOccursFixedFileStopsFramingWithTheCounterPath() throws IOException {
        byte[] good = shape(true, 1, 1);
        byte[] bad = shape(true, 2, 1, 5);
        RejectsCollector rejects = new RejectsCollector();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecodeSummary summary = CobolDecoder.decode(Channels.newChannel(new ByteArrayInputStream(concat(List.of(
                        good, bad)))), Copybook.parse(SHAPE, "odo.cpy").firstRecord(),
                DecodeOptions.builder().variableOccurs(true).rejects(rejects).build(), out);
        assertEquals(shapeJson(1, 1), out.toString(StandardCharsets.UTF_8));
        // Where the next record starts is unknown: a framing failure (issue 9), not a rejected record.
        assertEquals(0, rejects.errors.size());
        assertEquals(ErrorCode.ODO_OUT_OF_RANGE, summary.framingFailure().code());
        assertTrue(summary.framingFailure().message().contains("OUTER[1].M is 5"),
                summary.framingFailure().message());
        assertEquals(good.length, summary.framingFailure().byteOffset());
        assertEquals(bad.length, summary.bytesUndecoded());
        assertTrue(summary.balanced(), summary::toString);
    }
}
