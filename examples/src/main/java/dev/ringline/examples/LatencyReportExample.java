package dev.ringline.examples;

import dev.ringline.buffer.ByteVector;
import dev.ringline.pipeline.LatencySnapshot;
import dev.ringline.pipeline.OrderedPipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * A latency report: a pipeline built with {@code recordLatency(true)} measures each record from claim to release
 * into an HdrHistogram; the example writes its percentile distribution in microseconds as an {@code .hgrm} file,
 * the text format HdrHistogram's plotter reads, and prints p50/p99/max.
 */
public final class LatencyReportExample {
    private LatencyReportExample() {
    }

    /** A reusable slot: a record's bytes and its checksum. */
    static final class Record {
        final ByteVector data = new ByteVector(256);
        long checksum;
    }

    /** Runs the example; {@code args[0]} is the report file, {@code latency.hgrm} by default. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "latency.hgrm");
        run(System.out, file, 200_000, Runtime.getRuntime().availableProcessors());
    }

    /** Runs {@code records} records through the pipeline, writes {@code hgrm}, returns the histogram. */
    static LatencySnapshot run(PrintStream out, Path hgrm, int records, int workers)
            throws InterruptedException, IOException {
        long[] delivered = new long[1];
        OrderedPipeline<Record> pipeline = OrderedPipeline.builder(Record::new, (seq, rec, scratch) -> {
                    CRC32 crc = new CRC32();
                    crc.update(rec.data.array(), 0, rec.data.length());
                    rec.checksum = crc.getValue();
                })
                .workers(workers)
                .capacity(1024)
                .recordLatency(true)
                .consumer((seq, rec, failure) -> delivered[0]++)
                .build();
        byte[] payload = "a record of a couple of hundred bytes ".repeat(6).getBytes(StandardCharsets.US_ASCII);
        try (pipeline) {
            for (int i = 0; i < records; i++) {
                long seq = pipeline.claim();
                try { // publish even if filling fails: an unpublished slot stalls the pipeline
                    ByteVector data = pipeline.slot(seq).data;
                    data.clear();
                    data.append(payload);
                    data.append((byte) i);
                } finally {
                    pipeline.publish(seq);
                }
            }
        }
        LatencySnapshot latency = pipeline.latency();
        try (OutputStream report = Files.newOutputStream(hgrm)) {
            pipeline.writeLatencyDistribution(report);
        }
        out.printf("%d records, latency p50 %.1f µs, p99 %.1f µs, max %.1f µs; distribution in %s%n",
                delivered[0], latency.p50Nanos() / 1e3, latency.p99Nanos() / 1e3, latency.maxNanos() / 1e3, hgrm);
        return latency;
    }
}
