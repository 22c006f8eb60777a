package dev.ringline.cobol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Flow;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A pull view of a {@link RecordPublisher}: an iterator that requests {@code buffer} records, then one more for each
 * record taken, so at most {@code buffer} records wait here; closing the stream cancels the subscription.
 */
final class RecordStream implements Flow.Subscriber<RecordSnapshot>, Iterator<RecordSnapshot> {
    private final int buffer;
    /** Guarded by this. */
    private final ArrayDeque<RecordSnapshot> ready;
    private Flow.Subscription subscription;
    private boolean done;
    private Throwable failure;
    private RecordSnapshot next;

    private RecordStream(int buffer) {
        this.buffer = buffer;
        this.ready = new ArrayDeque<>(Math.min(buffer, 1024));
    }

    static Stream<RecordSnapshot> of(RecordPublisher publisher, int buffer) {
        if (buffer < 1 || buffer > 65_536) {
            throw new IllegalArgumentException("buffer must be 1..65536: " + buffer);
        }
        RecordStream stream = new RecordStream(buffer);
        publisher.subscribe(stream);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(stream,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(stream::close);
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        notifyAll();
        subscription.request(buffer);
    }

    @Override
    public synchronized void onNext(RecordSnapshot item) {
        ready.add(item);
        notifyAll();
    }

    @Override
    public synchronized void onError(Throwable throwable) {
        failure = throwable;
        done = true;
        notifyAll();
    }

    @Override
    public synchronized void onComplete() {
        done = true;
        notifyAll();
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        Flow.Subscription s;
        synchronized (this) {
            while (ready.isEmpty() && !done) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    close();
                    throw new IllegalStateException("interrupted while waiting for the next record", e);
                }
            }
            next = ready.poll();
            if (next == null) {
                rethrow(failure);
                return false;
            }
            s = subscription;
        }
        s.request(1); // outside the lock: the publisher may deliver on this call
        return true;
    }

    private static void rethrow(Throwable failure) {
        if (failure == null) {
            return;
        }
        if (failure instanceof IOException io) {
            throw new UncheckedIOException(io);
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(failure);
    }

    @Override
    public RecordSnapshot next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RecordSnapshot r = next;
        next = null;
        return r;
    }

    /** Cancels the decode (it stops and closes its source); records not taken are dropped. */
    void close() {
        Flow.Subscription s;
        synchronized (this) {
            while (subscription == null && !done) { // subscribe runs on the publisher's thread: wait for it
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            s = subscription;
            done = true;
            ready.clear();
        }
        if (s != null) {
            s.cancel();
        }
    }
}
