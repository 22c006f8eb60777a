package dev.ringline.memory;

import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reorders records that arrive out of order, by sequence ID, and delivers them strictly in order from 0.
 *
 * <p>Memory is bounded by construction: a send whose ID is at or beyond {@code next + maxWindowSize} blocks until
 * the receiver has moved the window, and at most {@code channelCapacity} records wait in the ring (a send of the
 * very next ID is always accepted, so the ring cannot deadlock on a full buffer of later IDs). A duplicate or
 * already-delivered ID is rejected with {@link IllegalArgumentException}.
 *
 * <p>The stream ends when at least one sender was created and every sender is closed: {@link #recvOrdered()}
 * then delivers what is left and returns empty. If an ID is still missing at that point the stream has a gap and
 * {@code recvOrdered} throws {@link IllegalStateException} naming it, rather than blocking forever.
 *
 * <p>Thread-safe: any number of senders, one receiver at a time. Costs one lock acquisition per send and per
 * receive; for high-rate pipelines use {@link dev.ringline.pipeline.OrderedPipeline}, which needs no lock.
 */
public final class SequenceRing<T> {
    private final int channelCapacity;
    private final int maxWindowSize;
    private final Object[] window;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition windowMoved = lock.newCondition();
    private final Condition nextArrived = lock.newCondition();
    private long next;
    private int buffered;
    private int openSenders;
    private int createdSenders;

    /**
     * @param channelCapacity most records waiting in the ring (>= 1)
     * @param maxWindowSize   most IDs a sender may run ahead of the receiver (>= 1)
     */
    public SequenceRing(int channelCapacity, int maxWindowSize) {
        if (channelCapacity < 1) {
            throw new IllegalArgumentException("channelCapacity must be >= 1: " + channelCapacity);
        }
        if (maxWindowSize < 1) {
            throw new IllegalArgumentException("maxWindowSize must be >= 1: " + maxWindowSize);
        }
        this.channelCapacity = channelCapacity;
        this.maxWindowSize = maxWindowSize;
        this.window = new Object[maxWindowSize];
    }

    /** A new sender; close it when it has sent its last record. */
    public Sender<T> sender() {
        lock.lock();
        try {
            openSenders++;
            createdSenders++;
            return new Sender<>(this);
        } finally {
            lock.unlock();
        }
    }

    /** Blocks for the next record in sequence order; empty once every sender is closed and all was delivered. */
    public Optional<T> recvOrdered() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                T data = takeNextLocked();
                if (data != null) {
                    return Optional.of(data);
                }
                if (endedLocked()) {
                    return Optional.empty();
                }
                nextArrived.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The next record in sequence order if it has arrived; never blocks. */
    public Optional<T> tryRecvOrdered() {
        lock.lock();
        try {
            T data = takeNextLocked();
            if (data == null) {
                endedLocked(); // reports a gap as an exception
            }
            return Optional.ofNullable(data);
        } finally {
            lock.unlock();
        }
    }

    /** A consistent snapshot of the ring's counters. */
    public SequenceRingStats stats() {
        lock.lock();
        try {
            return new SequenceRingStats(next, buffered, maxWindowSize, channelCapacity);
        } finally {
            lock.unlock();
        }
    }

    @SuppressWarnings("unchecked")
    private T takeNextLocked() {
        int index = (int) (next % maxWindowSize);
        Object data = window[index];
        if (data == null) {
            return null;
        }
        window[index] = null;
        buffered--;
        next++;
        windowMoved.signalAll();
        return (T) data;
    }

    private boolean endedLocked() {
        if (createdSenders == 0 || openSenders > 0) {
            return false;
        }
        if (buffered > 0) {
            throw new IllegalStateException("every sender is closed but sequence ID " + next + " never arrived ("
                    + buffered + " later records are waiting)");
        }
        return true;
    }

    private void send(long id, T data) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                if (id < next) {
                    throw new IllegalArgumentException("sequence ID " + id + " was already delivered (next is "
                            + next + ")");
                }
                boolean inWindow = id < next + maxWindowSize;
                if (inWindow && window[(int) (id % maxWindowSize)] != null) {
                    throw new IllegalArgumentException("duplicate sequence ID " + id);
                }
                if (inWindow && (buffered < channelCapacity || id == next)) {
                    window[(int) (id % maxWindowSize)] = data;
                    buffered++;
                    if (id == next) {
                        nextArrived.signal();
                    }
                    return;
                }
                windowMoved.await();
            }
        } finally {
            lock.unlock();
        }
    }

    private void closeSender() {
        lock.lock();
        try {
            openSenders--;
            nextArrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Sends records into a {@link SequenceRing}. Thread-safe; close exactly once when done. */
    public static final class Sender<T> implements AutoCloseable {
        private final SequenceRing<T> ring;
        private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

        private Sender(SequenceRing<T> ring) {
            this.ring = ring;
        }

        /**
         * Adds a record, blocking while its ID is beyond the window or the ring is full.
         *
         * @throws IllegalArgumentException if the ID is a duplicate or was already delivered
         * @throws IllegalStateException    if this sender was closed
         */
        public void send(SequencedRecord<T> record) throws InterruptedException {
            if (closed.get()) {
                throw new IllegalStateException("sender is closed");
            }
            ring.send(record.sequenceId(), record.data());
        }

        /** Declares that this sender sends nothing more; idempotent. */
        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                ring.closeSender();
            }
        }
    }
}
