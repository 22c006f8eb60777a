package dev.ringline.cli;

import dev.ringline.cobol.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ringline encode} in-process: generate → decode → encode gives the generated file back, byte for byte. */
class EncodeCommandTest {
    @TempDir
    Path dir;

    private Path generate(String workload, String size) {
        Path data = dir.resolve(workload + ".dat");
        Cli cli = Cli.run("generate", "--workload", workload, "--size", size, "--output", data.toString());
        assertEquals(0, cli.exitCode, cli::toString);
        return data;
    }

    private static Path copybookOf(Path data) {
        return GenerateCommand.copybookPath(data);
    }

    private static void ok(Cli cli) {
        assertEquals(0, cli.exitCode, cli::toString);
    }

    /** The records of a fixed file with IBM RDWs (big-endian, header counted). */
    private static byte[] withRdws(byte[] fixed, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < fixed.length; i += length) {
            out.write((length + 4) >>> 8);
            out.write(length + 4);
            out.write(0);
            out.write(0);
            out.write(fixed, i, length);
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @CsvSource({"display, 1", "display, 3", "comp3, 1", "comp3, 3", "mixed, 1", "mixed, 3"})
    void fixedRoundTripIsByteForByte(String workload, int threads) throws Exception {
        Path data = generate(workload, "200KB");
        Path json = dir.resolve("out.jsonl");
        Path back = dir.resolve("back.dat");
        ok(Cli.run("decode", "--copybook", copybookOf(data).toString(), "--input", data.toString(), "--output",
                json.toString(), "-q"));
        Cli cli = Cli.run("encode", "--copybook", copybookOf(data).toString(), "--input", json.toString(),
                "--output", back.toString(), "--threads", String.valueOf(threads));
        ok(cli);
        assertArrayEquals(Files.readAllBytes(data), Files.readAllBytes(back));
        long records = Files.size(data) / Files.lines(json).count();
        assertTrue(records > 0);
        assertArrayEquals(new long[] {Files.lines(json).count(), Files.lines(json).count(), 0}, cli.records());
    }

    @ParameterizedTest
    @CsvSource({"display, 2", "comp3, 1", "mixed, 3"})
    void rdwAndVbRoundTripsAreByteForByte(String workload, int threads) throws Exception {
        Path data = generate(workload, "100KB");
        Path copybook = copybookOf(data);
        int length = dev.ringline.cobol.copybook.Copybook.parse(copybook).firstRecord().length();
        Path rdw = dir.resolve("data.rdw");
        Files.write(rdw, withRdws(Files.readAllBytes(data), length));
        Path json = dir.resolve("rdw.jsonl");
        ok(Cli.run("decode", "--copybook", copybook.toString(), "--input", rdw.toString(), "--format", "rdw",
                "--output", json.toString(), "-q"));
        Path back = dir.resolve("back.rdw");
        ok(Cli.run("encode", "--copybook", copybook.toString(), "--input", json.toString(), "--format", "rdw",
                "--output", back.toString(), "--threads", String.valueOf(threads), "-q"));
        assertArrayEquals(Files.readAllBytes(rdw), Files.readAllBytes(back));

        Path vb = dir.resolve("back.vb");
        ok(Cli.run("encode", "--copybook", copybook.toString(), "--input", json.toString(), "--format", "vb",
                "--block-size", "4000", "--output", vb.toString(), "--threads", String.valueOf(threads), "-q"));
        Path vbJson = dir.resolve("vb.jsonl");
        ok(Cli.run("decode", "--copybook", copybook.toString(), "--input", vb.toString(), "--format", "vb",
                "--output", vbJson.toString(), "-q"));
        assertArrayEquals(Files.readAllBytes(json), Files.readAllBytes(vbJson));
        Path vbAgain = dir.resolve("again.vb");
        ok(Cli.run("encode", "--copybook", copybook.toString(), "--input", vbJson.toString(), "--format", "vb",
                "--block-size", "4000", "--output", vbAgain.toString(), "-q"));
        assertArrayEquals(Files.readAllBytes(vb), Files.readAllBytes(vbAgain));
    }

    @Test
    void badLinesAreRejectedWithLineAndPathAndExitTwo() throws Exception {
        Path data = generate("mixed", "1220");
        Path copybook = copybookOf(data);
        Cli decoded = Cli.run("decode", "--copybook", copybook.toString(), "--input", data.toString(), "-q");
        ok(decoded);
        List<String> lines = new java.util.ArrayList<>(List.of(decoded.stdoutText().split("\n")));
        lines.set(3, lines.get(3).replaceFirst("\"CUSTOMER-ID\":\\d+", "\"CUSTOMER-ID\":-5"));
        lines.set(7, "{\"CITY\":\"x\",");
        Path json = dir.resolve("bad.jsonl");
        Files.writeString(json, String.join("\n", lines) + "\n");
        Path out = dir.resolve("out.dat");
        Cli cli = Cli.run("encode", "--copybook", copybook.toString(), "--input", json.toString(), "--output",
                out.toString());
        assertEquals(ExitCodes.REJECTS, cli.exitCode, cli::toString);
        assertArrayEquals(new long[] {10, 8, 2}, cli.records());
        List<String> rejects = Files.readAllLines(dir.resolve("out.dat.rejects.jsonl"));
        assertEquals(2, rejects.size());
        assertTrue(rejects.get(0).contains("\"_record\":3") && rejects.get(0).contains("\"field\":\"CUSTOMER-ID\"")
                && rejects.get(0).contains("VALUE_OUT_OF_RANGE") && rejects.get(0).contains("line 4"), rejects.get(0));
        assertTrue(rejects.get(1).contains("BAD_JSON") && rejects.get(1).contains("line 8"), rejects.get(1));
        assertEquals(8 * 122, Files.size(out));

        Path stopped = dir.resolve("stopped.dat");
        Cli fail = Cli.run("encode", "--copybook", copybook.toString(), "--input", json.toString(), "--output",
                stopped.toString(), "--on-error", "fail");
        assertEquals(ExitCodes.REJECTS, fail.exitCode, fail::toString);
        assertTrue(fail.err.contains("at CUSTOMER-ID: VALUE_OUT_OF_RANGE") && fail.err.contains("(line 4)"), fail.err);
        assertFalse(Files.exists(stopped), "a stopped run creates no output");
    }

    @Test
    void usageAndInputErrorsHaveTheirExitCodes() throws Exception {
        Path data = generate("comp3", "600");
        String cpy = copybookOf(data).toString();
        Cli missing = Cli.run("encode", "--copybook", cpy, "--input", dir.resolve("nope.jsonl").toString(),
                "--output", dir.resolve("o.dat").toString());
        assertEquals(ExitCodes.IO, missing.exitCode, missing::toString);
        Cli blockSize = Cli.run("encode", "--copybook", cpy, "--input", "-", "--output", "-", "--block-size", "100");
        assertEquals(ExitCodes.USAGE, blockSize.exitCode, blockSize::toString);
        Cli same = Cli.run("encode", "--copybook", cpy, "--input", data.toString(), "--output", data.toString());
        assertEquals(ExitCodes.USAGE, same.exitCode, same::toString);
        Cli fill = Cli.run("encode", "--copybook", cpy, "--input", "-", "--output", "-", "--fill", "blanks");
        assertEquals(ExitCodes.USAGE, fill.exitCode, fill::toString);
    }

    @Test
    void readsStandardInputAndFillsMissingFields() throws Exception {
        Path data = generate("mixed", "122");
        byte[] stdin = "{\"CUSTOMER-ID\":7}\n".getBytes(StandardCharsets.UTF_8);
        Cli cli = Cli.run(stdin, "encode", "--copybook", copybookOf(data).toString(), "--input", "-", "--output",
                "-", "--fill", "low-values", "-q");
        ok(cli);
        assertEquals(122, cli.stdout.length);
        assertEquals((byte) 0xF7, cli.stdout[9]);
        assertEquals(0, cli.stdout[10]); // CUSTOMER-NAME: low-values
    }

    @Test
    void asciiDataRoundTripsToo() throws Exception {
        Path data = dir.resolve("ascii.dat");
        ok(Cli.run("generate", "--workload", "mixed", "--size", "61000", "--codepage", "ascii", "--output",
                data.toString()));
        Path json = dir.resolve("ascii.jsonl");
        ok(Cli.run("decode", "--copybook", copybookOf(data).toString(), "--input", data.toString(), "--codepage",
                "ascii", "--output", json.toString(), "-q"));
        Path back = dir.resolve("ascii.back");
        ok(Cli.run("encode", "--copybook", copybookOf(data).toString(), "--input", json.toString(), "--codepage",
                "ascii", "--output", back.toString(), "--threads", "2", "-q"));
        assertArrayEquals(Files.readAllBytes(data), Files.readAllBytes(back));
    }
}
