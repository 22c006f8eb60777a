package dev.ringline.pipeline;

/** A slot for tests: an input value, some simulated work, an output value. */
final class TestSlot {
    long input;
    int workIterations;
    long output;
    int bytes;

    /** Deterministic busy work standing in for decoding; the result depends on every iteration. */
    static long work(long input, int iterations) {
        long x = input;
        for (int i = 0; i < iterations; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        return x;
    }
}
