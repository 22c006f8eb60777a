package dev.ringline.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Randomized rounds: several producers claiming batches, workers with random delays and failures, a callback or a
 * pulling consumer, and in some rounds an abort at a random moment. Every round checks exact order and exact counts,
 * bounds every wait, and leaves no pipeline thread behind. Runs about {@code ringline.stress.seconds} (default 2;
 * {@code -Pstress} sets minutes). The seed of a failing round is in the assertion message.
 */
class PipelineStressTest {
    private static final long SECONDS = Long.getLong("ringline.stress.seconds", 2);
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final long PRODUCER_SHIFT = 32;
    private static final Duration ROUND_BOUND = Duration.ofSeconds(50);

    /** Runs one round on its own thread: a hang fails the test after {@code ROUND_BOUND} instead of stalling the build. */
    private static void bounded(String what, java.util.concurrent.Callable<Void> round) throws Exception {
        java.util.concurrent.ExecutorService runner = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            runner.submit(round).get(ROUND_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(what + ": the round did not finish within " + ROUND_BOUND, e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();
            }
            throw e;
        } finally {
            runner.shutdownNow();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES) // -Pstress runs for minutes; the default build for ~2 s
    void randomProducersWorkersFailuresAndAborts() throws Exception {
        long seed = Long.getLong("ringline.stress.seed", System.nanoTime());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        int round = 0;
        do {
            long roundSeed = seed + round;
            int n = round;
            bounded("seed " + roundSeed, () -> {
                runRound(roundSeed, n);
                return null;
            });
            round++;
        } while (System.nanoTime() < end);
        assertTrue(round > 0);
    }

    /** Whether the processor fails this input: about one in 29, decided by the input alone so the check knows. */
    private static boolean failsOn(long input) {
        return Long.hashCode(input * 0x9E3779B97F4A7C15L) % 29 == 0;
    }

    private static long transform(long input) {
        return input * 31 + 7;
    }

    private static void randomWork(long input) {
        int kind = (int) ((input * 0xBF58476D1CE4E5B9L) >>> 60); // 0..15
        if (kind == 0) {
            LockSupport.parkNanos(20_000 + (input & 0x3FFF)); // a record that takes a while
        } else if (kind < 4) {
            for (int i = 0; i < (int) (input & 0xFF); i++) {
                Thread.onSpinWait();
            }
        }
    }

    private void runRound(long seed, int round) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        String prefix = "stress-" + round;
        int producers = 1 + random.nextInt(4);
        int workers = 1 + random.nextInt(4);
        int capacity = 1 + random.nextInt(64);
        int maxBatch = 1 + random.nextInt(Math.min(4, capacity));
        boolean pulled = random.nextBoolean();
        boolean abort = random.nextInt(5) == 0;
        long abortAfterNanos = random.nextInt(3_000_000);
        int[] perProducer = new int[producers];
        for (int p = 0; p < producers; p++) {
            perProducer[p] = random.nextInt(1500);
        }
        String where = "seed " + seed + " (round " + round + "): producers=" + producers + " workers=" + workers
                + " capacity=" + capacity + " batch<=" + maxBatch + " pulled=" + pulled + " abort=" + abort;

        Checker checker = new Checker(producers, where);
        OrderedPipeline.Builder<TestSlot> builder = OrderedPipeline.<TestSlot>builder(TestSlot::new, (seq, slot, scratch) -> {
                    randomWork(slot.input);
                    if (failsOn(slot.input)) {
                        throw new IllegalStateException("planned failure of " + slot.input);
                    }
                    slot.output = transform(slot.input);
                }).workers(workers).capacity(capacity).threadNamePrefix(prefix).stallTimeout(BOUND);
        if (producers > 1) {
            builder.multiProducer();
        }
        if (!pulled) {
            builder.consumer(checker::accept);
        }
        OrderedPipeline<TestSlot> pipeline = builder.build();

        AtomicInteger running = new AtomicInteger(producers);
        AtomicReference<Throwable> unexpected = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            long batchSeed = random.nextLong();
            Thread t = new Thread(() -> {
                SplittableRandom batches = new SplittableRandom(batchSeed);
                try {
                    int i = 0;
                    while (i < perProducer[producer]) {
                        int n = Math.min(1 + batches.nextInt(maxBatch), perProducer[producer] - i);
                        long hi = pipeline.claim(n);
                        try {
                            for (long s = hi - n + 1; s <= hi; s++) {
                                pipeline.slot(s).input = ((long) producer << PRODUCER_SHIFT) | i++;
                            }
                        } finally {
                            pipeline.publish(hi - n + 1, hi);
                        }
                    }
                } catch (IllegalStateException e) {
                    if (!abort) {
                        unexpected.compareAndSet(null, e);
                    }
                } catch (Throwable e) {
                    unexpected.compareAndSet(null, e);
                } finally {
                    if (running.decrementAndGet() == 0) {
                        pipeline.finish();
                    }
                }
            }, prefix + "-producer-" + p);
            threads.add(t);
            t.start();
        }
        Thread aborter = null;
        AtomicReference<Boolean> aborted = new AtomicReference<>();
        if (abort) {
            aborter = new Thread(() -> {
                LockSupport.parkNanos(abortAfterNanos); // a random moment: the point of the round
                aborted.set(pipeline.abort(BOUND));
            }, prefix + "-aborter");
            aborter.start();
        }
        if (pulled) {
            try {
                while (pipeline.take(checker::accept)) {
                    // each record is checked in accept
                }
            } catch (IllegalStateException e) {
                if (!abort) {
                    throw new AssertionError(where, e);
                }
            }
        }
        for (Thread t : threads) {
            t.join(BOUND.toMillis());
            assertFalse(t.isAlive(), where + ": producer still blocked");
        }
        if (aborter != null) {
            aborter.join(BOUND.toMillis());
            assertFalse(aborter.isAlive(), where + ": abort did not return");
            assertEquals(Boolean.TRUE, aborted.get(), where + ": abort reported threads alive");
            pipeline.close();
        } else {
            pipeline.close();
        }
        assertNull(unexpected.get(), where + ": " + unexpected.get());
        checker.assertValid(pipeline.stats(), abort ? null : perProducer);
        await().atMost(BOUND).until(() -> PipelineThreads.alive(prefix).isEmpty());
    }

    /** Confined to the consumer thread while the round runs; read after close() (which joins that thread). */
    private static final class Checker {
        private final long[] nextIndex;
        private final String where;
        private long nextSequence;
        private long failures;
        private String error;

        Checker(int producers, String where) {
            this.nextIndex = new long[producers];
            this.where = where;
        }

        void accept(long seq, TestSlot slot, Throwable failure) {
            if (error != null) {
                return;
            }
            int producer = (int) (slot.input >>> PRODUCER_SHIFT);
            long index = slot.input & 0xFFFF_FFFFL;
            if (seq != nextSequence) {
                error = "sequence " + seq + " delivered, expected " + nextSequence;
            } else if (index != nextIndex[producer]) {
                error = "producer " + producer + " record " + index + " delivered, expected " + nextIndex[producer];
            } else if (failsOn(slot.input) != (failure != null)) {
                error = "record " + slot.input + " failure " + failure;
            } else if (failure == null && slot.output != transform(slot.input)) {
                error = "record " + slot.input + " output " + slot.output;
            }
            if (failure != null) {
                failures++;
            }
            nextIndex[producer]++;
            nextSequence++;
        }

        void assertValid(PipelineStats stats, int[] expectedPerProducer) {
            assertNull(error, where + ": " + error);
            assertEquals(nextSequence, stats.delivered(), where);
            assertEquals(failures, stats.failed(), where);
            if (expectedPerProducer != null) {
                long total = 0;
                for (int p = 0; p < nextIndex.length; p++) {
                    assertEquals(expectedPerProducer[p], nextIndex[p], where + ": producer " + p + " count");
                    total += expectedPerProducer[p];
                }
                assertEquals(total, stats.published(), where);
                assertEquals(total, stats.delivered(), where);
                assertNotNull(stats);
            }
        }
    }
}
