package dev.ringline.examples;

import dev.ringline.memory.WorkerPool;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Four workers turn byte chunks into strings; results come back in submission order. 200 chunks are more than
 * the window of 50, so one thread submitting everything before receiving would block forever: {@code map}
 * interleaves submitting and receiving for it.
 */
public final class OrderedWorkerPoolExample {
    private OrderedWorkerPoolExample() {
    }

    /** Runs the example and prints what it shows; takes no arguments. */
    public static void main(String[] args) {
        run(System.out, 200);
    }

    static List<String> run(PrintStream out, int chunkCount) {
        List<byte[]> chunks = new ArrayList<>();
        for (int i = 0; i < chunkCount; i++) {
            chunks.add(("chunk " + i).getBytes(StandardCharsets.UTF_8));
        }
        List<String> results = new ArrayList<>(chunkCount);
        try (WorkerPool<byte[], String> pool = new WorkerPool<>(4, 100, 50,
                (input, scratch) -> new String(input, StandardCharsets.UTF_8))) {
            Iterator<String> ordered = pool.map(chunks.iterator());
            while (ordered.hasNext()) {
                String result = ordered.next();
                out.println(result);
                results.add(result);
            }
        }
        return results;
    }
}
