package dev.ringline.memory;

import dev.ringline.pipeline.OrderedPipeline;
import dev.ringline.pipeline.PipelineStats;
import dev.ringline.pipeline.RecordConsumer;
import dev.ringline.pipeline.RecordProcessingException;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Applies a function to inputs on N worker threads and returns the results in submission order, with at most
 * {@code min(channelCapacity, maxWindowSize)} inputs in flight. Built on {@link OrderedPipeline}.
 *
 * <pre>{@code
 * try (WorkerPool<byte[], String> pool = new WorkerPool<>(4, 100, 50,
 *         (bytes, scratch) -> new String(bytes, StandardCharsets.UTF_8))) {
 *     Iterator<String> results = pool.map(chunks.iterator());   // submits and receives, interleaved
 *     results.forEachRemaining(System.out::println);
 * }
 * }</pre>
 *
 * <p><b>The bounded-window rule.</b> {@link #submit} blocks while the window is full, and only receiving frees it.
 * A single thread that submits more than the window before receiving therefore blocks forever: either submit and
 * receive on different threads, or let {@link #map(Iterator)} interleave for you.
 *
 * <p>Errors: if {@code fn} throws (or returns null), {@link #recvOrdered()} throws a
 * {@link RecordProcessingException} at that input's position; the next call continues with the next result.
 * Submitting is thread-safe; receiving is done by one thread at a time.
 */
public final class WorkerPool<I, O> implements AutoCloseable {
    private final OrderedPipeline<Task<I, O>> pipeline;
    private final int numWorkers;
    private final int channelCapacity;
    private final int maxWindowSize;
    private final RecordConsumer<Task<I, O>> capture = this::capture;
    private volatile boolean shutdown;
    private volatile boolean closed;
    /** Written by the receiving thread inside take/poll, read right after it on the same thread. */
    private O received;
    private RuntimeException receivedFailure;

    /** One ring slot: the input and what the function made of it. */
    static final class Task<I, O> {
        I input;
        O output;
    }

    /**
     * Starts {@code numWorkers} threads named {@code ringline-worker-N}.
     *
     * @param numWorkers      worker threads (1..256)
     * @param channelCapacity most inputs submitted and not yet received
     * @param maxWindowSize   most results that may wait for an earlier one; the pool enforces the smaller bound
     * @param fn              the work; gets the worker's own scratch buffers, cleared before each call
     */
    public WorkerPool(int numWorkers, int channelCapacity, int maxWindowSize, BiFunction<I, ScratchBuffers, O> fn) {
        Objects.requireNonNull(fn, "fn");
        if (channelCapacity < 1 || maxWindowSize < 1) {
            throw new IllegalArgumentException("channelCapacity and maxWindowSize must be >= 1: "
                    + channelCapacity + ", " + maxWindowSize);
        }
        this.numWorkers = numWorkers;
        this.channelCapacity = channelCapacity;
        this.maxWindowSize = maxWindowSize;
        this.pipeline = OrderedPipeline.<Task<I, O>>builder(Task::new, (seq, task, scratch) -> {
                    task.output = null;
                    O out = fn.apply(task.input, scratch);
                    task.input = null; // do not keep the input alive until the slot is reused
                    task.output = Objects.requireNonNull(out, "the worker function returned null");
                })
                .workers(numWorkers)
                .capacity(Math.min(channelCapacity, maxWindowSize))
                .multiProducer()
                .build();
    }

    /**
     * Submits an input, blocking while the window is full.
     *
     * @throws IllegalStateException after {@link #shutdown()}
     * @throws InterruptedException  if interrupted while blocked; the input was not submitted
     */
    public void submit(I input) throws InterruptedException {
        if (shutdown) {
            throw new IllegalStateException("worker pool is shut down");
        }
        long seq = pipeline.claim();
        pipeline.slot(seq).input = input;
        pipeline.publish(seq);
    }

    /** Submits without blocking; returns false (and submits nothing) when the window is full. */
    public boolean trySubmit(I input) {
        if (shutdown) {
            throw new IllegalStateException("worker pool is shut down");
        }
        long seq = pipeline.tryClaim(1);
        if (seq < 0) {
            return false;
        }
        pipeline.slot(seq).input = input;
        pipeline.publish(seq);
        return true;
    }

    /**
     * Blocks for the next result in submission order. Returns empty once {@link #shutdown()} was called and every
     * result was received; never blocks forever after the last result.
     *
     * @throws RecordProcessingException if the function failed for this input
     */
    public Optional<O> recvOrdered() throws InterruptedException {
        if (closed) {
            return Optional.empty();
        }
        if (!pipeline.take(capture)) {
            pipeline.close(); // everything was received: stop the threads now
            return Optional.empty();
        }
        return deliverCaptured();
    }

    /** The next result in submission order if it is ready; never blocks. */
    public Optional<O> tryRecvOrdered() {
        if (closed || !pipeline.poll(capture)) {
            return Optional.empty();
        }
        return deliverCaptured();
    }

    private Optional<O> deliverCaptured() {
        return Optional.of(takeCaptured());
    }

    /** The result captured by the last take/poll, or its failure thrown; no Optional on the map path. */
    private O takeCaptured() {
        RuntimeException failure = receivedFailure;
        O result = received;
        receivedFailure = null;
        received = null;
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    private void capture(long sequence, Task<I, O> task, Throwable failure) {
        if (failure != null) {
            receivedFailure = new RecordProcessingException(sequence, failure);
        } else {
            received = task.output;
        }
        task.output = null;
        task.input = null;
    }

    /**
     * Results in submission order for every element of {@code inputs}, submitting and receiving on the calling
     * thread, interleaved so the window never deadlocks. The pool must not be used otherwise meanwhile.
     * A failed input surfaces as {@link RecordProcessingException} from {@code next()}; iteration may continue.
     */
    public Iterator<O> map(Iterator<? extends I> inputs) {
        Objects.requireNonNull(inputs, "inputs");
        return new Iterator<>() {
            private long pending;
            private I staged;
            private boolean hasStaged;

            @Override
            public boolean hasNext() {
                return hasStaged || inputs.hasNext() || pending > 0;
            }

            @Override
            public O next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                submitWhatFits();
                try {
                    pending--;
                    if (!pipeline.take(capture)) {
                        throw new IllegalStateException("worker pool ended before all results arrived");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for a result", e);
                }
                return takeCaptured();
            }

            private void submitWhatFits() {
                while (hasStaged || inputs.hasNext()) {
                    if (!hasStaged) {
                        staged = inputs.next();
                        hasStaged = true;
                    }
                    if (!trySubmit(staged)) {
                        if (pending > 0) {
                            return; // receive first: that frees the window
                        }
                        submitBlocking(staged); // nothing of ours in flight, so the window is freeing anyway
                    }
                    staged = null;
                    hasStaged = false;
                    pending++;
                }
            }
            private void submitBlocking(I input) {
                try {
                    submit(input);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while submitting", e);
                }
            }
        };
    }

    /** Stops accepting input; results already submitted stay receivable. Idempotent. */
    public void shutdown() {
        shutdown = true;
        pipeline.finish();
    }

    /** Shuts down, discards results not yet received, and ends every worker thread. */
    @Override
    public void close() {
        shutdown = true;
        closed = true;
        pipeline.finish();
        pipeline.abort(Duration.ofSeconds(30));
    }

    /** A snapshot of the pool's counters. */
    public WorkerPoolStats stats() {
        PipelineStats s = pipeline.stats();
        return new WorkerPoolStats(numWorkers, s.published(), s.inFlight(), s.delivered(), s.failed(),
                channelCapacity, maxWindowSize, s.capacity());
    }
}
