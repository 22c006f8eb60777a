package dev.ringline.examples;

import dev.ringline.memory.WorkerPool;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The original module's documented parallel-processing example, literally: 4 workers, channel capacity 100 (inputs
 * in flight), window 50 (results held out of order); collect the chunks so their count is known, submit every
 * chunk, then receive exactly that many results in order, then shut down. Up to 100 chunks may be submitted before
 * the first receive; for more, use {@link WorkerPool#map} (see {@link OrderedWorkerPoolExample}).
 */
public final class SubmitAllChunksExample {
    private SubmitAllChunksExample() {
    }

    /**
     * Runs the example on standard output with 100 chunks.
     *
     * @param args ignored
     * @throws InterruptedException if interrupted while submitting or receiving
     */
    public static void main(String[] args) throws InterruptedException {
        run(System.out, dataChunks(100));
    }

    static List<byte[]> dataChunks(int count) {
        List<byte[]> chunks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chunks.add(("chunk " + i).getBytes(StandardCharsets.UTF_8));
        }
        return chunks;
    }

    static List<String> run(PrintStream out, List<byte[]> chunks) throws InterruptedException {
        List<String> results = new ArrayList<>();
        try (WorkerPool<byte[], String> pool = new WorkerPool<>(4, 100, 50,
                (input, scratch) -> new String(input, StandardCharsets.UTF_8))) {
            int numChunks = chunks.size();
            for (byte[] chunk : chunks) {
                pool.submit(chunk);
            }
            for (int i = 0; i < numChunks; i++) {
                String result = pool.recvOrdered().orElseThrow();
                out.println(result);
                results.add(result);
            }
            pool.shutdown();
        }
        return results;
    }
}
