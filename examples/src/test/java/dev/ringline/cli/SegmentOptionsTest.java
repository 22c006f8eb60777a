package dev.ringline.cli;

import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.codec.PackedDecimal;
import dev.ringline.cobol.codec.ZonedDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code decode --segment-field/--segment/--unknown-segment} on hand-built files. */
class SegmentOptionsTest {
    private static final CodePage CP037 = CodePage.of("cp037");
    private static final String COPYBOOK = String.join("\n",
            "       01  EXPORT-REC.",
            "           05  REC-TYPE         PIC X(1).",
            "           05  CUSTOMER-DATA.",
            "               10  CUST-NAME    PIC X(6).",
            "               10  CUST-BALANCE PIC S9(5)V99 COMP-3.",
            "           05  ORDER-DATA REDEFINES CUSTOMER-DATA.",
            "               10  ORDER-QTY    PIC S9(5).",
            "               10  ORDER-AMOUNT PIC S9(7) COMP-3.",
            "           05  TRAILER          PIC X(2).");

    @TempDir
    Path dir;

    private static byte[] record(char type, int i) {
        byte[] rec = new byte[13];
        Arrays.fill(rec, CP037.space());
        CP037.encode(String.valueOf(type), rec, 0, 1);
        if (Character.toUpperCase(type) == 'C') {
            CP037.encode("CUST" + i, rec, 1, 6);
            PackedDecimal.encodeUnscaled(-150 * i, NumericFormat.of(7, 2, true), rec, 7);
        } else {
            ZonedDecimal.encodeUnscaled(i, NumericFormat.of(5, 0, true), true, rec, 1);
            PackedDecimal.encodeUnscaled(1000 + i, NumericFormat.of(7, 0, true), rec, 6);
        }
        CP037.encode("T" + i, rec, 11, 2);
        return rec;
    }

