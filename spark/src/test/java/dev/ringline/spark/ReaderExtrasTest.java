package dev.ringline.spark;

import dev.ringline.cli.SyntheticData;
import dev.ringline.cobol.CobolDecoder;
import dev.ringline.cobol.DecodeOptions;
import dev.ringline.cobol.ErrorPolicy;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.framing.FramingOptions;
import dev.ringline.cobol.json.JsonRejectsWriter;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code split_strategy = index}, {@code record_index = exact}, {@code rejects_path} and the corrupt-record column,
 * in {@code local[2,2]} (a failed task gets a second attempt, as on a cluster).
 */
class ReaderExtrasTest {
    private static final String SMALL = String.join("\n",
            "       01  R.",
            "           05  ID          PIC 9(4).",
            "           05  AMOUNT      PIC S9(5)V99 COMP-3.",
            "           05  NAME        PIC X(6).") + "\n";
    private static final int SMALL_LENGTH = 14;

    static SparkSession spark;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("local[2,2]", "ringline-extras-test");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    static Path write(String name, byte[] data) throws IOException {
        return Files.write(dir.resolve(name), data);
    }

    static DataFrameReader reader(String copybook, String format) {
        return spark.read().format("ringline").option("copybook_text", copybook).option("format", format);
    }

    /** Payloads full of plausible RDWs: tiny {@code offset} splits cannot tell the true chain from false ones. */
    static byte[] fooling() {
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
        return out.toByteArray();
    }

    @Test
    void indexSplitsReadHostilePayloadsThatOffsetSplitsRefuse() throws IOException {
        String copybook = "       01  R.\n           05  TEXT PIC X(80).\n";
        byte[] data = fooling();
        Path file = write("fooling.rdw", data);
        List<String> expected = SparkReadTest.expected(data, copybook, FramingOptions.rdw(), ErrorPolicy.failFast());
        assertEquals(600, expected.size());
        int offsetFailures = 0;
        for (long split : new long[] {251, 1009}) {
            // A loose record-length bound (records may be up to 32,760 bytes) lets false headers chain, as in a
            // file whose copybook is longer than its records; the default bound (the layout's length) cuts them.
            Dataset<Row> df = reader(copybook, "rdw").option("split_size_bytes", split)
                    .option("max_record_length", 32760).option("split_strategy", "index").load(file.toString());
            assertTrue(df.rdd().getNumPartitions() >= data.length / split / 2, "cut at about " + split + " bytes");
            assertEquals(expected, SparkReadTest.actual(df), "index split " + split);
            try {
                assertEquals(expected, SparkReadTest.actual(reader(copybook, "rdw").option("split_size_bytes", split)
                        .option("max_record_length", 32760).load(file.toString())));
            } catch (Exception e) {
                assertTrue(SparkReadTest.rootMessage(e).contains("split boundaries disagree"));
                offsetFailures++;
            }
        }
        assertTrue(offsetFailures > 0, "the file fools some offset splits, or the test proves nothing");
        for (long split : new long[] {251, 1009}) {
            assertEquals(expected, SparkReadTest.actual(reader(copybook, "rdw").option("split_size_bytes", split)
                    .load(file.toString())), "offset split " + split + " under the default bound (the layout's length)");
        }
    }

