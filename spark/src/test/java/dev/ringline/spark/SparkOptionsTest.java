package dev.ringline.spark;

import dev.ringline.cobol.CobolDecoder;
import dev.ringline.cobol.DecodeOptions;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.copybook.Segments;
import dev.ringline.cobol.framing.FramingOptions;
import dev.ringline.cobol.json.BlankNumerics;
import dev.ringline.cobol.json.EmptyText;
import dev.ringline.cobol.json.Fillers;

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
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line's decode options as Spark options give {@link CobolDecoder}'s values: blank numerics, empty text,
 * binary byte order, FILLER kept, variable OCCURS DEPENDING ON, the records of a multi-record copybook selected by
 * segment (unknown segments emitted), copybook format and columns; bad values are refused when the read is defined.
 */
class SparkOptionsTest {
    private static final Charset EBCDIC = Charset.forName("IBM037");
    static SparkSession spark;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("local[2]", "ringline-options");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static List<String> decoderLines(byte[] data, RecordLayout layout, DecodeOptions options)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CobolDecoder.decodeSequential(Channels.newChannel(new ByteArrayInputStream(data)), layout, options, out);
        String text = out.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    private static List<String> sparkLines(Dataset<Row> df) {
        List<Row> rows = new ArrayList<>(df.select(df.col("*"), df.col("_offset")).collectAsList());
        rows.sort(Comparator.comparingLong(r -> r.getLong(r.length() - 1)));
        List<String> lines = new ArrayList<>();
        for (Row row : rows) {
            lines.add(RowJson.toJson(row));
        }
        return lines;
    }

    private static DataFrameReader reader(String copybook) {
        return spark.read().format("ringline").option("copybook_text", copybook);
    }

    static final String VALUES = String.join("\n",
            "       01  R.",
            "           05  ID          PIC 9(4).",
            "           05  FILLER      PIC X(2).",
            "           05  AMOUNT      PIC S9(5)V99 COMP-3.",
            "           05  NOTE        PIC X(6).",
            "           05  BIN         PIC S9(4) COMP.",
            "           05  N           PIC 9.",
            "           05  ITEM OCCURS 0 TO 3 TIMES DEPENDING ON N.",
            "               10  CODE    PIC X(2).",
            "           05  TAIL        PIC X(3).",
            "");

    /** RDW records written with only the present ITEMs: blanks, little-endian binaries, FILLER bytes. */
    static byte[] valuesFile(int records, long seed) {
        return valuesFile(records, seed, true);
    }