    private Path file(String name, byte[]... records) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, Stream.of(records).reduce(new byte[0], (a, b) -> {
            byte[] c = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, c, a.length, b.length);
            return c;
        }));
        return p;
    }

    private Cli decode(Path cpy, Path data, Path out, String... more) {
        String[] base = {"decode", "--copybook", cpy.toString(), "--input", data.toString(), "--output",
                out.toString(), "--progress", "never"};
        return Cli.run(Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new));
    }

    @Test
    void segmentOptionsSelectTheViewPerRecord() throws Exception {
        Path cpy = Files.writeString(dir.resolve("export.cpy"), COPYBOOK);
        Path data = file("export.dat", record('C', 1), record('O', 2), record('c', 3), record('X', 4));
        Path out = dir.resolve("out.jsonl");
        Cli cli = decode(cpy, data, out, "--segment-field", "REC-TYPE", "--segment", "C,c=CUSTOMER-DATA",
                "--segment", "O=ORDER-DATA");
        assertEquals(ExitCodes.REJECTS, cli.exitCode, cli::toString);
        assertArrayEquals(new long[] {4, 3, 1}, cli.records());
        assertEquals(List.of(
                "{\"REC-TYPE\":\"C\",\"CUSTOMER-DATA\":{\"CUST-NAME\":\"CUST1\",\"CUST-BALANCE\":-1.50},"
                        + "\"TRAILER\":\"T1\"}",
                "{\"REC-TYPE\":\"O\",\"ORDER-DATA\":{\"ORDER-QTY\":2,\"ORDER-AMOUNT\":1002},\"TRAILER\":\"T2\"}",
                "{\"REC-TYPE\":\"c\",\"CUSTOMER-DATA\":{\"CUST-NAME\":\"CUST3\",\"CUST-BALANCE\":-4.50},"
                        + "\"TRAILER\":\"T3\"}"), Files.readAllLines(out));
        String rejects = Files.readString(dir.resolve("out.jsonl.rejects.jsonl"));
        assertTrue(rejects.contains("UNKNOWN_SEGMENT") && rejects.contains("'X'"), rejects);

        Cli emit = decode(cpy, data, out, "--segment-field", "REC-TYPE", "--segment", "C,c=CUSTOMER-DATA",
                "--segment", "O=ORDER-DATA", "--unknown-segment", "emit");
        assertEquals(ExitCodes.OK, emit.exitCode, emit::toString);
        assertEquals("{\"REC-TYPE\":\"X\",\"TRAILER\":\"T4\"}", Files.readAllLines(out).get(3));
    }

    @Test
    void segmentsCanNameTheRecordsOfAMultiRecordCopybook() throws Exception {
        Path cpy = Files.writeString(dir.resolve("two.cpy"), String.join("\n",
                "       01  HEADER-REC.",
                "           05  KIND     PIC X.",
                "           05  TITLE    PIC X(4).",
                "       01  DETAIL-REC.",
                "           05  KIND     PIC X.",
                "           05  QTY      PIC 9(3).",
                "           05  FILLER   PIC X."));
        byte[] h = new byte[5];
        CP037.encode("H", h, 0, 1);
        CP037.encode("ABCD", h, 1, 4);
        byte[] d = new byte[5];
        CP037.encode("D", d, 0, 1);
        ZonedDecimal.encodeUnscaled(42, NumericFormat.of(3, 0, false), true, d, 1);
        d[4] = CP037.space();
        Path out = dir.resolve("two.jsonl");
        Cli cli = decode(cpy, file("two.dat", h, d), out, "--segment-field", "KIND", "--segment",
                "H=HEADER-REC", "--segment", "D=DETAIL-REC");
        assertEquals(ExitCodes.OK, cli.exitCode, cli::toString);
        assertEquals(List.of("{\"KIND\":\"H\",\"TITLE\":\"ABCD\"}", "{\"KIND\":\"D\",\"QTY\":42}"),
                Files.readAllLines(out));
    }

    /**
     * {@code layout --format json-schema} with decode's segment options: the schema describes the lines decode writes
     * with them (one view per record), which the schema without them refuses (it requires every view).
     */
    @Test
    void layoutTakesTheSegmentOptionsSoItsSchemaMatchesTheDecode() throws Exception {
        Path cpy = Files.writeString(dir.resolve("export.cpy"), COPYBOOK);
        Path data = file("export.dat", record('C', 1), record('O', 2), record('X', 4));
        Path out = dir.resolve("out.jsonl");
        String[] segments = {"--segment-field", "REC-TYPE", "--segment", "C=CUSTOMER-DATA", "--segment",
                "O=ORDER-DATA", "--unknown-segment", "emit"};
        Cli cli = decode(cpy, data, out, segments);
        assertEquals(ExitCodes.OK, cli.exitCode, cli::toString);
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size());

        Cli withSegments = Cli.run(Stream.concat(Stream.of("layout", "--copybook", cpy.toString(), "--format",
                "json-schema"), Stream.of(segments)).toArray(String[]::new));
        assertEquals(ExitCodes.OK, withSegments.exitCode, withSegments::toString);
        Cli without = Cli.run("layout", "--copybook", cpy.toString(), "--format", "json-schema");
        assertEquals(ExitCodes.OK, without.exitCode, without::toString);
        com.networknt.schema.Schema segmented = schema(withSegments.out);
        com.networknt.schema.Schema plain = schema(without.out);
        for (String line : lines) {
            assertEquals(List.of(), segmented.validate(MAPPER.readTree(line)).stream().map(Object::toString)
                    .toList(), line);
            assertFalse(plain.validate(MAPPER.readTree(line)).isEmpty(), line);
        }

        Cli avro = Cli.run(Stream.concat(Stream.of("layout", "--copybook", cpy.toString(), "--format", "avro"),
                Stream.of(segments)).toArray(String[]::new));
        assertEquals(ExitCodes.OK, avro.exitCode, avro::toString);
        Cli avroPlain = Cli.run("layout", "--copybook", cpy.toString(), "--format", "avro");
        assertFalse(avro.out.equals(avroPlain.out), "the Avro schema follows the segments too");

        Cli half = Cli.run("layout", "--copybook", cpy.toString(), "--format", "json-schema", "--segment-field",
                "REC-TYPE");
        assertEquals(ExitCodes.USAGE, half.exitCode, half::toString);
        assertTrue(half.err.contains("--segment"), half.err);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private static com.networknt.schema.Schema schema(String text) {
        return com.networknt.schema.SchemaRegistry.withDefaultDialect(
                com.networknt.schema.SpecificationVersion.DRAFT_2020_12).getSchema(text);
    }

    @Test
    void aViewThatIsNotInTheCopybookIsAUsageErrorBeforeAnyOutput() throws Exception {
        Path cpy = Files.writeString(dir.resolve("export.cpy"), COPYBOOK);
        Path data = file("export.dat", record('C', 1));
        Path out = dir.resolve("bad.jsonl");
        Cli cli = decode(cpy, data, out, "--segment-field", "REC-TYPE", "--segment", "C=NO-SUCH-VIEW");
        assertEquals(ExitCodes.USAGE, cli.exitCode, cli::toString);
        assertTrue(cli.err.contains("NO-SUCH-VIEW") && cli.err.contains("CUSTOMER-DATA, ORDER-DATA"), cli.err);
        assertFalse(cli.err.contains("Exception"), cli.err);
        assertFalse(Files.exists(out));
        Cli half = decode(cpy, data, out, "--segment", "C=CUSTOMER-DATA");
        assertEquals(ExitCodes.USAGE, half.exitCode, half::toString);
        Cli malformed = decode(cpy, data, out, "--segment-field", "REC-TYPE", "--segment", "CUSTOMER-DATA");
        assertEquals(ExitCodes.USAGE, malformed.exitCode, malformed::toString);
    }
}
