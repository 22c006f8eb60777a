package dev.ringline.memory;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamingProcessorTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void defaultLimitIs256MiB() {
        assertEquals(256 * MIB, StreamingProcessor.withDefaultLimit().stats().maxMemoryBytes());
    }

    @Test
    void exactlyEightyPercentIsNotPressureOneByteMoreIs() {
        StreamingProcessor p = new StreamingProcessor(10);
        long eighty = 10 * MIB * 8 / 10;
        p.updateMemoryUsage(eighty);
        assertFalse(p.isMemoryPressure());
        p.updateMemoryUsage(1);
        assertTrue(p.isMemoryPressure());
    }

    @Test
    void eightyPercentBoundaryWhenTheLimitIsNotAMultipleOfFive() {
        StreamingProcessor p = StreamingProcessor.withLimitBytes(7); // 80% = 5.6 bytes
        p.updateMemoryUsage(5);
        assertFalse(p.isMemoryPressure());
        p.updateMemoryUsage(1);
        assertTrue(p.isMemoryPressure(), "6 > 5.6");
    }

    @Test
    void usageSaturatesAtZero() {
        StreamingProcessor p = new StreamingProcessor(1);
        p.updateMemoryUsage(100);
        p.updateMemoryUsage(-1000);
        assertEquals(0, p.stats().currentMemoryBytes());
        p.updateMemoryUsage(Long.MAX_VALUE);
        p.updateMemoryUsage(Long.MAX_VALUE);
        assertEquals(Long.MAX_VALUE, p.currentMemoryBytes(), "and at Long.MAX_VALUE, never wrapping");
    }

    @Test
    void limitOfZeroOrLessIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new StreamingProcessor(0));
        assertThrows(IllegalArgumentException.class, () -> new StreamingProcessor(-5));
        assertThrows(IllegalArgumentException.class, () -> StreamingProcessor.withLimitBytes(0));
    }

    @Test
    void statsCountRecordsBytesAndUtilization() {
        StreamingProcessor p = new StreamingProcessor(1);
        p.updateMemoryUsage(MIB / 4);
        p.recordProcessed(100);
        p.recordProcessed(50);
        StreamingProcessorStats s = p.stats();
        assertEquals(2, s.recordsProcessed());
        assertEquals(150, s.bytesProcessed());
        assertEquals(25.0, s.memoryUtilizationPercent(), 1e-9);
    }

    @Test
    void concurrentUpdatesAreNotLost() throws Exception {
        StreamingProcessor p = new StreamingProcessor(1024);
        int threads = 4;
        int perThread = 100_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    p.updateMemoryUsage(3);
                    p.updateMemoryUsage(-1);
                    p.recordProcessed(1);
                }
            });
            all.add(th);
            th.start();
        }
        start.countDown();
        for (Thread th : all) {
            th.join();
        }
        assertEquals(2L * threads * perThread, p.currentMemoryBytes());
        assertEquals((long) threads * perThread, p.stats().recordsProcessed());
    }
}
