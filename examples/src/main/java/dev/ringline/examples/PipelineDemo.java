package dev.ringline.examples;

import dev.ringline.memory.ByteVector;
import dev.ringline.pipeline.OrderedPipeline;
import dev.ringline.pipeline.PipelineStats;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The zero-garbage pipeline API end to end: the producer writes each record into its slot, workers transform it in
 * place in parallel (upper-casing, standing in for decoding), and the consumer checksums outputs in input order.
 */
public final class PipelineDemo {
    private PipelineDemo() {
    }

    /** A reusable slot: one record's input and output bytes. */
    static final class Record {
        final ByteVector input = new ByteVector(64);
        final ByteVector output = new ByteVector(64);
    }

    /** Runs the demo; {@code args[0]} is the record count, 2,000,000 by default. */
    public static void main(String[] args) throws InterruptedException {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        run(System.out, records, Runtime.getRuntime().availableProcessors());
    }

    /** Returns the CRC32 of every output in order, which is the same for any worker count. */
    static long run(PrintStream out, int records, int workers) throws InterruptedException {
        CRC32 crc = new CRC32();
        long start = System.nanoTime();
        OrderedPipeline<Record> pipeline = OrderedPipeline.builder(Record::new, (seq, rec, scratch) -> {
                    rec.output.clear();
                    byte[] in = rec.input.array();
                    for (int i = 0; i < rec.input.length(); i++) {
                        byte b = in[i];
                        rec.output.append(b >= 'a' && b <= 'z' ? b - 32 : b);
                    }
                })
                .workers(workers)
                .capacity(4096)
                .consumer((seq, rec, failure) -> crc.update(rec.output.array(), 0, rec.output.length()))
                .build();
        byte[] template = "record number 0000000000 with some lower-case text".getBytes(StandardCharsets.US_ASCII);
        try (pipeline) {
            for (int i = 0; i < records; i++) {
                long seq = pipeline.claim();
                ByteVector input = pipeline.slot(seq).input;
                input.clear();
                input.append(template);
                writeDigits(input.array(), 14, i);
                pipeline.publish(seq);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        PipelineStats stats = pipeline.stats();
        out.printf("%d records with %d workers in %.2f s (%.0f records/s), peak in flight %d, crc %08x%n",
                stats.delivered(), workers, seconds, stats.delivered() / seconds, stats.peakInFlight(),
                crc.getValue());
        return crc.getValue();
    }

    private static void writeDigits(byte[] dst, int offset, int value) {
        for (int i = 9; i >= 0; i--) {
            dst[offset + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
