package dev.ringline.cli;

import dev.ringline.cobol.codec.BinaryInteger;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.codec.PackedDecimal;
import dev.ringline.cobol.codec.ZonedDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code encode --segment-field/--segment/--unknown-segment}: a multi-segment file through decode and back. */
class EncodeSegmentsTest {
    private static final CodePage CP037 = CodePage.of("cp037");
    private static final int LENGTH = 21;
    static final String COPYBOOK = String.join("\n",
            "       01  EXPORT-REC.",
            "           05  REC-TYPE         PIC X(1).",
            "           05  REC-SEQ          PIC 9(4) COMP.",
            "           05  CUSTOMER-DATA.",
            "               10  CUST-NAME    PIC X(8).",
            "               10  CUST-BALANCE PIC S9(7)V99 COMP-3.",
            "               10  CUST-VISITS  PIC 9(4) COMP.",
            "           05  ORDER-DATA REDEFINES CUSTOMER-DATA.",
            "               10  ORDER-QTY    PIC S9(5).",
            "               10  ORDER-AMOUNT PIC S9(9)V99 COMP-3.",
            "           05  NOTE-DATA REDEFINES CUSTOMER-DATA.",
            "               10  NOTE-TEXT    PIC X(15).",
            "           05  TRAILER          PIC X(3).") + "\n";
    static final String[] SEGMENTS = {"--segment-field", "REC-TYPE", "--segment", "C,c=CUSTOMER-DATA",
        "--segment", "O=ORDER-DATA", "--segment", "N=NOTE-DATA"};

    @TempDir
    Path dir;

    /** One record of segment {@code type}; bytes of the 15-byte area its view does not cover are spaces. */
    private static byte[] record(char type, int i) {
        byte[] rec = new byte[LENGTH];
        Arrays.fill(rec, CP037.space());
        CP037.encode(String.valueOf(type), rec, 0, 1);
        BinaryInteger.encodeUnscaled(i, NumericFormat.of(4, 0, false), true, rec, 1, 2);
        switch (type) {
            case 'C', 'c' -> {
                CP037.encode("CUST" + i, rec, 3, 8);
                PackedDecimal.encodeUnscaled(-1503L * i, NumericFormat.of(9, 2, true), rec, 11);
                BinaryInteger.encodeUnscaled(i % 10_000, NumericFormat.of(4, 0, false), true, rec, 16, 2);
            }
            case 'O' -> {
                ZonedDecimal.encodeUnscaled(i - 50, NumericFormat.of(5, 0, true), true, rec, 3);
                PackedDecimal.encodeUnscaled(100_000L * i + 99, NumericFormat.of(11, 2, true), rec, 8);
            }
            case 'N' -> CP037.encode("NOTE " + i, rec, 3, 15);
            default -> { } // an unmapped segment: only the common fields
        }
        CP037.encode("T" + (i % 100), rec, 18, 3);
        return rec;
    }

    static byte[] file(String types, int copies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        for (int c = 0; c < copies; c++) {
            for (char t : types.toCharArray()) {
                out.writeBytes(record(t, i++));
            }
        }
        return out.toByteArray();
    }

