package dev.ringline.pipeline;

import java.util.concurrent.locks.LockSupport;

/**
 * Parks one waiting thread until another thread makes progress. The notifier pays one volatile read when nobody
 * waits, so workers can signal after every record without a lock (unlike a blocking wait strategy).
 */
final class WakeSignal {
    private volatile Thread waiter;

    /** Called by the waiting thread before it re-checks its condition and parks. */
    void register() {
        waiter = Thread.currentThread();
    }

    void unregister() {
        waiter = null;
    }

    /** Wakes the registered waiter, if any. */
    void wake() {
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }
}
