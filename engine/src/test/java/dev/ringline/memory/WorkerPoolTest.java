package dev.ringline.memory;

import dev.ringline.pipeline.RecordProcessingException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerPoolTest {

    private static boolean noPoolThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("ringline-"));
    }

    @Test
    void fourWorkersReturnResultsInSubmissionOrder() throws Exception {
        WorkerPool<Integer, String> pool = new WorkerPool<>(4, 100, 50, (n, scratch) -> {
            scratch.stringBuffer.append("item-").append(n);
            return scratch.stringBuffer.toString();
        });
        Thread producer = new Thread(() -> {
            try {
                for (int i = 0; i < 1000; i++) {
                    pool.submit(i);
                }
                pool.shutdown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        producer.start();
        List<String> results = new ArrayList<>();
        Optional<String> r;
        while ((r = pool.recvOrdered()).isPresent()) {
            results.add(r.get());
        }
        producer.join();
        assertEquals(IntStream.range(0, 1000).mapToObj(i -> "item-" + i).collect(Collectors.toList()), results);
        assertEquals(Optional.empty(), pool.recvOrdered(), "empty again, never blocks after the end");
        WorkerPoolStats stats = pool.stats();
        assertEquals(1000, stats.completed());
        assertEquals(100, stats.channelCapacity());
        assertEquals(50, stats.maxWindowSize());
        await().atMost(Duration.ofSeconds(20)).until(WorkerPoolTest::noPoolThreads);
    }

    @Test
    void aFailingInputSurfacesAtItsPositionAndTheNextResultFollows() throws Exception {
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(2, 8, 8, (n, scratch) -> {
            if (n == 2) {
                throw new IllegalArgumentException("two is bad");
            }
            return n * 10;
        })) {
            for (int i = 0; i < 4; i++) {
                pool.submit(i);
            }
            pool.shutdown();
            assertEquals(Optional.of(0), pool.recvOrdered());
            assertEquals(Optional.of(10), pool.recvOrdered());
            RecordProcessingException e = assertThrows(RecordProcessingException.class, pool::recvOrdered);
            assertEquals(2, e.sequenceId());
            assertEquals("two is bad", e.getCause().getMessage());
            assertEquals(Optional.of(30), pool.recvOrdered());
            assertEquals(Optional.empty(), pool.recvOrdered());
            assertEquals(1, pool.stats().failed());
        }
    }

    @Test
    void submitAfterShutdownIsRefused() {
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(1, 4, 4, (n, s) -> n)) {
            pool.shutdown();
            assertThrows(IllegalStateException.class, () -> pool.submit(1));
        }
    }

    @Test
    void tryRecvNeverBlocks() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(1, 4, 4, (n, s) -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return n;
        })) {
            pool.submit(5);
            assertEquals(Optional.empty(), pool.tryRecvOrdered());
            gate.countDown();
            await().atMost(Duration.ofSeconds(20)).until(() -> pool.stats().inFlight() == 1
                    && pool.tryRecvOrdered().isPresent());
        }
    }

    @Test
    void aStalledReceiverBoundsInputsInFlight() throws Exception {
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(2, 6, 100, (n, s) -> n)) {
            int submitted = 0;
            while (pool.trySubmit(submitted)) {
                submitted++;
            }
            assertEquals(6, submitted, "the channel capacity is the bound");
            assertEquals(6, pool.stats().inFlight());
            assertEquals(Optional.of(0), pool.recvOrdered());
            assertTrue(pool.trySubmit(99), "receiving frees the window");
            assertFalse(pool.trySubmit(100));
        }
    }

    @Property(tries = 25)
    void mapInterleavesSoOneThreadCanMapMoreThanTheWindow(@ForAll @IntRange(min = 1, max = 8) int workers,
                                                          @ForAll @IntRange(min = 1, max = 16) int window,
                                                          @ForAll @IntRange(min = 0, max = 500) int count) {
        try (WorkerPool<Integer, Integer> pool = new WorkerPool<>(workers, window, window, (n, s) -> n + 1)) {
            Iterator<Integer> out = pool.map(IntStream.range(0, count).iterator());
            List<Integer> results = new ArrayList<>();
            out.forEachRemaining(results::add);
            assertEquals(IntStream.range(1, count + 1).boxed().collect(Collectors.toList()), results);
        }
        assertTrue(noPoolThreads() || awaitNoPoolThreads());
    }

    private static boolean awaitNoPoolThreads() {
        await().atMost(Duration.ofSeconds(20)).until(WorkerPoolTest::noPoolThreads);
        return true;
    }
}
