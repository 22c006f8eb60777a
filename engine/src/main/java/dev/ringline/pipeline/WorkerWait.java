package dev.ringline.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.PhasedBackoffWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

import java.util.concurrent.TimeUnit;

/**
 * How an {@link OrderedPipeline}'s workers wait for the producer's next record. Figures measured on 2 cores with 2
 * workers and the ordered stage: idle CPU is what the waiting costs while no record comes.
 */
public enum WorkerWait {
    /**
     * Spin 10 µs, yield up to 100 µs, then block on a lock that is signalled only when a worker sleeps: quick to
     * wake while records flow, about 0.5% idle CPU. The default.
     */
    BACKOFF,
    /**
     * Block on a lock at once: about 0.5% idle CPU, but every publish takes the lock and signals (about 120-340 ns a
     * record, so only for batches of records or slow producers).
     */
    BLOCKING,
    /**
     * Spin, then yield the core: the quickest wake-up, but it burns a core per waiting worker (about 137% idle CPU
     * on 2 cores, where it made the pipeline slower than one thread). Only with spare cores.
     */
    YIELDING;

    /** The Disruptor strategy that implements this one: a fresh instance per ring (the blocking ones hold a lock). */
    WaitStrategy create() {
        return switch (this) {
            case BACKOFF -> PhasedBackoffWaitStrategy.withLiteLock(10, 100, TimeUnit.MICROSECONDS);
            case BLOCKING -> new BlockingWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
        };
    }
}
