package dev.ringline.memory;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Accounts the bytes a stream holds in memory against a limit. The ordered pipeline adds each record's size when
 * the producer publishes it and subtracts it when the consumer releases it, and makes the producer wait while
 * {@link #isMemoryPressure()} is true, so memory stays bounded when record sizes vary.
 *
 * <pre>{@code
 * StreamingProcessor processor = StreamingProcessor.withDefaultLimit(); // 256 MiB
 * if (processor.isMemoryPressure()) { ... flush or throttle ... }
 * processor.updateMemoryUsage(record.length);
 * processor.recordProcessed(record.length);
 * }</pre>
 *
 * <p>Thread-safe and lock-free: each update is one atomic operation.
 */
public final class StreamingProcessor {
    /** The default limit, in MiB. */
    public static final long DEFAULT_LIMIT_MIB = 256;
    private static final long MIB = 1024L * 1024L;

    private final long maxMemoryBytes;
    /** floor(0.8 * max), computed without overflow: pressure is current > this. */
    private final long pressureThreshold;
    private final AtomicLong currentBytes = new AtomicLong();
    private final LongAdder recordsProcessed = new LongAdder();
    private final LongAdder bytesProcessed = new LongAdder();

    /** @throws IllegalArgumentException if {@code maxMemoryMiB} is 0 or less */
    public StreamingProcessor(long maxMemoryMiB) {
        if (maxMemoryMiB <= 0) {
            throw new IllegalArgumentException("maxMemoryMiB must be > 0: " + maxMemoryMiB);
        }
        if (maxMemoryMiB > Long.MAX_VALUE / MIB) {
            throw new IllegalArgumentException("maxMemoryMiB too large: " + maxMemoryMiB);
        }
        this.maxMemoryBytes = maxMemoryMiB * MIB;
        this.pressureThreshold = threshold(maxMemoryBytes);
    }

    private StreamingProcessor(long maxMemoryBytes, boolean bytes) {
        if (maxMemoryBytes <= 0) {
            throw new IllegalArgumentException("maxMemoryBytes must be > 0: " + maxMemoryBytes);
        }
        this.maxMemoryBytes = maxMemoryBytes;
        this.pressureThreshold = threshold(maxMemoryBytes);
    }

    private static long threshold(long max) {
        return (max / 5) * 4 + (max % 5) * 4 / 5;
    }

    /** A processor with the 256 MiB default limit. */
    public static StreamingProcessor withDefaultLimit() {
        return new StreamingProcessor(DEFAULT_LIMIT_MIB);
    }

    /** A processor whose limit is given in bytes rather than MiB (for small bounds in tests and embedded use). */
    public static StreamingProcessor withLimitBytes(long maxMemoryBytes) {
        return new StreamingProcessor(maxMemoryBytes, true);
    }

    /** True when the bytes accounted are strictly greater than 80% of the limit; exactly 80% is not pressure. */
    public boolean isMemoryPressure() {
        return currentBytes.get() > pressureThreshold;
    }

    /** Adds {@code deltaBytes} (negative to release) to the bytes accounted; the total never goes below 0. */
    public void updateMemoryUsage(long deltaBytes) {
        // A CAS loop rather than getAndUpdate: a capturing lambda would allocate on every record.
        while (true) {
            long current = currentBytes.get();
            long next;
            if (deltaBytes >= 0) {
                next = current > Long.MAX_VALUE - deltaBytes ? Long.MAX_VALUE : current + deltaBytes;
            } else {
                next = current + deltaBytes < 0 ? 0 : current + deltaBytes;
            }
            if (currentBytes.compareAndSet(current, next)) {
                return;
            }
        }
    }

    /** Counts one processed record of {@code bytes} bytes. */
    public void recordProcessed(long bytes) {
        recordsProcessed.increment();
        bytesProcessed.add(bytes);
    }

    /** Bytes currently accounted. */
    public long currentMemoryBytes() {
        return currentBytes.get();
    }

    /** The memory bound in bytes, as configured. */
    public long maxMemoryBytes() {
        return maxMemoryBytes;
    }

    /** A snapshot of the memory and throughput counters. */
    public StreamingProcessorStats stats() {
        long current = currentBytes.get();
        return new StreamingProcessorStats(maxMemoryBytes, current, 100.0 * current / maxMemoryBytes,
                recordsProcessed.sum(), bytesProcessed.sum());
    }
}
