package dev.ringline.pipeline;

import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * Parks any number of waiting threads until another thread makes progress. The notifier pays one volatile read
 * when nobody waits, so workers can signal after every record without a lock.
 *
 * <p>No lost wake-up: a waiter registers (a volatile write, then a full fence) before it re-checks its condition
 * and parks; a notifier changes the state with a full fence before it reads the waiter count. One of the two
 * therefore sees the other. Each thread registers and unregisters only itself, so one waiter leaving never
 * erases another's registration (the single-slot version did, and lost wake-ups with several producers).
 */
final class WakeSignal {
    private final Object lock = new Object();
    /** Registered waiters; guarded by {@link #lock}. Grows, never shrinks, so waiting allocates nothing steady. */
    private Thread[] waiters = new Thread[2];
    /** Number of registered waiters; read without the lock by {@link #wake()}. */
    private volatile int count;

    /** Called by the waiting thread before it re-checks its condition and parks. */
    void register() {
        Thread me = Thread.currentThread();
        synchronized (lock) {
            int n = count;
            if (n == waiters.length) {
                waiters = Arrays.copyOf(waiters, n * 2);
            }
            waiters[n] = me;
            count = n + 1;
        }
        // The caller's condition is read with acquire loads: order them after the registration.
        VarHandle.fullFence();
    }

    /** Removes the calling thread's registration (only its own). */
    void unregister() {
        Thread me = Thread.currentThread();
        synchronized (lock) {
            int n = count;
            for (int i = 0; i < n; i++) {
                if (waiters[i] == me) {
                    waiters[i] = waiters[n - 1];
                    waiters[n - 1] = null;
                    count = n - 1;
                    return;
                }
            }
        }
    }

    /** Wakes every registered waiter; each re-checks its own condition. */
    void wake() {
        if (count != 0) {
            wakeAll();
        }
    }

    private void wakeAll() {
        synchronized (lock) {
            for (int i = 0, n = count; i < n; i++) {
                LockSupport.unpark(waiters[i]);
            }
        }
    }

    /** Registered waiters, for tests and diagnostics. */
    int waiting() {
        return count;
    }
}
