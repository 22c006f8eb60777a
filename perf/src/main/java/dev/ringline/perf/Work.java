package dev.ringline.perf;

import org.openjdk.jmh.infra.Blackhole;

/**
 * The synthetic per-record work shared by every benchmark: a deterministic busy loop of a fixed number of
 * {@link Blackhole#consumeCPU} tokens followed by a cheap function of the input, so that a consumer can check
 * both that each record was processed and that records arrive in order.
 *
 * <p>The token counts were chosen on the 2-core development machine, where one token cost about 2 ns; the
 * {@code bare} benchmark measures what they really cost on the machine at hand (see docs/PERFORMANCE.md).
 */
public final class Work {
    /** Records per benchmark invocation; every {@code @OperationsPerInvocation} uses it, so scores are per record. */
    public static final int RECORDS = 100_000;
    /** Records in flight at most, identical for the pipeline, the executor window and Reactor's concurrency. */
    public static final int IN_FLIGHT = 1024;
    /** Slots claimed and published at once by the pipeline producer. */
    public static final int CLAIM_BATCH = 64;

    private Work() {
    }

    /**
     * Tokens for a nominal work size in nanoseconds: 0 → 0, 100 → 48, 1000 → 420, 50000 → 21000. Only these
     * sizes are accepted, so that a typo in a {@code @Param} fails instead of measuring something else.
     */
    public static long tokensFor(int workNanos) {
        switch (workNanos) {
            case 0:
                return 0;
            case 100:
                return 48;
            case 1000:
                return 420;
            case 50_000:
                return 21_000;
            default:
                throw new IllegalArgumentException("no calibrated token count for " + workNanos + " ns");
        }
    }

    /** Burns {@code tokens} of CPU, then returns {@link #expected(long)} of {@code input}. */
    public static long apply(long input, long tokens) {
        if (tokens > 0) {
            Blackhole.consumeCPU(tokens);
        }
        return expected(input);
    }

    /** The output a record with this input must have; a mix the JIT cannot fold across records. */
    public static long expected(long input) {
        long x = input * 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 31);
    }

    /** The sum of outputs for inputs {@code from .. from + count - 1}, computed plainly, for checks. */
    public static long expectedSum(long from, long count) {
        long sum = 0;
        for (long i = from; i < from + count; i++) {
            sum += expected(i);
        }
        return sum;
    }

    /** Fails loudly: a benchmark that delivers wrong or reordered results must not report a score. */
    public static IllegalStateException outOfOrder(String variant, long index, long actual) {
        return new IllegalStateException(variant + ": record " + index + " delivered " + actual + ", expected "
                + expected(index) + " (wrong order or unprocessed record)");
    }
}
