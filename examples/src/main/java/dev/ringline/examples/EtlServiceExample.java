package dev.ringline.examples;

import dev.ringline.memory.ByteVector;
import dev.ringline.pipeline.OrderedPipeline;
import dev.ringline.pipeline.PipelineStats;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * An ETL-style embedding: a long-lived service component owns an {@link OrderedPipeline}, is fed order lines
 * ({@code id,quantity,unitPriceCents}) from a source, computes each line's total on worker threads, and hands the
 * results to its sink strictly in input order. {@link EtlService#close()} drains what was submitted and stops
 * every pipeline thread; bad lines reach the sink as failures at their position, they do not stop the service.
 */
public final class EtlServiceExample {
    private EtlServiceExample() {
    }

    /** Receives results in input order, on the pipeline's ordered-stage thread. */
    @FunctionalInterface
    interface ResultSink {
        /** {@code error} is null for a good line; then {@code id} and {@code totalCents} are its result. */
        void accept(long sequence, long id, long totalCents, Throwable error);
    }

    /** One reusable slot: the raw line and the parsed result. */
    static final class OrderSlot {
        final ByteVector line = new ByteVector(64);
        long id;
        long totalCents;
    }

    /** The service: submit lines from one thread, close to drain and stop. */
    static final class EtlService implements AutoCloseable {
        private final OrderedPipeline<OrderSlot> pipeline;

        EtlService(int workers, ResultSink sink) {
            this.pipeline = OrderedPipeline.builder(OrderSlot::new, (seq, slot, scratch) -> transform(slot))
                    .workers(workers)
                    .capacity(256)
                    .threadNamePrefix("etl")
                    .consumer((seq, slot, failure) -> sink.accept(seq, slot.id, slot.totalCents, failure))
                    .build();
        }

        /** Copies one line into a free slot (waiting while 256 are in flight) and hands it to the workers. */
        void submit(String line) throws InterruptedException {
            long seq = pipeline.claim();
            ByteVector bytes = pipeline.slot(seq).line;
            bytes.clear();
            bytes.append(line.getBytes(StandardCharsets.US_ASCII));
            pipeline.publish(seq);
        }

        PipelineStats stats() {
            return pipeline.stats();
        }

        /** Delivers every submitted line to the sink, then stops the pipeline's threads. */
        @Override
        public void close() {
            pipeline.close();
        }

        /** Parses {@code id,quantity,unitPriceCents} in place; throws on a malformed line. */
        private static void transform(OrderSlot slot) {
            byte[] a = slot.line.array();
            int n = slot.line.length();
            long[] parts = new long[3];
            int part = 0;
            boolean digits = false;
            for (int i = 0; i < n; i++) {
                byte b = a[i];
                if (b == ',') {
                    if (!digits || ++part > 2) {
                        throw new IllegalArgumentException("malformed line at byte " + i);
                    }
                    digits = false;
                } else if (b >= '0' && b <= '9') {
                    parts[part] = Math.multiplyExact(parts[part], 10) + (b - '0');
                    digits = true;
                } else {
                    throw new IllegalArgumentException("unexpected byte " + b + " at " + i);
                }
            }
            if (part != 2 || !digits) {
                throw new IllegalArgumentException("expected 3 fields");
            }
            slot.id = parts[0];
            slot.totalCents = Math.multiplyExact(parts[1], parts[2]);
        }
    }

    /** Runs the example and prints what it shows; takes no arguments. */
    public static void main(String[] args) throws InterruptedException {
        run(System.out, 100_000, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Feeds {@code lines} generated lines (every 1000th malformed) and returns the sink's results in arrival
     * order, as {@code id:total} or {@code id:error}.
     */
    static List<String> run(PrintStream out, int lines, int workers) throws InterruptedException {
        List<String> results = new ArrayList<>(lines);
        long[] grandTotal = new long[1];
        Iterator<String> source = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < lines;
            }

            @Override
            public String next() {
                int i = next++;
                return i % 1000 == 999 ? i + ",oops," + i : i + "," + (1 + i % 7) + "," + (100 + i % 50);
            }
        };
        try (EtlService service = new EtlService(workers, (seq, id, total, error) -> {
            if (error == null) {
                results.add(id + ":" + total);
                grandTotal[0] += total;
            } else {
                results.add(seq + ":error");
            }
        })) {
            while (source.hasNext()) {
                service.submit(source.next());
            }
        } // close(): every line reached the sink before this returns
        out.printf("%d lines, %d results in order, grand total %d cents%n", lines, results.size(), grandTotal[0]);
        return results;
    }
}
