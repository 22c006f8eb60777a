package dev.ringline.memory;

import dev.ringline.buffer.ByteVector;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** WorkerPool as the original module documents it, and the faults issue 10 found in it. */
class WorkerPoolFaultsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static boolean noPoolThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith(prefix));
    }

    /** Runs {@code body} on another thread so that a deadlock fails the test instead of hanging the build. */
    private static <T> T within(Duration bound, java.util.concurrent.Callable<T> body) throws Exception {
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<T> f = runner.submit(body);
            return f.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            runner.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ 6. the original's documented examples

    @Test
    void theOriginalsFirstExampleSubmitsTenThenReceivesTen() throws Exception {
        List<Integer> results = within(WAIT, () -> {
            try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(4, 16, 8, (n, scratch) -> n * n)) {
                for (int i = 0; i < 10; i++) {
                    pool.submit(i);
                }
                List<Integer> got = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    got.add(pool.recvOrdered().orElseThrow());
                }
                pool.shutdown();
                return got;
            }
        });
        assertEquals(IntStream.range(0, 10).map(i -> i * i).boxed().collect(Collectors.toList()), results);
    }

    @Test
    void theOriginalsSecondExampleSubmitsEveryChunkThenReceivesThemAll() throws Exception {
        List<byte[]> chunks = IntStream.range(0, 100).mapToObj(i -> ("chunk " + i).getBytes(StandardCharsets.UTF_8))
                .collect(Collectors.toList());
        List<String> results = within(WAIT, () -> {
            try (WorkerPool<byte[], String> pool = new WorkerPool<>(4, 100, 50,
                    (input, scratch) -> new String(input, StandardCharsets.UTF_8))) {
                int numChunks = chunks.size();
                for (byte[] chunk : chunks) {
                    pool.submit(chunk);
                }
                List<String> got = new ArrayList<>();
                for (int i = 0; i < numChunks; i++) {
                    got.add(pool.recvOrdered().orElseThrow());
                }
                pool.shutdown();
                return got;
            }
        });
        assertEquals(IntStream.range(0, 100).mapToObj(i -> "chunk " + i).collect(Collectors.toList()), results);
    }

    @Test
    void maxWindowSizeBoundsTheResultsHeldOutOfOrder() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger highestStarted = new AtomicInteger(-1);
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(4, 16, 8, (n, scratch) -> {
            started.incrementAndGet();
            highestStarted.accumulateAndGet(n, Math::max);
            if (n == 0) {
                try {
                    first.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return n;
        })) {
            for (int i = 0; i < 16; i++) {
                assertTrue(pool.trySubmit(i), "all 16 fit in channelCapacity without a receive");
            }
            // Input 0 is held: only inputs 0..7 (the window of 8 from the first not received) may start. With 4
            // workers and stripes of 2, input 1 waits behind 0 on worker 0, so 7 of them start.
            await().atMost(WAIT).until(() -> started.get() >= 7);
            await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> highestStarted.get() <= 7);
            first.countDown();
            for (int i = 0; i < 16; i++) {
                assertEquals(Optional.of(i), pool.recvOrdered());
            }
            assertEquals(16, started.get());
        }
    }

    @Test
    void aWindowSmallerThanAWorkersFirstStripeDoesNotDeadlock() throws Exception {
        // 4 workers, stripes of 2: worker 1's first input (2) is beyond a window of 2, so it waits at once. It must
        // first report the sequences it skipped, or the ordered stage never releases input 0 and nothing moves.
        List<Integer> results = within(WAIT, () -> {
            try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(4, 16, 2, (n, scratch) -> n + 100)) {
                for (int i = 0; i < 12; i++) {
                    pool.submit(i);
                }
                List<Integer> got = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    got.add(pool.recvOrdered().orElseThrow());
                }
                return got;
            }
        });
        assertEquals(IntStream.range(100, 112).boxed().collect(Collectors.toList()), results);
    }

    @Test
    void channelCapacityBoundsInputsInFlight() throws Exception {
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(2, 5, 2, (n, scratch) -> n)) {
            for (int i = 0; i < 5; i++) {
                assertTrue(pool.trySubmit(i));
            }
            assertTrue(!pool.trySubmit(5), "the sixth input does not fit before a receive");
            assertEquals(Optional.of(0), pool.recvOrdered());
            assertTrue(pool.trySubmit(5));
            assertEquals(5, pool.stats().channelCapacity());
        }
    }

    // ------------------------------------------------------------------ 1. no spin after shutdown()

    @Test
    void receivingAfterShutdownParksWhileTheLastInputIsProcessed() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(1, 4, 4, (n, scratch) -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return n;
        })) {
            pool.submit(7);
            pool.shutdown();
            List<Integer> got = new ArrayList<>();
            Thread receiver = new Thread(() -> {
                try {
                    pool.recvOrdered().ifPresent(got::add);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "pool-receiver");
            receiver.start();
            await().atMost(WAIT).until(() -> receiver.getState() == Thread.State.WAITING
                    || receiver.getState() == Thread.State.TIMED_WAITING);
            long before = mx.getThreadCpuTime(receiver.getId());
            // The measurement window itself; the state was established above.
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
            long cpuMs = (mx.getThreadCpuTime(receiver.getId()) - before) / 1_000_000;
            gate.countDown();
            receiver.join(WAIT.toMillis());
            assertEquals(List.of(7), got);
            assertTrue(cpuMs < 150, "the receiver burned " + cpuMs + " ms of CPU in 1000 ms");
        }
    }

    // ------------------------------------------------------------------ 5. map() after an interrupted take

    @Test
    void anInterruptedNextDoesNotEndTheMapIterationEarly() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(2, 8, 8, (n, scratch) -> {
            if (n == 3) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return n;
        })) {
            Iterator<Integer> results = pool.map(IntStream.range(0, 6).boxed().iterator());
            List<Integer> got = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                got.add(results.next());
            }
            Thread.currentThread().interrupt(); // input 3 is not ready: the take is interrupted
            assertThrows(IllegalStateException.class, results::next);
            assertTrue(Thread.interrupted(), "the interrupt status is kept (and cleared here)");
            gate.countDown();
            results.forEachRemaining(got::add);
            assertEquals(List.of(0, 1, 2, 3, 4, 5), got);
        }
    }

    // ------------------------------------------------------------------ hosts own the threads; bounds

    @Test
    void aHostThreadFactoryCreatesEveryPoolThread() throws Exception {
        AtomicInteger made = new AtomicInteger();
        ThreadFactory host = task -> {
            Thread t = new Thread(task, "host-pool-" + made.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(3, 8, 8, (n, scratch) -> {
            assertTrue(Thread.currentThread().isDaemon());
            return n + 1;
        }, host)) {
            pool.submit(1);
            assertEquals(Optional.of(2), pool.recvOrdered());
            assertEquals(3, made.get(), "three workers, pulled mode: no ordered thread");
        }
        await().atMost(WAIT).until(() -> noPoolThreads("host-pool-"));
    }

    @Test
    void constructorArgumentsOutOfRangeAreRefusedNotAllocated() {
        assertThrows(IllegalArgumentException.class, () -> new WorkerPool<Integer, Integer>(0, 8, 8, (n, s) -> n));
        assertThrows(IllegalArgumentException.class, () -> new WorkerPool<Integer, Integer>(257, 8, 8, (n, s) -> n));
        assertThrows(IllegalArgumentException.class,
                () -> new WorkerPool<Integer, Integer>(1, Integer.MAX_VALUE, 8, (n, s) -> n));
        assertThrows(IllegalArgumentException.class,
                () -> new WorkerPool<Integer, Integer>(1, 8, Integer.MAX_VALUE, (n, s) -> n));
        assertThrows(IllegalArgumentException.class, () -> new SequenceRing<Integer>(1, Integer.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> new SequenceRing<Integer>(0, 8));
        assertThrows(IllegalArgumentException.class, () -> new ByteVector(Integer.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> new ByteVector(-1));
        assertThrows(IllegalArgumentException.class, () -> new StreamingProcessor(0));
    }
}
