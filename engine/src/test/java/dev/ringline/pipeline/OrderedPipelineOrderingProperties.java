package dev.ringline.pipeline;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderedPipelineOrderingProperties {

    @Property(tries = 40)
    void callbackConsumerSeesInputOrderExactlyOnce(@ForAll @IntRange(min = 1, max = 16) int workers,
                                                   @ForAll @IntRange(min = 1, max = 64) int capacity,
                                                   @ForAll @IntRange(min = 1, max = 8) int batch,
                                                   @ForAll @IntRange(min = 0, max = 400) int records,
                                                   @ForAll long seed) throws Exception {
        int batchSize = Math.min(batch, capacity);
        List<Long> seen = new ArrayList<>();
        List<Long> sequences = new ArrayList<>();
        int[] iterations = randomWork(records, seed);
        OrderedPipeline<TestSlot> pipeline = OrderedPipeline.builder(TestSlot::new,
                        (seq, slot, scratch) -> slot.output = TestSlot.work(slot.input, slot.workIterations))
                .workers(workers).capacity(capacity).threadNamePrefix("prop-cb")
                .consumer((seq, slot, failure) -> {
                    sequences.add(seq);
                    seen.add(slot.output);
                })
                .build();
        try (pipeline) {
            int next = 0;
            while (next < records) {
                int n = Math.min(batchSize, records - next);
                long hi = pipeline.claim(n);
                for (long s = hi - n + 1; s <= hi; s++) {
                    TestSlot slot = pipeline.slot(s);
                    slot.workIterations = iterations[next];
                    slot.input = next++;
                }
                pipeline.publish(hi - n + 1, hi);
            }
        }
        assertEquals(records, seen.size());
        for (int i = 0; i < records; i++) {
            assertEquals((long) i, sequences.get(i), "sequence IDs are 0-based and contiguous");
            assertEquals(TestSlot.work(i, iterations[i]), seen.get(i));
        }
        assertTrue(PipelineThreads.alive("prop-cb").isEmpty());
    }

    /** Mostly no work, sometimes up to ~20k iterations, so workers finish out of order. */
    private static int[] randomWork(int records, long seed) {
        Random random = new Random(seed);
        int[] iterations = new int[records];
        for (int i = 0; i < records; i++) {
            iterations[i] = random.nextInt(4) == 0 ? random.nextInt(20_000) : 0;
        }
        return iterations;
    }

    @Property(tries = 40)
    void pulledConsumerSeesInputOrderExactlyOnce(@ForAll @IntRange(min = 1, max = 16) int workers,
                                                 @ForAll @IntRange(min = 1, max = 64) int capacity,
                                                 @ForAll @IntRange(min = 0, max = 400) int records,
                                                 @ForAll long seed) throws Exception {
        int[] iterations = randomWork(records, seed);
        OrderedPipeline<TestSlot> pipeline = OrderedPipeline.builder(TestSlot::new,
                        (seq, slot, scratch) -> slot.output = TestSlot.work(slot.input, slot.workIterations))
                .workers(workers).capacity(capacity).threadNamePrefix("prop-pull").multiProducer()
                .build();
        List<Long> seen = new ArrayList<>();
        Thread producer = new Thread(() -> {
            try {
                for (int i = 0; i < records; i++) {
                    long s = pipeline.claim();
                    pipeline.slot(s).input = i;
                    pipeline.slot(s).workIterations = iterations[i];
                    pipeline.publish(s);
                }
                pipeline.finish();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-producer");
        producer.start();
        try (pipeline) {
            while (pipeline.take((seq, slot, failure) -> {
                assertEquals(seen.size(), seq);
                seen.add(slot.output);
            })) {
                // keep taking until the end of input
            }
        }
        producer.join();
        assertEquals(records, seen.size());
        for (int i = 0; i < records; i++) {
            assertEquals(TestSlot.work(i, iterations[i]), seen.get(i));
        }
    }
}