    @Test
    void indexSplitsGiveTheSameRowsAsOffsetSplitsAndAreCachedByPathSizeAndTime() throws IOException {
        String copybook = SyntheticData.copybook("mixed");
        byte[] rdw = SparkReadTest.rdw(SyntheticData.records("mixed", 300, 21), 122, 21);
        byte[] vb = SparkReadTest.vb(rdw, 3);
        Path rdwFile = write("index.rdw", rdw);
        Path vbFile = write("index.vb", vb);
        List<String> expected = SparkReadTest.expected(rdw, copybook, FramingOptions.rdw(), ErrorPolicy.lenient());
        for (long split : new long[] {4099}) {
            for (String format : List.of("rdw", "vb")) {
                Path file = format.equals("rdw") ? rdwFile : vbFile;
                List<String> offset = SparkReadTest.actual(reader(copybook, format).option("on_error", "null")
                        .option("split_size_bytes", split).load(file.toString()));
                List<String> index = SparkReadTest.actual(reader(copybook, format).option("on_error", "null")
                        .option("split_size_bytes", split).option("split_strategy", "index").load(file.toString()));
                assertEquals(expected, offset, format + " offset " + split);
                assertEquals(expected, index, format + " index " + split);
            }
        }
        long passes = SplitIndex.passes();
        DataFrameReader indexed = reader(copybook, "rdw").option("split_size_bytes", 4099)
                .option("split_strategy", "index");
        assertEquals(300, indexed.load(rdwFile.toString()).count());
        assertEquals(passes, SplitIndex.passes(), "unchanged file: the cached index");
        Files.setLastModifiedTime(rdwFile, FileTime.fromMillis(Files.getLastModifiedTime(rdwFile).toMillis() - 5000));
        assertEquals(300, indexed.load(rdwFile.toString()).count());
        assertEquals(passes + 1, SplitIndex.passes(), "a new modification time: a new pass");
    }

    @Test
    void exactRecordIndexNumbersRdwAndVbRecordsOtherwiseItIsNull() throws IOException {
        String copybook = SyntheticData.copybook("mixed");
        byte[] rdw = SparkReadTest.rdw(SyntheticData.records("mixed", 250, 5), 122, 5);
        Path rdwFile = write("exact.rdw", rdw);
        Path vbFile = write("exact.vb", SparkReadTest.vb(rdw, 4));
        for (Path file : List.of(rdwFile, vbFile)) {
            String format = file.toString().endsWith("rdw") ? "rdw" : "vb";
            for (String strategy : List.of("offset", "index", "file")) {
                List<Row> rows = reader(copybook, format).option("split_size_bytes", 3001)
                        .option("split_strategy", strategy).option("record_index", "exact").option("on_error", "null")
                        .load(file.toString()).select("_record", "_offset").orderBy("_offset").collectAsList();
                assertEquals(250, rows.size());
                for (int i = 0; i < rows.size(); i++) {
                    assertEquals((long) i, rows.get(i).getLong(0), format + " " + strategy + " row " + i);
                }
            }
            List<Row> plain = reader(copybook, format).option("split_size_bytes", 3001).option("on_error", "null")
                    .load(file.toString()).select("_record").collectAsList();
            assertEquals(250, plain.size());
            assertTrue(plain.stream().allMatch(r -> r.isNullAt(0)), "without record_index = exact: null");
        }
    }

    @Test
    void wideDecimalsInRowsAndArraysOfStructsMatchTheDecoderAlsoWhenNull() throws IOException {
        String copybook = String.join("\n",
                "       01  W.",
                "           05  BIG         PIC S9(20)V99 COMP-3.",
                "           05  ITEMS OCCURS 2 TIMES.",
                "               10  HUGE    PIC S9(19) COMP-3.",
                "               10  LABEL   PIC X(3).") + "\n";
        int length = 12 + 2 * (10 + 3);
        byte[] data = new byte[40 * length];
        Random random = new Random(17);
        for (int r = 0; r < 40; r++) {
            int at = r * length;
            packed(data, at, 12, random, r % 5 == 2);
            for (int k = 0; k < 2; k++) {
                int item = at + 12 + k * 13;
                packed(data, item, 10, random, r % 7 == 4 && k == 1);
                CodePage.of("cp037").encode("L" + r % 10 + k, data, item + 10, 3);
            }
        }
        Path file = write("wide.dat", data);
        List<String> expected = SparkReadTest.expected(data, copybook, FramingOptions.fixed(length),
                ErrorPolicy.lenient());
        assertEquals(40, expected.size());
        assertEquals(expected, SparkReadTest.actual(reader(copybook, "fixed").option("on_error", "null")
                .option("split_size_bytes", 10 * length).load(file.toString())));
    }

