package dev.ringline.cobol;

import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.cobol.framing.FramingOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parallel encoder: exact round trips with the decoder, framing, ordering and the error policy. */
class CobolEncoderTest {
    static byte[] decode(byte[] data, DecodeOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CobolDecoder.decode(Channels.newChannel(new ByteArrayInputStream(data)), CobolDecoderTest.layout(), options,
                out);
        return out.toByteArray();
    }

    static ByteArrayOutputStream encode(byte[] json, EncodeOptions options, DecodeSummary[] summary)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecodeSummary s = CobolEncoder.encode(Channels.newChannel(new ByteArrayInputStream(json)),
                CobolDecoderTest.layout(), options, out);
        if (summary != null) {
            summary[0] = s;
        }
        return out;
    }

    /** The records of a fixed 60-byte file, each with a big-endian RDW counting its header. */
    static byte[] withRdws(byte[] fixed) {
        ByteBuffer out = ByteBuffer.allocate(fixed.length / 60 * 64);
        for (int i = 0; i < fixed.length; i += 60) {
            out.putShort((short) 64).putShort((short) 0).put(fixed, i, 60);
        }
        return out.array();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8})
    void decodeThenEncodeGivesBackTheFileForAnyWorkerCount(int workers) throws IOException {
        byte[] data = CobolDecoderTest.file(30_000, 3);
        byte[] json = decode(data, DecodeOptions.builder().workers(2).build());
        DecodeSummary[] summary = new DecodeSummary[1];
        byte[] encoded = encode(json, EncodeOptions.builder().workers(workers).capacity(4).build(), summary)
                .toByteArray();
        assertArrayEquals(data, encoded);
        assertEquals(new DecodeSummary(30_000, 30_000, 0, 0, json.length, data.length), summary[0]);
    }

    @Test
    void rdwOutputRoundTripsInEveryHeaderVariant() throws IOException {
        byte[] fixed = CobolDecoderTest.file(2_000, 5);
        byte[] rdw = withRdws(fixed);
        FramingOptions ibm = FramingOptions.rdw();
        byte[] json = decode(rdw, DecodeOptions.builder().framing(ibm).build());
        assertArrayEquals(rdw, encode(json, EncodeOptions.builder().framing(ibm).workers(2).build(), null)
                .toByteArray());
        for (FramingOptions variant : new FramingOptions[] {ibm.withLittleEndian(), ibm.withLengthExcludingHeader(),
                ibm.withLittleEndian().withLengthExcludingHeader()}) {
            byte[] written = encode(json, EncodeOptions.builder().framing(variant).build(), null).toByteArray();
            assertEquals(rdw.length, written.length);
            assertArrayEquals(json, decode(written, DecodeOptions.builder().framing(variant).build()), variant.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {72, 200, 1000, EncodeOptions.DEFAULT_BLOCK_SIZE})
    void vbOutputPacksWholeRecordsIntoBlocksWithCorrectBdws(int blockSize) throws IOException {
        byte[] fixed = CobolDecoderTest.file(3_000, 9);
        byte[] json = decode(fixed, DecodeOptions.defaults());
        byte[] vb = encode(json, EncodeOptions.builder().framing(FramingOptions.vb()).blockSize(blockSize).workers(3)
                .build(), null).toByteArray();
        int perBlock = (blockSize - 4) / 64;
        int blocks = 0;
        for (int at = 0; at < vb.length; ) {
            int length = (vb[at] & 0xFF) << 8 | (vb[at + 1] & 0xFF);
            assertEquals(0, vb[at + 2] | vb[at + 3]);
            assertTrue(length <= blockSize, "block of " + length);
            int records = Math.min(perBlock, 3_000 - blocks * perBlock);
            assertEquals(4 + 64 * records, length, "block " + blocks); // as many records as fit, then the rest
            at += length;
            blocks++;
        }
        assertEquals((3_000 + perBlock - 1) / perBlock, blocks);
        assertArrayEquals(json, decode(vb, DecodeOptions.builder().framing(FramingOptions.vb()).build()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void badLinesAreRejectedInLineOrderWithTheirBytes(int workers) throws IOException {
        byte[] data = CobolDecoderTest.file(3_000, 13);
        String[] lines = new String(decode(data, DecodeOptions.defaults()), StandardCharsets.UTF_8).split("\n");
        lines[10] = lines[10].replace("\"CUST-ID\":", "\"CUST-ID\":9999999");
        lines[2_500] = "{not json";
        lines[2_999] = lines[2_999] + "\r"; // CRLF line endings are accepted
        byte[] json = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        CobolDecoderTest.RejectsCollector rejects = new CobolDecoderTest.RejectsCollector();
        DecodeSummary[] summary = new DecodeSummary[1];
        byte[] out = encode(json, EncodeOptions.builder().workers(workers).rejects(rejects).build(), summary)
                .toByteArray();
        assertEquals(new DecodeSummary(3_000, 2_998, 2, 2, json.length, 2_998 * 60L), summary[0]);
        assertEquals(10, rejects.errors.get(0).recordSequence());
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE, rejects.errors.get(0).code());
        assertEquals("CUST-ID", rejects.errors.get(0).fieldPath());
        assertTrue(rejects.errors.get(0).message().endsWith("(line 11)"), rejects.errors.get(0).message());
        assertEquals(lines[10], new String(rejects.raw.get(0), StandardCharsets.UTF_8));
        assertEquals(ErrorCode.BAD_JSON, rejects.errors.get(1).code());
        assertEquals(2_500, rejects.errors.get(1).recordSequence());
        byte[] expected = new byte[2_998 * 60];
        System.arraycopy(data, 0, expected, 0, 600);
        System.arraycopy(data, 660, expected, 600, 2_489 * 60);
        System.arraycopy(data, 2_501 * 60, expected, 2_499 * 60, 499 * 60);
        assertArrayEquals(expected, out);
    }

    @Test
    void failFastStopsAtTheFirstBadLineWithEverythingBeforeWritten() throws IOException {
        byte[] data = CobolDecoderTest.file(5_000, 17);
        String[] lines = new String(decode(data, DecodeOptions.defaults()), StandardCharsets.UTF_8).split("\n");
        lines[4_000] = "{\"NOPE\":1}";
        byte[] json = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecodeAbortedException e = assertThrows(DecodeAbortedException.class, () -> CobolEncoder.encode(
                Channels.newChannel(new ByteArrayInputStream(json)), CobolDecoderTest.layout(),
                EncodeOptions.builder().errorPolicy(ErrorPolicy.failFast()).workers(3).build(), out));
        assertEquals(ErrorCode.UNKNOWN_KEY, e.error().code());
        assertEquals("NOPE", e.error().fieldPath());
        assertEquals(4_000, e.summary().recordsWritten());
        assertArrayEquals(Arrays.copyOf(data, 4_000 * 60), out.toByteArray());
    }

    @Test
    void aLineLongerThanTheLimitIsRejectedWithoutBeingKept() throws IOException {
        byte[] data = CobolDecoderTest.file(3, 19);
        String[] lines = new String(decode(data, DecodeOptions.defaults()), StandardCharsets.UTF_8).split("\n");
        String padded = lines[1].substring(0, lines[1].length() - 1) + " ".repeat(5_000) + "}";
        byte[] json = (lines[0] + "\n" + padded + "\n" + lines[2]).getBytes(StandardCharsets.UTF_8);
        CobolDecoderTest.RejectsCollector rejects = new CobolDecoderTest.RejectsCollector();
        byte[] out = encode(json, EncodeOptions.builder().maxLineLength(4_096).rejects(rejects).build(), null)
                .toByteArray();
        assertEquals(1, rejects.errors.size());
        assertEquals(ErrorCode.RECORD_TOO_LONG, rejects.errors.get(0).code());
        assertEquals(0, rejects.raw.get(0).length);
        byte[] expected = new byte[120];
        System.arraycopy(data, 0, expected, 0, 60);
        System.arraycopy(data, 120, expected, 60, 60);
        assertArrayEquals(expected, out);
    }

    @org.junit.jupiter.api.Test
    void variableOccursRecordsGetTheirOwnLengthAndRdw() throws IOException {
        dev.ringline.cobol.copybook.RecordLayout layout = dev.ringline.cobol.copybook.Copybook.parse(String.join("\n",
                "       01  R.",
                "           05  ID       PIC 9(4).",
                "           05  N        PIC 9(2).",
                "           05  ITEMS OCCURS 0 TO 9 TIMES DEPENDING ON N.",
                "               10  V    PIC S9(5) COMP-3.") + "\n", "odo.cpy").firstRecord();
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            json.append("{\"ID\":").append(i).append(",\"N\":").append(i % 10).append(",\"ITEMS\":[");
            for (int k = 0; k < i % 10; k++) {
                json.append(k == 0 ? "" : ",").append("{\"V\":").append(k * 1000 - i).append('}');
            }
            json.append("]}\n");
        }
        byte[] lines = json.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CobolEncoder.encode(Channels.newChannel(new ByteArrayInputStream(lines)), layout,
                EncodeOptions.builder().framing(FramingOptions.rdw()).workers(3).build(), out);
        byte[] rdw = out.toByteArray();
        int at = 0;
        for (int i = 0; i < 500; i++) {
            int length = (rdw[at] & 0xFF) << 8 | (rdw[at + 1] & 0xFF);
            assertEquals(4 + 6 + 3 * (i % 10), length, "record " + i); // RDW + ID + N + N elements
            at += length;
        }
        assertEquals(rdw.length, at);
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        CobolDecoder.decode(Channels.newChannel(new ByteArrayInputStream(rdw)), layout,
                DecodeOptions.builder().framing(FramingOptions.rdw()).build(), back);
        assertEquals(json.toString(), back.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRecordLargerThanAVbBlockIsRejected() throws IOException {
        byte[] json = decode(CobolDecoderTest.file(3, 23), DecodeOptions.defaults());
        CobolDecoderTest.RejectsCollector rejects = new CobolDecoderTest.RejectsCollector();
        byte[] vb = encode(json, EncodeOptions.builder().framing(FramingOptions.vb()).blockSize(64).rejects(rejects)
                .build(), null).toByteArray();
        assertEquals(0, vb.length);
        assertEquals(3, rejects.errors.size());
        assertEquals(ErrorCode.RECORD_TOO_LONG, rejects.errors.get(2).code());
        assertTrue(rejects.errors.get(2).message().contains("a block of 64 bytes (line 3)"),
                rejects.errors.get(2).message());
        // A block of 68 holds its BDW and one 64-byte record (RDW included): three blocks.
        assertEquals(3 * 68, encode(json, EncodeOptions.builder().framing(FramingOptions.vb()).blockSize(68).build(),
                null).toByteArray().length);
    }
}
