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
    /** The first park's length; each further park without progress doubles it, up to the caller's cap. */
    private static final long FIRST_PARK_NANOS = 1_000_000L;
    private static final int MAX_DOUBLINGS = 16;

    private int tries;
    private int parks;

    void reset() {
        tries = 0;
        parks = 0;
    }

    /**
     * Waits a little for {@code ready} to become true. Returns when it might be: callers loop and re-check their
     * own conditions (failure, close, interrupt). Once past spinning and yielding, parks until {@code signal} fires
     * or the park's length passes: 1 ms, doubling on each park since the last {@link #reset()}, up to
     * {@code maxParkNanos}. A long wait therefore costs a handful of wake-ups, not one per millisecond, while a
     * rarely missed wake-up early in a wait costs little.
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
                    LockSupport.parkNanos(this, Math.min(maxParkNanos, FIRST_PARK_NANOS << parks));
                    if (parks < MAX_DOUBLINGS) {
                        parks++;
                    }
                }
            } finally {
                signal.unregister();
            }
        }
    }
}
