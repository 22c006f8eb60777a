package dev.ringline.cobol;

import dev.ringline.cobol.codec.BinaryInteger;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.codec.PackedDecimal;
import dev.ringline.cobol.codec.ZonedDecimal;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.CopybookException;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.error.DecodeError;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.cobol.framing.FramingOptions;
import dev.ringline.cobol.framing.RecordReader;
import dev.ringline.cobol.json.JsonRejectsWriter;
import dev.ringline.cobol.json.RejectsSink;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CobolDecoderTest {
    /** 60 bytes: text, signed zoned decimal, packed, binary, a 3-element table and a REDEFINES. */
    static final String CUSTOMER = String.join("\n",
            "       01  CUSTOMER.",
            "           05  CUST-ID         PIC 9(6).",
            "           05  NAME            PIC X(12).",
            "           05  BALANCE         PIC S9(5)V99.",
            "           05  CREDIT          PIC S9(7)V99 COMP-3.",
            "           05  VISITS          PIC S9(4) COMP.",
            "           05  CODES           OCCURS 3 TIMES.",
            "               10  CODE        PIC X(2).",
            "               10  WEIGHT      PIC 9(3) COMP-3.",
            "           05  FLAGS           PIC X(4).",
            "           05  FLAG-NUM        REDEFINES FLAGS PIC 9(4).",
            "           05  FILLER          PIC X(12).");
    static final NumericFormat CUST_ID = NumericFormat.of(6, 0, false);
    static final NumericFormat BALANCE = NumericFormat.of(7, 2, true);
    static final NumericFormat CREDIT = NumericFormat.of(9, 2, true);
    static final NumericFormat VISITS = NumericFormat.of(4, 0, true);
    static final NumericFormat WEIGHT = NumericFormat.of(3, 0, false);
    static final CodePage CP037 = CodePage.of("cp037");

    static RecordLayout layout() {
        return Copybook.parse(CUSTOMER, "customer.cpy").firstRecord();
    }

    /** Encodes record {@code i} of a deterministic stream with the codec's encoders. */
    static void encode(long i, SplittableRandom random, byte[] rec) {
        Arrays.fill(rec, CP037.space());
        ZonedDecimal.encodeUnscaled(i % 1_000_000, CUST_ID, true, rec, 0);
        CP037.encode("NAME " + random.nextInt(100_000), rec, 6, 12);
        ZonedDecimal.encodeUnscaled(random.nextLong(-9_999_999, 10_000_000), BALANCE, true, rec, 18);
        PackedDecimal.encodeUnscaled(random.nextLong(-999_999_999, 1_000_000_000), CREDIT, rec, 25);
        BinaryInteger.encodeUnscaled(random.nextInt(-9999, 10_000), VISITS, true, rec, 30, 2);
        for (int k = 0; k < 3; k++) {
            CP037.encode("C" + k, rec, 32 + 4 * k, 2);
            PackedDecimal.encodeUnscaled(random.nextInt(1000), WEIGHT, rec, 34 + 4 * k);
        }
        ZonedDecimal.encodeUnscaled(random.nextInt(10_000), NumericFormat.of(4, 0, false), true, rec, 44);
    }

    static byte[] file(int records, long seed) {
        byte[] rec = new byte[60];
        ByteBuffer all = ByteBuffer.allocate(records * 60);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < records; i++) {
            encode(i, random, rec);
            all.put(rec);
        }
        return all.array();
    }

    static DecodeSummary decode(byte[] data, DecodeOptions options, ByteArrayOutputStream out) throws IOException {
        return CobolDecoder.decode(Channels.newChannel(new java.io.ByteArrayInputStream(data)), layout(), options, out);
    }

    @Test
    void decodesEveryFieldTypeToJsonWithDeclaredScale() throws IOException {
        byte[] rec = new byte[60];
        Arrays.fill(rec, CP037.space());
        ZonedDecimal.encodeUnscaled(42, CUST_ID, true, rec, 0);
        CP037.encode("Ann \"Q\"", rec, 6, 12);
        ZonedDecimal.encodeUnscaled(-1230, BALANCE, true, rec, 18);
        PackedDecimal.encodeUnscaled(0, CREDIT, rec, 25);
        BinaryInteger.encodeUnscaled(-7, VISITS, true, rec, 30, 2);
        for (int k = 0; k < 3; k++) {
            CP037.encode("C" + k, rec, 32 + 4 * k, 2);
            PackedDecimal.encodeUnscaled(k * 100, WEIGHT, rec, 34 + 4 * k);
        }
        ZonedDecimal.encodeUnscaled(7, NumericFormat.of(4, 0, false), true, rec, 44);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecodeSummary summary = decode(rec, DecodeOptions.builder().emitMeta(true).build(), out);
        assertEquals("{\"_record\":0,\"_offset\":0,\"_length\":60,\"CUST-ID\":42,\"NAME\":\"Ann \\\"Q\\\"\","
                + "\"BALANCE\":-12.30,\"CREDIT\":0.00,\"VISITS\":-7,\"CODES\":[{\"CODE\":\"C0\",\"WEIGHT\":0},"
                + "{\"CODE\":\"C1\",\"WEIGHT\":100},{\"CODE\":\"C2\",\"WEIGHT\":200}],\"FLAGS\":\"0007\","
                + "\"FLAG-NUM\":7}\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(new DecodeSummary(1, 1, 0, 0, 60, out.size()), summary);

        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        decode(rec, DecodeOptions.builder().numbersAsStrings(true).build(), strings);
        assertTrue(strings.toString(StandardCharsets.UTF_8).contains("\"BALANCE\":\"-12.30\",\"CREDIT\":\"0.00\""));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 8, 16})
    void outputIsByteIdenticalForAnyWorkerCountAndEqualsTheSequentialDecode(int workers) throws IOException {
        byte[] data = file(60_000, 7); // 3.6 MB
        ByteArrayOutputStream sequential = new ByteArrayOutputStream();
        DecodeSummary expected = CobolDecoder.decodeSequential(
                Channels.newChannel(new java.io.ByteArrayInputStream(data)), layout(), DecodeOptions.defaults(),
                sequential);
        ByteArrayOutputStream parallel = new ByteArrayOutputStream();
        DecodeSummary summary = decode(data, DecodeOptions.builder().workers(workers).capacity(4).build(), parallel);
        assertEquals(expected, summary);
        assertEquals(60_000, summary.recordsWritten());
        assertArrayEquals(sequential.toByteArray(), parallel.toByteArray());
    }

    @Test
    void aByteBoundBelowOneBatchStillDecodesEverythingInOrder() throws IOException {
        byte[] data = file(20_000, 11);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        decode(data, DecodeOptions.builder().workers(2).build(), expected);
        ByteArrayOutputStream bounded = new ByteArrayOutputStream();
        DecodeSummary s = decode(data, DecodeOptions.builder().workers(2).maxInputBytesInFlight(1).build(), bounded);
        assertEquals(20_000, s.recordsWritten());
        assertArrayEquals(expected.toByteArray(), bounded.toByteArray());
    }

    // ------------------------------------------------------------------ bad data, one test per class

    private static RejectsCollector decodeRejecting(byte[] data, DecodeOptions.Builder options,
                                                    ByteArrayOutputStream out) throws IOException {
        RejectsCollector rejects = new RejectsCollector();
        DecodeSummary summary = decode(data, options.rejects(rejects).build(), out);
        rejects.summary = summary;
        assertTrue(summary.balanced(), summary.toString());
        return rejects;
    }

    @Test
    void truncatedTrailingRecordIsRejectedWithItsOffsetAndBytes() throws IOException {
        byte[] data = Arrays.copyOf(file(3, 1), 150);
        RejectsCollector r = decodeRejecting(data, DecodeOptions.builder(), new ByteArrayOutputStream());
        assertEquals(new DecodeSummary(3, 2, 1, 1, 150, r.summary.bytesWritten(), 120, 30, 0, 0, null), r.summary);
        assertTrue(r.summary.balanced());
        DecodeError e = r.errors.get(0);
        assertEquals(ErrorCode.TRUNCATED_RECORD, e.code());
        assertEquals(2, e.recordSequence());
        assertEquals(120, e.byteOffset());
        assertArrayEquals(Arrays.copyOfRange(data, 120, 150), r.raw.get(0));
    }

    @Test
    void badPackedDigitRejectsTheRecordNamingFieldAndOffset() throws IOException {
        byte[] data = file(5, 2);
        data[60 * 3 + 26] = (byte) 0xA1; // CREDIT of record 3: digit nibble A
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RejectsCollector r = decodeRejecting(data, DecodeOptions.builder(), out);
        assertEquals(4, r.summary.recordsWritten());
        DecodeError e = r.errors.get(0);
        assertEquals(ErrorCode.BAD_PACKED_DIGIT, e.code());
        assertEquals(3, e.recordSequence());
        assertEquals("CREDIT", e.fieldPath());
        assertEquals(60 * 3, e.byteOffset(), "the record's start, as _offset in the data lines");
        assertEquals(60 * 3 + 26, e.fieldByteOffset(), "the bad byte");
        assertArrayEquals(Arrays.copyOfRange(data, 180, 240), r.raw.get(0));
        assertEquals(4, out.toString(StandardCharsets.UTF_8).split("\n").length);
    }

    @Test
    void badPackedSignRejectsTheRecord() throws IOException {
        byte[] data = file(2, 3);
        data[60 + 29] = (byte) ((data[60 + 29] & 0xF0) | 0x03); // CREDIT sign nibble 3
        RejectsCollector r = decodeRejecting(data, DecodeOptions.builder(), new ByteArrayOutputStream());
        assertEquals(ErrorCode.BAD_PACKED_SIGN, r.errors.get(0).code());
        assertEquals(1, r.errors.get(0).recordSequence());
    }

    @Test
    void badZoneAndBadSignAreTypedErrors() throws IOException {
        byte[] data = file(2, 4);
        data[5] = (byte) ((data[5] & 0x0F) | 0xD0); // a negative overpunch on unsigned CUST-ID of record 0
        data[60 + 20] = 0x5B; // '$' inside BALANCE of record 1
        RejectsCollector r = decodeRejecting(data, DecodeOptions.builder(), new ByteArrayOutputStream());
        assertEquals(List.of(ErrorCode.BAD_SIGN, ErrorCode.BAD_ZONE),
                List.of(r.errors.get(0).code(), r.errors.get(1).code()));
        assertEquals("BALANCE", r.errors.get(1).fieldPath());
    }

    @Test
    void badRdwLengthIsAFramingError() throws IOException {
        byte[] data = {0x00, 0x02, 0x00, 0x00, 1, 2, 3, 4}; // a length of 2 cannot include the 4-byte header
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RejectsCollector rejects = new RejectsCollector();
        DecodeSummary s = decode(data, DecodeOptions.builder().framing(FramingOptions.rdw()).rejects(rejects).build(),
                out);
        assertTrue(rejects.errors.isEmpty(), "a framing failure is not a record");
        assertEquals(ErrorCode.BAD_RDW, s.framingFailure().code());
        assertEquals(0, s.framingFailure().byteOffset());
        assertEquals(0, s.recordsRead());
        assertEquals(8, s.bytesRead());
        assertEquals(8, s.bytesUndecoded(), "the header and everything after it");
        assertTrue(s.balanced());
    }

    @Test
    void aBadRdwMidFileCountsTheRestAsUndecoded() throws IOException {
        // Two good RDW records of 3 payload bytes, then a header with non-zero reserved bytes, then 20 more bytes.
        byte[] data = new byte[7 + 7 + 4 + 20];
        for (int r = 0; r < 2; r++) {
            data[r * 7 + 1] = 7;
            data[r * 7 + 4] = (byte) 0xF1;
            data[r * 7 + 5] = (byte) 0xF2;
            data[r * 7 + 6] = (byte) 0xF3;
        }
        data[14] = 0x00;
        data[15] = 0x10;
        data[16] = 0x01; // reserved byte set
        RecordLayout three = Copybook.parse("       01  R.\n           05  A  PIC X(3).\n", "r.cpy").firstRecord();
        RejectsCollector rejects = new RejectsCollector();
        for (int workers : new int[] {1, 3}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DecodeSummary s = CobolDecoder.decode(Channels.newChannel(new ByteArrayInputStream(data)), three,
                    DecodeOptions.builder().framing(FramingOptions.rdw()).rejects(rejects).workers(workers).build(),
                    out);
            assertEquals(2, s.recordsWritten());
            assertEquals(14, s.bytesDecoded());
            assertEquals(data.length - 14, s.bytesUndecoded());
            assertEquals(data.length, s.bytesRead());
            assertEquals(14, s.framingFailure().byteOffset());
            assertTrue(s.framingFailure().message().contains("00 10 01 00"), s.framingFailure().message());
            assertTrue(s.balanced(), s::toString);
        }
        assertTrue(rejects.errors.isEmpty());
    }

    @Test
    void odoCounterOutOfRangeIsReported() throws IOException {
        RecordLayout odo = Copybook.parse(String.join("\n",
                "       01  R.",
                "           05  N      PIC 9(1).",
                "           05  ITEMS  OCCURS 0 TO 3 TIMES DEPENDING ON N.",
                "               10  V  PIC X(1)."), "odo.cpy").firstRecord();
        byte[] data = {(byte) 0xF2, (byte) 0xC1, (byte) 0xC2, (byte) 0xC3, (byte) 0xF5, (byte) 0xC1, (byte) 0xC2,
            (byte) 0xC3};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RejectsCollector rejects = new RejectsCollector();
        DecodeSummary s = CobolDecoder.decode(Channels.newChannel(new java.io.ByteArrayInputStream(data)), odo,
                DecodeOptions.builder().rejects(rejects).build(), out);
        assertEquals("{\"N\":2,\"ITEMS\":[{\"V\":\"A\"},{\"V\":\"B\"}]}\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(ErrorCode.ODO_OUT_OF_RANGE, rejects.errors.get(0).code());
        assertEquals(1, s.recordsRejected());
    }

    @Test
    void variableOccursRecordsTakeTheirLengthFromTheCounter() throws IOException {
        RecordLayout odo = Copybook.parse(String.join("\n",
                "       01  R.",
                "           05  N      PIC 9(1).",
                "           05  ITEMS  OCCURS 0 TO 3 TIMES DEPENDING ON N.",
                "               10  V  PIC X(1)."), "odo.cpy").firstRecord();
        byte[] data = {(byte) 0xF2, (byte) 0xC1, (byte) 0xC2, (byte) 0xF0, (byte) 0xF1, (byte) 0xC3};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecodeSummary s = CobolDecoder.decode(Channels.newChannel(new java.io.ByteArrayInputStream(data)), odo,
                DecodeOptions.builder().variableOccurs(true).emitMeta(true).build(), out);
        assertEquals(String.join("\n",
                "{\"_record\":0,\"_offset\":0,\"_length\":3,\"N\":2,\"ITEMS\":[{\"V\":\"A\"},{\"V\":\"B\"}]}",
                "{\"_record\":1,\"_offset\":3,\"_length\":1,\"N\":0,\"ITEMS\":[]}",
                "{\"_record\":2,\"_offset\":4,\"_length\":2,\"N\":1,\"ITEMS\":[{\"V\":\"C\"}]}", ""),
                out.toString(StandardCharsets.UTF_8));
        assertEquals(3, s.recordsWritten());
    }

    @Test
    void emptyInputDecodesToNothing() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecodeSummary s = decode(new byte[0], DecodeOptions.defaults(), out);
        assertEquals(new DecodeSummary(0, 0, 0, 0, 0, 0), s);
        assertEquals(0, out.size());
    }

    @Test
    void copybookSyntaxErrorNamesLineAndColumn() {
        CopybookException e = assertThrows(CopybookException.class, () -> Copybook.parse(String.join("\n",
                "       01  R.",
                "           05  A  PIC X(3).",
                "           05  B  OCCURS TIMES."), "bad.cpy"));
        assertEquals(ErrorCode.COPYBOOK_SYNTAX, e.code());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("bad.cpy:3:"), e.getMessage());
    }

    // ------------------------------------------------------------------ policies and accounting

    @Test
    void failFastStopsAtTheFirstBadRecordAfterWritingTheOnesBefore() throws IOException {
        byte[] data = file(2000, 5);
        data[60 * 1500 + 26] = (byte) 0xA1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecodeAbortedException e = assertThrows(DecodeAbortedException.class,
                () -> decode(data, DecodeOptions.builder().errorPolicy(ErrorPolicy.failFast()).workers(3).build(),
                        out));
        assertEquals(1500, e.error().recordSequence());
        assertEquals(1500, e.summary().recordsWritten());
        assertEquals(1500, out.toString(StandardCharsets.UTF_8).split("\n").length);
        assertTrue(noDecoderThreads());
    }

    @Test
    void stopAfterToleratesNErrorsThenStops() throws IOException {
        byte[] data = file(100, 6);
        for (int r : new int[] {10, 20, 30}) {
            data[60 * r + 26] = (byte) 0xA1;
        }
        RejectsCollector rejects = new RejectsCollector();
        DecodeAbortedException e = assertThrows(DecodeAbortedException.class, () -> decode(data,
                DecodeOptions.builder().errorPolicy(ErrorPolicy.stopAfter(2)).rejects(rejects).build(),
                new ByteArrayOutputStream()));
        assertEquals(30, e.error().recordSequence());
        assertEquals(3, rejects.errors.size(), "the record that stopped the run is rejected too");
        assertEquals(new DecodeSummary(31, 28, 3, 3, 31 * 60, e.summary().bytesWritten(), 28 * 60, 3 * 60, 0, 0,
                null), e.summary(), "counts include the record that stopped the run");
    }

    @Test
    void lenientNullsTheBadFieldAndKeepsTheRecord() throws IOException {
        byte[] data = file(3, 8);
        data[60 + 26] = (byte) 0xA1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RejectsCollector r = decodeRejecting(data, DecodeOptions.builder().errorPolicy(ErrorPolicy.lenient()), out);
        assertEquals(3, r.summary.recordsWritten());
        assertEquals(0, r.summary.recordsRejected());
        assertEquals(1, r.summary.fieldErrors());
        String second = out.toString(StandardCharsets.UTF_8).split("\n")[1];
        assertTrue(second.contains("\"CREDIT\":null"), second);
        assertEquals("CREDIT", r.errors.get(0).fieldPath());
    }

    @Test
    void rejectsFileLinesCarryTheRawRecordInBase64() throws IOException {
        byte[] data = file(4, 9);
        data[60 * 2 + 26] = (byte) 0xA1;
        ByteArrayOutputStream rejects = new ByteArrayOutputStream();
        try (JsonRejectsWriter writer = new JsonRejectsWriter(rejects)) {
            DecodeSummary s = decode(data, DecodeOptions.builder().rejects(writer).build(),
                    new ByteArrayOutputStream());
            assertEquals(1, s.recordsRejected());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> line = (Map<String, Object>) Json.parse(
                rejects.toString(StandardCharsets.UTF_8).trim());
        assertEquals(new BigDecimal(2), line.get("_record"));
        assertEquals("BAD_PACKED_DIGIT", line.get("code"));
        assertArrayEquals(Arrays.copyOfRange(data, 120, 180), Base64.getDecoder().decode((String) line.get("raw")));
    }

    @Property(tries = 60)
    void randomBytesAreEitherWrittenOrRejectedNeverAnotherException(@ForAll @Size(min = 0, max = 1500) byte[] data)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RejectsCollector rejects = new RejectsCollector();
        DecodeSummary s = decode(data, DecodeOptions.builder().workers(2).rejects(rejects).build(), out);
        assertTrue(s.balanced(), s.toString());
        assertEquals((data.length + 59) / 60, s.recordsRead());
        assertEquals(s.recordsRejected(), rejects.errors.size());
    }

    private static boolean noDecoderThreads() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.isAlive() && t.getName().startsWith("ringline-")));
        return true;
    }

    /** Keeps every rejected record and its raw bytes. */
    static final class RejectsCollector implements RejectsSink {
        final List<DecodeError> errors = new ArrayList<>();
        final List<byte[]> raw = new ArrayList<>();
        DecodeSummary summary;

        @Override
        public void reject(DecodeError error, byte[] bytes, int off, int len) {
            errors.add(error);
            raw.add(Arrays.copyOfRange(bytes, off, off + len));
        }

        @Override
        public long count() {
            return errors.size();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void anInterruptedDecodeSaysSoAndKeepsTheInterruptStatus(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException {
        java.nio.file.Path file = dir.resolve("in.dat");
        java.nio.file.Files.write(file, file(50, 9));
        for (boolean parallel : new boolean[] {false, true}) {
            try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(file)) {
                Thread.currentThread().interrupt();
                java.io.InterruptedIOException e = assertThrows(java.io.InterruptedIOException.class, () -> {
                    if (parallel) {
                        CobolDecoder.decode(in, layout(), DecodeOptions.builder().workers(2).build(),
                                new ByteArrayOutputStream());
                    } else {
                        CobolDecoder.decodeSequential(in, layout(), DecodeOptions.defaults(), new ByteArrayOutputStream());
                    }
                });
                assertTrue(Thread.interrupted(), "interrupt status preserved (and cleared here)");
                assertTrue(e.getMessage().startsWith("interrupted while"), e.getMessage());
                assertFalse(e.getMessage().contains("null"), e.getMessage());
            }
        }
    }

    @Test
    void duplicateNamesInOneGroupGetUniqueKeysAndAWarning() throws IOException {
        Copybook copybook = Copybook.parse(String.join("\n",
                "       01  R.",
                "           05  A      PIC X(2).",
                "           05  A      PIC X(2).",
                "           05  A-2    PIC X(1).",
                "           05  G.",
                "               10  A  PIC X(1).",
                "           05  a      PIC X(1)."), "dup.cpy");
        assertEquals(List.of("dup.cpy:3: duplicate name A in group R: emitted as A_2",
                "dup.cpy:7: duplicate name a in group R: emitted as a_3"), copybook.warnings());
        byte[] data = "ABCDEFGH".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CobolDecoder.decodeSequential(Channels.newChannel(new ByteArrayInputStream(data)), copybook.firstRecord(),
                DecodeOptions.builder().codePage(CodePage.of("ascii")).build(), out);
        assertEquals("{\"A\":\"AB\",\"A_2\":\"CD\",\"A-2\":\"E\",\"G\":{\"A\":\"F\"},\"a_3\":\"G\"}\n",
                out.toString(StandardCharsets.UTF_8));
    }

    /** RDW records of 3 ASCII digits each, with {@code garbage} bytes of 0xFF after record {@code at}. */
    private static byte[] rdwWithGarbage(int records, int at, int garbage) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int r = 0; r < records; r++) {
            out.writeBytes(new byte[] {0, 7, 0, 0, (byte) ('0' + r % 10), '1', '2'});
            if (r == at) {
                byte[] junk = new byte[garbage];
                Arrays.fill(junk, (byte) 0xFF);
                out.writeBytes(junk);
            }
        }
        return out.toByteArray();
    }

    @Test
    void resyncSkipsBytesThatDoNotFrameAndGoesOn() throws IOException {
        RecordLayout three = Copybook.parse("       01  R.\n           05  A  PIC X(3).\n", "r.cpy").firstRecord();
        for (int garbage : new int[] {10, 70_000}) {
            for (int at : new int[] {50, 199}) {
                byte[] data = rdwWithGarbage(200, at, garbage);
                for (int workers : new int[] {1, 3}) {
                    RejectsCollector rejects = new RejectsCollector();
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    DecodeSummary s = CobolDecoder.decode(Channels.newChannel(new ByteArrayInputStream(data)), three,
                            DecodeOptions.builder().framing(FramingOptions.rdw()).codePage(CodePage.of("ascii"))
                                    .resync(true).rejects(rejects).workers(workers).build(), out);
                    String where = "garbage " + garbage + " after record " + at + ", " + workers + " workers";
                    assertEquals(200, s.recordsWritten(), where);
                    assertEquals(0, s.recordsRejected(), where);
                    assertEquals(garbage, s.bytesSkipped(), where);
                    assertEquals(garbage, s.bytesRejected(), where);
                    assertEquals(data.length, s.bytesRead(), where);
                    assertNull(s.framingFailure(), where);
                    assertTrue(s.balanced(), s::toString);
                    assertEquals((garbage + RecordReader.RESYNC_CHUNK - 1) / RecordReader.RESYNC_CHUNK,
                            rejects.errors.size(), "chunks: " + where);
                    assertEquals(ErrorCode.UNFRAMED_BYTES, rejects.errors.get(0).code());
                    assertEquals((at + 1) * 7L, rejects.errors.get(0).byteOffset(), where);
                    assertEquals(garbage, rejects.raw.stream().mapToInt(r -> r.length).sum());
                    assertEquals(200, out.toString(StandardCharsets.UTF_8).split("\n").length);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new RecordReader(
                Channels.newChannel(new ByteArrayInputStream(new byte[0])), FramingOptions.vb()).resync((o, b, f, l) -> { }));
    }
}