    /** Random packed digits in {@code len} bytes, sign C or D, or the bad sign nibble 3. */
    private static void packed(byte[] data, int at, int len, Random random, boolean bad) {
        for (int i = 0; i < len; i++) {
            data[at + i] = (byte) (random.nextInt(10) << 4 | random.nextInt(10));
        }
        data[at + len - 1] = (byte) (data[at + len - 1] & 0xF0 | (bad ? 0x3 : random.nextBoolean() ? 0xC : 0xD));
    }

    /** {@code count} records of {@link #SMALL}; every 7th has a bad packed sign nibble. */
    static byte[] smallRecords(int count) {
        byte[] data = new byte[count * SMALL_LENGTH];
        CodePage cp = CodePage.of("cp037");
        for (int i = 0; i < count; i++) {
            int at = i * SMALL_LENGTH;
            cp.encode(String.format("%04d", i), data, at, 4);
            data[at + 4] = 0x00;
            data[at + 5] = 0x12;
            data[at + 6] = (byte) (0x30 + i % 10);
            data[at + 7] = (byte) (i % 7 == 3 ? 0x53 : 0x5C); // sign nibble 3 is bad, C is +
            cp.encode("N" + (i % 100000), data, at + 8, Math.min(6, 1 + String.valueOf(i % 100000).length()));
            for (int j = at + 9 + String.valueOf(i % 100000).length(); j < at + SMALL_LENGTH; j++) {
                data[j] = 0x40;
            }
        }
        return data;
    }

