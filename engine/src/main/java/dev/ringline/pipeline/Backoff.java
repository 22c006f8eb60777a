package dev.ringline.pipeline;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Spin, then yield, then park: the idle strategy of the threads the Disruptor does not drive (the ordered stage,
 * a blocked producer, a worker held by the reordering window). Spinning alone would burn a full core on a 2-core
 * machine while workers are busy; parking alone would add microseconds to every hand-off. Not thread-safe: one
 * instance per waiting thread.
 */
final class Backoff {
    private static final int SPIN_TRIES = 100;
    private static final int YIELD_TRIES = 20;

    private int tries;

    void reset() {
        tries = 0;
    }

    /**
     * Waits a little for {@code ready} to become true. Returns when it might be: callers loop and re-check their
     * own conditions (failure, close, interrupt). Once past spinning and yielding, parks until {@code signal} fires
     * or {@code maxParkNanos} pass; callers whose every wake-up is signalled pass a long cap, which only bounds
     * the cost of a bug.
     */
    void idle(WakeSignal signal, BooleanSupplier ready, long maxParkNanos) {
        int t = tries;
        if (t < SPIN_TRIES + YIELD_TRIES) {
            tries = t + 1; // stops counting once parking, so it never wraps
        }
        if (t < SPIN_TRIES) {
            Thread.onSpinWait();
        } else if (t < SPIN_TRIES + YIELD_TRIES) {
            Thread.yield();
        } else {
            signal.register();
            try {
                // Re-check after registering so a wake-up between the caller's check and park is not lost.
                if (!ready.getAsBoolean()) {
                    LockSupport.parkNanos(this, maxParkNanos);
                }
            } finally {
                signal.unregister();
            }
        }
    }
}
