package dev.ringline.cobol;

import dev.ringline.cobol.copybook.RecordLayout;

import java.nio.channels.ReadableByteChannel;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadFactory;

/**
 * A {@link Flow.Publisher} of decoded records whose subscriber's demand drives the decode: the ordered stage hands
 * a record to {@code onNext} only when one was requested and otherwise waits, which holds the ring, which holds the
 * reader. So a slow subscriber slows the decode instead of growing a buffer: at most {@code capacity} batches are
 * in flight whatever the demand. Cold: each subscription opens the source and runs its own decode on a thread of
 * the options' {@link DecodeOptions#threadFactory()} (or a daemon thread named {@code ringline-publisher}).
 * Signals come from that decode's threads, one at a time: {@code onSubscribe}, then {@code onNext} in input order,
 * then {@code onComplete}, or {@code onError} with the decode's failure ({@link DecodeAbortedException} when the
 * error policy stops it; rejects go to the options' rejects sink). {@code cancel} stops the decode and closes the
 * source.
 *
 * <pre>{@code
 * Flow.Publisher<RecordSnapshot> records = CobolDecoder.publisher(
 *         () -> FileChannel.open(Path.of("customer.dat")), layout, DecodeOptions.defaults());
 * }</pre>
 */
public final class RecordPublisher implements Flow.Publisher<RecordSnapshot> {
    private final ChannelSource source;
    private final RecordLayout layout;
    private final DecodeOptions options;

    RecordPublisher(ChannelSource source, RecordLayout layout, DecodeOptions options) {
        this.source = Objects.requireNonNull(source, "source");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public void subscribe(Flow.Subscriber<? super RecordSnapshot> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        Run run = new Run(subscriber);
        ThreadFactory factory = options.threadFactory();
        Thread thread = factory != null ? factory.newThread(run) : new Thread(run, "ringline-publisher");
        if (factory == null) {
            thread.setDaemon(true);
        }
        thread.start();
    }

    /** Thrown by the handler to stop the decode after a cancel or a bad request. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super("subscription cancelled", null, false, false);
        }
    }

    /** One subscription: its demand, and the decode that serves it. */
    private final class Run implements Flow.Subscription, RecordHandler, Runnable {
        private final Flow.Subscriber<? super RecordSnapshot> subscriber;
        /** Guarded by this. */
        private long demand;
        private boolean cancelled;
        private Throwable badRequest;

        Run(Flow.Subscriber<? super RecordSnapshot> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public synchronized void request(long n) {
            if (n <= 0) {
                if (badRequest == null && !cancelled) {
                    badRequest = new IllegalArgumentException("request must be positive (rule 3.9): " + n);
                }
            } else {
                demand = demand + n < 0 ? Long.MAX_VALUE : demand + n; // saturates at "unbounded"
            }
            notifyAll();
        }

        @Override
        public synchronized void cancel() {
            cancelled = true;
            notifyAll();
        }

        private synchronized boolean stopped() {
            return cancelled || badRequest != null;
        }

        /** Waits for demand (the ordered stage parks here), then delivers the record. */
        @Override
        public void record(DecodedRecord record) {
            synchronized (this) {
                while (demand == 0 && !cancelled && badRequest == null) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new Stop();
                    }
                }
                if (cancelled || badRequest != null) {
                    throw new Stop();
                }
                if (demand != Long.MAX_VALUE) {
                    demand--;
                }
            }
            subscriber.onNext(record.snapshot());
        }

        @Override
        public void run() {
            subscriber.onSubscribe(this);
            if (stopped()) {
                finish(null);
                return;
            }
            try (ReadableByteChannel in = source.open()) {
                CobolDecoder.decodeWaitingForDemand(in, layout, options, this);
                finish(null);
            } catch (Stop e) {
                finish(null);
            } catch (Throwable t) {
                finish(t);
            }
        }

        private void finish(Throwable failure) {
            Throwable error;
            synchronized (this) {
                if (cancelled) {
                    return; // rule 1.8: no more signals after cancel
                }
                error = badRequest != null ? badRequest : failure;
                cancelled = true;
            }
            if (error != null) {
                subscriber.onError(error);
            } else {
                subscriber.onComplete();
            }
        }
    }
}
