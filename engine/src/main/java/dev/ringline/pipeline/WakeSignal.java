package dev.ringline.pipeline;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicReferenceArray;
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
    /**
     * Registered waiters, one slot each, null when free. Written under {@link #lock} (waiters only), read without
     * it by notifiers: a notifier must never block on a waiter's lock, or a worker would stall behind the ordered
     * stage's registration. Replaced by a larger copy when full, never shrunk, so steady waiting allocates nothing.
     */
    private volatile AtomicReferenceArray<Thread> waiters = new AtomicReferenceArray<>(4);
    /** Number of registered waiters: the notifier's fast path reads only this. */
    private volatile int count;

    /** Called by the waiting thread before it re-checks its condition and parks. */
    void register() {
        Thread me = Thread.currentThread();
        synchronized (lock) {
            AtomicReferenceArray<Thread> w = waiters;
            int free = -1;
            for (int i = 0; i < w.length() && free < 0; i++) {
                if (w.get(i) == null) {
                    free = i;
                }
            }
            if (free < 0) {
                AtomicReferenceArray<Thread> larger = new AtomicReferenceArray<>(w.length() * 2);
                for (int i = 0; i < w.length(); i++) {
                    larger.set(i, w.get(i));
                }
                free = w.length();
                larger.set(free, me);
                waiters = larger; // published before the count, so a notifier that sees the count sees the array
            } else {
                w.set(free, me);
            }
            count = count + 1;
        }
        // The caller's condition is read with acquire loads: order them after the registration.
        VarHandle.fullFence();
    }

    /** Removes the calling thread's registration (only its own). */
    void unregister() {
        Thread me = Thread.currentThread();
        synchronized (lock) {
            AtomicReferenceArray<Thread> w = waiters;
            for (int i = 0; i < w.length(); i++) {
                if (w.get(i) == me) {
                    w.set(i, null);
                    count = count - 1;
                    return;
                }
            }
        }
    }

    /**
     * Wakes every registered waiter; each re-checks its own condition. Lock-free: unparking a thread that has
     * just left is harmless (its next park returns at once and it re-checks).
     */
    void wake() {
        if (count != 0) {
            AtomicReferenceArray<Thread> w = waiters;
            for (int i = 0; i < w.length(); i++) {
                Thread t = w.get(i);
                if (t != null) {
                    LockSupport.unpark(t);
                }
            }
        }
    }

    /** Registered waiters, for tests and diagnostics. */
    int waiting() {
        return count;
    }
}
