package dev.ringline.memory;

import dev.ringline.buffer.ScratchBuffers;
import dev.ringline.pipeline.RecordProcessingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Randomized rounds over {@link WorkerPool}: several submitting threads and one receiver, or {@code map} on one
 * thread, with random capacities, windows, delays and failures. Exact order, exact counts, bounded waits, no
 * {@code ringline-*} thread left. Runs about {@code ringline.stress.seconds} (default 2).
 */
class WorkerPoolStressTest {
    private static final long SECONDS = Long.getLong("ringline.stress.seconds", 2);
    private static final Duration BOUND = Duration.ofSeconds(30);
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

    private static boolean failsOn(long input) {
        return Long.hashCode(input * 0x9E3779B97F4A7C15L) % 23 == 0;
    }

    private static Long work(Long input, ScratchBuffers scratch) {
        if ((input * 0xBF58476D1CE4E5B9L) >>> 61 == 0) {
            LockSupport.parkNanos(10_000 + (input & 0x3FFF));
        }
        if (failsOn(input)) {
            throw new IllegalArgumentException("planned failure of " + input);
        }
        return input * 3 + 1;
    }

    private static boolean noPoolThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("ringline-"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES) // -Pstress runs for minutes; the default build for ~2 s
    void randomSubmittersWindowsDelaysAndFailures() throws Exception {
        long seed = Long.getLong("ringline.stress.seed", System.nanoTime());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        int round = 0;
        do {
            long roundSeed = seed + round;
            bounded("seed " + roundSeed, () -> {
                SplittableRandom random = new SplittableRandom(roundSeed);
                if (random.nextBoolean()) {
                    submittersAndReceiver(random, "seed " + roundSeed);
                } else {
                    mapOnOneThread(random, "seed " + roundSeed);
                }
                return null;
            });
            round++;
        } while (System.nanoTime() < end);
        await().atMost(BOUND).until(WorkerPoolStressTest::noPoolThreads);
    }

    private void submittersAndReceiver(SplittableRandom random, String seed) throws Exception {
        int submitters = 1 + random.nextInt(4);
        int capacity = 1 + random.nextInt(64);
        int window = 1 + random.nextInt(64);
        int perSubmitter = random.nextInt(800);
        String where = seed + ": submitters=" + submitters + " capacity=" + capacity + " window=" + window;
        try (WorkerPool<Long, Long> pool = new WorkerPool<>(1 + random.nextInt(4), capacity, window,
                WorkerPoolStressTest::work)) {
            AtomicInteger running = new AtomicInteger(submitters);
            AtomicReference<Throwable> unexpected = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (int s = 0; s < submitters; s++) {
                long base = (long) s << 32;
                Thread t = new Thread(() -> {
                    try {
                        for (int i = 0; i < perSubmitter; i++) {
                            pool.submit(base | i);
                        }
                    } catch (Throwable e) {
                        unexpected.compareAndSet(null, e);
                    } finally {
                        if (running.decrementAndGet() == 0) {
                            pool.shutdown();
                        }
                    }
                }, "stress-submitter-" + s);
                threads.add(t);
                t.start();
            }
            long[] next = new long[submitters];
            long received = 0;
            while (true) {
                Optional<Long> r;
                long expectedSeq = received;
                try {
                    r = pool.recvOrdered();
                } catch (RecordProcessingException e) {
                    assertEquals(expectedSeq, e.sequenceId(), where);
                    long input = Long.parseLong(e.getCause().getMessage().replace("planned failure of ", ""));
                    assertTrue(failsOn(input), where);
                    int s = (int) (input >>> 32);
                    assertEquals(next[s]++, input & 0xFFFF_FFFFL, where + ": submitter " + s + " order");
                    received++;
                    continue;
                }
                if (r.isEmpty()) {
                    break;
                }
                long input = (r.get() - 1) / 3;
                assertFalse(failsOn(input), where);
                int s = (int) (input >>> 32);
                assertEquals(next[s]++, input & 0xFFFF_FFFFL, where + ": submitter " + s + " order");
                received++;
            }
            for (Thread t : threads) {
                t.join(BOUND.toMillis());
                assertFalse(t.isAlive(), where + ": submitter still blocked");
            }
            assertNull(unexpected.get(), where);
            assertEquals((long) submitters * perSubmitter, received, where);
            for (long n : next) {
                assertEquals(perSubmitter, n, where);
            }
        }
    }

    private void mapOnOneThread(SplittableRandom random, String seed) {
        int capacity = 1 + random.nextInt(64);
        int window = 1 + random.nextInt(64);
        int count = random.nextInt(3000);
        String where = seed + ": map capacity=" + capacity + " window=" + window + " count=" + count;
        try (WorkerPool<Long, Long> pool = new WorkerPool<>(1 + random.nextInt(4), capacity, window,
                WorkerPoolStressTest::work)) {
            Iterator<Long> results = pool.map(LongStream.range(0, count).boxed().iterator());
            long i = 0;
            while (results.hasNext()) {
                try {
                    assertEquals(i * 3 + 1, results.next(), where);
                    assertFalse(failsOn(i), where);
                } catch (RecordProcessingException e) {
                    assertTrue(failsOn(i), where + ": unexpected failure at " + i);
                    assertEquals(i, e.sequenceId(), where);
                }
                i++;
            }
            assertEquals(count, i, where);
        }
    }
}
