package dev.ringline.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ringline encode} through the packaged jar, as a process: the generate → decode → encode round trip. */
class EncodeJarIT {
    @TempDir
    Path dir;

    private RinglineJarIT.Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx64m");
        command.add("-jar");
        command.add(RinglineJarIT.jar().toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.bin").toFile()).redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "ringline did not finish");
        return new RinglineJarIT.Run(process.exitValue(), Files.readAllBytes(dir.resolve("stdout.bin")),
                Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({"display, fixed, 1", "comp3, fixed, 2", "mixed, fixed, 1", "mixed, fixed, 2", "mixed, vb, 2"})
    void generateDecodeEncodeGivesTheFileBack(String workload, String format, int threads) throws Exception {
        Path data = dir.resolve(workload + ".dat");
        assertEquals(0, run("generate", "--workload", workload, "--size", "2MB", "--output", data.toString())
                .exitCode());
        Path copybook = dir.resolve(workload + ".cpy");
        Path json = dir.resolve(workload + ".jsonl");
        RinglineJarIT.Run decode = run("decode", "--copybook", copybook.toString(), "--input", data.toString(),
                "--output", json.toString(), "-q");
        assertEquals(0, decode.exitCode(), decode.stderr());
        Path back = dir.resolve("back." + format);
        RinglineJarIT.Run encode = run("encode", "--copybook", copybook.toString(), "--input", json.toString(),
                "--output", back.toString(), "--format", format, "--threads", String.valueOf(threads));
        assertEquals(0, encode.exitCode(), encode.stderr());
        if (format.equals("fixed")) {
            assertArrayEquals(Files.readAllBytes(data), Files.readAllBytes(back));
        } else {
            Path again = dir.resolve("again.jsonl");
            assertEquals(0, run("decode", "--copybook", copybook.toString(), "--input", back.toString(), "--format",
                    format, "--output", again.toString(), "-q").exitCode());
            assertArrayEquals(Files.readAllBytes(json), Files.readAllBytes(again));
        }
        assertTrue(encode.stderr().contains("rejected 0"), encode.stderr());
    }

    @Test
    void badInputGivesExitTwoRejectsAndNoPartialOutput() throws Exception {
        Path data = dir.resolve("mixed.dat");
        assertEquals(0, run("generate", "--workload", "mixed", "--size", "1220", "--output", data.toString())
                .exitCode());
        Path json = dir.resolve("bad.jsonl");
        Files.writeString(json, "{\"CUSTOMER-ID\":1}\n{\"CUSTOMER-ID\":12345678901}\nnot json\n");
        Path out = dir.resolve("out.dat");
        RinglineJarIT.Run run = run("encode", "--copybook", "mixed.cpy", "--input", json.toString(), "--output",
                out.toString());
        assertEquals(ExitCodes.REJECTS, run.exitCode(), run.stderr());
        assertEquals(122, Files.size(out));
        assertEquals(2, Files.readAllLines(dir.resolve("out.dat.rejects.jsonl")).size());

        Path stopped = dir.resolve("stopped.dat");
        RinglineJarIT.Run fail = run("encode", "--copybook", "mixed.cpy", "--input", json.toString(), "--output",
                stopped.toString(), "--max-errors", "0");
        assertEquals(ExitCodes.REJECTS, fail.exitCode(), fail.stderr());
        assertFalse(Files.exists(stopped));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temp file left");
        }
        RinglineJarIT.Run missing = run("encode", "--copybook", "mixed.cpy", "--input", "nope.jsonl", "--output",
                "x.dat");
        assertEquals(ExitCodes.IO, missing.exitCode(), missing.stderr());
        assertFalse(Files.exists(dir.resolve("x.dat")));
    }
}
