package dev.ringline.pipeline;

import dev.ringline.memory.StreamingProcessor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderedPipelineTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static OrderedPipeline.Builder<TestSlot> doubling() {
        return OrderedPipeline.builder(TestSlot::new, (seq, slot, scratch) -> slot.output = slot.input * 2);
    }

    private static void publish(OrderedPipeline<TestSlot> pipeline, long input) throws InterruptedException {
        long s = pipeline.claim();
        pipeline.slot(s).input = input;
        pipeline.publish(s);
    }

    @Test
    void aStalledWorkerHoldsBackOnlyItsOwnBlock() throws Exception {
        // Workers take blocks in turn: while one is held on its record, the other takes every later block (up to the
        // capacity) instead of only its share, so a worker that gets less CPU does fewer records, not slower ones.
        CountDownLatch held = new CountDownLatch(1);
        AtomicReference<String> holder = new AtomicReference<>();
        List<String> otherThreads = Collections.synchronizedList(new ArrayList<>());
        List<Long> out = Collections.synchronizedList(new ArrayList<>());
        OrderedPipeline<TestSlot> pipeline = OrderedPipeline.<TestSlot>builder(TestSlot::new, (seq, slot, scratch) -> {
                    if (seq == 0) {
                        holder.set(Thread.currentThread().getName());
                        held.await();
                    } else {
                        otherThreads.add(Thread.currentThread().getName());
                    }
                    slot.output = slot.input * 2;
                }).workers(2).capacity(64).stripe(1).threadNamePrefix("held-worker")
                .consumer((seq, slot, failure) -> out.add(slot.output)).build();
        try {
            for (int i = 0; i < 40; i++) {
                publish(pipeline, i);
            }
            // With fixed stripes the free worker could do only the odd records (20); now it does all 39 others.
            await().atMost(WAIT).until(() -> otherThreads.size() == 39);
            assertTrue(otherThreads.stream().noneMatch(name -> name.equals(holder.get())), otherThreads.toString());
            assertTrue(out.isEmpty(), "nothing is delivered past the held record");
            held.countDown();
            await().atMost(WAIT).until(() -> out.size() == 40);
            for (int i = 0; i < 40; i++) {
                assertEquals(2L * i, out.get(i));
            }
        } finally {
            held.countDown();
            pipeline.close();
        }
    }

    @Test
    void stalledConsumerBoundsRecordsInFlightToCapacity() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Long> out = Collections.synchronizedList(new ArrayList<>());
        OrderedPipeline<TestSlot> pipeline = doubling().workers(2).capacity(10).threadNamePrefix("bp-slots")
                .consumer((seq, slot, failure) -> {
                    release.await();
                    out.add(slot.output);
                }).build();
        Thread producer = new Thread(() -> {
            try {
                for (int i = 0; i < 100; i++) {
                    publish(pipeline, i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bp-producer");
        producer.start();
        // The producer fills exactly the capacity, then blocks in claim.
        await().atMost(WAIT).until(() -> pipeline.stats().published() == 10 && isBlocked(producer));
        PipelineStats stalled = pipeline.stats();
        assertEquals(10, stalled.inFlight());
        assertTrue(stalled.peakInFlight() <= 10, "peak " + stalled.peakInFlight());
        release.countDown();
        producer.join(WAIT.toMillis());
        pipeline.close();
        assertEquals(100, out.size());
        assertTrue(pipeline.stats().peakInFlight() <= 10);
        for (int i = 0; i < 100; i++) {
            assertEquals(2L * i, out.get(i));
        }
    }

    @Test
    void stalledConsumerBoundsBytesInFlight() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        StreamingProcessor memory = StreamingProcessor.withLimitBytes(10_000);
        OrderedPipeline<TestSlot> pipeline = doubling().workers(2).capacity(1000).threadNamePrefix("bp-bytes")
                .memoryBound(memory, slot -> slot.bytes)
                .consumer((seq, slot, failure) -> release.await()).build();
        Thread producer = new Thread(() -> {
            try {
                for (int i = 0; i < 50; i++) {
                    long s = pipeline.claim();
                    pipeline.slot(s).bytes = 1000;
                    pipeline.publish(s);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bp-bytes-producer");
        producer.start();
        // Claims stop once more than 80% of 10,000 bytes is in flight: 9 records of 1,000 bytes.
        await().atMost(WAIT).until(() -> pipeline.stats().published() == 9 && isBlocked(producer));
        PipelineStats stalled = pipeline.stats();
        assertEquals(9_000, stalled.bytesInFlight());
        assertTrue(stalled.peakBytesInFlight() <= 10_000);
        release.countDown();
        producer.join(WAIT.toMillis());
        pipeline.close();
        assertEquals(50, pipeline.stats().delivered());
        assertEquals(0, memory.currentMemoryBytes(), "every byte accounted is released");
        assertTrue(pipeline.stats().peakBytesInFlight() <= 10_000);
    }

    @Test
    void failingRecordIsDeliveredAtItsPositionAndLaterRecordsContinue() throws Exception {
        List<String> events = new ArrayList<>();
        OrderedPipeline<TestSlot> pipeline = OrderedPipeline.<TestSlot>builder(TestSlot::new, (seq, slot, scratch) -> {
                    if (slot.input == 5) {
                        throw new IllegalArgumentException("bad record five");
                    }
                    slot.output = slot.input;
                }).workers(3).capacity(4).threadNamePrefix("fail-rec")
                .consumer((seq, slot, failure) -> events.add(failure == null ? "ok " + seq + "=" + slot.output
                        : "failed " + seq + ": " + failure.getMessage()))
                .build();
        try (pipeline) {
            for (int i = 0; i < 10; i++) {
                publish(pipeline, i);
            }
        }
        assertEquals(10, events.size());
        assertEquals("failed 5: bad record five", events.get(5));
        assertEquals("ok 4=4", events.get(4));
        assertEquals("ok 9=9", events.get(9));
        assertEquals(1, pipeline.stats().failed());
    }

    @Test
    void failingConsumerStopsThePipelineAndUnblocksTheProducer() throws Exception {
        OrderedPipeline<TestSlot> pipeline = doubling().workers(2).capacity(4).threadNamePrefix("fail-cons")
                .consumer((seq, slot, failure) -> {
                    if (seq == 3) {
                        throw new IllegalStateException("disk full");
                    }
                }).build();
        PipelineFailedException thrown = assertThrows(PipelineFailedException.class, () -> {
            for (int i = 0; i < 1_000_000; i++) {
                publish(pipeline, i);
            }
        });
        assertInstanceOf(IllegalStateException.class, thrown.getCause());
        assertEquals("disk full", thrown.getCause().getMessage());
        pipeline.close();
        await().atMost(WAIT).until(() -> PipelineThreads.alive("fail-cons").isEmpty());
    }

    @Test
    void closeDrainsEveryPublishedRecord() throws Exception {
        List<Long> out = new ArrayList<>();
        OrderedPipeline<TestSlot> pipeline = OrderedPipeline.<TestSlot>builder(TestSlot::new,
                        (seq, slot, scratch) -> slot.output = TestSlot.work(slot.input, 1000))
                .workers(4).capacity(64).threadNamePrefix("drain")
                .consumer((seq, slot, failure) -> out.add(slot.output)).build();
        for (int i = 0; i < 5000; i++) {
            publish(pipeline, i);
        }
        pipeline.close();
        assertEquals(5000, out.size());
        assertEquals(TestSlot.work(4999, 1000), out.get(4999));
        assertTrue(PipelineThreads.alive("drain").isEmpty(), "close joins every thread");
        assertThrows(IllegalStateException.class, () -> pipeline.claim());
    }

    @Test
    void interruptingABlockedProducerIsHonouredAndLeavesThePipelineUsable() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Long> out = Collections.synchronizedList(new ArrayList<>());
        OrderedPipeline<TestSlot> pipeline = doubling().workers(2).capacity(2).threadNamePrefix("intr-prod")
                .multiProducer()
                .consumer((seq, slot, failure) -> {
                    release.await();
                    out.add(slot.input);
                }).build();
        AtomicReference<Throwable> producerResult = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                for (int i = 0; i < 3; i++) {
                    publish(pipeline, i);
                }
            } catch (Throwable t) {
                producerResult.set(t);
            }
        }, "intr-producer");
        producer.start();
        await().atMost(WAIT).until(() -> pipeline.stats().published() == 2 && isBlocked(producer));
        producer.interrupt();
        producer.join(WAIT.toMillis());
        assertInstanceOf(InterruptedException.class, producerResult.get());
        release.countDown();
        publish(pipeline, 42); // the pipeline is still consistent: a new record flows through
        pipeline.close();
        assertEquals(List.of(0L, 1L, 42L), out);
    }

    @Test
    void interruptingABlockedPullingConsumerIsHonoured() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        OrderedPipeline<TestSlot> pipeline = OrderedPipeline.<TestSlot>builder(TestSlot::new, (seq, slot, scratch) -> {
            gate.await();
            slot.output = slot.input + 1;
        }).workers(1).capacity(4).threadNamePrefix("intr-cons").build();
        publish(pipeline, 7);
        pipeline.finish();
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> pipeline.take((seq, slot, failure) -> { }));
        assertFalse(Thread.currentThread().isInterrupted(), "the interrupt was consumed by the exception");
        gate.countDown();
        List<Long> out = new ArrayList<>();
        assertTrue(pipeline.take((seq, slot, failure) -> out.add(slot.output)));
        assertFalse(pipeline.take((seq, slot, failure) -> out.add(slot.output)), "end of input");
        assertEquals(List.of(8L), out);
        pipeline.close();
    }

    @Test
    void aFailingSlotWriterIsDeliveredAsThatRecordsFailure() throws Exception {
        List<String> events = new ArrayList<>();
        OrderedPipeline<TestSlot> pipeline = doubling().workers(2).capacity(8).threadNamePrefix("writer")
                .consumer((seq, slot, failure) -> events.add(seq + ":" + (failure == null ? slot.output
                        : failure.getMessage())))
                .build();
        SlotWriter<TestSlot, Long> fill = (seq, slot, value) -> {
            if (value < 0) {
                throw new IllegalArgumentException("negative input");
            }
            slot.input = value;
        };
        pipeline.publish(fill, 1L);
        assertThrows(IllegalArgumentException.class, () -> pipeline.publish(fill, -1L));
        pipeline.publish(fill, 3L);
        pipeline.close();
        assertEquals(List.of("0:2", "1:negative input", "2:6"), events);
    }

    @Test
    void aSecondProducerThreadIsRefusedOnASingleProducerPipeline() throws Exception {
        OrderedPipeline<TestSlot> pipeline = doubling().workers(1).capacity(8).threadNamePrefix("single").build();
        publish(pipeline, 1);
        AtomicReference<Throwable> other = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                pipeline.claim();
            } catch (Throwable e) {
                other.set(e);
            }
        });
        t.start();
        t.join();
        assertInstanceOf(IllegalStateException.class, other.get());
        pipeline.abort(Duration.ofSeconds(5));
    }

    @Test
    void abortDiscardsInFlightRecordsAndEndsAllThreads() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        OrderedPipeline<TestSlot> pipeline = doubling().workers(2).capacity(8).threadNamePrefix("abort")
                .consumer((seq, slot, failure) -> never.await()).build();
        for (int i = 0; i < 8; i++) {
            publish(pipeline, i);
        }
        assertTrue(pipeline.abort(Duration.ofSeconds(10)), "threads ended, the stuck consumer was interrupted");
        assertTrue(PipelineThreads.alive("abort").isEmpty());
        assertThrows(RuntimeException.class, () -> pipeline.claim());
    }

    @Test
    void latencyIsRecordedForEveryRecordWhenEnabled() throws Exception {
        OrderedPipeline<TestSlot> pipeline = doubling().workers(2).capacity(16).recordLatency(true)
                .threadNamePrefix("latency").consumer((seq, slot, failure) -> { }).build();
        for (int i = 0; i < 500; i++) {
            publish(pipeline, i);
        }
        pipeline.close();
        LatencySnapshot latency = pipeline.latency();
        assertEquals(500, latency.count());
        assertTrue(latency.maxNanos() > 0 && latency.p50Nanos() <= latency.p99Nanos()
                && latency.p99Nanos() <= latency.maxNanos(), latency.toString());
    }

    @Test
    void pulledPipelineRejectsASecondConsumerThreadAndCallbackPipelineRejectsPulling() throws Exception {
        OrderedPipeline<TestSlot> callback = doubling().workers(1).threadNamePrefix("cb-only")
                .consumer((seq, slot, failure) -> { }).build();
        assertThrows(IllegalStateException.class, () -> callback.poll((seq, slot, failure) -> { }));
        callback.close();
        OrderedPipeline<TestSlot> pulled = doubling().workers(1).threadNamePrefix("pull-only").build();
        assertFalse(pulled.poll((seq, slot, failure) -> { }));
        AtomicReference<Boolean> takeResult = new AtomicReference<>();
        Thread taker = new Thread(() -> {
            try {
                takeResult.set(pulled.take((seq, slot, failure) -> { }));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pull-taker");
        taker.start();
        await().atMost(WAIT).until(() -> isBlocked(taker));
        assertThrows(IllegalStateException.class, () -> pulled.poll((seq, slot, failure) -> { }),
                "a second concurrent puller is refused");
        pulled.finish();
        taker.join(WAIT.toMillis());
        assertEquals(Boolean.FALSE, takeResult.get(), "end of input after finish()");
        pulled.close();
    }

    @Test
    void closingFromTheConsumerCallbackIsRefusedInsteadOfWaitingForItself() throws Exception {
        AtomicReference<Throwable> fromCallback = new AtomicReference<>();
        AtomicReference<OrderedPipeline<TestSlot>> self = new AtomicReference<>();
        OrderedPipeline<TestSlot> pipeline = doubling().workers(1).capacity(4).threadNamePrefix("self-close")
                .consumer((seq, slot, failure) -> {
                    try {
                        self.get().close();
                    } catch (IllegalStateException e) {
                        fromCallback.set(e);
                    }
                }).build();
        self.set(pipeline);
        publish(pipeline, 1);
        pipeline.close(); // from the owner: drains and returns
        assertInstanceOf(IllegalStateException.class, fromCallback.get());
        assertTrue(PipelineThreads.alive("self-close").isEmpty());
    }

    private static boolean isBlocked(Thread t) {
        Thread.State s = t.getState();
        return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING;
    }
}
