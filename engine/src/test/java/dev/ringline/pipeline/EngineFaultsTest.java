package dev.ringline.pipeline;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The defects of issue 10, each pinned by a test that failed on the engine before the fix. */
class EngineFaultsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** A spinning thread burns most of this window; a parked one a few milliseconds. */
    private static final Duration CPU_WINDOW = Duration.ofMillis(1000);
    private static final long PARKED_CPU_MS = 150;

    private static OrderedPipeline.Builder<TestSlot> blockingOn(CountDownLatch gate) {
        return OrderedPipeline.builder(TestSlot::new, (seq, slot, scratch) -> {
            if (slot.input == 0) {
                gate.await();
            }
            slot.output = slot.input * 2;
        });
    }

    private static void publish(OrderedPipeline<TestSlot> pipeline, long input) throws InterruptedException {
        long s = pipeline.claim();
        try {
            pipeline.slot(s).input = input;
        } finally {
            pipeline.publish(s);
        }
    }

    private static boolean parkedOrWaiting(Thread t) {
        Thread.State s = t.getState();
        return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING;
    }

    // ------------------------------------------------------------------ 1. no spin while draining

    @Test
    void theOrderedStageParksWhileDrainingASlowRecord() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<Long> out = Collections.synchronizedList(new ArrayList<>());
        OrderedPipeline<TestSlot> pipeline = blockingOn(gate).workers(1).capacity(4).threadNamePrefix("drain-cb")
                .consumer((seq, slot, failure) -> out.add(slot.output)).build();
        publish(pipeline, 0);
        pipeline.finish(); // input closed, one record still in the worker
        Thread ordered = ThreadCpu.named("drain-cb-ordered");
        await().atMost(WAIT).until(() -> parkedOrWaiting(ordered));
        long cpu = ThreadCpu.cpuMillisDuring(ordered, CPU_WINDOW);
        gate.countDown();
        pipeline.close();
        assertEquals(List.of(0L), out);
        assertTrue(cpu < PARKED_CPU_MS, "ordered stage burned " + cpu + " ms of CPU in " + CPU_WINDOW.toMillis() + " ms");
    }

    @Test
    void aPullingCallerParksWhileDrainingASlowRecord() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        OrderedPipeline<TestSlot> pipeline = blockingOn(gate).workers(1).capacity(4).threadNamePrefix("drain-pull")
                .build();
        publish(pipeline, 0);
        pipeline.finish();
        AtomicReference<Long> taken = new AtomicReference<>();
        Thread puller = new Thread(() -> {
            try {
                pipeline.take((seq, slot, failure) -> taken.set(slot.output));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "drain-puller");
        puller.start();
        await().atMost(WAIT).until(() -> parkedOrWaiting(puller));
        long cpu = ThreadCpu.cpuMillisDuring(puller, CPU_WINDOW);
        gate.countDown();
        puller.join(WAIT.toMillis());
        pipeline.close();
        assertEquals(0L, taken.get());
        assertTrue(cpu < PARKED_CPU_MS, "pulling caller burned " + cpu + " ms of CPU in " + CPU_WINDOW.toMillis() + " ms");
    }

    @Test
    void anIdlePipelineBurnsNoCpu() throws Exception {
        OrderedPipeline<TestSlot> pipeline = OrderedPipeline.<TestSlot>builder(TestSlot::new, (seq, slot, scratch) -> { })
                .workers(2).capacity(16).threadNamePrefix("idle").consumer((seq, slot, failure) -> { }).build();
        publish(pipeline, 1);
        Thread ordered = ThreadCpu.named("idle-ordered");
        await().atMost(WAIT).until(() -> pipeline.stats().delivered() == 1 && parkedOrWaiting(ordered));
        long cpu = ThreadCpu.cpuMillisDuring(ordered, CPU_WINDOW);
        pipeline.close();
        assertTrue(cpu < PARKED_CPU_MS / 3, "idle ordered stage burned " + cpu + " ms in " + CPU_WINDOW.toMillis() + " ms");
    }

    // ------------------------------------------------------------------ 2. a slot claimed and never published

    @Test
    void closeNamesASlotClaimedAndNeverPublishedInsteadOfHanging() throws Exception {
        OrderedPipeline<TestSlot> pipeline = doubling().workers(2).capacity(8).threadNamePrefix("unpublished")
                .stallTimeout(Duration.ofMillis(300)).consumer((seq, slot, failure) -> { }).build();
        publish(pipeline, 0);
        long lost = pipeline.claim(); // the producer "dies" between claim and publish
        assertEquals(1, lost);
        PipelineStalledException e = closeOnAnotherThread(pipeline);
        assertEquals(PipelineStalledException.Stage.UNPUBLISHED_SLOT, e.stage());
        assertEquals(1, e.sequence());
        assertTrue(e.getMessage().contains("slot 1 claimed and never published"), e.getMessage());
        await().atMost(WAIT).until(() -> PipelineThreads.alive("unpublished").isEmpty());
    }

    private static OrderedPipeline.Builder<TestSlot> doubling() {
        return OrderedPipeline.builder(TestSlot::new, (seq, slot, scratch) -> slot.output = slot.input * 2);
    }

    /** close() on a helper thread, so a hang fails the test instead of the build. */
    private static PipelineStalledException closeOnAnotherThread(OrderedPipeline<TestSlot> pipeline) throws Exception {
        ExecutorService closer = Executors.newSingleThreadExecutor();
        try {
            Future<Throwable> closed = closer.submit(() -> {
                try {
                    pipeline.close();
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            Throwable t = closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return assertInstanceOf(PipelineStalledException.class, t);
        } finally {
            closer.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ 3. a blocked consumer or worker

    @Test
    void closeAbortsABlockedConsumerReleasesTheBlockedProducerAndNamesTheConsumer() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        OrderedPipeline<TestSlot> pipeline = doubling().workers(2).capacity(2).threadNamePrefix("stuck-consumer")
                .stallTimeout(Duration.ofMillis(300)).multiProducer()
                .consumer((seq, slot, failure) -> never.await()).build();
        publish(pipeline, 0);
        publish(pipeline, 1);
        AtomicReference<Throwable> producerGot = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                publish(pipeline, 2); // full: blocks until close() gives up
            } catch (Throwable t) {
                producerGot.set(t);
            }
        }, "stuck-consumer-producer");
        producer.start();
        await().atMost(WAIT).until(() -> parkedOrWaiting(producer));
        PipelineStalledException e = closeOnAnotherThread(pipeline);
        assertEquals(PipelineStalledException.Stage.CONSUMER, e.stage());
        assertEquals(0, e.sequence());
        producer.join(WAIT.toMillis());
        assertInstanceOf(IllegalStateException.class, producerGot.get(), "the blocked producer was released");
        assertTrue(PipelineThreads.alive("stuck-consumer").isEmpty(), "the stuck consumer was interrupted");
    }

    @Test
    void closeNamesTheWorkerAndSequenceThatStoppedMoving() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicReference<String> holder = new AtomicReference<>();
        OrderedPipeline<TestSlot> pipeline = OrderedPipeline.<TestSlot>builder(TestSlot::new, (seq, slot, scratch) -> {
                    if (seq == 5) {
                        holder.set(Thread.currentThread().getName());
                        never.await();
                    }
                }).workers(2).capacity(16).stripe(1).threadNamePrefix("stuck-worker")
                .stallTimeout(Duration.ofMillis(300)).consumer((seq, slot, failure) -> { }).build();
        for (int i = 0; i < 8; i++) {
            publish(pipeline, i);
        }
        PipelineStalledException e = closeOnAnotherThread(pipeline);
        assertEquals(PipelineStalledException.Stage.WORKER, e.stage());
        // Workers take blocks in turn, so which one holds sequence 5 is decided at run time: the report must name it.
        assertEquals("stuck-worker-worker-" + e.worker(), holder.get());
        assertEquals(5, e.sequence());
        assertTrue(e.getMessage().contains("worker " + e.worker() + " on sequence 5"), e.getMessage());
        await().atMost(WAIT).until(() -> PipelineThreads.alive("stuck-worker").isEmpty());
    }

    @Test
    void closeKeepsDrainingWhileRecordsMoveEvenPastTheStallTimeout() throws Exception {
        List<Long> out = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch steps = new CountDownLatch(1);
        OrderedPipeline<TestSlot> pipeline = doubling().workers(1).capacity(64).threadNamePrefix("slow-drain")
                .stallTimeout(Duration.ofMillis(1000))
                .consumer((seq, slot, failure) -> {
                    // Each record takes a tenth of the stall timeout (room for a loaded machine): slow, but moving.
                    steps.await(100, TimeUnit.MILLISECONDS);
                    out.add(slot.output);
                }).build();
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            publish(pipeline, i);
            expected.add(2L * i);
        }
        pipeline.close(); // 15 x 100 ms > 1 s stall timeout, yet no stall
        assertEquals(expected, out);
    }

    @Test
    void closeWithATotalBoundGivesUpEvenWhileRecordsMove() throws Exception {
        OrderedPipeline<TestSlot> pipeline = doubling().workers(1).capacity(64).threadNamePrefix("bounded-close")
                .consumer((seq, slot, failure) -> new CountDownLatch(1).await(50, TimeUnit.MILLISECONDS)).build();
        for (int i = 0; i < 60; i++) {
            publish(pipeline, i);
        }
        PipelineStalledException e = assertThrows(PipelineStalledException.class,
                () -> pipeline.close(Duration.ofMillis(300)));
        assertTrue(e.getMessage().contains("did not drain within"), e.getMessage());
        await().atMost(WAIT).until(() -> PipelineThreads.alive("bounded-close").isEmpty());
    }

    // ------------------------------------------------------------------ 4. lost wake-ups with several waiters

    @Test
    void oneWaiterLeavingDoesNotEraseAnothersRegistration() throws Exception {
        WakeSignal signal = new WakeSignal();
        CountDownLatch registered = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean go = new java.util.concurrent.atomic.AtomicBoolean();
        Thread waiter = new Thread(() -> {
            signal.register();
            registered.countDown();
            while (!go.get()) {
                java.util.concurrent.locks.LockSupport.park(); // untimed: only a wake-up ends it
            }
            signal.unregister();
        }, "wake-waiter");
        waiter.start();
        registered.await();
        await().atMost(WAIT).until(() -> waiter.getState() == Thread.State.WAITING);
        signal.register(); // a second waiter (this thread) comes and goes
        signal.unregister();
        go.set(true);
        signal.wake();
        waiter.join(5_000);
        boolean stuck = waiter.isAlive();
        if (stuck) {
            java.util.concurrent.locks.LockSupport.unpark(waiter); // do not leak the thread
        }
        assertTrue(!stuck, "wake() did not reach the first waiter");
    }

    // ------------------------------------------------------------------ 5. smaller races and counters

    @Test
    void statsCountPublishedNotMerelyClaimedSlotsWithSeveralProducers() throws Exception {
        OrderedPipeline<TestSlot> pipeline = doubling().workers(1).capacity(8).multiProducer()
                .threadNamePrefix("stats-mp").build();
        long claimedOnly = pipeline.claim();
        assertEquals(0, claimedOnly);
        assertEquals(0, pipeline.stats().published(), "claimed, not published");
        pipeline.publish(claimedOnly);
        assertEquals(1, pipeline.stats().published());
        pipeline.abort(Duration.ofSeconds(10));
    }

    @Test
    void theFirstFailureIsTheOneReportedWhenSeveralRace() throws Exception {
        for (int round = 0; round < 200; round++) {
            OrderedPipeline<TestSlot> pipeline = doubling().workers(1).capacity(2).threadNamePrefix("race-fail")
                    .build();
            int racers = 4;
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            AtomicReference<Throwable> firstSeen = new AtomicReference<>();
            List<Throwable> laterSeen = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < racers; i++) {
                RuntimeException mine = new RuntimeException("failure " + i);
                Thread t = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    pipeline.failForTest(mine);
                    Throwable seen = pipeline.failureForTest();
                    if (!firstSeen.compareAndSet(null, seen)) {
                        laterSeen.add(seen);
                    }
                });
                threads.add(t);
                t.start();
            }
            start.countDown();
            for (Thread t : threads) {
                t.join(WAIT.toMillis());
            }
            Throwable first = firstSeen.get();
            for (Throwable t : laterSeen) {
                assertEquals(first, t, "round " + round + ": a later failure replaced the first");
            }
            assertEquals(first, pipeline.failureForTest());
            pipeline.abort(Duration.ofSeconds(10));
        }
    }

    @Test
    void twoThreadsRacingForTheFirstClaimOfASingleProducerPipelineCannotBothWin() throws Exception {
        for (int round = 0; round < 200; round++) {
            OrderedPipeline<TestSlot> pipeline = doubling().workers(1).capacity(8).threadNamePrefix("race-claim")
                    .build();
            CountDownLatch start = new CountDownLatch(1);
            List<Throwable> refused = Collections.synchronizedList(new ArrayList<>());
            List<Long> won = Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Thread t = new Thread(() -> {
                    try {
                        start.await();
                        long s = pipeline.tryClaim(1);
                        won.add(s);
                        pipeline.publish(s);
                    } catch (IllegalStateException e) {
                        refused.add(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                threads.add(t);
                t.start();
            }
            start.countDown();
            for (Thread t : threads) {
                t.join(WAIT.toMillis());
            }
            assertEquals(1, won.size(), "round " + round + ": both threads claimed " + won);
            assertEquals(1, refused.size());
            pipeline.abort(Duration.ofSeconds(10));
        }
    }
}
