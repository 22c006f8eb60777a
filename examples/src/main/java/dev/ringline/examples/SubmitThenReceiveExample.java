package dev.ringline.examples;

import dev.ringline.memory.WorkerPool;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The original module's first worker-pool example, unchanged: a pool of 4 workers with a channel capacity of 16 and
 * a reordering window of 8; one thread submits 10 inputs, then receives 10 results in order, then shuts down. Ten
 * inputs fit in the channel capacity, so submitting them all before the first receive does not block.
 */
public final class SubmitThenReceiveExample {
    private SubmitThenReceiveExample() {
    }

    /**
     * Runs the example on standard output.
     *
     * @param args ignored
     * @throws InterruptedException if interrupted while submitting or receiving
     */
    public static void main(String[] args) throws InterruptedException {
        run(System.out);
    }

    static List<Integer> run(PrintStream out) throws InterruptedException {
        List<Integer> results = new ArrayList<>();
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(4, 16, 8, (n, scratch) -> n * n)) {
            for (int i = 0; i < 10; i++) {
                pool.submit(i);
            }
            for (int i = 0; i < 10; i++) {
                int result = pool.recvOrdered().orElseThrow();
                out.println(result);
                results.add(result);
            }
            pool.shutdown();
        }
        return results;
    }
}
