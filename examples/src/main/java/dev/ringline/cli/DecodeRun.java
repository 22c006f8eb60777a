package dev.ringline.cli;

import dev.ringline.cobol.CobolDecoder;
import dev.ringline.cobol.DecodeAbortedException;
import dev.ringline.cobol.DecodeOptions;
import dev.ringline.cobol.DecodeSummary;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.DecodeMetrics;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.channels.ReadableByteChannel;
import java.util.Locale;

/**
 * One timed decode with progress on stderr and, optionally, per-record latency: the part {@code decode} and
 * {@code demo} share. The caller's options builder gets the progress callback and the histogram added.
 */
final class DecodeRun {
    /** What one run did. {@link #aborted} is set when the error policy stopped it. */
    static final class Result {
        final DecodeSummary summary;
        final DecodeAbortedException aborted;
        final double seconds;
        final long peakHeapBytes;
        final long peakRssBytes;
        final int workers;
        final Histogram latency;

        Result(DecodeSummary summary, DecodeAbortedException aborted, double seconds, long peakHeapBytes,
               long peakRssBytes, int workers, Histogram latency) {
            this.summary = summary;
            this.aborted = aborted;
            this.seconds = seconds;
            this.peakHeapBytes = peakHeapBytes;
            this.peakRssBytes = peakRssBytes;
            this.workers = workers;
            this.latency = latency;
        }

        double mibPerSecond() {
            return summary.bytesRead() / Math.max(1e-9, seconds) / (1 << 20);
        }

        double recordsPerSecond() {
            return summary.recordsRead() / Math.max(1e-9, seconds);
        }

        /** The end-of-run summary lines. */
        String describe() {
            StringBuilder sb = new StringBuilder(300);
            sb.append(String.format(Locale.ROOT,
                    "records: read %,d, written %,d, rejected %,d, written with field errors %,d%n"
                            + "bytes: read %,d = decoded %,d + rejected %,d + not decoded %,d%n"
                            + "input: %s (%,d bytes) in %.2f s, %.1f MiB/s, %,.0f records/s, %d workers%n"
                            + "memory: peak heap %s, peak RSS %s%n",
                    summary.recordsRead(), summary.recordsWritten(), summary.recordsRejected(),
                    summary.recordsWithFieldErrors(),
                    summary.bytesRead(), summary.bytesDecoded(), summary.bytesRejected(), summary.bytesUndecoded(),
                    ByteSize.format(summary.bytesRead()), summary.bytesRead(), seconds, mibPerSecond(),
                    recordsPerSecond(), workers, ProcessMemory.describe(peakHeapBytes),
                    ProcessMemory.describe(peakRssBytes)));
            if (latency != null) {
                sb.append("latency: ").append(latencySummary(latency)).append(System.lineSeparator());
            }
            return sb.toString();
        }
    }

    private DecodeRun() {
    }

    /**
     * Decodes {@code in} into {@code out} (flushed, not closed).
     *
     * @param inputSize    bytes of input when known (for percentage and ETA), else -1
     * @param recordLatency record claim-to-release latency of every record into a histogram
     */
    static Result run(ReadableByteChannel in, long inputSize, RecordLayout layout, DecodeOptions.Builder options,
                      OutputStream out, Progress.Mode mode, PrintWriter err, int workers, boolean recordLatency)
            throws IOException {
        Histogram latency = recordLatency ? new Histogram(3) : null;
        if (latency != null) {
            options.metrics(new LatencyRecorder(latency));
        }
        ProcessMemory.resetHeapPeak();
        long start = System.nanoTime();
        DecodeSummary summary;
        DecodeAbortedException aborted = null;
        try (Progress progress = new Progress(err, mode, inputSize)) {
            options.progress(progress::update);
            progress.start();
            try {
                summary = CobolDecoder.decode(in, layout, options.build(), out);
            } catch (DecodeAbortedException e) {
                aborted = e;
                summary = e.summary();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(summary, aborted, seconds, ProcessMemory.peakHeapBytes(), ProcessMemory.peakRssBytes(),
                workers, latency);
    }

    /** {@code p50 12.3 µs, p90 ..., p99 ..., p99.9 ..., max ...} from a histogram of nanoseconds. */
    static String latencySummary(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "no records";
        }
        return String.format(Locale.ROOT, "p50 %.1f µs, p90 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, max %.1f µs",
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3,
                h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
    }

    /** Records each batch's claim-to-delivery latency once per record of the batch. */
    private static final class LatencyRecorder implements DecodeMetrics {
        private final Histogram latency;

        LatencyRecorder(Histogram latency) {
            this.latency = latency;
        }

        @Override
        public void published(int records, long inputBytes) {
            // only deliveries carry a latency
        }

        @Override
        public void delivered(int written, int withFieldErrors, int rejected, long inputBytes, long latencyNanos) {
            int records = written + withFieldErrors + rejected;
            if (records > 0) {
                latency.recordValueWithCount(latencyNanos, records);
            }
        }
    }
}