    /** The same records, with RDWs or (fixed format, as long as their content) without. */
    static byte[] valuesFile(int records, long seed, boolean rdw) {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < records; i++) {
            ByteArrayOutputStream r = new ByteArrayOutputStream();
            r.writeBytes(String.format("%04d", i).getBytes(EBCDIC));
            r.writeBytes("f!".getBytes(EBCDIC));
            if (i % 3 == 0) {
                r.writeBytes(new byte[] {0x40, 0x40, 0x40, 0x40}); // blank packed
            } else {
                r.writeBytes(new byte[] {0x00, 0x12, (byte) (random.nextInt(10) << 4 | 0x3), 0x4D});
            }
            r.writeBytes((i % 4 == 0 ? "      " : "note" + i % 10 + " ").getBytes(EBCDIC));
            int bin = random.nextInt(20000) - 10000;
            r.write(bin & 0xFF); // little-endian
            r.write(bin >> 8 & 0xFF);
            int n = random.nextInt(4);
            r.writeBytes(Integer.toString(n).getBytes(EBCDIC));
            for (int k = 0; k < n; k++) {
                r.writeBytes(("C" + k).getBytes(EBCDIC));
            }
            r.writeBytes("END".getBytes(EBCDIC));
            byte[] payload = r.toByteArray();
            if (rdw) {
                out.write(payload.length + 4 >> 8);
                out.write(payload.length + 4);
                out.write(0);
                out.write(0);
            }
            out.writeBytes(payload);
        }
        return out.toByteArray();
    }

    @Test
    void valueOptionsGiveTheDecodersValues() throws IOException {
        byte[] data = valuesFile(300, 5);
        Path file = dir.resolve("values.dat");
        Files.write(file, data);
        RecordLayout layout = Copybook.parse(VALUES, "v.cpy").firstRecord();
        Dataset<Row> df = reader(VALUES).option("format", "rdw").option("blank_numerics", "zero")
                .option("empty_text", "null").option("binary_order", "little").option("filler", "keep")
                .option("variable_occurs", "true").option("split_size_bytes", "997").load(file.toString());
        List<String> expected = decoderLines(data, layout, DecodeOptions.builder().framing(FramingOptions.rdw())
                .blankNumerics(BlankNumerics.ZERO).emptyText(EmptyText.NULL).binaryBigEndian(false)
                .fillers(Fillers.KEEP).variableOccurs(true).build());
        assertEquals(300, expected.size());
        assertEquals(expected, sparkLines(df));
        assertTrue(expected.get(0).contains("\"FILLER\":\"f!\"") && expected.get(0).contains("\"AMOUNT\":0.00")
                && expected.get(0).contains("\"NOTE\":null"), expected.get(0));
        assertEquals(List.of("ID", "FILLER", "AMOUNT", "NOTE", "BIN", "N", "ITEM", "TAIL"),
                List.of(df.schema().fieldNames()));
        // without the options the same file reads differently: the settings reach the executors
        List<String> defaults = sparkLines(reader(VALUES).option("format", "rdw").option("on_error", "null")
                .load(file.toString()));
        assertTrue(!defaults.get(0).contains("FILLER") && defaults.get(0).contains("\"AMOUNT\":null"),
                defaults.get(0));
    }

    static final String RECORDS = String.join("\n",
            "       01  HDR-REC.",
            "           05  REC-TYPE    PIC X.",
            "           05  REC-ID      PIC 9(4).",
            "           05  NAME        PIC X(10).",
            "       01  DTL-REC.",
            "           05  REC-TYPE    PIC X.",
            "           05  REC-ID      PIC 9(4).",
            "           05  AMOUNT      PIC S9(5)V99 COMP-3.",
            "           05  QTY         PIC 9(3).",
            "");

    @Test
    void multiRecordSegmentsGiveTheSelectedRecordAsAStruct() throws IOException {
        Copybook copybook = Copybook.parse(RECORDS, "m.cpy");
        RecordLayout union = copybook.union();
        byte[] data = new byte[union.length() * 90];
        Arrays.fill(data, (byte) 0x40);
        String[] types = {"H", "D", "X"};
        for (int i = 0; i < 90; i++) {
            int at = i * union.length();
            String type = types[i % 3];
            byte[] head = (type + String.format("%04d", i)).getBytes(EBCDIC);
            System.arraycopy(head, 0, data, at, head.length);
            if (type.equals("H")) {
                byte[] name = ("NAME " + i).getBytes(EBCDIC);
                System.arraycopy(name, 0, data, at + 5, name.length);
            } else {
                data[at + 5] = 0x00;
                data[at + 6] = 0x12;
                data[at + 7] = 0x34;
                data[at + 8] = (byte) (i % 2 == 0 ? 0x5C : 0x5D);
                byte[] qty = String.format("%03d", i).getBytes(EBCDIC);
                System.arraycopy(qty, 0, data, at + 9, 3);
            }
        }
        Path file = dir.resolve("records.dat");
        Files.write(file, data);
        Dataset<Row> df = reader(RECORDS).option("segment_field", "REC-TYPE").option("segment", "H=HDR-REC;D=DTL-REC")
                .option("unknown_segment", "emit").option("split_size_bytes", "150").load(file.toString());
        assertEquals(List.of("REC-TYPE", "REC-ID", "HDR-REC", "DTL-REC"), List.of(df.schema().fieldNames()));
        List<String> expected = decoderLines(data, union, DecodeOptions.builder()
                .segments(Segments.on("REC-TYPE").map("H", "HDR-REC").map("D", "DTL-REC").emitUnknown(true))
                .build());
        List<String> actual = sparkLines(df);
        assertEquals(90, expected.size());
        assertEquals(90, actual.size());
        for (int i = 0; i < 90; i++) {
            assertEquals(expected.get(i), unwrapRecord(actual.get(i)), "record " + i);
        }
        assertTrue(actual.get(2).endsWith("\"HDR-REC\":null,\"DTL-REC\":null}"), actual.get(2));
        // pruned to one shared field and one record's struct: the same values for those columns
        List<String> pruned = sparkLines(df.select("REC-ID", "DTL-REC"));
        for (int i = 0; i < 90; i++) {
            String full = actual.get(i);
            String dtl = full.substring(full.indexOf(",\"DTL-REC\":"));
            String id = full.substring(full.indexOf("\"REC-ID\":"), full.indexOf(",\"HDR-REC\":"));
            assertEquals("{" + id + dtl, pruned.get(i), "record " + i);
        }
    }

    /** The row with the null record structs dropped and the selected one's members in its place: the JSON object. */
    private static String unwrapRecord(String line) {
        String s = line.replace(",\"HDR-REC\":null", "").replace(",\"DTL-REC\":null", "");
        for (String record : new String[] {"HDR-REC", "DTL-REC"}) {
            String key = ",\"" + record + "\":{";
            int at = s.indexOf(key);
            if (at >= 0) {
                return s.substring(0, at) + "," + s.substring(at + key.length(), s.length() - 1);
            }
        }
        return s;
    }

    @Test
    void copybookFormatAndColumnsAsOnTheCommandLine() {
        String wide = String.join("\n",
                " 01  R.",
                "     05  CODE   PIC X(3).",
                "     05  NUM    PIC 9(2).",
                "");
        Dataset<Row> df = reader(wide).option("copybook_columns", "1-80").load(dir.toString() + "/none*.dat");
        assertEquals(List.of("CODE", "NUM"), List.of(df.schema().fieldNames()));
        String commented = String.join("\n",
                "       01  R.",
                "  *  a comment indented into the sequence area",
                "           05  CODE   PIC X(3).",
                "");
        assertEquals(List.of("CODE"), List.of(reader(commented).option("copybook_format", "lenient")
                .load(dir.toString() + "/none*.dat").schema().fieldNames()));
    }

    @Test
    void badValuesAreRefusedWithTheOptionsName() {
        String[][] bad = {{"binary_order", "middle"}, {"blank_numerics", "maybe"}, {"empty_text", "nothing"},
            {"filler", "some"}, {"variable_occurs", "yes"}, {"unknown_segment", "drop"},
            {"copybook_format", "free"}, {"copybook_columns", "7to72"}, {"max_record_length", "-1"}};
        for (String[] option : bad) {
            Exception e = assertThrows(Exception.class, () -> reader(VALUES).option(option[0], option[1])
                    .load(dir.toString() + "/none*.dat").schema());
            assertTrue(String.valueOf(e.getMessage()).contains(option[0]), option[0] + ": " + e.getMessage());
        }
    }

    private static DataFrameReader contentLengthReader() {
        return reader(VALUES).option("blank_numerics", "zero").option("empty_text", "null")
                .option("binary_order", "little").option("filler", "keep").option("variable_occurs", "true");
    }

    private static DecodeOptions.Builder contentLengthOptions(RecordLayout layout) {
        return DecodeOptions.builder().framing(FramingOptions.fixed(layout.length())).blankNumerics(BlankNumerics.ZERO)
                .emptyText(EmptyText.NULL).binaryBigEndian(false).fillers(Fillers.KEEP).variableOccurs(true);
    }

    @Test
    void variableOccursOnFixedFilesSplitsAtTrueRecordBoundaries() throws IOException {
        byte[] data = valuesFile(300, 11, false);
        Path file = dir.resolve("content-length.dat");
        Files.write(file, data);
        RecordLayout layout = Copybook.parse(VALUES, "v.cpy").firstRecord();
        List<String> expected = decoderLines(data, layout, contentLengthOptions(layout).build());
        assertEquals(300, expected.size());
        assertTrue(data.length < 300L * layout.length(), "records shorter than the layout: " + data.length);
        // one record, a prime number of bytes, 64 KiB (the whole file here) and a split per file
        String[][] cases = {{"offset", "1"}, {"offset", "997"}, {"index", "997"}, {"index", "65536"},
            {"file", "997"}};
        for (String[] c : cases) {
            Dataset<Row> df = contentLengthReader().option("split_strategy", c[0]).option("split_size_bytes", c[1])
                    .load(file.toString());
            assertEquals(expected, sparkLines(df), c[0] + " " + c[1]);
            int partitions = df.rdd().getNumPartitions();
            assertTrue(c[0].equals("file") || c[1].equals("65536") ? partitions == 1 : partitions > 1,
                    c[0] + " " + c[1] + ": " + partitions + " splits");
            List<Row> index = new ArrayList<>(df.select("_record", "_offset").collectAsList());
            index.sort(Comparator.comparingLong(r -> r.getLong(1)));
            for (int i = 0; i < index.size(); i++) {
                assertEquals(i, index.get(i).getLong(0), c[0] + " " + c[1] + ": _record exact");
            }
        }
        // a counter out of range frames nothing after it: the job fails at that record, as the command line stops
        long at = contentLengthReader().load(file.toString()).where("_record = 150").select("_offset").first()
                .getLong(0);
        byte[] bad = data.clone();
        bad[(int) at + 18] = (byte) 0xF9; // N = 9, beyond OCCURS 0 TO 3
        Path badFile = dir.resolve("content-length-bad-counter.dat");
        Files.write(badFile, bad);
        Exception e = assertThrows(Exception.class, () -> contentLengthReader().option("split_size_bytes", "997")
                .load(badFile.toString()).count());
        assertTrue(SparkReadTest.rootMessage(e).contains("ODO_OUT_OF_RANGE")
                && SparkReadTest.rootMessage(e).contains("at byte " + at), SparkReadTest.rootMessage(e));
    }

    @Test
    void variableOccursOnFixedFilesTreatATruncatedLastRecordAsOnErrorSays() throws IOException {
        byte[] whole = valuesFile(120, 13, false);
        byte[] data = Arrays.copyOf(whole, whole.length - 3);
        Path file = dir.resolve("content-length-truncated.dat");
        Files.write(file, data);
        RecordLayout layout = Copybook.parse(VALUES, "v.cpy").firstRecord();
        List<String> expected = decoderLines(whole, layout, contentLengthOptions(layout).build());
        List<String> cli = decoderLines(data, layout, contentLengthOptions(layout).build());
        assertEquals(expected.subList(0, 119), cli, "the single-process decoder drops the partial record");
        for (String strategy : new String[] {"offset", "index", "file"}) {
            Dataset<Row> df = contentLengthReader().option("split_strategy", strategy)
                    .option("split_size_bytes", "499").load(file.toString());
            assertEquals(cli, sparkLines(df), strategy + ": skip");
            List<Row> corrupt = contentLengthReader().option("split_strategy", strategy)
                    .option("split_size_bytes", "499").option("corrupt_record_column", "_corrupt")
                    .load(file.toString()).where("_corrupt IS NOT NULL").select("_corrupt", "_offset")
                    .collectAsList();
            assertEquals(1, corrupt.size(), strategy + ": the partial record as a corrupt row");
            long lastOffset = data.length - ((byte[]) corrupt.get(0).get(0)).length;
            assertEquals(lastOffset, corrupt.get(0).getLong(1), strategy + ": its bytes run to the end of the file");
            Exception e = assertThrows(Exception.class, () -> contentLengthReader().option("split_strategy", strategy)
                    .option("split_size_bytes", "499").option("on_error", "fail").load(file.toString()).count());
            assertTrue(SparkReadTest.rootMessage(e).contains("TRUNCATED_RECORD")
                    && SparkReadTest.rootMessage(e).contains("at byte " + lastOffset), SparkReadTest.rootMessage(e));
        }
    }
}
