package dev.ringline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The process-level reliability suite of issue 9: each case runs the packaged jar as a real process (in its own
 * folder, which is its working directory) on a bad input, a bad argument or a fault, and asserts the exit code,
 * the first line of stderr, which files exist afterwards with which bytes (every file that was there before is
 * byte-for-byte the same unless the case says otherwise, nothing else appears, no temp file remains), and, where
 * a summary is printed, records read = written + rejected and bytes read = decoded + rejected + not decoded.
 */
class ReliabilityIT {
    private static final int RECORD = 60;
    private static final int RECORDS = 500;
    private static final Pattern RECORDS_LINE =
            Pattern.compile("records: read ([\\d,]+), written ([\\d,]+), rejected ([\\d,]+)");
    private static final Pattern BYTES_LINE = Pattern.compile(
            "bytes: read ([\\d,]+) = decoded ([\\d,]+) \\+ rejected ([\\d,]+) \\+ not decoded ([\\d,]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;
    /** 500 good comp3 records. */
    static byte[] good;
    /** The same with records 3 and 17 bad (a packed sign nibble of 0). */
    static byte[] bad;
    static byte[] copybook;
    /** About 200 MiB of comp3 records, for the signal cases. */
    static Path big;
    static Path bigCopybook;

    /** How the process's standard output is connected. */
    enum Stdout {
        /** Captured by the test. */
        CAPTURE,
        /** {@code /dev/full}: every write fails with ENOSPC. */
        FULL,
        /** Closed before the program starts. */
        CLOSED,
        /** The reader takes one line and goes away, like {@code | head -1}. */
        HEAD
    }

    /** What a file must be after the run. */
    interface Expect {
        void check(String name, Path file, byte[] before) throws IOException;
    }

    static final Expect UNCHANGED = (name, file, before) -> {
        assertNotNull(before, name + " existed before");
        assertTrue(Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS), name + " still exists");
        if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            assertArrayEquals(before, Files.readAllBytes(file), name + " is byte-for-byte as before");
        }
    };
    static final Expect EXISTS = (name, file, before) -> assertTrue(Files.isRegularFile(file), name + " exists");
    static final Expect ABSENT = (name, file, before) -> assertFalse(Files.exists(file), name + " must not exist");

    static Expect lines(int n) {
        return (name, file, before) -> assertEquals(n, Files.readAllLines(file).size(), name + " lines");
    }

    static Expect jsonLines(int n, java.util.function.Consumer<List<JsonNode>> check) {
        return (name, file, before) -> {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                nodes.add(JSON.readTree(line));
            }
            assertEquals(n, nodes.size(), name + " lines");
            check.accept(nodes);
        };
    }

    /** One row of the table. */
    record Case(String name, Setup setup, List<String> args, byte[] stdin, Stdout stdout, String signal,
                int exit, String firstLine, List<String> stderrHas, Map<String, Expect> files, boolean summary) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Prepares a case's folder (its working directory). */
    @FunctionalInterface
    interface Setup {
        void in(Path dir) throws Exception;
    }

    /** A case builder: the defaults are the common case (input files present, stdout captured, no signal). */
    static final class B {
        final String name;
        Setup setup = dir -> { };
        List<String> args = List.of();
        byte[] stdin = new byte[0];
        Stdout stdout = Stdout.CAPTURE;
        String signal;
        int exit;
        String firstLine;
        List<String> stderrHas = new ArrayList<>();
        Map<String, Expect> files = new LinkedHashMap<>();
        boolean summary;

        B(String name) {
            this.name = name;
            files.put("in.dat", UNCHANGED);
            files.put("in.cpy", UNCHANGED);
        }

        B setup(Setup s) {
            Setup before = setup;
            setup = dir -> {
                before.in(dir);
                s.in(dir);
            };
            return this;
        }

        B args(String... a) {
            args = List.of(a);
            return this;
        }

        B decode(String... a) {
            List<String> all = new ArrayList<>(List.of("decode", "--copybook", "in.cpy", "--input", "in.dat",
                    "--progress", "never"));
            all.addAll(List.of(a));
            args = all;
            return this;
        }

        B stdin(byte[] bytes) {
            stdin = bytes;
            return this;
        }

        B stdout(Stdout s) {
            stdout = s;
            return this;
        }

        B signal(String s) {
            signal = s;
            return this;
        }

        B exit(int code, String first) {
            exit = code;
            firstLine = first;
            return this;
        }

        B stderrHas(String... s) {
            stderrHas.addAll(List.of(s));
            return this;
        }

        B file(String name, Expect e) {
            files.put(name, e);
            return this;
        }

        B summary() {
            summary = true;
            return this;
        }

        Case build() {
            return new Case(name, setup, args, stdin, stdout, signal, exit, firstLine, stderrHas, files, summary);
        }
    }

    static B c(String name) {
        return new B(name);
    }

    static Setup write(String name, byte[] bytes) {
        return dir -> Files.write(dir.resolve(name), bytes);
    }

    static Setup write(String name, String text) {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Setup badInput() {
        return write("in.dat", bad);
    }

    /** RDW records (big-endian, length with header) of {@code payload}'s 60-byte records, a bad header at {@code at}. */
    static byte[] rdw(byte[] payload, int badAt, byte[] badHeader) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int r = 0; r < payload.length / RECORD; r++) {
            if (r == badAt) {
                out.writeBytes(badHeader);
            }
            out.writeBytes(new byte[] {0, (byte) (RECORD + 4), 0, 0});
            out.write(payload, r * RECORD, RECORD);
        }
        return out.toByteArray();
    }

    /** RDW records in the little-endian {@code 00 00 LL LL} form, which big-endian reading must refuse. */
    static byte[] littleEndianRdw(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int r = 0; r < payload.length / RECORD; r++) {
            out.writeBytes(new byte[] {0, 0, (byte) (RECORD + 4), 0});
            out.write(payload, r * RECORD, RECORD);
        }
        return out.toByteArray();
    }

    /** RDW records in the little-endian {@code LL 00 00 00} form, which big-endian reading takes as huge. */
    static byte[] littleEndianLowRdw(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int r = 0; r < payload.length / RECORD; r++) {
            out.writeBytes(new byte[] {(byte) (RECORD + 4), 0, 0, 0});
            out.write(payload, r * RECORD, RECORD);
        }
        return out.toByteArray();
    }

    static Stream<Case> cases() {
        String sameFile = "ringline: --%s %s is the same file as --%s %s; a run never writes over its own files";
        return Stream.of(
                // ---- 1: --rejects never deletes or replaces what is there
                c("1 rejects is the input").decode("--rejects", "in.dat", "--output", "out.jsonl")
                        .exit(3, String.format(sameFile, "rejects", "in.dat", "input", "in.dat"))
                        .file("out.jsonl", ABSENT).build(),
                c("1 rejects is the copybook").decode("--rejects", "in.cpy")
                        .exit(3, String.format(sameFile, "rejects", "in.cpy", "copybook", "in.cpy")).build(),
                c("1 rejects is a link to the input")
                        .setup(dir -> Files.createSymbolicLink(dir.resolve("link"), dir.resolve("in.dat")))
                        .decode("--rejects", "link", "--output", "out.jsonl")
                        .exit(3, String.format(sameFile, "rejects", "link", "input", "in.dat"))
                        .file("link", UNCHANGED).build(),
                c("1 rejects is a FIFO and there are no rejects").setup(ReliabilityIT::fifo)
                        .decode("--rejects", "fifo", "--output", "out.jsonl")
                        .exit(0, "records: read 500, written 500, rejected 0").summary()
                        .file("fifo", (name, file, before) -> assertTrue(Files.exists(file)
                                && !Files.isRegularFile(file), "the FIFO is still a FIFO"))
                        .file("out.jsonl", lines(RECORDS)).build(),
                c("1 rejects on /dev/full with no rejects leaves the device alone")
                        .decode("--rejects", "/dev/full", "--output", "out.jsonl")
                        .exit(0, "records: read 500, written 500, rejected 0").summary()
                        .file("out.jsonl", lines(RECORDS)).build(),
                c("1 an existing rejects file is kept by a failed run").setup(badInput())
                        .setup(write("keep.jsonl", "earlier\n"))
                        .decode("--rejects", "keep.jsonl", "--output", "/dev/full")
                        .exit(4, "ringline: cannot write /dev/full: No space left on device")
                        .file("keep.jsonl", UNCHANGED).build(),

                // ---- 2: every write error on stdout ends the run; a closed pipe ends it quietly
                c("2 stdout on a full disk").decode()
                        .stdout(Stdout.FULL)
                        .exit(4, "ringline: cannot write standard output: No space left on device").build(),
                c("2 stdout closed").decode().stdout(Stdout.CLOSED)
                        .exit(4, "ringline: cannot write standard output: Bad file descriptor").build(),
                c("2 stdout read by head -1, on 200 MiB").stdout(Stdout.HEAD)
                        .args("decode", "--copybook", bigCopybook.toString(), "--input", big.toString(),
                                "--progress", "never")
                        .exit(ExitCodes.BROKEN_PIPE, "ringline: standard output was closed by its reader (broken pipe);"
                                + " decoding stopped").build(),
                c("2 output file on a full disk").decode("--output", "/dev/full")
                        .exit(4, "ringline: cannot write /dev/full: No space left on device").build(),
                // /proc refuses new files: "Permission denied" for a user, "No such file or directory" for root
                c("2 unwritable directory").decode("--output", "/proc/ringline-out.jsonl")
                        .exit(4, "ringline: cannot write output /proc/ringline-out.jsonl: ").build(),
                c("2 missing directory").decode("--output", "nope/out.jsonl")
                        .exit(4, "ringline: cannot write output nope/out.jsonl: directory ")
                        .stderrHas("nope does not exist").build(),

                // ---- 3: framing failures are not record failures
                c("3 bad RDW mid-file").setup(write("in.dat", rdw(Arrays.copyOf(good, 200 * RECORD), 100,
                                new byte[] {0, 0, 0, 0})))
                        .decode("--format", "rdw", "--output", "out.jsonl")
                        .exit(2, "records: read 100, written 100, rejected 0").summary()
                        .stderrHas("bytes: read 12,804 = decoded 6,400 + rejected 0 + not decoded 6,404",
                                "ringline: cannot frame the input at byte 6,400 (BAD_RDW): record descriptor word "
                                        + "00 00 00 00 gives payload length -4 (must be >= 1); the 6,404 bytes from "
                                        + "byte 6,400 to the end were not decoded")
                        .file("out.jsonl", lines(100)).build(),
                c("3 resync skips the bad header and goes on").setup(write("in.dat", rdw(Arrays.copyOf(good,
                                200 * RECORD), 100, new byte[] {0, 0, 0, 0})))
                        .decode("--format", "rdw", "--resync", "--output", "out.jsonl")
                        .exit(2, "records: read 200, written 200, rejected 0").summary()
                        .stderrHas("bytes: read 12,804 = decoded 12,800 + rejected 4 + not decoded 0",
                                "ringline: resynchronized after bad record descriptor words: 4 bytes that do not "
                                        + "frame were skipped; they are in out.jsonl.rejects.jsonl")
                        .file("out.jsonl", lines(200))
                        .file("out.jsonl.rejects.jsonl", jsonLines(1, nodes -> {
                            assertEquals("UNFRAMED_BYTES", nodes.get(0).get("code").asText());
                            assertEquals(6400, nodes.get(0).get("_offset").asLong());
                            assertEquals("AAAAAA==", nodes.get(0).get("raw").asText());
                        })).build(),
                c("3 resync needs RDW").decode("--format", "vb", "--resync")
                        .exit(3, "ringline: --resync needs --format rdw").build(),
                c("3 little-endian RDW read as big-endian suggests the byte order")
                        .setup(write("in.dat", littleEndianRdw(Arrays.copyOf(good, 200 * RECORD))))
                        .decode("--format", "rdw", "--output", "out.jsonl")
                        .exit(2, "warning: the first records do not chain as --format rdw; they do with: --format "
                                + "rdw --rdw-little-endian").summary()
                        .stderrHas("records: read 0, written 0, rejected 0",
                                "(BAD_RDW): record descriptor word 00 00 40 00 has non-zero reserved bytes 2-3; "
                                        + "the 12,800 bytes from byte 0 to the end were not decoded",
                                "the very first header is invalid; the file's first records frame cleanly with: "
                                + "--format rdw --rdw-little-endian")
                        .file("out.jsonl", lines(0)).build(),
                c("3 a wrong byte order is warned about before the run").setup(write("in.dat",
                                littleEndianLowRdw(Arrays.copyOf(good, 200 * RECORD))))
                        .decode("--format", "rdw", "--output", "out.jsonl")
                        .exit(2, "warning: the first records do not chain as --format rdw; they do with: --format rdw "
                                + "--rdw-little-endian").summary()
                        .file("out.jsonl", EXISTS).file("out.jsonl.rejects.jsonl", EXISTS).build(),
                c("3 fixed data read as RDW").decode("--format", "rdw", "--output", "out.jsonl")
                        .exit(2, "records: read 0, written 0, rejected 0").summary()
                        .stderrHas("not decoded 30,000", "--format fixed (the size is a multiple of the layout's 60 "
                                + "bytes)")
                        .file("out.jsonl", lines(0)).build(),
                c("3 bad BDW").setup(write("in.dat", vb()))
                        .decode("--format", "vb", "--output", "out.jsonl")
                        .exit(2, "records: read 10, written 10, rejected 0").summary()
                        .stderrHas("(BAD_BDW): block descriptor word 00 00 01 00 has non-zero reserved bytes 2-3")
                        .file("out.jsonl", lines(10)).build(),

                // ---- 4, 7: outputs never name the input, the copybook or each other
                c("4 rejects is the output").setup(badInput()).decode("--output", "o.jsonl", "--rejects", "o.jsonl")
                        .exit(3, String.format(sameFile, "rejects", "o.jsonl", "output", "o.jsonl"))
                        .file("o.jsonl", ABSENT).build(),
                c("7 output is the input").decode("--output", "in.dat")
                        .exit(3, String.format(sameFile, "output", "in.dat", "input", "in.dat")).build(),
                c("7 output is the copybook").decode("--output", "./in.cpy")
                        .exit(3, String.format(sameFile, "output", "./in.cpy", "copybook", "in.cpy")).build(),

                // ---- 5: a failed run keeps the previous run's pair; a successful one leaves no stale rejects
                c("5 failed run keeps the previous output and rejects").setup(badInput())
                        .setup(write("out.jsonl", "previous output\n"))
                        .setup(write("out.jsonl.rejects.jsonl", "previous rejects\n"))
                        .decode("--output", "out.jsonl", "--latency-report", "/dev/full")
                        .exit(4, "ringline: cannot write /dev/full: No space left on device")
                        .file("out.jsonl", UNCHANGED).file("out.jsonl.rejects.jsonl", UNCHANGED).build(),
                c("5 a clean run removes the previous run's rejects")
                        .setup(write("out.jsonl", "previous output\n"))
                        .setup(write("out.jsonl.rejects.jsonl", "previous rejects\n"))
                        .decode("--output", "out.jsonl")
                        .exit(0, "records: read 500, written 500, rejected 0").summary()
                        .file("out.jsonl", lines(RECORDS)).file("out.jsonl.rejects.jsonl", ABSENT).build(),
                c("5 a run with rejects replaces both").setup(badInput())
                        .setup(write("out.jsonl", "previous output\n"))
                        .setup(write("out.jsonl.rejects.jsonl", "previous rejects\n"))
                        .decode("--output", "out.jsonl")
                        .exit(2, "records: read 500, written 498, rejected 2").summary()
                        .file("out.jsonl", lines(RECORDS - 2)).file("out.jsonl.rejects.jsonl", lines(2)).build(),

                // ---- 6: signals leave no temp file and every earlier file as it was
                signal("6 SIGINT during decode", "INT", 130),
                signal("6 SIGTERM during decode", "TERM", 143),
                signal("6 SIGHUP during decode", "HUP", 129),
                c("6 SIGTERM during generate").args("generate", "--workload", "comp3", "--size", "2GiB",
                                "--output", "gen.dat").signal("TERM")
                        .exit(143, null).file("gen.dat", ABSENT).file("gen.cpy", ABSENT).build(),
                c("6 SIGTERM during demo").args("demo", "--size", "200MiB", "--progress", "never").signal("TERM")
                        .exit(143, null).build(),

                // ---- 8: memory is planned up front
                c("8 ring too large for the heap").decode("--ring-size", "4096")
                        .exit(3, "ringline: --ring-size 4096 with 60-byte records needs about 1.80 GiB of heap, more "
                                + "than this JVM's 64.0 MiB allows: use --ring-size ").build(),
                c("8 records too large for the heap").decode("--record-length", "200000000")
                        .exit(3, "ringline: --ring-size 32 with 200,000,000-byte records needs about").build(),

                c("8 an out-of-memory error is one line and exit 5").setup(write("wide.cpy",
                                "       01  R.\n           05  A  PIC X(1) OCCURS 60000 TIMES.\n"))
                        .setup(dir -> {
                            byte[] controls = new byte[30_000_000]; // each byte becomes "\u0001" in JSON: 9x
                            Arrays.fill(controls, (byte) 1);
                            Files.write(dir.resolve("wide.dat"), controls);
                        })
                        .setup(write("wide.jsonl", "previous\n"))
                        .args("decode", "--copybook", "wide.cpy", "--input", "wide.dat", "--output", "wide.jsonl",
                                "--trim", "none", "--progress", "never")
                        .exit(5, "ringline: out of memory (heap 64.0 MiB): lower --ring-size, or give Java more "
                                + "heap").file("wide.jsonl", UNCHANGED).build(),

                // ---- 9: latency report write errors
                c("9 latency report on a full disk").decode("--output", "out.jsonl", "--latency-report", "/dev/full")
                        .exit(4, "ringline: cannot write /dev/full: No space left on device")
                        .file("out.jsonl", ABSENT).build(),
                c("9 latency report in a missing folder").decode("--latency-report", "no/l.hgrm")
                        .exit(4, "ringline: cannot write latency report no/l.hgrm: directory ").build(),

                // ---- 10: numeric bounds
                c("10 threads 10000").decode("--threads", "10000")
                        .exit(3, "ringline: --threads must be 1..256: 10000")
                        .stderrHas("see `ringline decode --help`").build(),
                c("10 threads 300").decode("--threads", "300").exit(3, "ringline: --threads must be 1..256: 300")
                        .build(),

                // ---- 11: layout and data that do not match
                c("11 record length shorter than the layout").decode("--record-length", "50")
                        .exit(3, "ringline: --record-length 50 is shorter than record AMOUNT-RECORD of in.cpy (60 "
                                + "bytes): every record would miss its last fields").build(),
                c("11 copybook 2 bytes longer than the records")
                        .setup(write("in.cpy", new String(copybook, StandardCharsets.UTF_8)
                                .replace("AMOUNT-10              PIC S9(9)V99 COMP-3.",
                                        "AMOUNT-10              PIC S9(9)V99 COMP-3.\n           05  EXTRA  PIC XX.")))
                        .decode("--output", "out.jsonl")
                        .exit(2, "warning: the input's size 30,000 is not a multiple of the record length 62 (54 "
                                + "bytes left over); record lengths near the layout's 62 that divide it: [60,")
                        .summary().stderrHas("rejects in out.jsonl.rejects.jsonl")
                        .file("out.jsonl", EXISTS).file("out.jsonl.rejects.jsonl", EXISTS).build(),

                // ---- 12: a stopped run counts the record that stopped it, and changes no file
                c("12 on-error fail").setup(badInput()).setup(write("out.jsonl", "previous\n"))
                        .decode("--output", "out.jsonl", "--on-error", "fail")
                        .exit(2, "records: read 4, written 3, rejected 1").summary()
                        .stderrHas("bytes: read 240 = decoded 180 + rejected 60 + not decoded 0",
                                "ringline: stopped by --on-error fail after 1 errors, at record 3 at byte 180, field "
                                        + "AMOUNT-01: BAD_PACKED_SIGN", "no file was created or changed")
                        .file("out.jsonl", UNCHANGED).file("out.jsonl.rejects.jsonl", ABSENT).build(),
                c("12 max-errors to stdout").setup(badInput()).decode("--max-errors", "1", "--rejects", "-")
                        .exit(2, "{\"_record\":3,\"_offset\":180,\"field\":\"AMOUNT-01\",\"_field_offset\":185,")
                        .summary().stderrHas("records: read 18, written 16, rejected 2",
                                "ringline: stopped by --max-errors 1 after 2 errors, at record 17 at byte 1020",
                                "16 records were written to standard output before it").build(),

                // ---- 13: one-line usage errors
                c("13 option typo").args("decode", "--copybok", "in.cpy", "--input", "in.dat")
                        .exit(3, "ringline decode: unknown option '--copybok' (did you mean --copybook")
                        .stderrHas("see `ringline decode --help`").build(),
                c("13 bad enum value").decode("--format", "fixd")
                        .exit(3, "ringline decode: Invalid value for option '--format': expected one of [fixed, rdw, "
                                + "vb] (case-insensitive) but was 'fixd'").build(),

                // ---- 14: exact copybook messages
                c("14 no such record").decode("--record", "NOPE")
                        .exit(3, "ringline: --record: no record named NOPE in in.cpy; its records are AMOUNT-RECORD")
                        .build(),
                c("14 copybook is a directory").setup(dir -> Files.createDirectory(dir.resolve("cpydir")))
                        .args("decode", "--copybook", "cpydir", "--input", "in.dat")
                        .exit(4, "ringline: cannot read copybook cpydir: it is a directory").build(),
                c("14 copybook read error gives the system's reason").args("layout", "--copybook", "in.dat/x.cpy")
                        .exit(4, "ringline: cannot read copybook in.dat/x.cpy: Not a directory: in.dat/x.cpy").build(),
                c("14 missing copybook").args("layout", "--copybook", "nope.cpy")
                        .exit(4, "ringline: cannot read copybook nope.cpy: no such file or directory: nope.cpy")
                        .build(),

                // ---- 15: one meaning for _offset
                c("15 offsets of RDW records").setup(write("in.dat", rdw(Arrays.copyOf(bad, 5 * RECORD), -1,
                                new byte[0])))
                        .decode("--format", "rdw", "--output", "out.jsonl", "--emit-meta")
                        .exit(2, "records: read 5, written 4, rejected 1").summary()
                        .file("out.jsonl", jsonLines(4, nodes -> assertEquals(List.of(0L, 64L, 128L, 256L),
                                nodes.stream().map(n -> n.get("_offset").asLong()).collect(Collectors.toList()))))
                        .file("out.jsonl.rejects.jsonl", jsonLines(1, nodes -> {
                            assertEquals(192, nodes.get(0).get("_offset").asLong(), "the RDW of record 3");
                            assertEquals(192 + 4 + 5, nodes.get(0).get("_field_offset").asLong(), "the bad byte");
                        })).build(),

                // ---- 16: duplicate names get unique keys, with a warning
                c("16 duplicate names in one group").setup(write("dup.cpy", String.join("\n",
                                "       01  R.", "           05  A  PIC X(2).", "           05  A  PIC X(2).")))
                        .setup(write("dup.dat", "ABCD"))
                        .args("decode", "--copybook", "dup.cpy", "--input", "dup.dat", "--codepage", "ASCII",
                                "--output", "out.jsonl", "--progress", "never")
                        .exit(0, "warning: dup.cpy:3: duplicate name A in group R: emitted as A_2").summary()
                        .file("out.jsonl", jsonLines(1, nodes -> assertEquals("{\"A\":\"AB\",\"A_2\":\"CD\"}",
                                nodes.get(0).toString()))).build(),

                // ---- 17: generate
                c("17 generate size 0").args("generate", "--workload", "comp3", "--size", "0", "--output", "g.dat")
                        .exit(3, "ringline: --size 0 is smaller than one comp3 record (60 bytes)")
                        .file("g.dat", ABSENT).file("g.cpy", ABSENT).build(),
                c("17 generate never replaces another copybook").setup(write("g.cpy", "      * mine\n"))
                        .args("generate", "--workload", "comp3", "--size", "600", "--output", "g.dat")
                        .exit(3, "ringline: copybook g.cpy exists with other text")
                        .file("g.cpy", UNCHANGED).file("g.dat", ABSENT).build(),

                // ---- 19: rejects never share stderr with the summary by default
                c("19 stdout output puts rejects in a file named after the input").setup(badInput()).decode()
                        .exit(2, "records: read 500, written 498, rejected 2").summary()
                        .stderrHas("rejects in in.dat.rejects.jsonl")
                        .file("in.dat.rejects.jsonl", lines(2)).build(),
                c("19 stdin input").setup(dir -> { }).stdin(bad)
                        .args("decode", "--copybook", "in.cpy", "--input", "-", "--progress", "never")
                        .exit(2, "records: read 500, written 498, rejected 2").summary()
                        .stderrHas("rejects in stdin.rejects.jsonl").file("stdin.rejects.jsonl", lines(2)).build(),

                // ---- --field-errors FILE (issue 11) is an output like the others
                c("field errors file is the input").decode("--on-error", "null", "--field-errors", "in.dat",
                                "--output", "out.jsonl")
                        .exit(3, String.format(sameFile, "field-errors", "in.dat", "input", "in.dat"))
                        .file("out.jsonl", ABSENT).build(),
                c("field errors file is the rejects file").decode("--on-error", "null", "--field-errors", "r.jsonl",
                                "--rejects", "r.jsonl", "--output", "out.jsonl")
                        .exit(3, String.format(sameFile, "field-errors", "r.jsonl", "rejects", "r.jsonl"))
                        .file("out.jsonl", ABSENT).file("r.jsonl", ABSENT).build(),
                c("field errors on a full disk keep the previous output").setup(badInput())
                        .setup(write("out.jsonl", "previous\n"))
                        .decode("--on-error", "null", "--field-errors", "/dev/full", "--output", "out.jsonl")
                        .exit(4, "ringline: cannot write /dev/full: No space left on device")
                        .file("out.jsonl", UNCHANGED).build(),
                c("field errors to a file").setup(badInput()).setup(write("fe.jsonl", "earlier\n"))
                        .decode("--on-error", "null", "--field-errors", "fe.jsonl", "--output", "out.jsonl")
                        .exit(0, "records: read 500, written 500, rejected 0, written with field errors 2").summary()
                        .file("out.jsonl", lines(RECORDS)).file("fe.jsonl", lines(2))
                        .file("out.jsonl.rejects.jsonl", ABSENT).build());
    }

    static Case signal(String name, String signal, int exit) {
        // Input on stdin, which the test keeps open until the run has ended: a 200 MiB file decodes in under a
        // second now, and a run that ends before the signal arrives rightly exits 0.
        return c(name).setup(write("out.jsonl", "previous\n"))
                .args("decode", "--copybook", bigCopybook.toString(), "--input", "-", "--output", "out.jsonl",
                        "--progress", "never", "--threads", "1")
                .stdin(bigHead()).signal(signal).exit(exit, null).file("out.jsonl", UNCHANGED).build();
    }

    /** The first 4 MiB (whole records) of the big input: JSON enough for the run's temp file to pass 1 MiB. */
    private static byte[] bigHead() {
        try (InputStream in = Files.newInputStream(big)) {
            return in.readNBytes((4 << 20) / RECORD * RECORD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this process ignores the signal (the SigIgn mask of /proc/self/status; false where it is absent). */
    private static boolean ignoredHere(String signal) throws IOException {
        int number = switch (signal) {
            case "HUP" -> 1;
            case "INT" -> 2;
            case "TERM" -> 15;
            default -> throw new IllegalArgumentException(signal);
        };
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                return (mask >>> (number - 1) & 1) != 0;
            }
        }
        return false;
    }

    private static void fifo(Path dir) throws Exception {
        Process mk = new ProcessBuilder("mkfifo", dir.resolve("fifo").toString()).start();
        assumeTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo works here");
    }

    /** VB: one block of 10 RDW records, then a BDW with non-zero reserved bytes. */
    private static byte[] vb() {
        byte[] records = rdw(Arrays.copyOf(good, 10 * RECORD), -1, new byte[0]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int block = records.length + 4;
        out.writeBytes(new byte[] {(byte) (block >> 8), (byte) block, 0, 0});
        out.writeBytes(records);
        out.writeBytes(new byte[] {0, 0, 1, 0});
        out.writeBytes(records);
        return out.toByteArray();
    }

    @BeforeAll
    static void fixtures() throws Exception {
        Path fixtures = Files.createDirectory(root.resolve("fixtures"));
        Run gen = run(fixtures, List.of("generate", "--workload", "comp3", "--size", String.valueOf(RECORDS * RECORD),
                "--output", "in.dat"), new byte[0], Stdout.CAPTURE, null);
        assertEquals(0, gen.exit, gen.stderr);
        good = Files.readAllBytes(fixtures.resolve("in.dat"));
        copybook = Files.readAllBytes(fixtures.resolve("in.cpy"));
        bad = good.clone();
        for (int r : new int[] {3, 17}) {
            bad[r * RECORD + 5] &= (byte) 0xF0; // AMOUNT-01's sign nibble
        }
        Run large = run(fixtures, List.of("generate", "--workload", "comp3", "--size", "200MiB", "--output",
                "big.dat"), new byte[0], Stdout.CAPTURE, null);
        assertEquals(0, large.exit, large.stderr);
        big = fixtures.resolve("big.dat");
        bigCopybook = fixtures.resolve("big.cpy");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reliability(Case c) throws Exception {
        if (c.signal() != null) {
            // A signal ignored by whoever started the tests (nohup, a job started with & by a script) stays ignored
            // in the JVMs they start, so the run would never see it.
            assumeTrue(!ignoredHere(c.signal()), "SIG" + c.signal() + " is ignored in this test's process, and so in"
                    + " the run it starts (nohup or a background job?): the case cannot be tested here");
        }
        Path dir = Files.createDirectory(root.resolve(c.name().replaceAll("[^A-Za-z0-9]+", "-")));
        Files.write(dir.resolve("in.dat"), good);
        Files.write(dir.resolve("in.cpy"), copybook);
        c.setup().in(dir);
        Map<String, byte[]> before = snapshot(dir);

        Run run = run(dir, c.args(), c.stdin(), c.stdout(), c.signal());

        assertEquals(c.exit(), run.exit, () -> "exit code; stderr:\n" + run.stderr);
        String first = run.stderr.lines().findFirst().orElse("");
        if (c.firstLine() != null) {
            assertTrue(first.startsWith(c.firstLine()), () -> c.name() + ": exit " + run.exit + ", "
                    + run.stderr.length() + " chars on stderr, expected first line \"" + c.firstLine() + "\":\n"
                    + run.stderr);
        }
        for (String s : c.stderrHas()) {
            assertTrue(run.stderr.contains(s), () -> "stderr lacks \"" + s + "\":\n" + run.stderr);
        }
        assertFalse(run.stderr.contains("\tat "), () -> "no stack trace:\n" + run.stderr);
        checkFiles(c, dir, before);
        checkAccounting(c, run);
    }

    private static void checkFiles(Case c, Path dir, Map<String, byte[]> before) throws IOException {
        Set<String> after = names(dir);
        for (String name : after) {
            assertFalse(name.endsWith(".part"), "temp file left behind: " + name);
        }
        Map<String, Expect> expected = new HashMap<>(c.files());
        for (String name : before.keySet()) {
            expected.putIfAbsent(name, UNCHANGED);
        }
        for (Map.Entry<String, Expect> e : expected.entrySet()) {
            e.getValue().check(e.getKey(), dir.resolve(e.getKey()), before.get(e.getKey()));
        }
        Set<String> unexpected = new TreeSet<>(after);
        unexpected.removeAll(expected.keySet());
        assertTrue(unexpected.isEmpty(), "files nobody asked for: " + unexpected);
    }

    /** Parses the summary: records read = written + rejected, bytes read = decoded + rejected + not decoded. */
    private static void checkAccounting(Case c, Run run) {
        Matcher records = RECORDS_LINE.matcher(run.stderr);
        Matcher bytes = BYTES_LINE.matcher(run.stderr);
        boolean found = records.find();
        assertEquals(found, bytes.find(), "both summary lines or neither");
        if (c.summary()) {
            assertTrue(found, () -> "summary expected:\n" + run.stderr);
        } else {
            assertFalse(run.stderr.contains("records: read"), () -> "no summary for a failed run:\n" + run.stderr);
        }
        if (found) {
            assertEquals(number(records.group(1)), number(records.group(2)) + number(records.group(3)),
                    "records read = written + rejected");
            assertEquals(number(bytes.group(1)),
                    number(bytes.group(2)) + number(bytes.group(3)) + number(bytes.group(4)),
                    "bytes read = decoded + rejected + not decoded");
        }
    }

    private static long number(String s) {
        return Long.parseLong(s.replace(",", ""));
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        for (String name : names(dir)) {
            Path p = dir.resolve(name);
            files.put(name, Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(p)
                    : new byte[0]);
        }
        return files;
    }

    /** The process's exit code and stderr. */
    record Run(int exit, String stderr) {
    }

    static Run run(Path dir, List<String> args, byte[] stdin, Stdout stdout, String signal) throws Exception {
        List<String> command = new ArrayList<>();
        if (stdout == Stdout.CLOSED) {
            command.addAll(List.of("/bin/sh", "-c", "exec \"$0\" \"$@\" >&-"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx64m");
        command.add("-jar");
        command.add(RinglineJarIT.jar().toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        if (stdout == Stdout.FULL) {
            builder.redirectOutput(new File("/dev/full"));
        }
        java.nio.file.attribute.FileTime launched = java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - 1000);
        // stderr goes to a file, read after the exit: a pipe drained by a pool thread came back empty a few times
        // on a loaded 2-core machine, while the process had written its message.
        Path errFile = Files.createTempFile("ringline-stderr-", ".txt");
        builder.redirectError(errFile.toFile());
        Process process = builder.start();
        CompletableFuture<byte[]> out = stdout == Stdout.HEAD ? null : read(process.getInputStream());
        CompletableFuture.runAsync(() -> {
            try (var in = process.getOutputStream()) {
                in.write(stdin);
                if (signal != null) {
                    // Keep the input open until the run has ended: it cannot see the end of its input and finish
                    // on its own while the signal is on its way, so only the signal can end it.
                    in.flush();
                    process.waitFor(90, TimeUnit.SECONDS);
                }
            } catch (IOException ignored) {
                // the process may end without reading its input
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (stdout == Stdout.HEAD) {
            InputStream data = process.getInputStream();
            int b;
            while ((b = data.read()) != -1 && b != '\n') {
                // one line, like head -1
            }
            data.close();
        }
        if (signal != null) {
            // Mid-run: once the run has created its temp file (or, for the demo, its sample folder).
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> started(dir, launched) || !process.isAlive());
            assertTrue(process.isAlive(), "the run ended before the signal");
            // The shell's built-in kill: no procps package needed.
            Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -" + signal + " " + process.pid()).start();
            assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
        }
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "ringline did not finish: " + command);
        if (out != null) {
            out.get();
        }
        String stderr = Files.readString(errFile, StandardCharsets.UTF_8);
        Files.delete(errFile);
        if (signal != null && args.get(0).equals("demo")) {
            // The demo names its sample folder on stdout: it must be gone.
            String text = new String(out.get(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("samples in (\\S+)").matcher(text);
            assertTrue(m.find(), text);
            assertFalse(Files.exists(Path.of(m.group(1))), "demo folder deleted: " + m.group(1));
        }
        return new Run(process.exitValue(), stderr);
    }

    /**
     * A run is under way: a temp file of at least 1 MiB exists in its folder, or a demo folder created since
     * {@code launched} holds one.
     */
    private static boolean started(Path dir, java.nio.file.attribute.FileTime launched) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            if (files.anyMatch(p -> p.getFileName().toString().endsWith(".part") && size(p) > (1 << 20))) {
                return true;
            }
        }
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return tmp.filter(p -> p.getFileName().toString().startsWith("ringline-demo-")
                            && modified(p).compareTo(launched) >= 0)
                    .anyMatch(p -> {
                        try (Stream<Path> s = Files.list(p)) {
                            return s.anyMatch(f -> size(f) > (1 << 20));
                        } catch (IOException e) {
                            return false;
                        }
                    });
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static CompletableFuture<byte[]> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
