package dev.ringline.cli;

import dev.ringline.cobol.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecodeCommandTest {
    private static final int COMP3_LENGTH = 60;
    private static final int RECORDS = 500;

    @TempDir
    Path dir;
    Path comp3;
    Path comp3Cpy;

    @BeforeEach
    void generate() {
        comp3 = dir.resolve("comp3.dat");
        comp3Cpy = dir.resolve("comp3.cpy");
        Cli cli = Cli.run("generate", "--workload", "comp3", "--size", String.valueOf(RECORDS * COMP3_LENGTH),
                "--output", comp3.toString());
        assertEquals(0, cli.exitCode, cli::toString);
    }

    /** Zeroes the sign nibble of AMOUNT-01 in the given records: each becomes a BAD_PACKED_SIGN reject. */
    private Path corrupt(int... records) throws Exception {
        byte[] bytes = Files.readAllBytes(comp3);
        for (int r : records) {
            bytes[r * COMP3_LENGTH + 5] &= (byte) 0xF0;
        }
        Path bad = dir.resolve("bad.dat");
        Files.write(bad, bytes);
        return bad;
    }

    private Cli decode(Path input, Path output, String... more) {
        String[] base = {"decode", "--copybook", comp3Cpy.toString(), "--input", input.toString(),
                "--output", output.toString(), "--progress", "never"};
        return Cli.run(Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new));
    }

    private List<Path> leftovers() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
    }

    @Test
    void successRenamesTheOutputIntoPlaceAndPrintsASummary() throws Exception {
        Path out = dir.resolve("out.jsonl");
        Cli cli = decode(comp3, out);
        assertEquals(0, cli.exitCode, cli::toString);
        assertEquals(RECORDS, Files.readAllLines(out).size());
        assertArrayEquals(new long[] {RECORDS, RECORDS, 0}, cli.records());
        assertTrue(cli.err.contains("peak heap") && cli.err.contains("peak RSS") && cli.err.contains("workers"),
                cli.err);
        assertTrue(leftovers().isEmpty());
        assertFalse(Files.exists(dir.resolve("out.jsonl.rejects.jsonl")), "no rejects, no rejects file");
        Map<String, Object> first = Json.object(Files.readAllLines(out).get(0));
        assertEquals(10, first.size());
    }

    @Test
    void rejectsAreCountedAndWrittenWithTheirRawBytes() throws Exception {
        Path bad = corrupt(3, 17, 400);
        Path out = dir.resolve("out.jsonl");
        Cli cli = decode(bad, out);
        assertEquals(ExitCodes.REJECTS, cli.exitCode, cli::toString);
        long[] counts = cli.records();
        assertEquals(counts[0], counts[1] + counts[2]);
        assertArrayEquals(new long[] {RECORDS, RECORDS - 3, 3}, counts);
        assertEquals(RECORDS - 3, Files.readAllLines(out).size());
        List<String> rejects = Files.readAllLines(dir.resolve("out.jsonl.rejects.jsonl"));
        assertEquals(3, rejects.size());
        Map<String, Object> reject = Json.object(rejects.get(1));
        assertEquals(0, new java.math.BigDecimal(17).compareTo((java.math.BigDecimal) reject.get("_record")));
        assertEquals("BAD_PACKED_SIGN", reject.get("code"));
        assertEquals("AMOUNT-01", reject.get("field"));
        byte[] raw = java.util.Base64.getDecoder().decode((String) reject.get("raw"));
        assertArrayEquals(java.util.Arrays.copyOfRange(Files.readAllBytes(bad), 17 * COMP3_LENGTH,
                18 * COMP3_LENGTH), raw);
        assertTrue(cli.err.contains("finished with 3 rejected records"), cli.err);
    }

    @Test
    void maxErrorsStopsTheRunAndChangesNoFile() throws Exception {
        Path bad = corrupt(1, 2, 3, 4, 5);
        Path out = dir.resolve("out.jsonl");
        Path rejects = dir.resolve("r.jsonl");
        Files.writeString(rejects, "earlier rejects\n");
        Cli cli = decode(bad, out, "--max-errors", "2", "--rejects", rejects.toString());
        assertEquals(ExitCodes.REJECTS, cli.exitCode, cli::toString);
        assertTrue(cli.err.contains("ringline: stopped by --max-errors 2 after 3 errors, at record 3 at byte "
), cli.err);
        assertTrue(cli.err.contains(", field AMOUNT-01: BAD_PACKED_SIGN"), cli.err);
        assertTrue(cli.err.contains("no file was created or changed"), cli.err);
        assertFalse(Files.exists(out), "an aborted run does not create its output");
        assertTrue(leftovers().isEmpty(), "temp files deleted");
        assertEquals("earlier rejects\n", Files.readString(rejects), "a stopped run changes no file");
    }

    @Test
    void failFastStopsAtTheFirstBadRecord() throws Exception {
        Path bad = corrupt(10);
        Path out = dir.resolve("out.jsonl");
        Files.writeString(out, "previous run");
        Cli cli = decode(bad, out, "--on-error", "fail");
        assertEquals(ExitCodes.REJECTS, cli.exitCode, cli::toString);
        assertTrue(cli.err.contains("stopped by --on-error fail after 1 errors, at record 10"), cli.err);
        assertEquals("previous run", Files.readString(out), "a failed run never replaces the output");
        assertTrue(leftovers().isEmpty());
    }

    @Test
    void stdinToStdoutWithRejectsOnStderr() throws Exception {
        byte[] bad = Files.readAllBytes(corrupt(0));
        Cli cli = Cli.run(bad, "decode", "--copybook", comp3Cpy.toString(), "--input", "-", "--quiet",
                "--rejects", "-");
        assertEquals(ExitCodes.REJECTS, cli.exitCode, cli::toString);
        String[] lines = cli.stdoutText().split("\n");
        assertEquals(RECORDS - 1, lines.length);
        assertTrue(lines[0].startsWith("{\"AMOUNT-01\":"), lines[0]);
        assertTrue(cli.err.contains("{\"_record\":0,"), "reject on stderr: " + cli.err);
        assertFalse(cli.err.contains("records: read"), "--quiet: no summary");
    }

    @Test
    void sameBytesForOneAndFourThreads() throws Exception {
        Path mixed = dir.resolve("mixed.dat");
        assertEquals(0, Cli.run("generate", "--workload", "mixed", "--size", "2MiB", "--output", mixed.toString())
                .exitCode);
        Path one = dir.resolve("one.jsonl");
        Path four = dir.resolve("four.jsonl");
        String cpy = dir.resolve("mixed.cpy").toString();
        assertEquals(0, Cli.run("decode", "--copybook", cpy, "--input", mixed.toString(), "--output", one.toString(),
                "--threads", "1", "--quiet", "--emit-meta").exitCode);
        assertEquals(0, Cli.run("decode", "--copybook", cpy, "--input", mixed.toString(), "--output", four.toString(),
                "--threads", "4", "--ring-size", "4", "--quiet", "--emit-meta").exitCode);
        assertTrue(Files.size(one) > 2_000_000);
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(four));
    }

    @Test
    void optionsReachTheDecoder() throws Exception {
        Path out = dir.resolve("out.jsonl");
        Cli cli = decode(comp3, out, "--json-number", "string", "--emit-meta", "--threads", "2");
        assertEquals(0, cli.exitCode, cli::toString);
        Map<String, Object> first = Json.object(Files.readAllLines(out).get(0));
        assertEquals(List.of("_record", "_offset", "_length"), List.copyOf(first.keySet()).subList(0, 3));
        assertTrue(first.get("AMOUNT-01") instanceof String, first.toString());
        assertTrue(cli.err.contains("2 workers"), cli.err);
    }

    @Test
    void latencyReportIsAnHgrmFile() throws Exception {
        Path report = dir.resolve("latency.hgrm");
        Cli cli = decode(comp3, dir.resolve("out.jsonl"), "--latency-report", report.toString());
        assertEquals(0, cli.exitCode, cli::toString);
        String hgrm = Files.readString(report);
        assertTrue(hgrm.contains("Value") && hgrm.contains("Percentile") && hgrm.contains("#[Mean"), hgrm);
        assertTrue(cli.err.contains("latency: p50 ") && cli.err.contains("p99.9 ") && cli.err.contains("max "),
                cli.err);
    }

    @Test
    void missingInputIsAnIoErrorNamingThePath() {
        Cli cli = decode(dir.resolve("nothing.dat"), dir.resolve("out.jsonl"));
        assertEquals(ExitCodes.IO, cli.exitCode);
        assertTrue(cli.err.contains("input not found: " + dir.resolve("nothing.dat")), cli.err);
    }

    @Test
    void unwritableOutputsAreIoErrors() throws Exception {
        Cli directory = decode(comp3, dir);
        assertEquals(ExitCodes.IO, directory.exitCode, directory::toString);
        assertTrue(directory.err.contains("is a directory"), directory.err);
        Path nowhere = dir.resolve("no/such/dir/out.jsonl");
        Cli missingDir = decode(comp3, nowhere);
        assertEquals(ExitCodes.IO, missingDir.exitCode, missingDir::toString);
        assertTrue(missingDir.err.contains("does not exist"), missingDir.err);
    }

    @Test
    void devicesAreWrittenDirectly() {
        Path devNull = Path.of("/dev/null");
        if (Files.exists(devNull)) {
            Cli cli = decode(comp3, devNull);
            assertEquals(0, cli.exitCode, cli::toString);
            assertTrue(Files.exists(devNull) && !Files.isRegularFile(devNull));
        }
    }

    @Test
    void aFullDiskIsAnIoError() {
        Path devFull = Path.of("/dev/full");
        if (Files.exists(devFull)) {
            Cli cli = decode(comp3, devFull, "--quiet");
            assertEquals(ExitCodes.IO, cli.exitCode, cli::toString);
            assertTrue(cli.err.contains("No space left on device"), cli.err);
        }
    }

    @Test
    void badArgumentsAreExitThreeWithUsage() throws Exception {
        Cli unknown = Cli.run("decode", "--copybook", comp3Cpy.toString(), "--input", comp3.toString(), "--frob");
        assertEquals(ExitCodes.USAGE, unknown.exitCode);
        assertEquals("ringline decode: unknown option '--frob'\nsee `ringline decode --help`\n",
                unknown.err.replace(System.lineSeparator(), "\n"));
        Cli typo = Cli.run("decode", "--copybok", comp3Cpy.toString(), "--input", comp3.toString());
        assertTrue(typo.err.startsWith("ringline decode: unknown option '--copybok' (did you mean --copybook"),
                typo.err);
        Cli upper = decode(comp3, dir.resolve("u.jsonl"), "--format", "FIXED", "--trim", "Both", "--codepage",
                "CP037");
        assertEquals(0, upper.exitCode, upper::toString);
        Cli codepage = decode(comp3, dir.resolve("o.jsonl"), "--codepage", "cp999");
        assertEquals(ExitCodes.USAGE, codepage.exitCode);
        assertTrue(codepage.err.startsWith("ringline decode: Invalid value for option '--codepage': unknown code "
                + "page 'cp999'"), codepage.err);
        Cli conflict = decode(comp3, dir.resolve("o.jsonl"), "--max-errors", "3", "--on-error", "fail");
        assertEquals(ExitCodes.USAGE, conflict.exitCode);
        Cli rdwFlag = decode(comp3, dir.resolve("o.jsonl"), "--rdw-little-endian");
        assertEquals(ExitCodes.USAGE, rdwFlag.exitCode);
        Cli ring = decode(comp3, dir.resolve("o.jsonl"), "--ring-size", "0");
        assertEquals(ExitCodes.USAGE, ring.exitCode);
        Cli threads = decode(comp3, dir.resolve("o.jsonl"), "--threads", "10000");
        assertEquals(ExitCodes.USAGE, threads.exitCode);
        assertTrue(threads.err.startsWith("ringline: --threads must be 1..256: 10000"), threads.err);
        assertFalse(Files.exists(dir.resolve("o.jsonl")));
    }

    @Test
    void badCopybookIsExitThreeWithLineAndColumn() throws Exception {
        Path cpy = dir.resolve("broken.cpy");
        Files.writeString(cpy, "       01  REC.\n           05  A  PIC X(3).\n           05  B  PIC.\n");
        Cli cli = Cli.run("decode", "--copybook", cpy.toString(), "--input", comp3.toString());
        assertEquals(ExitCodes.USAGE, cli.exitCode, cli::toString);
        assertTrue(cli.err.matches("(?s)ringline: bad copybook: broken\\.cpy:3:\\d+: .*"), cli.err);
    }

    @Test
    void anInternalErrorIsExitFiveWithAStackTrace() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) {
                throw new IllegalStateException("simulated bug");
            }
        };
        Cli cli = Cli.run(new ByteArrayInputStream(new byte[0]), broken, new ByteArrayOutputStream(),
                "decode", "--copybook", comp3Cpy.toString(), "--input", comp3.toString(), "--quiet");
        assertEquals(ExitCodes.INTERNAL, cli.exitCode, cli::toString);
        assertTrue(cli.err.contains("simulated bug") && cli.err.contains("\tat "), cli.err);
    }

    @Test
    void helpShowsTheExitCodes() {
        Cli cli = Cli.run("decode", "--help");
        assertEquals(0, cli.exitCode);
        assertTrue(cli.out.contains("Exit codes:") && cli.out.contains("4  I/O error"), cli.out);
        assertTrue(new String(cli.out.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                .contains("--latency-report"));
    }

    @Test
    void outOfMemoryIsOneLineWithAHintAndExitFive() {
        java.io.StringWriter text = new java.io.StringWriter();
        int code = Failures.handle(new IllegalStateException("worker failed", new OutOfMemoryError("Java heap space")),
                new java.io.PrintWriter(text));
        assertEquals(ExitCodes.INTERNAL, code);
        String[] lines = text.toString().split("\\R");
        assertEquals(1, lines.length, text::toString);
        assertTrue(lines[0].startsWith("ringline: out of memory (heap ") && lines[0].contains("lower --ring-size"),
                lines[0]);
    }

    @Test
    void anUnreadableCopybookGivesTheSystemsReason() throws Exception {
        Path cpy = Files.copy(comp3Cpy, dir.resolve("locked.cpy"));
        assertTrue(cpy.toFile().setReadable(false, false));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(cpy), "root reads every file");
        Cli cli = Cli.run("layout", "--copybook", cpy.toString());
        assertEquals(ExitCodes.IO, cli.exitCode, cli::toString);
        assertEquals("ringline: cannot read copybook " + cpy + ": permission denied: " + cpy, cli.err.strip());
    }
}
