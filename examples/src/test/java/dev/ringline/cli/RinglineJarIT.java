package dev.ringline.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Runs the packaged {@code examples/target/ringline.jar} as a real process (after {@code package}). */
class RinglineJarIT {
    @TempDir
    static Path dir;
    static Path data;
    static Path copybook;

    /** The process's exit code and streams. */
    record Run(int exitCode, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    /** The jar failsafe names; surefire (which a {@code -Dtest} pattern may point here) skips these tests. */
    static Path jar() {
        String property = System.getProperty("ringline.jar");
        assumeTrue(property != null, "process tests run under failsafe, after package");
        Path jar = Path.of(property).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "run after package: " + jar);
        return jar;
    }

    static Run run(byte[] stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx64m");
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
        CompletableFuture<byte[]> out = read(process.getInputStream());
        CompletableFuture<byte[]> err = read(process.getErrorStream());
        try (var in = process.getOutputStream()) {
            in.write(stdin);
        }
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "ringline did not finish: " + command);
        return new Run(process.exitValue(), out.get(), new String(err.get(), StandardCharsets.UTF_8));
    }

    private static CompletableFuture<byte[]> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @BeforeAll
    static void generate() throws Exception {
        data = dir.resolve("mixed.dat");
        copybook = dir.resolve("mixed.cpy");
        Run run = run(new byte[0], "generate", "--workload", "mixed", "--size", "122000", "--output", data.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.out().contains("1,000 records"), run.out());
    }

    @Test
    void decodesToAFileWithExitZero() throws Exception {
        Path out = dir.resolve("ok.jsonl");
        Run run = run(new byte[0], "decode", "--copybook", copybook.toString(), "--input", data.toString(),
                "--output", out.toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(0, run.stdout().length, "stdout carries only data");
        assertEquals(1000, Files.readAllLines(out).size());
        assertTrue(run.stderr().contains("records: read 1,000, written 1,000, rejected 0"), run.stderr());
    }

    @Test
    void pipesStdinToStdout() throws Exception {
        Run piped = run(Files.readAllBytes(data), "decode", "--copybook", copybook.toString(), "--input", "-");
        assertEquals(0, piped.exitCode(), piped.stderr());
        Path file = dir.resolve("piped.jsonl");
        Run toFile = run(new byte[0], "decode", "--copybook", copybook.toString(), "--input", data.toString(),
                "--output", file.toString(), "--quiet");
        assertEquals(0, toFile.exitCode());
        assertTrue(toFile.stderr().isEmpty(), "--quiet: " + toFile.stderr());
        assertArrayEquals(Files.readAllBytes(file), piped.stdout());
    }

    @Test
    void rejectsGiveExitTwo() throws Exception {
        byte[] bytes = Files.readAllBytes(data);
        for (int i = 0; i < 122; i++) {
            bytes[5 * 122 + i] = (byte) 0xFF; // record 5: nothing in it decodes
        }
        Path bad = dir.resolve("bad.dat");
        Files.write(bad, bytes);
        Path out = dir.resolve("bad.jsonl");
        Run run = run(new byte[0], "decode", "--copybook", copybook.toString(), "--input", bad.toString(),
                "--output", out.toString());
        assertEquals(ExitCodes.REJECTS, run.exitCode(), run.stderr());
        assertEquals(999, Files.readAllLines(out).size());
        assertEquals(1, Files.readAllLines(dir.resolve("bad.jsonl.rejects.jsonl")).size());
        assertTrue(run.stderr().contains("records: read 1,000, written 999, rejected 1"), run.stderr());

        Path stopped = dir.resolve("stopped.jsonl");
        Run fail = run(new byte[0], "decode", "--copybook", copybook.toString(), "--input", bad.toString(),
                "--output", stopped.toString(), "--on-error", "fail");
        assertEquals(ExitCodes.REJECTS, fail.exitCode(), fail.stderr());
        assertTrue(fail.stderr().contains("stopped by --on-error fail after 1 errors"), fail.stderr());
        assertFalse(Files.exists(stopped));
    }

    @Test
    void badArgumentsGiveExitThreeWithoutStackTrace() throws Exception {
        Run run = run(new byte[0], "decode", "--copybook", copybook.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.stderr().contains("Missing required option: '--input=FILE|-'"), run.stderr());
        assertTrue(run.stderr().contains("see `ringline decode --help`"), run.stderr());
        assertFalse(run.stderr().contains("\tat "), run.stderr());

        Path cpy = dir.resolve("broken.cpy");
        Files.writeString(cpy, "       01  REC.\n           05  A  PIC X(3) OCCURS.\n");
        Run bad = run(new byte[0], "layout", "--copybook", cpy.toString());
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.stderr().matches("(?s)ringline: bad copybook: broken\\.cpy:2:\\d+: .*"), bad.stderr());
    }

    @Test
    void missingInputAndUnwritableOutputGiveExitFour() throws Exception {
        Run missing = run(new byte[0], "decode", "--copybook", copybook.toString(), "--input", "missing.dat");
        assertEquals(ExitCodes.IO, missing.exitCode());
        assertTrue(missing.stderr().contains("input not found: missing.dat"), missing.stderr());
        Run unwritable = run(new byte[0], "decode", "--copybook", copybook.toString(), "--input", data.toString(),
                "--output", dir.resolve("nope/out.jsonl").toString());
        assertEquals(ExitCodes.IO, unwritable.exitCode());
        assertTrue(unwritable.stderr().contains("does not exist"), unwritable.stderr());
    }

    @Test
    void layoutAndHelpAndDemo() throws Exception {
        Run layout = run(new byte[0], "layout", "--copybook", copybook.toString());
        assertEquals(0, layout.exitCode(), layout.stderr());
        assertTrue(layout.out().contains("RECENT-ORDER"), layout.out());
        Run help = run(new byte[0], "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("decode") && help.out().contains("Exit codes:"), help.out());
        Run demo = run(new byte[0], "demo", "--size", "128KiB", "--progress", "always");
        assertEquals(0, demo.exitCode(), demo.stderr());
        assertTrue(demo.out().contains("comp3.dat:") && demo.out().contains("latency:"), demo.out());
    }
}
