package dev.ringline.perf;

import dev.ringline.buffer.ByteVector;
import dev.ringline.cli.SyntheticData;
import dev.ringline.cobol.CobolDecoder;
import dev.ringline.cobol.DecodeOptions;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.error.RecordDecodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the codec benchmark's method and the whole harness on tiny inputs and checks what they compute: the same
 * JSON as the real decoder, identical output (bytes and CRC32C) from every variant, every report file written.
 * No timing is asserted.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HarnessSmokeTest {
    @ParameterizedTest
    @ValueSource(strings = {"display", "comp3", "mixed"})
    void codecBenchmarkProducesTheDecodersOutput(String workload) throws Exception {
        CodecBenchmark.Input input = new CodecBenchmark.Input();
        input.workload = workload;
        input.setup();
        long produced = new CodecBenchmark().decode(input);

        RecordLayout layout = SyntheticData.layout(workload);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        CobolDecoder.decodeSequential(Channels.newChannel(new ByteArrayInputStream(input.records)), layout,
                DecodeOptions.defaults(), expected);
        assertEquals(expected.size(), produced);
        // Second call on the same state: the reused buffer gives the same amount again.
        assertEquals(produced, new CodecBenchmark().decode(input));
        String json = expected.toString(StandardCharsets.UTF_8);
        assertEquals(CodecBenchmark.RECORDS, json.lines().count());
        assertTrue(json.startsWith("{\""), json.substring(0, 40));
    }

    @ParameterizedTest
    @ValueSource(strings = {"display", "comp3", "mixed"})
    void referenceLoopWritesTheCodecsBytes(String workload) {
        CodecBenchmark.Input input = new CodecBenchmark.Input();
        input.workload = workload;
        input.setup();
        ByteVector codec = new ByteVector(1 << 20);
        ByteVector reference = new ByteVector(1 << 20);
        int len = input.recordLength;
        for (int i = 0; i < CodecBenchmark.RECORDS; i++) {
            input.decoder.decode(input.records, i * len, len, i, (long) i * len, input.context, codec);
            ReferenceLoops.decode(workload, input.records, i * len, reference);
        }
        assertTrue(codec.length() > CodecBenchmark.RECORDS * 10, "codec wrote " + codec.length());
        assertTrue(reference.contentEquals(codec.toByteArray()), () -> {
            int at = (int) java.util.Arrays.mismatch(reference.toByteArray(), codec.toByteArray());
            return "first difference at byte " + at + "\ncodec:     " + around(codec, at) + "\nreference: "
                    + around(reference, at);
        });
        assertEquals(codec.length(), new CodecBenchmark().reference(input));
        // the reference checks what the codec checks: a bad nibble, sign or zone is refused
        if (!workload.equals("display")) {
            byte[] bad = java.util.Arrays.copyOf(input.records, len);
            bad[workload.equals("comp3") ? 5 : 70] = (byte) 0x15; // sign nibble 5 (comp3) / zone 1 (BALANCE)
            assertThrows(IllegalArgumentException.class, () -> ReferenceLoops.decode(workload, bad, 0, reference));
            assertThrows(RecordDecodeException.class, () -> input.decoder.decode(bad, 0, len, 0, 0, input.context,
                    codec));
        }
    }

    private static String around(ByteVector v, int at) {
        int from = Math.max(0, at - 80);
        return new String(v.array(), from, Math.min(v.length(), at + 40) - from, StandardCharsets.UTF_8);
    }

    @Test
    void harnessRunsEveryVariantWithIdenticalOutput(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Harness.Config config = Harness.Config.parse("--size", "2MiB", "--rounds", "1", "--memory-gib", "0",
                "--no-child-jvm", "--check", "--warmup", "64KiB", "--latency-seconds", "0.05",
                "--out", out.toString(), "--data",
                dir.resolve("data").toString());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
        Harness.Report report = new Harness(config, logStream).run();

        assertEquals(3 * Harness.variants().size(), report.runs().size());
        for (String workload : Harness.WORKLOADS) {
            List<RunMetrics> runs = report.runs().stream().filter(m -> m.workload().equals(workload))
                    .collect(Collectors.toList());
            int length = SyntheticData.layout(workload).length();
            long records = (2L << 20) / length;
            RunMetrics bare = runs.get(0);
            assertEquals("bare", bare.variant());
            assertEquals(records, bare.records());
            assertTrue(bare.checksum() != 0);
            java.util.zip.CRC32C original = new java.util.zip.CRC32C();
            original.update(Files.readAllBytes(dir.resolve("data").resolve(workload + "-" + (2L << 20) + ".dat")));
            for (RunMetrics m : runs) {
                assertEquals(records, m.records(), m.variant());
                if (m.variant().equals("encode")) { // the JSON encoded back gives the data file itself
                    assertEquals(records * length, m.outputBytes());
                    assertEquals(original.getValue(), m.checksum());
                    continue;
                }
                assertEquals(bare.outputBytes(), m.outputBytes(), m.variant() + " " + m.workers());
                if (!m.variant().equals("ceiling")) { // the ceiling does not keep order: counted, not checksummed
                    assertEquals(bare.checksum(), m.checksum(), m.variant() + " " + m.workers());
                }
            }
        }
        assertEquals(2, report.latency().size());
        for (LatencyRun.Result r : report.latency()) {
            assertEquals(r.records(), r.histogram().getTotalCount());
        }
        List<String> csv = Files.readAllLines(out.resolve("harness.csv"));
        assertEquals(1 + report.runs().size(), csv.size());
        assertEquals(RunMetrics.csvHeader(), csv.get(0));
        String md = Files.readString(out.resolve("harness.md"));
        assertTrue(md.contains("| display | pipeline | 16 |"), md);
        String svg = Files.readString(out.resolve("latency.svg"));
        assertTrue(svg.startsWith("<svg") && svg.contains("99.99%") && svg.contains("<path d=\"M"), svg);
        String hgrm = Files.readString(out.resolve("latency-90pct.hgrm"));
        assertTrue(hgrm.contains("#[Mean"), hgrm);
        // The CSV and the child-JVM protocol agree on a run.
        RunMetrics first = report.runs().get(0);
        RunMetrics parsed = RunMetrics.parse(first.toLine());
        assertEquals(first.variant(), parsed.variant());
        assertEquals(first.records(), parsed.records());
        assertEquals(first.checksum(), parsed.checksum());
        assertEquals(first.outputBytes(), parsed.outputBytes());
    }
}