    /** The command line's reject lines for {@code data} (fixed records of {@link #SMALL}). */
    static List<String> cliRejects(byte[] data, ErrorPolicy policy) throws IOException {
        ByteArrayOutputStream rejects = new ByteArrayOutputStream();
        CobolDecoder.decodeSequential(Channels.newChannel(new ByteArrayInputStream(data)),
                Copybook.parse(SMALL, "s.cpy").firstRecord(), DecodeOptions.builder()
                        .framing(FramingOptions.fixed(SMALL_LENGTH)).errorPolicy(policy)
                        .rejects(new JsonRejectsWriter(rejects)).build(), new ByteArrayOutputStream());
        String text = rejects.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    /** The lines of the published rejects files, {@code "_file"} taken out, in file order; no file left elsewhere. */
    static List<String> published(Path folder, String file) throws IOException {
        List<String> lines = new ArrayList<>();
        List<Path> parts;
        try (Stream<Path> s = Files.list(folder)) {
            parts = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        String prefix = "{\"_file\":\"" + file + "\",";
        for (Path p : parts) {
            for (String line : Files.readAllLines(p)) {
                assertTrue(line.startsWith(prefix), line);
                lines.add("{" + line.substring(prefix.length()));
            }
        }
        Path temporary = folder.resolve("_temporary");
        if (Files.exists(temporary)) {
            try (Stream<Path> s = Files.list(temporary)) {
                assertEquals(List.of(), s.filter(p -> !p.getFileName().toString().startsWith(".")).toList(),
                        "no attempt's file left");
            }
        }
        return lines;
    }

    @Test
    void rejectsAreTheCommandLinesLinesOneFilePerSplitOnlyFromSucceededAttempts() throws IOException {
        byte[] data = smallRecords(400);
        Path file = write("rejects.dat", data);
        List<String> expected = cliRejects(data, ErrorPolicy.skip());
        assertEquals(57, expected.size());
        String uri = file.toUri().toString().replace("file:///", "file:/");

        Path plain = dir.resolve("rejects-plain");
        Dataset<Row> df = reader(SMALL, "fixed").option("split_size_bytes", 700).option("on_error", "skip")
                .option("rejects_path", plain.toString()).load(file.toString());
        assertEquals(400 - 57, df.select("AMOUNT").collectAsList().size());
        assertEquals(expected, published(plain, uri));

        // every first attempt reads its whole split, then fails; the second attempt's file is the one published
        Path retried = dir.resolve("rejects-retried");
        reader(SMALL, "fixed").option("split_size_bytes", 700).option("rejects_path", retried.toString())
                .load(file.toString()).foreachPartition((ForeachPartitionFunction<Row>) rows -> {
                    while (rows.hasNext()) {
                        rows.next();
                    }
                    if (TaskContext.get().attemptNumber() == 0) {
                        throw new IllegalStateException("injected failure after the split was read");
                    }
                });
        assertEquals(expected, published(retried, uri));
    }

    @Test
    void fieldErrorsUnderOnErrorNullAreRejectLinesToo() throws IOException {
        byte[] data = smallRecords(100);
        Path file = write("nullrejects.dat", data);
        Path folder = dir.resolve("rejects-null");
        assertEquals(100, reader(SMALL, "fixed").option("on_error", "null").option("rejects_path", folder.toString())
                .load(file.toString()).select("AMOUNT").collectAsList().size());
        assertEquals(cliRejects(data, ErrorPolicy.lenient()),
                published(folder, file.toUri().toString().replace("file:///", "file:/")));
    }

    @Test
    void corruptRecordColumnHoldsTheRawBytesOfBadRecordsOnly() throws IOException {
        byte[] whole = smallRecords(60);
        byte[] data = Arrays.copyOf(whole, whole.length - 5); // and a truncated last record
        Path file = write("corrupt.dat", data);
        for (String onError : List.of("null", "skip")) {
            List<Row> rows = reader(SMALL, "fixed").option("on_error", onError)
                    .option("corrupt_record_column", "_corrupt_record").option("split_size_bytes", 140)
                    .load(file.toString()).select("ID", "AMOUNT", "NAME", "_corrupt_record", "_offset")
                    .orderBy("_offset").collectAsList();
            assertEquals(60, rows.size(), onError + ": every record is a row, the truncated one too");
            for (int i = 0; i < 60; i++) {
                Row r = rows.get(i);
                int at = i * SMALL_LENGTH;
                boolean bad = i % 7 == 3 || i == 59;
                if (!bad) {
                    assertNull(r.get(3), "row " + i);
                    assertEquals(i, r.getInt(0));
                    continue;
                }
                assertArrayEquals(Arrays.copyOfRange(data, at, Math.min(data.length, at + SMALL_LENGTH)),
                        (byte[]) r.get(3), onError + " row " + i);
                assertTrue(r.isNullAt(1), "the bad field is null");
                if (onError.equals("skip") || i == 59) {
                    assertTrue(r.isNullAt(0) && r.isNullAt(2), "a rejected record: every column null");
                } else {
                    assertEquals(i, r.getInt(0), "null: the good fields stay");
                }
            }
        }
        List<Row> onlyRaw = reader(SMALL, "fixed").option("on_error", "null")
                .option("corrupt_record_column", "_corrupt_record").load(file.toString()).select("_corrupt_record")
                .collectAsList();
        assertEquals(9, onlyRaw.stream().filter(r -> !r.isNullAt(0)).count(),
                "selected alone, the column still judges every field");
        assertEquals(51, reader(SMALL, "fixed").load(file.toString()).select("AMOUNT").collectAsList().size(),
                "without the column, skip drops the bad records");
        Exception e = assertThrows(Exception.class, () -> reader(SMALL, "fixed").option("on_error", "fail")
                .option("corrupt_record_column", "_corrupt_record").load(file.toString()).collectAsList());
        assertTrue(SparkReadTest.rootMessage(e).contains("BAD_PACKED_SIGN"), SparkReadTest.rootMessage(e));
    }
}
