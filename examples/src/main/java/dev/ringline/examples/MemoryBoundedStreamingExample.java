package dev.ringline.examples;

import dev.ringline.memory.StreamingProcessor;
import dev.ringline.memory.StreamingProcessorStats;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Random;

/**
 * Memory-bounded streaming: records of varying size are buffered until the processor reports pressure
 * (more than 80% of the limit), then the buffer is flushed and its bytes released. Buffered bytes never exceed
 * the limit however many records stream through.
 */
public final class MemoryBoundedStreamingExample {
    private MemoryBoundedStreamingExample() {
    }

    /** Runs the example and prints what it shows; takes no arguments. */
    public static void main(String[] args) {
        run(System.out, 10_000, 1);
    }

    /** Streams {@code records} random-size records under a {@code limitMiB} limit; returns the peak buffered bytes. */
    static long run(PrintStream out, int records, long limitMiB) {
        StreamingProcessor processor = new StreamingProcessor(limitMiB);
        ArrayDeque<byte[]> buffered = new ArrayDeque<>();
        Random random = new Random(42);
        long peak = 0;
        int flushes = 0;
        for (int i = 0; i < records; i++) {
            if (processor.isMemoryPressure()) {
                long freed = 0;
                for (byte[] r : buffered) {
                    freed += r.length;
                }
                buffered.clear(); // a real program writes them out here
                processor.updateMemoryUsage(-freed);
                flushes++;
            }
            byte[] record = new byte[100 + random.nextInt(10_000)];
            buffered.add(record);
            processor.updateMemoryUsage(record.length);
            processor.recordProcessed(record.length);
            peak = Math.max(peak, processor.currentMemoryBytes());
        }
        StreamingProcessorStats stats = processor.stats();
        out.printf("processed %d records, %d bytes, %d flushes, peak buffered %d of %d bytes%n",
                stats.recordsProcessed(), stats.bytesProcessed(), flushes, peak, stats.maxMemoryBytes());
        return peak;
    }
}
