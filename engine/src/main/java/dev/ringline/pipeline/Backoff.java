package dev.ringline.pipeline;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Spin, then yield, then park: the idle strategy of the threads the Disruptor does not drive (the ordered stage
 * and a blocked producer). Spinning alone would burn a full core on a 2-core machine while workers are busy;
 * parking alone would add microseconds to every hand-off. Not thread-safe: one instance per waiting thread.
 */
final class Backoff {
    private static final int SPIN_TRIES = 100;
    private static final int YIELD_TRIES = 20;
    /** Safety net against a missed wake-up; the signal normally unparks much sooner. */
    private static final long MAX_PARK_NANOS = 20_000_000L;

    private int tries;

    void reset() {
        tries = 0;
    }

    /**
     * Waits a little for {@code ready} to become true. Returns when it might be: callers loop and re-check their
     * own conditions (failure, close, interrupt).
     */
    void idle(WakeSignal signal, BooleanSupplier ready) {
        int t = tries++;
        if (t < SPIN_TRIES) {
            Thread.onSpinWait();
        } else if (t < SPIN_TRIES + YIELD_TRIES) {
            Thread.yield();
        } else {
            signal.register();
            try {
                // Re-check after registering so a wake-up between the caller's check and park is not lost.
                if (!ready.getAsBoolean()) {
                    LockSupport.parkNanos(this, MAX_PARK_NANOS);
                }
            } finally {
                signal.unregister();
            }
        }
    }
}
