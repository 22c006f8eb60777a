package dev.ringline.perf;

import com.sun.management.OperatingSystemMXBean;
import dev.ringline.cli.SyntheticData;
import dev.ringline.cobol.CobolDecoder;
import dev.ringline.cobol.CobolEncoder;
import dev.ringline.cobol.EncodeOptions;
import dev.ringline.cobol.DecodeOptions;
import dev.ringline.cobol.DecodeSummary;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.json.RecordDecoder;
import dev.ringline.buffer.ByteVector;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One harness variant on one input file: {@code bare} ({@link CobolDecoder#decodeSequential}), {@code pipeline}
 * ({@link CobolDecoder#decode} with N workers), {@code encode} ({@link CobolEncoder#encode} of the file's JSON
 * lines with N workers; its MiB/s are of records written), {@code executor} ({@link ExecutorBaseline}) or {@code ceiling}
 * (the file in memory, decoded by N threads each taking an equal share, no coordination; the same pass on one
 * thread first gives the in-memory single-thread speed). Run by the harness in-process or, through {@link #main},
 * in a child JVM that prints one {@link RunMetrics} line.
 */
final class VariantRun {
    /** The in-flight bound of every parallel variant: {@code DecodeOptions}' default of 32 batches. */
    static final int WINDOW = 32;

    private VariantRun() {
    }

    /**
     * {@code VariantRun WORKLOAD VARIANT WORKERS FILE CHECKSUM(true|false) WARMUP_BYTES}: prints one metrics line.
     */
    public static void main(String[] args) throws Exception {
        RunMetrics m = run(args[0], args[1], Integer.parseInt(args[2]), Path.of(args[3]),
                Boolean.parseBoolean(args[4]), Long.parseLong(args[5]));
        System.out.println(m.toLine());
    }

    /**
     * Runs the variant once, timed. With {@code warmupBytes > 0}, first runs the same variant untimed on a copy of
     * the file's first {@code warmupBytes} (whole records), so the timed pass runs JIT-compiled code.
     */
    static RunMetrics run(String workload, String variant, int workers, Path file, boolean checksum,
                          long warmupBytes) throws IOException, InterruptedException {
        RecordLayout layout = SyntheticData.layout(workload);
        if (warmupBytes > 0 && !variant.equals("ceiling")) { // the ceiling warms up in its own 1-thread pass
            Path prefix = Files.createTempFile("ringline-warmup", ".dat");
            try {
                long bytes = Math.min(Files.size(file), warmupBytes) / layout.length() * layout.length();
                try (FileChannel in = FileChannel.open(file);
                     FileChannel out = FileChannel.open(prefix, java.nio.file.StandardOpenOption.WRITE)) {
                    in.transferTo(0, bytes, out);
                }
                run(workload, variant, workers, prefix, false, 0);
            } finally {
                Files.deleteIfExists(prefix);
                Files.deleteIfExists(jsonPath(prefix));
            }
        }
        OutputSink sink = new OutputSink(checksum);
        byte[] inMemory = variant.equals("ceiling") ? Files.readAllBytes(file) : null;
        double base = 0;
        if (inMemory != null) {
            base = inMemory.length / (ceiling(inMemory, layout, 1, new OutputSink(false)) / 1e9) / (1 << 20);
        }
        Path encodeInput = variant.equals("encode") ? json(file, layout) : null; // made before the clock starts
        SyntheticData.resetHeapPeak();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        long records;
        long inputBytes;
        switch (variant) {
            case "bare":
            case "pipeline": {
                DecodeOptions options = DecodeOptions.builder().workers(Math.max(1, workers)).build();
                try (FileChannel in = FileChannel.open(file)) {
                    DecodeSummary s = variant.equals("bare")
                            ? CobolDecoder.decodeSequential(in, layout, options, sink)
                            : CobolDecoder.decode(in, layout, options, sink);
                    if (s.recordsRejected() != 0) {
                        throw new IllegalStateException(variant + " rejected " + s.recordsRejected() + " records");
                    }
                    records = s.recordsRead();
                    inputBytes = s.bytesRead();
                }
                break;
            }
            case "encode": {
                // The file's JSON lines (decoded once, beside it) back to records: throughput is of records written.
                EncodeOptions options = EncodeOptions.builder().workers(Math.max(1, workers)).build();
                try (FileChannel in = FileChannel.open(encodeInput)) {
                    DecodeSummary s = CobolEncoder.encode(in, layout, options, sink);
                    if (s.recordsRejected() != 0) {
                        throw new IllegalStateException("encode rejected " + s.recordsRejected() + " lines");
                    }
                    records = s.recordsWritten();
                    inputBytes = s.bytesWritten();
                }
                break;
            }
            case "executor": {
                RecordDecoder decoder = RecordDecoder.compile(layout, DecodeOptions.defaults().jsonOptions());
                try (FileChannel in = FileChannel.open(file)) {
                    records = ExecutorBaseline.decode(in, layout.length(), decoder, workers, WINDOW, sink);
                }
                inputBytes = records * layout.length();
                break;
            }
            case "ceiling":
                ceiling(inMemory, layout, workers, sink);
                records = inMemory.length / layout.length();
                inputBytes = records * layout.length();
                break;
            default:
                throw new IllegalArgumentException("unknown variant " + variant);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu0) / 1e9;
        return new RunMetrics(workload, variant, workers, inputBytes, records, sink.bytes(), sink.checksum(),
                seconds, cpuSeconds, SyntheticData.peakRssBytes(), SyntheticData.peakHeapBytes(), base);
    }

    /** Where {@link #json} keeps a data file's JSON lines. */
    static Path jsonPath(Path file) {
        return file.resolveSibling(file.getFileName() + ".jsonl");
    }

    /** The data file decoded to JSON lines, beside it (made once, untimed): the encode variant's input. */
    static Path json(Path file, RecordLayout layout) throws IOException {
        Path json = jsonPath(file);
        if (Files.exists(json) && Files.getLastModifiedTime(json).compareTo(Files.getLastModifiedTime(file)) >= 0) {
            return json;
        }
        Path temp = json.resolveSibling(json.getFileName() + ".part");
        try (FileChannel in = FileChannel.open(file);
             OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
            CobolDecoder.decode(in, layout, DecodeOptions.defaults(), out);
        }
        Files.move(temp, json, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return json;
    }

    /**
     * Decodes {@code data} on {@code threads} threads, each its own contiguous share of whole records into its own
     * reused buffer; output bytes are added to the sink's count only (order across threads is not kept, so the
     * checksum stays that of nothing). Returns nanoseconds.
     */
    static long ceiling(byte[] data, RecordLayout layout, int threads, OutputSink sink) throws InterruptedException {
        int len = layout.length();
        long records = data.length / len;
        long[] produced = new long[threads];
        Thread[] all = new Thread[threads];
        RecordDecoder decoder = RecordDecoder.compile(layout, DecodeOptions.defaults().jsonOptions());
        for (int t = 0; t < threads; t++) {
            long from = records * t / threads;
            long to = records * (t + 1) / threads;
            int id = t;
            all[t] = new Thread(() -> {
                RecordDecoder.Context ctx = decoder.newContext();
                ByteVector out = new ByteVector(64 * 1024 * 3);
                long bytes = 0;
                for (long r = from; r < to; r++) {
                    decoder.decode(data, (int) (r * len), len, r, r * len, ctx, out);
                    if (out.length() >= 128 * 1024) {
                        bytes += out.length();
                        out.clear();
                    }
                }
                produced[id] = bytes + out.length();
            }, "ceiling-" + t);
        }
        long t0 = System.nanoTime();
        for (Thread t : all) {
            t.start();
        }
        for (Thread t : all) {
            t.join();
        }
        long nanos = System.nanoTime() - t0;
        for (long p : produced) {
            sink.count(p);
        }
        return nanos;
    }

}
