package dev.ringline.memory;

import dev.ringline.buffer.ScratchBuffers;
import dev.ringline.pipeline.OrderedPipeline;
import dev.ringline.pipeline.PipelineStats;
import dev.ringline.pipeline.RecordConsumer;
import dev.ringline.pipeline.RecordProcessingException;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ThreadFactory;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Applies a function to inputs on N worker threads and returns the results in submission order. Built on
 * {@link OrderedPipeline}. The two bounds mean what the original Rust module documents:
 * <ul>
 *   <li>{@code channelCapacity}: the most inputs in flight (submitted and not yet received). Up to that many may be
 *   submitted before the first receive without blocking, so one thread may submit a batch and then receive it.</li>
 *   <li>{@code maxWindowSize}: the reordering window. A worker starts input {@code s} only when every input before
 *   {@code s - maxWindowSize} was received, so at most {@code maxWindowSize} results wait for an earlier one; the
 *   other in-flight inputs wait unprocessed.</li>
 * </ul>
 *
 * <pre>{@code
 * try (WorkerPool<byte[], String> pool = new WorkerPool<>(4, 100, 50,
 *         (bytes, scratch) -> new String(bytes, StandardCharsets.UTF_8))) {
 *     for (byte[] chunk : chunks) {          // up to 100 chunks: submit them all...
 *         pool.submit(chunk);
 *     }
 *     for (int i = 0; i < chunks.size(); i++) {   // ...then receive them all, in order
 *         System.out.println(pool.recvOrdered().orElseThrow());
 *     }
 * }
 * }</pre>
 *
 * <p><b>More inputs than {@code channelCapacity}.</b> {@link #submit} blocks while {@code channelCapacity} inputs
 * are in flight, and only receiving frees them: a single thread that submits more than that before receiving
 * blocks forever. Submit and receive on different threads, or let {@link #map(Iterator)} interleave for you.
 *
 * <p>Errors: if {@code fn} throws (or returns null), {@link #recvOrdered()} throws a
 * {@link RecordProcessingException} at that input's position; the next call continues with the next result.
 * Submitting is thread-safe; receiving is done by one thread at a time.
 */
public final class WorkerPool<I, O> implements AutoCloseable {
    /** The largest {@code channelCapacity} and {@code maxWindowSize}: the pool preallocates a slot per input in flight. */
    public static final int MAX_CAPACITY = OrderedPipeline.Builder.MAX_CAPACITY;

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
     * @param numWorkers      worker threads, 1..256
     * @param channelCapacity most inputs submitted and not yet received, 1..{@value #MAX_CAPACITY}
     * @param maxWindowSize   most results that may wait for an earlier one, 1..{@value #MAX_CAPACITY}; a window
     *                        larger than {@code channelCapacity} bounds nothing more than the capacity does
     * @param fn              the work; gets the worker's own scratch buffers, cleared before each call
     * @throws IllegalArgumentException if an argument is out of range
     */
    public WorkerPool(int numWorkers, int channelCapacity, int maxWindowSize, BiFunction<I, ScratchBuffers, O> fn) {
        this(numWorkers, channelCapacity, maxWindowSize, fn, null);
    }

    /**
     * Like {@link #WorkerPool(int, int, int, BiFunction)}, with the host's thread factory for the worker threads
     * (names, daemon flag, priority, context class loader).
     *
     * @param numWorkers      worker threads, 1..256
     * @param channelCapacity most inputs submitted and not yet received, 1..{@value #MAX_CAPACITY}
     * @param maxWindowSize   most results that may wait for an earlier one, 1..{@value #MAX_CAPACITY}
     * @param fn              the work; gets the worker's own scratch buffers, cleared before each call
     * @param threadFactory   creates every thread of the pool; null for the default {@code ringline-worker-N}
     * @throws IllegalArgumentException if an argument is out of range
     */
    public WorkerPool(int numWorkers, int channelCapacity, int maxWindowSize, BiFunction<I, ScratchBuffers, O> fn,
                      ThreadFactory threadFactory) {
        Objects.requireNonNull(fn, "fn");
        if (numWorkers < 1 || numWorkers > OrderedPipeline.Builder.MAX_WORKERS) {
            throw new IllegalArgumentException("numWorkers must be 1.." + OrderedPipeline.Builder.MAX_WORKERS + ": "
                    + numWorkers);
        }
        if (channelCapacity < 1 || channelCapacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("channelCapacity must be 1.." + MAX_CAPACITY + ": " + channelCapacity);
        }
        if (maxWindowSize < 1 || maxWindowSize > MAX_CAPACITY) {
            throw new IllegalArgumentException("maxWindowSize must be 1.." + MAX_CAPACITY + ": " + maxWindowSize);
        }
        this.numWorkers = numWorkers;
        this.channelCapacity = channelCapacity;
        this.maxWindowSize = maxWindowSize;
        OrderedPipeline.Builder<Task<I, O>> builder = OrderedPipeline.<Task<I, O>>builder(Task::new, (seq, task, scratch) -> {
                    task.output = null;
                    O out = fn.apply(task.input, scratch);
                    task.input = null; // do not keep the input alive until the slot is reused
                    task.output = Objects.requireNonNull(out, "the worker function returned null");
                })
                .workers(numWorkers)
                .capacity(channelCapacity)
                .reorderWindow(Math.min(channelCapacity, maxWindowSize))
                .multiProducer();
        if (threadFactory != null) {
            builder.threadFactory(threadFactory);
        }
        this.pipeline = builder.build();
    }

    /**
     * Submits an input, blocking while {@code channelCapacity} inputs are in flight.
     *
     * @param input the input; the function gets it on a worker thread
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

    /**
     * Submits without blocking.
     *
     * @param input the input
     * @return false (and nothing submitted) when {@code channelCapacity} inputs are in flight
     * @throws IllegalStateException after {@link #shutdown()}
     */
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
     * @return the next result, or empty at the end
     * @throws RecordProcessingException if the function failed for this input
     * @throws InterruptedException      if interrupted while waiting; nothing was received
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

    /**
     * The next result in submission order if it is ready; never blocks.
     *
     * @return the next result, or empty if it is not ready
     * @throws RecordProcessingException if the function failed for this input
     */
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
     * A failed input surfaces as {@link RecordProcessingException} from {@code next()}; iteration may continue, as
     * it may after {@code next()} was interrupted (it then throws {@link IllegalStateException} and keeps the
     * interrupt status; the result it waited for comes with the following call).
     *
     * @param inputs the inputs, consumed lazily
     * @return the results in input order
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
                    if (!pipeline.take(capture)) {
                        throw new IllegalStateException("worker pool ended before all results arrived");
                    }
                    pending--; // only once a result was really taken: a failed take leaves it pending
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

    /**
     * Shuts down, discards results not yet received, and ends every worker thread (interrupting a function that
     * does not return within 15 s).
     *
     * @throws IllegalStateException if a worker thread still had not ended after 30 s
     */
    @Override
    public void close() {
        shutdown = true;
        closed = true;
        pipeline.finish();
        if (!pipeline.abort(Duration.ofSeconds(30))) {
            throw new IllegalStateException("worker pool threads did not end within 30 s of close(), even interrupted");
        }
    }

    /**
     * A snapshot of the pool's counters.
     *
     * @return the counters now
     */
    public WorkerPoolStats stats() {
        PipelineStats s = pipeline.stats();
        return new WorkerPoolStats(numWorkers, s.published(), s.inFlight(), s.delivered(), s.failed(),
                channelCapacity, maxWindowSize);
    }
}