    private static byte[] withRdws(byte[] fixed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < fixed.length; i += LENGTH) {
            out.writeBytes(new byte[] {0, (byte) (LENGTH + 4), 0, 0});
            out.write(fixed, i, LENGTH);
        }
        return out.toByteArray();
    }

    private Path copybook() throws Exception {
        Path p = dir.resolve("export.cpy");
        Files.writeString(p, COPYBOOK);
        return p;
    }

    /** The command line {@code command} followed by the segment options. */
    private static String[] args(String[] segments, String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(segments));
        return all.toArray(new String[0]);
    }

    @ParameterizedTest
    @CsvSource({"fixed, 1", "fixed, 2", "rdw, 1", "rdw, 2"})
    void decodeThenEncodeWithTheSameSegmentsGivesTheFileBack(String format, int threads) throws Exception {
        byte[] fixed = file("COcNOC", 700);
        byte[] bytes = "rdw".equals(format) ? withRdws(fixed) : fixed;
        Path data = dir.resolve("in.dat");
        Files.write(data, bytes);
        Path json = dir.resolve("in.jsonl");
        Cli decoded = Cli.run(args(SEGMENTS, "decode", "--copybook", copybook().toString(), "--input",
                data.toString(), "--output", json.toString(), "--format", format, "-q"));
        assertEquals(0, decoded.exitCode, decoded::toString);
        String first = Files.readAllLines(json).get(1);
        assertTrue(first.contains("\"ORDER-DATA\"") && !first.contains("CUSTOMER-DATA"), first);

        Path back = dir.resolve("back.dat");
        Cli encoded = Cli.run(args(SEGMENTS, "encode", "--copybook", copybook().toString(), "--input",
                json.toString(), "--output", back.toString(), "--format", format, "--threads",
                String.valueOf(threads)));
        assertEquals(0, encoded.exitCode, encoded::toString);
        assertArrayEquals(new long[] {4200, 4200, 0}, encoded.records());
        assertArrayEquals(bytes, Files.readAllBytes(back));
    }

    @Test
    void unknownSegmentsAreRejectedOrWithEmitKeptWithTheirCommonFields() throws Exception {
        byte[] bytes = file("CXON", 3);
        Path data = dir.resolve("in.dat");
        Files.write(data, bytes);
        Path json = dir.resolve("in.jsonl");
        Cli decoded = Cli.run(args(SEGMENTS, "decode", "--copybook", copybook().toString(), "--input",
                data.toString(), "--output", json.toString(), "--unknown-segment", "emit", "-q"));
        assertEquals(0, decoded.exitCode, decoded::toString);

        Path back = dir.resolve("back.dat");
        Cli emit = Cli.run(args(SEGMENTS, "encode", "--copybook", copybook().toString(), "--input",
                json.toString(), "--output", back.toString(), "--unknown-segment", "emit"));
        assertEquals(0, emit.exitCode, emit::toString);
        assertArrayEquals(bytes, Files.readAllBytes(back));

        Path strict = dir.resolve("strict.dat");
        Cli reject = Cli.run(args(SEGMENTS, "encode", "--copybook", copybook().toString(), "--input",
                json.toString(), "--output", strict.toString()));
        assertEquals(ExitCodes.REJECTS, reject.exitCode, reject::toString);
        assertArrayEquals(new long[] {12, 9, 3}, reject.records());
        List<String> rejects = Files.readAllLines(dir.resolve("strict.dat.rejects.jsonl"));
        assertEquals(3, rejects.size());
        assertTrue(rejects.get(0).contains("UNKNOWN_SEGMENT") && rejects.get(0).contains("'X'")
                && rejects.get(0).contains("line 2"), rejects.get(0));
        assertEquals(9L * LENGTH, Files.size(strict));
    }

    @Test
    void aLineGivingAViewItsSegmentDoesNotSelectIsRejectedNamingTheView() throws Exception {
        String line = "{\"REC-TYPE\":\"O\",\"REC-SEQ\":1,\"ORDER-DATA\":{\"ORDER-QTY\":5,\"ORDER-AMOUNT\":1.5},"
                + "\"NOTE-DATA\":{\"NOTE-TEXT\":\"stray\"},\"TRAILER\":\"T1\"}\n";
        Cli cli = Cli.run(line.getBytes(StandardCharsets.UTF_8), args(SEGMENTS, "encode", "--copybook",
                copybook().toString(), "--input", "-", "--output", "-", "--rejects", "-", "-q"));
        assertEquals(ExitCodes.REJECTS, cli.exitCode, cli::toString);
        assertEquals(0, cli.stdout.length);
        assertTrue(cli.err.contains("UNSELECTED_VIEW") && cli.err.contains("NOTE-DATA is not selected by segment "
                + "value 'O'"), cli.err);

        Cli lax = Cli.run(line.getBytes(StandardCharsets.UTF_8), args(SEGMENTS, "encode", "--copybook",
                copybook().toString(), "--input", "-", "--output", "-", "--ignore-unknown", "-q"));
        assertEquals(0, lax.exitCode, lax::toString);
        assertEquals(LENGTH, lax.stdout.length);
    }

    @Test
    void badMappingsAreUsageErrors() throws Exception {
        Path out = dir.resolve("o.dat");
        Cli noView = Cli.run("encode", "--copybook", copybook().toString(), "--input", "-", "--output",
                out.toString(), "--segment-field", "REC-TYPE", "--segment", "C=NO-SUCH-VIEW");
        assertEquals(ExitCodes.USAGE, noView.exitCode, noView::toString);
        assertTrue(noView.err.contains("NO-SUCH-VIEW"), noView.err);
        Cli alone = Cli.run("encode", "--copybook", copybook().toString(), "--input", "-", "--output",
                out.toString(), "--segment", "C=CUSTOMER-DATA");
        assertEquals(ExitCodes.USAGE, alone.exitCode, alone::toString);
        assertFalse(Files.exists(out));
    }

    @ParameterizedTest
    @CsvSource({"fixed, 1", "rdw, 2"})
    void recordsOfACopybookSelectedBySegmentRoundTripToo(String format, int threads) throws Exception {
        Path cpy = dir.resolve("records.cpy");
        Files.writeString(cpy, String.join("\n",
                "       01  HEADER-REC.",
                "           05  KIND         PIC X.",
                "           05  SEQ          PIC 9(4) COMP.",
                "           05  RUN-DATE     PIC 9(8).",
                "       01  DETAIL-REC.",
                "           05  KIND         PIC X.",
                "           05  SEQ          PIC 9(4) COMP.",
                "           05  AMOUNT       PIC S9(7)V99 COMP-3.",
                "           05  ITEM         PIC X(12).") + "\n");
        boolean rdw = "rdw".equals(format);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 900; i++) {
            boolean header = i % 10 == 0;
            int length = header && rdw ? 11 : 20; // fixed: the longest record's length, the rest fill
            byte[] rec = new byte[length];
            Arrays.fill(rec, CP037.space());
            CP037.encode(header ? "H" : "D", rec, 0, 1);
            BinaryInteger.encodeUnscaled(i, NumericFormat.of(4, 0, false), true, rec, 1, 2);
            if (header) {
                ZonedDecimal.encodeUnscaled(20_261_201 + i, NumericFormat.of(8, 0, false), true, rec, 3);
            } else {
                PackedDecimal.encodeUnscaled(-17L * i, NumericFormat.of(9, 2, true), rec, 3);
                CP037.encode("ITEM-" + i, rec, 8, 12);
            }
            if (rdw) {
                out.writeBytes(new byte[] {0, (byte) (length + 4), 0, 0});
            }
            out.writeBytes(rec);
        }
        Path data = dir.resolve("records.dat");
        Files.write(data, out.toByteArray());
        String[] segments = {"--segment-field", "KIND", "--segment", "H=HEADER-REC", "--segment", "D=DETAIL-REC"};
        Path json = dir.resolve("records.jsonl");
        Cli decoded = Cli.run(args(segments, "decode", "--copybook", cpy.toString(), "--input", data.toString(),
                "--output", json.toString(), "--format", format, "-q"));
        assertEquals(0, decoded.exitCode, decoded::toString);
        assertTrue(Files.readAllLines(json).get(0).startsWith("{\"KIND\":\"H\",\"SEQ\":0,\"RUN-DATE\":20261201}"));
        Path back = dir.resolve("records.back");
        Cli encoded = Cli.run(args(segments, "encode", "--copybook", cpy.toString(), "--input", json.toString(),
                "--output", back.toString(), "--format", format, "--threads", String.valueOf(threads)));
        assertEquals(0, encoded.exitCode, encoded::toString);
        assertArrayEquals(out.toByteArray(), Files.readAllBytes(back));
    }
}
