package dev.ringline.pipeline;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.Util;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Processes records in parallel and hands them to a consumer strictly in input order, in bounded memory.
 *
 * <p>Records live in the preallocated slots of a Disruptor ring; a slot's ring sequence is the record's 0-based
 * sequence ID. The producer claims slots and fills them in place; N workers, taking blocks of slots in turn, run the
 * {@link RecordProcessor} on their own slots with their own {@link dev.ringline.buffer.ScratchBuffers}; the ordered
 * stage releases each slot to the {@link RecordConsumer} only after its worker is done and every earlier slot was
 * released. The producer is gated by the ordered stage: at most {@code capacity} records (and, with a memory limit,
 * about that many bytes) are in flight, so a slow consumer slows the producer rather than growing memory.
 *
 * <pre>{@code
 * try (OrderedPipeline<Rec> pipeline = OrderedPipeline.builder(Rec::new, (seq, rec, scratch) -> rec.decode(scratch))
 *         .workers(4)
 *         .consumer((seq, rec, failure) -> out.write(rec.output))
 *         .build()) {
 *     while (source.hasNext()) {
 *         long seq = pipeline.claim();
 *         try {
 *             pipeline.slot(seq).fill(source.next());
 *         } finally {
 *             pipeline.publish(seq); // always: a claimed slot never published stalls every stage
 *         }
 *     }
 * } // close() drains: every published record reaches the consumer
 * }</pre>
 *
 * <p><b>Claim, try, finally publish.</b> As with the Disruptor's {@code RingBuffer.next()}, every claimed sequence
 * must be published, even when filling the slot fails; {@link #publish(SlotWriter, Object)} does it for you and
 * delivers the writer's exception at the record's position. A slot claimed and never published is detected by
 * {@link #close()}, which then aborts and names it rather than waiting forever.
 *
 * <p>Without a {@link Builder#consumer consumer} the pipeline is <em>pulled</em>: the caller's thread takes records
 * in order with {@link #take} / {@link #poll}. Costs: one claim and one publish per record (or per batch with
 * {@link #claim(int)}), one fenced store and one volatile read per record in the worker, no allocation per record.
 * Every thread that has nothing to do (the ordered stage, a pulling caller, a producer held by the in-flight bound,
 * a worker held by the reordering window) spins briefly, yields, then parks until it is signalled, so neither an
 * idle nor a draining pipeline burns a core.
 *
 * <p>{@link #close()} never waits without progress: it drains while records move and aborts, naming what was
 * stuck, when nothing moved for the builder's {@link Builder#stallTimeout stall timeout}.
 *
 * @param <E> the slot type: a mutable holder of one record's input and output, reused for every record
 */
public final class OrderedPipeline<E> implements AutoCloseable {
    /**
     * Park cap of a waiter whose every wake-up is signalled: it only bounds the cost of a missed signal, so an idle
     * pipeline wakes ten times a second at most.
     */
    private static final long SIGNALLED_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /**
     * Park cap of the ordered stage while a worker is in the middle of a batch: workers publish per-record progress
     * with a release store (a full fence per record would cost more than the rest of the hand-off) and fence only at
     * their batch end, so a per-record wake-up can be missed (only when the stage registers within nanoseconds of
     * the store) and this bounds the delay. Parks start at 1 ms and double up to it.
     */
    private static final long MID_BATCH_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** Park cap of a producer waiting on a memory budget that others may release without telling the pipeline. */
    private static final long BUDGET_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** How often a closing thread looks for progress while the ordered stage drains. */
    private static final long CLOSE_POLL_MILLIS = 20;
    /** A block that holds every sequence: what a single worker takes. */
    private static final int ONE_BLOCK_SHIFT = 62;

    private final RingBuffer<Slot<E>> ring;
    private final List<BatchEventProcessor<Slot<E>>> processors;
    private final Sequence[] workerSequences;
    /** The last sequence released by the ordered stage; gates the producer. */
    private final Sequence released = new Sequence(-1);
    /** Slots claimed so far (= the next sequence ID); reserved before the ring claim so capacity is exact. */
    private final AtomicLong claimed = new AtomicLong();
    private final int capacity;
    private final int workers;
    private final int blockShift;
    /** The workers, for stall reports: which one holds the oldest unreleased record. */
    private final List<BlockWorker<E>> blockWorkers;
    private final Duration stallTimeout;
    private final MemoryBudget memory;
    private final ToLongFunction<? super E> sizer;
    private final RecordConsumer<? super E> callback;
    private final SingleWriterRecorder latencyRecorder;
    private final Histogram latencyTotal;
    /** Fired when slots are released (producers and window-held workers wait on it) and on stop. */
    private final WakeSignal producerSignal = new WakeSignal();
    /** Fired when a worker finished records (the ordered stage waits on it) and on finish and stop. */
    private final WakeSignal consumerSignal = new WakeSignal();
    private final BooleanSupplier consumerReady = this::consumerReady;
    private final List<Thread> workerThreads = new ArrayList<>();
    private final Thread orderedThread;
    private final Backoff consumerBackoff = new Backoff();
    private final Backoff producerBackoff = new Backoff();
    /** Slots the single producer is waiting for; read by {@link #producerReady}. */
    private int pendingClaim = 1;
    private final BooleanSupplier producerReady = this::producerReady;

    private volatile boolean inputClosed;
    private volatile boolean stopped;
    /** The first failure wins: a later one must not hide the cause that stopped the pipeline. */
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile long failedCount;
    private final AtomicLong peakInFlight = new AtomicLong();
    private final AtomicLong peakBytesInFlight = new AtomicLong();
    private final boolean singleProducer;
    /** The one thread allowed to claim a single-producer pipeline, set by its first claim (CAS: two racing first claims cannot both win). */
    private final AtomicReference<Thread> producerThread = new AtomicReference<>();
    /** Held while a caller pulls: pulls may come from any thread, one at a time (the CAS also publishes state). */
    private final AtomicBoolean pulling = new AtomicBoolean();
    /** Next sequence the ordered stage releases; confined to the consumer thread. */
    private long nextToRelease;

    private OrderedPipeline(Builder<E> b) {
        this.workers = b.workers;
        this.capacity = b.capacity;
        if (b.reorderWindow > b.capacity) {
            throw new IllegalArgumentException("reorderWindow " + b.reorderWindow + " exceeds capacity " + b.capacity);
        }
        this.memory = b.memory;
        this.sizer = b.sizer;
        this.callback = b.consumer;
        this.stallTimeout = b.stallTimeout;
        this.singleProducer = !b.multiProducer;
        int ringSize = Util.ceilingNextPowerOfTwo(capacity);
        Supplier<? extends E> factory = b.slotFactory;
        this.ring = RingBuffer.create(b.multiProducer ? ProducerType.MULTI : ProducerType.SINGLE,
                () -> new Slot<>(factory.get()), ringSize, b.waitStrategy.create());
        this.latencyRecorder = b.recordLatency ? new SingleWriterRecorder(3) : null;
        this.latencyTotal = b.recordLatency ? new Histogram(3) : null;

        this.blockShift = blockShift(b.stripe, capacity, workers);
        Sequence blocks = new Sequence(0); // padded: taken by every worker once per block
        this.blockWorkers = new ArrayList<>(workers);
        // A window as large as capacity can never be exceeded: the worker's check then never fails.
        long window = b.reorderWindow > 0 ? b.reorderWindow : capacity;
        BooleanSupplier isStopped = () -> stopped;
        SequenceBarrier barrier = ring.newBarrier();
        this.processors = new ArrayList<>(workers);
        this.workerSequences = new Sequence[workers];
        ExceptionHandler<Slot<E>> engineFailure = new EngineFailureHandler();
        for (int i = 0; i < workers; i++) {
            BlockWorker<E> worker = new BlockWorker<>(i, blockShift, blocks, b.processor, consumerSignal,
                    new BlockWorker.Window(window, released, producerSignal, isStopped, SIGNALLED_PARK_NANOS));
            blockWorkers.add(worker);
            BatchEventProcessor<Slot<E>> processor = new BatchEventProcessorBuilder().build(ring, barrier, worker);
            processor.setExceptionHandler(engineFailure);
            processors.add(processor);
            workerSequences[i] = processor.getSequence();
        }
        ring.addGatingSequences(released);

        for (int i = 0; i < workers; i++) {
            workerThreads.add(newThread(b, processors.get(i), "-worker-" + i));
        }
        this.orderedThread = callback == null ? null : newThread(b, this::runOrderedStage, "-ordered");
        workerThreads.forEach(Thread::start);
        if (orderedThread != null) {
            orderedThread.start();
        }
    }

    private static Thread newThread(Builder<?> b, Runnable task, String suffix) {
        if (b.threadFactory == null) {
            return new Thread(task, b.threadNamePrefix + suffix);
        }
        Thread t = b.threadFactory.newThread(task);
        if (t == null) {
            throw new IllegalStateException("the thread factory returned null for " + b.threadNamePrefix + suffix);
        }
        return t;
    }

    /**
     * Blocks of up to 32 neighbouring slots per worker, but never so large that capacity starves a worker. Taking a
     * block is a locked add on a shared counter (measured ≈ 60 ns with records being written around it), so a lone
     * worker holds one block for ever, and larger blocks spread that cost over more records.
     */
    private static int blockShift(int requested, int capacity, int workers) {
        if (workers == 1) {
            return ONE_BLOCK_SHIFT;
        }
        int stripe = requested > 0 ? requested : Math.max(1, Math.min(32, capacity / (2 * workers)));
        return 31 - Integer.numberOfLeadingZeros(stripe);
    }

    /**
     * Starts building a pipeline.
     *
     * @param slotFactory creates the {@code capacity} (rounded up to a power of two) reusable slots, once
     * @param processor   the per-record work, run on worker threads
     * @param <E>         the slot type
     * @return a builder with the defaults described at {@link Builder}
     */
    public static <E> Builder<E> builder(Supplier<? extends E> slotFactory, RecordProcessor<? super E> processor) {
        return new Builder<>(slotFactory, processor);
    }

    // ------------------------------------------------------------------ producer side

    /**
     * Claims the next slot, blocking while the pipeline is full. Publish it in a {@code finally} block.
     *
     * @return the slot's sequence ID
     * @throws IllegalStateException   after {@link #finish()} or {@link #close()}
     * @throws PipelineFailedException if the pipeline failed or stalled
     * @throws InterruptedException    if interrupted while blocked; nothing was claimed
     */
    public long claim() throws InterruptedException {
        return claim(1);
    }

    /**
     * Claims {@code n} consecutive slots (a batch halves the per-record hand-off cost), blocking while they do not
     * fit in the in-flight bound or the memory limit is under pressure. The batch is {@code hi - n + 1 .. hi}.
     * Every claimed slot must be published, in a {@code finally} block: a slot claimed and never published stalls
     * every stage until {@link #close()} gives up on it.
     *
     * @param n how many slots, 1..capacity
     * @return the HIGHEST sequence claimed
     * @throws IllegalArgumentException if {@code n} is out of range
     * @throws IllegalStateException    after {@link #finish()} or {@link #close()}
     * @throws PipelineFailedException  if the pipeline failed or stalled
     * @throws InterruptedException     if interrupted while blocked; nothing was claimed
     */
    public long claim(int n) throws InterruptedException {
        checkBatch(n);
        checkProducerThread();
        Backoff backoff = null;
        BooleanSupplier ready = null;
        while (true) {
            ensureAcceptingInput();
            if (tryReserve(n)) {
                return claimReserved(n);
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for pipeline capacity");
            }
            if (backoff == null) {
                if (singleProducer) {
                    // The single producer reuses its back-off and readiness check: a full pipeline allocates nothing.
                    backoff = producerBackoff;
                    pendingClaim = n;
                    ready = producerReady;
                } else {
                    backoff = new Backoff(); // several producers: each waiting claim has its own (slow path only)
                    ready = () -> canReserve(n);
                }
                backoff.reset();
            }
            // Releases, finish and stop all fire the signal; only a budget shared with others needs polling.
            backoff.idle(producerSignal, ready, memory == null ? SIGNALLED_PARK_NANOS : BUDGET_PARK_NANOS);
        }
    }

    /**
     * Like {@link #claim(int)} but never blocks.
     *
     * @param n how many slots, 1..capacity
     * @return the highest sequence claimed, or -1 if they do not fit now
     * @throws IllegalArgumentException if {@code n} is out of range
     * @throws IllegalStateException    after {@link #finish()} or {@link #close()}
     * @throws PipelineFailedException  if the pipeline failed or stalled
     */
    public long tryClaim(int n) {
        checkBatch(n);
        checkProducerThread();
        ensureAcceptingInput();
        return tryReserve(n) ? claimReserved(n) : -1;
    }

    /**
     * The slot of a claimed sequence, to fill in place before {@link #publish(long)}.
     *
     * @param sequence a sequence this thread claimed and has not published yet
     * @return the reusable slot object
     */
    public E slot(long sequence) {
        return ring.get(sequence).event;
    }

    /**
     * Publishes one claimed slot to the workers.
     *
     * @param sequence the claimed sequence
     */
    public void publish(long sequence) {
        publish(sequence, sequence);
    }

    /**
     * Publishes the claimed slots {@code lo..hi} (inclusive) to the workers.
     *
     * @param lo the first sequence of the claimed batch
     * @param hi the last sequence of the claimed batch
     */
    public void publish(long lo, long hi) {
        long bytes = 0;
        if (sizer != null) {
            for (long s = lo; s <= hi; s++) {
                Slot<E> slot = ring.get(s);
                slot.bytes = sizer.applyAsLong(slot.event);
                bytes += slot.bytes;
            }
        }
        if (memory != null && bytes > 0) {
            memory.updateMemoryUsage(bytes);
            raise(peakBytesInFlight, memory.currentMemoryBytes());
        }
        ring.publish(lo, hi);
        raise(peakInFlight, hi - released.get());
    }

    /**
     * Claims a slot, lets {@code writer} fill it, and publishes it even if {@code writer} throws (an unpublished
     * slot would stall every stage). A record whose writer threw is delivered to the consumer as a failure at its
     * position, and the exception is rethrown here.
     *
     * @param writer fills the slot
     * @param arg    passed to the writer
     * @param <A>    the argument type
     * @return the sequence ID
     * @throws InterruptedException if interrupted while waiting for room; nothing was claimed
     */
    public <A> long publish(SlotWriter<? super E, A> writer, A arg) throws InterruptedException {
        long seq = claim(1);
        Slot<E> slot = ring.get(seq);
        try {
            writer.write(seq, slot.event, arg);
        } catch (RuntimeException | Error e) {
            slot.failure = e;
            throw e;
        } catch (Exception e) {
            slot.failure = e;
            throw new RecordProcessingException(seq, e);
        } finally {
            publish(seq);
        }
        return seq;
    }

    /**
     * Declares the end of input: no more claims. Pulled consumers then see the end after the last record; the
     * callback consumer's thread ends once everything is delivered. Idempotent.
     */
    public void finish() {
        inputClosed = true;
        consumerSignal.wake();
        producerSignal.wake();
    }

    private boolean tryReserve(int n) {
        if (memory != null && memory.isMemoryPressure()) {
            return false;
        }
        while (true) {
            long next = claimed.get();
            if (next + n - 1 - released.get() > capacity) {
                return false;
            }
            if (claimed.compareAndSet(next, next + n)) {
                return true;
            }
        }
    }

    private boolean producerReady() {
        return canReserve(pendingClaim);
    }

    private boolean canReserve(int n) {
        return failure.get() != null || inputClosed || stopped
                || ((memory == null || !memory.isMemoryPressure()) && claimed.get() + n - 1 - released.get() <= capacity);
    }

    private long claimReserved(int n) {
        // The reservation guarantees room (capacity <= ring size), so the ring claim never blocks.
        long hi = ring.next(n);
        long now = latencyRecorder != null ? System.nanoTime() : 0L;
        for (long s = hi - n + 1; s <= hi; s++) {
            Slot<E> slot = ring.get(s);
            slot.failure = null;
            slot.bytes = 0;
            slot.claimNanos = now;
        }
        return hi;
    }

    private void checkBatch(int n) {
        if (n < 1 || n > capacity) {
            throw new IllegalArgumentException("batch size must be 1.." + capacity + ": " + n);
        }
    }

    private void checkProducerThread() {
        if (singleProducer) {
            Thread current = Thread.currentThread();
            Thread owner = producerThread.get();
            if (owner != current && (owner != null || !producerThread.compareAndSet(null, current))) {
                // A single-producer ring silently corrupts slots when two threads claim: refuse loudly instead.
                throw new IllegalStateException("single-producer pipeline claimed from a second thread ("
                        + current.getName() + "); build it with multiProducer()");
            }
        }
    }

    private void ensureAcceptingInput() {
        Throwable f = failure.get();
        if (f != null) {
            throw failed(f);
        }
        if (inputClosed || stopped) {
            throw new IllegalStateException("pipeline no longer accepts input (finished or closed)");
        }
    }

    // ------------------------------------------------------------------ consumer side (pulled mode)

    /**
     * Pulled mode: blocks until the next record in sequence order is ready and delivers it to {@code consumer} on
     * this thread. Parks while nothing is ready, in every phase.
     *
     * @param consumer receives the record; the slot is reused after it returns
     * @return false once input is finished and every record was delivered
     * @throws IllegalStateException   if the pipeline has a callback consumer, another thread is pulling, or it was
     *                                 closed
     * @throws PipelineFailedException if the pipeline failed or stalled
     * @throws InterruptedException    if interrupted while waiting; no record was delivered
     */
    public boolean take(RecordConsumer<? super E> consumer) throws InterruptedException {
        beginPull();
        try {
            return takeNext(consumer);
        } finally {
            pulling.set(false);
        }
    }

    private boolean takeNext(RecordConsumer<? super E> consumer) throws InterruptedException {
        consumerBackoff.reset();
        while (true) {
            if (releaseAvailable(consumer, 1) == 1) {
                return true;
            }
            Throwable f = failure.get();
            if (f != null) {
                throw failed(f);
            }
            if (drained()) {
                return false;
            }
            if (stopped) {
                throw new IllegalStateException("pipeline closed");
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for the next record");
            }
            consumerBackoff.idle(consumerSignal, consumerReady, consumerParkNanos());
        }
    }

    /**
     * Pulled mode: delivers the next record if it is ready, without blocking.
     *
     * @param consumer receives the record
     * @return whether a record was delivered
     */
    public boolean poll(RecordConsumer<? super E> consumer) {
        return drain(consumer, 1) == 1;
    }

    /**
     * Pulled mode: delivers up to {@code max} ready records in order without blocking.
     *
     * @param consumer receives the records
     * @param max      the most records to deliver
     * @return how many were delivered
     */
    public int drain(RecordConsumer<? super E> consumer, int max) {
        beginPull();
        try {
            Throwable f = failure.get();
            if (f != null) {
                throw failed(f);
            }
            return releaseAvailable(consumer, max);
        } finally {
            pulling.set(false);
        }
    }

    /**
     * Whether the stream is complete.
     *
     * @return true once input is finished and every claimed record was delivered
     */
    public boolean isDrained() {
        return drained();
    }

    private boolean drained() {
        return inputClosed && released.get() + 1 >= claimed.get();
    }

    /**
     * What may end a consumer's wait: the next record finished, the end of the stream, or a stop. Not merely "input
     * closed": a draining stage that counted that as ready never parked (it spun a core until the last record).
     */
    private boolean consumerReady() {
        return failure.get() != null || stopped || drained()
                || Util.getMinimumSequence(workerSequences) >= nextToRelease;
    }

    /** A worker in the middle of a batch may publish progress without a fence: poll then; otherwise wait for signals. */
    private long consumerParkNanos() {
        return Util.getMinimumSequence(workerSequences) >= ring.getCursor() ? SIGNALLED_PARK_NANOS : MID_BATCH_PARK_NANOS;
    }

    private void beginPull() {
        if (callback != null) {
            throw new IllegalStateException("this pipeline delivers to its consumer callback; it cannot be pulled");
        }
        if (!pulling.compareAndSet(false, true)) {
            throw new IllegalStateException("two threads pulled at once; the ordered stage has a single consumer");
        }
    }

    /** The ordered stage: releases up to {@code max} finished records in sequence order. Consumer thread only. */
    private int releaseAvailable(RecordConsumer<? super E> consumer, int max) {
        long available = Util.getMinimumSequence(workerSequences);
        int n = 0;
        while (nextToRelease <= available && n < max) {
            long seq = nextToRelease;
            Slot<E> slot = ring.get(seq);
            Throwable recordFailure = slot.failure;
            try {
                consumer.accept(seq, slot.event, recordFailure);
            } catch (Throwable t) {
                fail(new PipelineFailedException("consumer failed at record " + seq + ": " + t, t));
                throw failed(failure.get());
            }
            if (recordFailure != null) {
                failedCount++; // single writer: the consumer thread
                slot.failure = null;
            }
            if (latencyRecorder != null) {
                latencyRecorder.recordValue(Math.max(0, System.nanoTime() - slot.claimNanos));
            }
            if (slot.bytes != 0) {
                memory.updateMemoryUsage(-slot.bytes);
                slot.bytes = 0;
            }
            nextToRelease = seq + 1;
            released.set(seq); // release store: the producer may now reuse this slot
            n++;
        }
        if (n > 0) {
            released.setVolatile(nextToRelease - 1); // fence before the wake-up check
            producerSignal.wake();
        }
        return n;
    }

    private void runOrderedStage() {
        Backoff backoff = new Backoff();
        try {
            while (true) {
                if (releaseAvailable(callback, 256) > 0) {
                    backoff.reset();
                    continue;
                }
                if (failure.get() != null || stopped || drained()) {
                    return;
                }
                backoff.idle(consumerSignal, consumerReady, consumerParkNanos());
            }
        } catch (Throwable t) {
            fail(t);
        }
    }

    // ------------------------------------------------------------------ failure and lifecycle

    private void fail(Throwable t) {
        failure.compareAndSet(null, t); // the first failure is the cause; later ones are its consequences
        stopped = true;
        for (BatchEventProcessor<Slot<E>> p : processors) {
            p.halt();
        }
        producerSignal.wake();
        consumerSignal.wake();
    }

    /** Test hook: {@link #fail} from any thread. */
    void failForTest(Throwable t) {
        fail(t);
    }

    /** Test hook: the failure that stopped the pipeline, or null. */
    Throwable failureForTest() {
        return failure.get();
    }

    private static RuntimeException failed(Throwable f) {
        if (f instanceof PipelineFailedException) {
            PipelineFailedException p = (PipelineFailedException) f;
            return new PipelineFailedException(p.getMessage(), p.getCause());
        }
        return new PipelineFailedException("pipeline failed: " + f, f);
    }

    /**
     * Finishes input, waits until every published record was delivered (callback mode), then stops and joins all
     * threads. Drains for as long as records move; when nothing moved for the builder's
     * {@link Builder#stallTimeout stall timeout} it aborts, interrupts the stuck thread, releases every blocked
     * caller (they get a {@link PipelineFailedException}) and throws. In pulled mode records the caller has not
     * taken yet are discarded: take until {@link #take} returns false first. If interrupted while draining, falls
     * back to {@link #abort} and keeps the interrupt status.
     *
     * @throws PipelineStalledException if draining made no progress for the stall timeout (naming the worker and
     *                                  sequence, the consumer, or the slot claimed and never published), or a
     *                                  pipeline thread did not end after being interrupted
     * @throws IllegalStateException    if called from the consumer callback or a worker (it would wait for itself)
     */
    @Override
    public void close() {
        closeWithin(null);
    }

    /**
     * Like {@link #close()}, but gives up draining after {@code timeout} in total even while records still move.
     *
     * @param timeout the longest time to drain before aborting; positive
     * @throws PipelineStalledException if draining did not complete in time, or stalled before
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public void close(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        closeWithin(timeout);
    }

    /** Closes; {@code timeout} bounds the whole drain, or null for no bound but the stall timeout. */
    private void closeWithin(Duration timeout) {
        if (Thread.currentThread() == orderedThread || workerThreads.contains(Thread.currentThread())) {
            // Draining needs this very thread to return first: refuse rather than wait forever.
            throw new IllegalStateException("close() called from a pipeline thread (" + Thread.currentThread().getName()
                    + ") would wait for itself; call finish() there and close() from the owner");
        }
        finish();
        if (orderedThread != null) {
            PipelineStalledException stall;
            try {
                stall = awaitDrained(timeout);
            } catch (InterruptedException e) {
                abort(stallTimeout);
                Thread.currentThread().interrupt();
                return;
            }
            if (stall != null) {
                fail(stall);
                boolean ended = abort(stallTimeout, true);
                throw ended ? stall : stall.withThreadsAlive(aliveThreads());
            }
        }
        if (!abort(stallTimeout)) {
            Stuck none = new Stuck(PipelineStalledException.Stage.THREAD, -1, -1);
            throw new PipelineStalledException(none, "pipeline threads did not end after interruption: "
                    + aliveThreads(), stallTimeout);
        }
    }

    /** Waits for the ordered thread to end; returns what was stuck if it stopped moving, or null once it ended. */
    private PipelineStalledException awaitDrained(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long stallNanos = stallTimeout.toNanos();
        long totalNanos = timeout == null ? Long.MAX_VALUE : timeout.toNanos();
        long mark = progressMark();
        long lastMove = start;
        while (true) {
            orderedThread.join(CLOSE_POLL_MILLIS);
            if (!orderedThread.isAlive()) {
                return null;
            }
            long now = System.nanoTime();
            long m = progressMark();
            if (m != mark) {
                mark = m;
                lastMove = now;
            }
            if (now - lastMove >= stallNanos) {
                Stuck stuck = stuck();
                return new PipelineStalledException(stuck, "close() saw no progress for " + stallTimeout
                        + "; stuck: " + stuck.describe(), stallTimeout);
            }
            if (now - start >= totalNanos) {
                Stuck stuck = stuck();
                return new PipelineStalledException(stuck, "close() did not drain within " + timeout
                        + "; oldest record held by: " + stuck.describe(), timeout);
            }
        }
    }

    /** Changes whenever a worker finishes or skips a record or the ordered stage releases one. */
    private long progressMark() {
        long sum = released.get();
        for (Sequence s : workerSequences) {
            sum += s.get();
        }
        return sum;
    }

    /** What holds the oldest unreleased record. */
    private Stuck stuck() {
        long next = released.get() + 1;
        if (next < claimed.get()) {
            if (!isPublished(next)) {
                return new Stuck(PipelineStalledException.Stage.UNPUBLISHED_SLOT, -1, next);
            }
            // The worker whose block holds the record; else (no block taken that far yet) the slowest one.
            for (BlockWorker<E> w : blockWorkers) {
                long from = w.heldFrom();
                if (from >= 0 && from <= next && next < from + w.blockSize()
                        && workerSequences[w.ordinal()].get() < next) {
                    return new Stuck(PipelineStalledException.Stage.WORKER, w.ordinal(), next);
                }
            }
            for (int i = 0; i < workers; i++) {
                if (workerSequences[i].get() < next) {
                    return new Stuck(PipelineStalledException.Stage.WORKER, i, next);
                }
            }
        }
        return new Stuck(PipelineStalledException.Stage.CONSUMER, -1, next);
    }

    private boolean isPublished(long sequence) {
        // A single-producer cursor moves at publish; a multi-producer one at claim, with per-slot availability.
        return singleProducer ? sequence <= ring.getCursor() : ring.isAvailable(sequence);
    }

    /** The location of a stall: which stage, which worker (or -1), which sequence. */
    record Stuck(PipelineStalledException.Stage stage, int worker, long sequence) {
        String describe() {
            switch (stage) {
                case WORKER:
                    return "worker " + worker + " on sequence " + sequence;
                case UNPUBLISHED_SLOT:
                    return "slot " + sequence + " claimed and never published";
                case CONSUMER:
                    return "the consumer at sequence " + sequence;
                default:
                    return "pipeline threads";
            }
        }
    }

    private List<String> aliveThreads() {
        List<String> alive = new ArrayList<>();
        for (Thread t : allThreads()) {
            if (t.isAlive()) {
                alive.add(t.getName());
            }
        }
        return alive;
    }

    private List<Thread> allThreads() {
        List<Thread> all = new ArrayList<>(workerThreads);
        if (orderedThread != null) {
            all.add(orderedThread);
        }
        return all;
    }

    /**
     * Stops now, discarding records in flight: workers finish the record they are on, nothing more is delivered,
     * blocked producers and pullers return. Waits up to {@code timeout} for the threads to end, interrupting them
     * once half of it has passed.
     *
     * @param timeout how long to wait for the threads
     * @return whether every pipeline thread has ended
     */
    public boolean abort(Duration timeout) {
        return abort(timeout, false);
    }

    private boolean abort(Duration timeout, boolean interruptAtOnce) {
        stopped = true;
        inputClosed = true;
        for (BatchEventProcessor<Slot<E>> p : processors) {
            p.halt();
        }
        producerSignal.wake();
        consumerSignal.wake();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Thread> all = allThreads();
        boolean interruptedNow = false;
        if (interruptAtOnce) {
            all.forEach(Thread::interrupt);
            interruptedNow = true;
        }
        boolean callerInterrupted = false;
        for (Thread t : all) {
            while (t.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                if (!interruptedNow && left < timeout.toNanos() / 2) {
                    all.forEach(Thread::interrupt);
                    interruptedNow = true;
                }
                try {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, timeout.toNanos() / 2 + 1))));
                } catch (InterruptedException e) {
                    callerInterrupted = true;
                }
            }
        }
        if (callerInterrupted) {
            Thread.currentThread().interrupt();
        }
        return all.stream().noneMatch(Thread::isAlive);
    }

    // ------------------------------------------------------------------ observation

    /**
     * A snapshot of the counters; cheap, safe from any thread.
     *
     * @return the counters now
     */
    public PipelineStats stats() {
        long delivered = released.get() + 1;
        long published = publishedCount(delivered);
        return new PipelineStats(workers, capacity, published, delivered, failedCount, published - delivered,
                peakInFlight.get(), memory == null ? 0 : memory.currentMemoryBytes(), peakBytesInFlight.get(),
                memory == null ? 0 : memory.maxMemoryBytes());
    }

    /** Records published: with several producers the cursor counts claims, so count the available prefix. */
    private long publishedCount(long delivered) {
        long cursor = ring.getCursor();
        if (singleProducer) {
            return cursor + 1;
        }
        long s = delivered; // everything delivered was published
        while (s <= cursor && ring.isAvailable(s)) {
            s++;
        }
        return s;
    }

    /**
     * Claim-to-release latency of every record released so far, when the builder enabled
     * {@link Builder#recordLatency}: count and percentiles in nanoseconds. Allocates: not for a per-record path.
     *
     * @return a snapshot of the distribution
     * @throws IllegalStateException if latency recording is off
     */
    public synchronized LatencySnapshot latency() {
        Histogram h = latencyTotal();
        return new LatencySnapshot(h.getTotalCount(), h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue());
    }

    /**
     * Writes the latency distribution of every record released so far in HdrHistogram's percentile text format
     * ({@code .hgrm}, values in microseconds), which its plotter reads. The stream is flushed, not closed.
     *
     * @param out where the text goes (ASCII)
     * @throws IllegalStateException if latency recording is off
     */
    public synchronized void writeLatencyDistribution(java.io.OutputStream out) {
        java.io.PrintStream text = new java.io.PrintStream(out, false, java.nio.charset.StandardCharsets.US_ASCII);
        latencyTotal().outputPercentileDistribution(text, 1000.0); // nanoseconds recorded, microseconds written
        text.flush();
    }

    private Histogram latencyTotal() {
        if (latencyRecorder == null) {
            throw new IllegalStateException("latency recording is off; enable it with recordLatency(true)");
        }
        latencyTotal.add(latencyRecorder.getIntervalHistogram());
        return latencyTotal;
    }

    /**
     * The number of worker threads.
     *
     * @return worker threads
     */
    public int workers() {
        return workers;
    }

    /**
     * The in-flight bound in records.
     *
     * @return the most records claimed and not yet released
     */
    public int capacity() {
        return capacity;
    }

    private static void raise(AtomicLong peak, long value) {
        long current = peak.get();
        while (value > current && !peak.compareAndSet(current, value)) {
            current = peak.get();
        }
    }

    /** A failure outside any record's processing is an engine bug: stop everything rather than stall. */
    private final class EngineFailureHandler implements ExceptionHandler<Slot<E>> {
        @Override
        public void handleEventException(Throwable ex, long sequence, Slot<E> event) {
            fail(new PipelineFailedException("worker failed outside record processing at " + sequence, ex));
        }

        @Override
        public void handleOnStartException(Throwable ex) {
            fail(ex);
        }

        @Override
        public void handleOnShutdownException(Throwable ex) {
            // Nothing depends on shutdown hooks; the thread is ending anyway.
        }
    }

    /**
     * Configures an {@link OrderedPipeline}. Defaults: one worker per available processor, 1024 records in flight,
     * no reordering bound beyond that, no byte bound, pulled consumer, single producer, spin-yield-block waiting (no
     * busy spin while idle), threads named {@code ringline-*}, a 30 s stall timeout for {@link #close()}.
     *
     * @param <E> the slot type
     */
    public static final class Builder<E> {
        /** The largest capacity: the ring preallocates this many slots, rounded up to a power of two. */
        public static final int MAX_CAPACITY = 1 << 24;
        /** The most worker threads. */
        public static final int MAX_WORKERS = 256;

        private final Supplier<? extends E> slotFactory;
        private final RecordProcessor<? super E> processor;
        private int workers = Math.min(MAX_WORKERS, Runtime.getRuntime().availableProcessors());
        private int capacity = 1024;
        private int reorderWindow;
        private int stripe;
        private MemoryBudget memory;
        private ToLongFunction<? super E> sizer;
        private RecordConsumer<? super E> consumer;
        private boolean multiProducer;
        private boolean recordLatency;
        private String threadNamePrefix = "ringline";
        private ThreadFactory threadFactory;
        private Duration stallTimeout = Duration.ofSeconds(30);
        private WorkerWait waitStrategy = WorkerWait.BACKOFF;

        private Builder(Supplier<? extends E> slotFactory, RecordProcessor<? super E> processor) {
            this.slotFactory = Objects.requireNonNull(slotFactory, "slotFactory");
            this.processor = Objects.requireNonNull(processor, "processor");
        }

        /**
         * Sets the number of worker threads.
         *
         * @param workers 1..{@value #MAX_WORKERS}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder<E> workers(int workers) {
            if (workers < 1 || workers > MAX_WORKERS) {
                throw new IllegalArgumentException("workers must be 1.." + MAX_WORKERS + ": " + workers);
            }
            this.workers = workers;
            return this;
        }

        /**
         * Sets the most records in flight (claimed but not yet released). The ring is this, rounded up to a power
         * of two, preallocated.
         *
         * @param capacity 1..{@value #MAX_CAPACITY}
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder<E> capacity(int capacity) {
            if (capacity < 1 || capacity > MAX_CAPACITY) {
                throw new IllegalArgumentException("capacity must be 1.." + MAX_CAPACITY + ": " + capacity);
            }
            this.capacity = capacity;
            return this;
        }

        /**
         * Bounds reordering: a worker starts record {@code s} only once every record before {@code s - window} was
         * released, so at most {@code window} records are finished ahead of the oldest one not yet delivered (the
         * rest of the capacity holds submitted records that wait). Costs one comparison per record. Default:
         * capacity, which never holds a worker.
         *
         * @param window 1..capacity (checked against capacity at {@link #build()})
         * @return this builder
         * @throws IllegalArgumentException if less than 1
         */
        public Builder<E> reorderWindow(int window) {
            if (window < 1) {
                throw new IllegalArgumentException("reorderWindow must be >= 1: " + window);
            }
            this.reorderWindow = window;
            return this;
        }

        /**
         * Sets how many consecutive slots a worker takes at a time (a block). Workers take blocks in turn as they
         * finish their last one, so a worker that gets less CPU takes fewer; larger blocks cost fewer updates of the
         * counter the workers share, smaller ones let work spread more evenly when records are few or slow. A single
         * worker takes every slot, whatever this says.
         *
         * @param stripe a power of two, or 0 to pick up to 32 from capacity and workers
         * @return this builder
         * @throws IllegalArgumentException if not 0 or a power of two
         */
        public Builder<E> stripe(int stripe) {
            if (stripe < 0 || Integer.bitCount(stripe) > 1) {
                throw new IllegalArgumentException("stripe must be 0 or a power of two: " + stripe);
            }
            this.stripe = stripe;
            return this;
        }

        /**
         * Bounds bytes in flight: {@code sizer} gives each record's size at publish, it is accounted to
         * {@code memory} until the record is released, and claims wait while {@code memory} is under pressure.
         * In flight therefore stays under the limit plus one batch.
         *
         * @param memory the budget (for example a {@code dev.ringline.memory.StreamingProcessor})
         * @param sizer  a record's size in bytes
         * @return this builder
         */
        public Builder<E> memoryBound(MemoryBudget memory, ToLongFunction<? super E> sizer) {
            this.memory = Objects.requireNonNull(memory, "memory");
            this.sizer = Objects.requireNonNull(sizer, "sizer");
            return this;
        }

        /**
         * Delivers records to {@code consumer} on a pipeline thread ({@code ringline-ordered}) instead of pulling.
         *
         * @param consumer receives every record in order
         * @return this builder
         */
        public Builder<E> consumer(RecordConsumer<? super E> consumer) {
            this.consumer = Objects.requireNonNull(consumer, "consumer");
            return this;
        }

        /**
         * Allows several threads to claim and publish (about 3x the claim cost of the single-producer default).
         *
         * @return this builder
         */
        public Builder<E> multiProducer() {
            this.multiProducer = true;
            return this;
        }

        /**
         * Records claim-to-release latency in an HdrHistogram (two {@code nanoTime} calls per record).
         *
         * @param recordLatency whether to record
         * @return this builder
         */
        public Builder<E> recordLatency(boolean recordLatency) {
            this.recordLatency = recordLatency;
            return this;
        }

        /**
         * Names the threads {@code PREFIX-worker-N} and {@code PREFIX-ordered} (unless a
         * {@link #threadFactory} names them).
         *
         * @param prefix default {@code ringline}
         * @return this builder
         */
        public Builder<E> threadNamePrefix(String prefix) {
            this.threadNamePrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * Lets the host create every thread the pipeline starts (names, daemon flag, priority, context class
         * loader). The factory must return a new, unstarted thread running the given task; the pipeline starts it.
         *
         * @param factory creates the worker threads and the ordered stage's thread
         * @return this builder
         */
        public Builder<E> threadFactory(ThreadFactory factory) {
            this.threadFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * How long {@link #close()} waits without any record moving before it aborts and throws
         * {@link PipelineStalledException}; also bounds how long closing waits for threads to end.
         *
         * @param timeout positive; default 30 s
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder<E> stallTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("stallTimeout must be positive: " + timeout);
            }
            this.stallTimeout = timeout;
            return this;
        }

        /**
         * Sets how workers wait for the producer.
         *
         * @param waitStrategy default {@link WorkerWait#BACKOFF}: spin 10 µs, yield 100 µs, then block
         * @return this builder
         */
        public Builder<E> waitStrategy(WorkerWait waitStrategy) {
            this.waitStrategy = Objects.requireNonNull(waitStrategy, "waitStrategy");
            return this;
        }

        /**
         * Builds the pipeline and starts its threads.
         *
         * @return the running pipeline
         * @throws IllegalArgumentException if the reordering window exceeds the capacity
         */
        public OrderedPipeline<E> build() {
            return new OrderedPipeline<>(this);
        }
    }
}
