package dev.ringline.spark;

import dev.ringline.cli.SyntheticData;
import dev.ringline.cobol.CobolDecoder;
import dev.ringline.cobol.DecodeOptions;
import dev.ringline.cobol.ErrorPolicy;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.framing.FramingOptions;

import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connector in {@code local[2]}: rows, converted to the engine's JSON, equal {@link CobolDecoder}'s lines in
 * order of {@code _file, _offset}, for every split size; boundary verification, errors, empty and many files.
 */
class SparkReadTest {
    static SparkSession spark;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("local[2]", "ringline-test");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** CobolDecoder's JSON lines for {@code data}. */
    static List<String> expected(byte[] data, String copybook, FramingOptions framing, ErrorPolicy policy)
            throws IOException {
        RecordLayout layout = Copybook.parse(copybook, "c.cpy").firstRecord();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CobolDecoder.decodeSequential(Channels.newChannel(new java.io.ByteArrayInputStream(data)), layout,
                DecodeOptions.builder().framing(framing).errorPolicy(policy).build(), out);
        String text = out.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    static DataFrameReader reader(String copybook, String format) {
        return spark.read().format("ringline").option("copybook_text", copybook).option("format", format);
    }

    /** The rows as JSON lines, ordered by file and offset. */
    static List<String> actual(Dataset<Row> df) {
        List<String> lines = new ArrayList<>();
        for (Row row : df.select(df.col("*"), df.col("_file"), df.col("_offset")).orderBy("_file", "_offset")
                .collectAsList()) {
            lines.add(RowJson.toJson(row));
        }
        return lines;
    }

    static Path write(String name, byte[] data) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, data);
        return p;
    }

    /** Wraps fixed records in RDWs, each cut to a random length (short records null their missing fields). */
    static byte[] rdw(byte[] fixed, int length, long seed) {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < fixed.length; at += length) {
            int len = random.nextInt(4) == 0 ? 1 + random.nextInt(length) : length;
            out.write(len + 4 >> 8);
            out.write(len + 4);
            out.write(0);
            out.write(0);
            out.write(fixed, at, len);
        }
        return out.toByteArray();
    }

    /** Groups RDW records into VB blocks of up to {@code perBlock} records. */
    static byte[] vb(byte[] rdw, int perBlock) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < rdw.length) {
            int end = at;
            for (int n = 0; n < perBlock && end < rdw.length; n++) {
                end += ((rdw[end] & 0xFF) << 8) | (rdw[end + 1] & 0xFF);
            }
            int size = end - at + 4;
            out.write(size >> 8);
            out.write(size);
            out.write(0);
            out.write(0);
            out.write(rdw, at, end - at);
            at = end;
        }
        return out.toByteArray();
    }

    @Test
    void fixedFilesGiveTheDecodersLinesForEverySplitSize() throws IOException {
        for (String workload : List.of("display", "comp3", "mixed")) {
            String copybook = SyntheticData.copybook(workload);
            int length = SyntheticData.layout(workload).length();
            byte[] data = SyntheticData.records(workload, 200, 42);
            Path file = write(workload + ".dat", data);
            List<String> expected = expected(data, copybook, FramingOptions.fixed(length), ErrorPolicy.failFast());
            assertEquals(200, expected.size());
            // one-record splits cost a task per record: once, on the mixed workload
            long[] splits = workload.equals("mixed") ? new long[] {length, 997, 64 * 1024, data.length}
                    : new long[] {997, 64 * 1024, data.length};
            for (long split : splits) {
                Dataset<Row> df = reader(copybook, "fixed").option("split_size_bytes", split)
                        .option("on_error", "fail").load(file.toString());
                assertEquals(expected, actual(df), workload + " split " + split);
            }
        }
    }

    @Test
    void fixedRecordIndexIsOffsetOverLength() throws IOException {
        byte[] data = SyntheticData.records("comp3", 50, 1);
        Path file = write("index.dat", data);
        List<Row> rows = reader(SyntheticData.copybook("comp3"), "fixed").option("split_size_bytes", 240)
                .load(file.toString()).select("_record", "_offset").orderBy("_offset").collectAsList();
        for (int i = 0; i < rows.size(); i++) {
            assertEquals((long) i, rows.get(i).getLong(0));
            assertEquals(i * 60L, rows.get(i).getLong(1));
        }
        assertEquals(50, rows.size());
    }

    @Test
    void rdwAndVbFilesGiveTheDecodersLinesForEverySplitSize() throws IOException {
        String copybook = SyntheticData.copybook("mixed");
        int length = SyntheticData.layout("mixed").length();
        byte[] rdw = rdw(SyntheticData.records("mixed", 400, 7), length, 7);
        byte[] vb = vb(rdw, 5);
        List<String> expectedRdw = expected(rdw, copybook, FramingOptions.rdw(), ErrorPolicy.lenient());
        List<String> expectedVb = expected(vb, copybook, FramingOptions.vb(), ErrorPolicy.lenient());
        assertEquals(400, expectedRdw.size());
        assertEquals(expectedRdw, expectedVb);
        Path rdwFile = write("mixed.rdw", rdw);
        Path vbFile = write("mixed.vb", vb);
        for (long split : new long[] {3 * 1024 + 1, 8191, 64 * 1024, rdw.length}) {
            assertEquals(expectedRdw, actual(reader(copybook, "rdw").option("split_size_bytes", split)
                    .option("on_error", "null").load(rdwFile.toString())), "rdw split " + split);
            assertEquals(expectedVb, actual(reader(copybook, "vb").option("split_size_bytes", split)
                    .option("on_error", "null").load(vbFile.toString())), "vb split " + split);
        }
        assertEquals(expectedRdw, actual(reader(copybook, "rdw").option("split_strategy", "file")
                .option("on_error", "null").load(rdwFile.toString())));
    }

    @Test
    void payloadsFullOfPlausibleHeadersGiveTrueRowsOrFailLoudly() throws IOException {
        String copybook = "       01  R.\n           05  TEXT PIC X(80).\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Random random = new Random(11);
        for (int i = 0; i < 600; i++) {
            int len = 8 + random.nextInt(70);
            out.write(len + 4 >> 8);
            out.write(len + 4);
            out.write(0);
            out.write(0);
            for (int j = 0; j < len; j++) {
                out.write(j % 4 == 1 ? 5 + random.nextInt(20) : (j % 4 == 0 ? 0 : random.nextInt(3) == 0 ? 0 : 0x40));
            }
        }
        byte[] data = out.toByteArray();
        Path file = write("fooling.rdw", data);
        List<String> expected = expected(data, copybook, FramingOptions.rdw(), ErrorPolicy.failFast());
        int failures = 0;
        for (long split : new long[] {97, 251, 1009, 4099}) {
            try {
                assertEquals(expected, actual(reader(copybook, "rdw").option("split_size_bytes", split)
                        .load(file.toString())), "split " + split);
            } catch (Exception e) {
                assertTrue(String.valueOf(rootMessage(e)).contains("split boundaries disagree"), rootMessage(e));
                failures++;
            }
        }
        assertTrue(failures < 4, "most split sizes read the file");
    }

    @Test
    void aTruncatedLastRecordIsSkippedOrFailsTheJob() throws IOException {
        byte[] data = Arrays.copyOf(SyntheticData.records("comp3", 20, 3), 20 * 60 - 7);
        Path file = write("truncated.dat", data);
        String copybook = SyntheticData.copybook("comp3");
        assertEquals(19, reader(copybook, "fixed").load(file.toString()).count());
        Exception e = assertThrows(Exception.class, () -> reader(copybook, "fixed").option("on_error", "fail")
                .load(file.toString()).count());
        assertTrue(rootMessage(e).contains("TRUNCATED_RECORD") && rootMessage(e).contains("at byte 1140"),
                rootMessage(e));
    }

    @Test
    void aBadBdwFailsTheJobWithItsOffset() throws IOException {
        String copybook = SyntheticData.copybook("mixed");
        byte[] vb = vb(rdw(SyntheticData.records("mixed", 40, 5), 122, 5), 4);
        int second = ((vb[0] & 0xFF) << 8) | (vb[1] & 0xFF);
        vb[second + 2] = 7; // reserved BDW bytes must be zero
        Path file = write("badbdw.vb", vb);
        Exception e = assertThrows(Exception.class, () -> reader(copybook, "vb").option("split_strategy", "file")
                .load(file.toString()).count());
        assertTrue(rootMessage(e).contains("BAD_BDW") && rootMessage(e).contains("at byte " + second),
                rootMessage(e));
    }

    @Test
    void emptyAndManySmallFiles() throws IOException {
        String copybook = SyntheticData.copybook("mixed");
        Path folder = Files.createDirectories(dir.resolve("many"));
        Files.write(folder.resolve("empty.dat"), new byte[0]);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < 30; i++) {
            byte[] data = SyntheticData.records("mixed", 1 + i % 4, i);
            Files.write(folder.resolve(String.format("part-%02d.dat", i)), data);
            all.write(data);
        }
        List<String> expected = expected(all.toByteArray(), copybook, FramingOptions.fixed(122), ErrorPolicy.failFast());
        assertEquals(expected, actual(reader(copybook, "fixed").load(folder.toString())));
        assertEquals(expected, actual(reader(copybook, "fixed").load(folder.resolve("part-*.dat").toString())));
        assertEquals(0, reader(copybook, "fixed").load(folder.resolve("empty.dat").toString()).count());
    }

    @Test
    void prunedColumnsHaveTheSameValues() throws IOException {
        String copybook = SyntheticData.copybook("mixed");
        Path file = write("prune.dat", SyntheticData.records("mixed", 100, 9));
        Dataset<Row> df = reader(copybook, "fixed").option("column_names", "underscore").load(file.toString());
        List<Row> full = df.orderBy("_offset").collectAsList();
        List<Row> some = df.select("_offset", "BALANCE", "OPENED_PARTS.OPENED_MONTH", "RECENT_ORDER")
                .orderBy("_offset").collectAsList();
        assertEquals(full.size(), some.size());
        for (int i = 0; i < full.size(); i++) {
            assertEquals(full.get(i).getAs("BALANCE"), some.get(i).get(1));
            assertEquals(full.get(i).<Row>getAs("OPENED_PARTS").getAs("OPENED_MONTH"), some.get(i).get(2));
            assertEquals(full.get(i).getList(full.get(i).fieldIndex("RECENT_ORDER")), some.get(i).getList(3));
        }
        String plan = df.select("BALANCE").queryExecution().executedPlan().toString();
        assertTrue(plan.contains("columns 1"), plan);
    }

    @Test
    void segmentsNullTheViewsARecordDoesNotSelect() throws IOException {
        String copybook = String.join("\n",
                "       01  REC.",
                "           05  REC-TYPE        PIC X.",
                "           05  CUSTOMER.",
                "               10  NAME        PIC X(6).",
                "           05  ORDER-DATA REDEFINES CUSTOMER.",
                "               10  AMOUNT      PIC 9(4)V99.") + "\n";
        byte[] data = new byte[21];
        dev.ringline.cobol.codec.CodePage.of("cp037").encode("CALICE O001234XBOB   ", data, 0, 21);
        Path file = write("segments.dat", data);
        List<Row> rows = reader(copybook, "fixed").option("segment_field", "REC-TYPE")
                .option("segment", "C=CUSTOMER;O=ORDER-DATA").load(file.toString()).orderBy("_offset")
                .collectAsList();
        assertEquals(2, rows.size(), "the unknown segment X is skipped");
        assertEquals("ALICE", rows.get(0).getStruct(1).getString(0));
        assertTrue(rows.get(0).isNullAt(2));
        assertTrue(rows.get(1).isNullAt(1));
        assertEquals(new java.math.BigDecimal("12.34"), rows.get(1).getStruct(2).getDecimal(0));
    }

    static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
