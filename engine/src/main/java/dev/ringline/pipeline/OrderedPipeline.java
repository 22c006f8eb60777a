package dev.ringline.pipeline;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.PhasedBackoffWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.Util;
import dev.ringline.memory.StreamingProcessor;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Processes records in parallel and hands them to a consumer strictly in input order, in bounded memory.
 *
 * <p>Records live in the preallocated slots of a Disruptor ring; a slot's ring sequence is the record's 0-based
 * sequence ID. The producer claims slots and fills them in place; N striped workers run the
 * {@link RecordProcessor} on their own slots with their own {@link dev.ringline.memory.ScratchBuffers}; the ordered
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
 *         pipeline.slot(seq).fill(source.next());
 *         pipeline.publish(seq);
 *     }
 * } // close() drains: every published record reaches the consumer
 * }</pre>
 *
 * <p>Without a {@link Builder#consumer consumer} the pipeline is <em>pulled</em>: the caller's thread takes records
 * in order with {@link #take} / {@link #poll}. Costs: one claim and one publish per record (or per batch with
 * {@link #claim(int)}), one fenced store and one volatile read per record in the worker, no allocation per record.
 * A pipeline whose ordered stage waits for busy workers spins briefly, yields, then parks, so it does not burn a core.
 *
 * @param <E> the slot type: a mutable holder of one record's input and output, reused for every record
 */
public final class OrderedPipeline<E> implements AutoCloseable {
    private final RingBuffer<Slot<E>> ring;
    private final List<BatchEventProcessor<Slot<E>>> processors;
    private final Sequence[] workerSequences;
    /** The last sequence released by the ordered stage; gates the producer. */
    private final Sequence released = new Sequence(-1);
    /** Slots claimed so far (= the next sequence ID); reserved before the ring claim so capacity is exact. */
    private final AtomicLong claimed = new AtomicLong();
    private final int capacity;
    private final int workers;
    private final StreamingProcessor memory;
    private final ToLongFunction<? super E> sizer;
    private final RecordConsumer<? super E> callback;
    private final SingleWriterRecorder latencyRecorder;
    private final Histogram latencyTotal;
    private final WakeSignal producerSignal = new WakeSignal();
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
    private volatile Throwable failure;
    private volatile long failedCount;
    private final AtomicLong peakInFlight = new AtomicLong();
    private final AtomicLong peakBytesInFlight = new AtomicLong();
    private final boolean singleProducer;
    private Thread producerThread;
    /** Held while a caller pulls: pulls may come from any thread, one at a time (the CAS also publishes state). */
    private final java.util.concurrent.atomic.AtomicBoolean pulling = new java.util.concurrent.atomic.AtomicBoolean();
    /** Next sequence the ordered stage releases; confined to the consumer thread. */
    private long nextToRelease;

    private OrderedPipeline(Builder<E> b) {
        this.workers = b.workers;
        this.capacity = b.capacity;
        this.memory = b.memory;
        this.sizer = b.sizer;
        this.callback = b.consumer;
        this.singleProducer = !b.multiProducer;
        int ringSize = Util.ceilingNextPowerOfTwo(capacity);
        Supplier<? extends E> factory = b.slotFactory;
        this.ring = RingBuffer.create(b.multiProducer ? ProducerType.MULTI : ProducerType.SINGLE,
                () -> new Slot<>(factory.get()), ringSize, b.waitStrategy);
        this.latencyRecorder = b.recordLatency ? new SingleWriterRecorder(3) : null;
        this.latencyTotal = b.recordLatency ? new Histogram(3) : null;

        int stripeShift = stripeShift(b.stripe, capacity, workers);
        SequenceBarrier barrier = ring.newBarrier();
        this.processors = new ArrayList<>(workers);
        this.workerSequences = new Sequence[workers];
        ExceptionHandler<Slot<E>> engineFailure = new EngineFailureHandler();
        for (int i = 0; i < workers; i++) {
            StripedWorker<E> worker = new StripedWorker<>(i, workers, stripeShift, b.processor, consumerSignal);
            BatchEventProcessor<Slot<E>> processor = new BatchEventProcessorBuilder().build(ring, barrier, worker);
            processor.setExceptionHandler(engineFailure);
            processors.add(processor);
            workerSequences[i] = processor.getSequence();
        }
        ring.addGatingSequences(released);

        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(processors.get(i), b.threadNamePrefix + "-worker-" + i);
            workerThreads.add(t);
        }
        this.orderedThread = callback == null ? null : new Thread(this::runOrderedStage, b.threadNamePrefix + "-ordered");
        workerThreads.forEach(Thread::start);
        if (orderedThread != null) {
            orderedThread.start();
        }
    }

    /** Blocks of up to 8 neighbouring slots per worker, but never so large that capacity starves a worker. */
    private static int stripeShift(int requested, int capacity, int workers) {
        int stripe = requested > 0 ? requested : Math.max(1, Math.min(8, capacity / (2 * workers)));
        return 31 - Integer.numberOfLeadingZeros(stripe);
    }

    /**
     * Starts building a pipeline.
     *
     * @param slotFactory creates the {@code capacity} (rounded up to a power of two) reusable slots, once
     * @param processor   the per-record work, run on worker threads
     */
    public static <E> Builder<E> builder(Supplier<? extends E> slotFactory, RecordProcessor<? super E> processor) {
        return new Builder<>(slotFactory, processor);
    }

    // ------------------------------------------------------------------ producer side

    /** Claims the next slot, blocking while the pipeline is full. Returns the slot's sequence ID. */
    public long claim() throws InterruptedException {
        return claim(1);
    }

    /**
     * Claims {@code n} consecutive slots (a batch halves the per-record hand-off cost), blocking while they do not
     * fit in the in-flight bound or the memory limit is under pressure. Returns the HIGHEST sequence claimed; the
     * batch is {@code hi - n + 1 .. hi}. Every claimed slot must be published.
     *
     * @throws IllegalStateException   after {@link #finish()} or {@link #close()}
     * @throws PipelineFailedException if the consumer failed
     * @throws InterruptedException    if interrupted while blocked; nothing was claimed
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
            backoff.idle(producerSignal, ready);
        }
    }

    /** Like {@link #claim(int)} but never blocks: returns the highest sequence claimed, or -1 if full. */
    public long tryClaim(int n) {
        checkBatch(n);
        checkProducerThread();
        ensureAcceptingInput();
        return tryReserve(n) ? claimReserved(n) : -1;
    }

    /** The slot of a claimed sequence, to fill in place before {@link #publish(long)}. */
    public E slot(long sequence) {
        return ring.get(sequence).event;
    }

    /** Publishes one claimed slot to the workers. */
    public void publish(long sequence) {
        publish(sequence, sequence);
    }

    /** Publishes the claimed slots {@code lo..hi} (inclusive) to the workers. */
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
     * position, and the exception is rethrown here. Returns the sequence ID.
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
     * callback consumer's thread ends once everything is delivered.
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
        return failure != null || inputClosed
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
            if (producerThread == null) {
                producerThread = current;
            } else if (producerThread != current) {
                // A single-producer ring silently corrupts slots when two threads claim: refuse loudly instead.
                throw new IllegalStateException("single-producer pipeline claimed from a second thread ("
                        + current.getName() + "); build it with multiProducer()");
            }
        }
    }

    private void ensureAcceptingInput() {
        Throwable f = failure;
        if (f != null) {
            throw failed(f);
        }
        if (inputClosed || stopped) {
            throw new IllegalStateException("pipeline no longer accepts input (finished or closed)");
        }
    }

    // ------------------------------------------------------------------ consumer side

    /**
     * Pulled mode: delivers the next record in order to {@code consumer} on the calling thread, blocking until it
     * is ready. Returns false once input is finished and every record was delivered.
     *
     * @throws PipelineFailedException if the pipeline failed
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
            Throwable f = failure;
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
            consumerBackoff.idle(consumerSignal, consumerReady);
        }
    }

    /** Pulled mode: delivers the next record if it is ready, without blocking. Returns whether one was. */
    public boolean poll(RecordConsumer<? super E> consumer) {
        return drain(consumer, 1) == 1;
    }

    /** Pulled mode: delivers up to {@code max} ready records in order without blocking; returns how many. */
    public int drain(RecordConsumer<? super E> consumer, int max) {
        beginPull();
        try {
            Throwable f = failure;
            if (f != null) {
                throw failed(f);
            }
            return releaseAvailable(consumer, max);
        } finally {
            pulling.set(false);
        }
    }

    /** True once input is finished and every claimed record was delivered. */
    public boolean isDrained() {
        return drained();
    }

    private boolean drained() {
        return inputClosed && released.get() + 1 >= claimed.get();
    }

    private boolean consumerReady() {
        return failure != null || stopped || inputClosed
                || Util.getMinimumSequence(workerSequences) >= nextToRelease;
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
                throw failed(failure);
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
                if (failure != null || stopped || drained()) {
                    return;
                }
                backoff.idle(consumerSignal, consumerReady);
            }
        } catch (Throwable t) {
            fail(t);
        }
    }

    // ------------------------------------------------------------------ failure and lifecycle

    private void fail(Throwable t) {
        if (failure == null) {
            failure = t;
        }
        stopped = true;
        for (BatchEventProcessor<Slot<E>> p : processors) {
            p.halt();
        }
        producerSignal.wake();
        consumerSignal.wake();
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
     * threads. In pulled mode records the caller has not taken yet are discarded: take until {@link #take} returns
     * false first. If interrupted while draining, falls back to {@link #abort} and keeps the interrupt status.
     * No pipeline thread outlives this call unless a processor ignores interruption.
     */
    @Override
    public void close() {
        if (Thread.currentThread() == orderedThread || workerThreads.contains(Thread.currentThread())) {
            // Draining needs this very thread to return first: refuse rather than wait forever.
            throw new IllegalStateException("close() called from a pipeline thread (" + Thread.currentThread().getName()
                    + ") would wait for itself; call finish() there and close() from the owner");
        }
        finish();
        if (orderedThread != null) {
            try {
                orderedThread.join();
            } catch (InterruptedException e) {
                abort(Duration.ofSeconds(10));
                Thread.currentThread().interrupt();
                return;
            }
        }
        abort(Duration.ofSeconds(30));
    }

    /**
     * Stops now, discarding records in flight: workers finish the record they are on, nothing more is delivered.
     * Waits up to {@code timeout} for the threads to end, interrupting them once half of it has passed. Returns
     * whether every pipeline thread has ended.
     */
    public boolean abort(Duration timeout) {
        stopped = true;
        inputClosed = true;
        for (BatchEventProcessor<Slot<E>> p : processors) {
            p.halt();
        }
        producerSignal.wake();
        consumerSignal.wake();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Thread> all = new ArrayList<>(workerThreads);
        if (orderedThread != null) {
            all.add(orderedThread);
        }
        boolean interruptedNow = false;
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

    /** A snapshot of the counters; cheap (a few volatile reads), safe from any thread. */
    public PipelineStats stats() {
        long delivered = released.get() + 1;
        long published = ring.getCursor() + 1;
        return new PipelineStats(workers, capacity, published, delivered, failedCount, published - delivered,
                peakInFlight.get(), memory == null ? 0 : memory.currentMemoryBytes(), peakBytesInFlight.get(),
                memory == null ? 0 : memory.maxMemoryBytes());
    }

    /**
     * Claim-to-release latency in nanoseconds of every record released so far, when the builder enabled
     * {@link Builder#recordLatency}; a copy, so the caller may keep it. Allocates: not for a per-record path.
     */
    public synchronized Histogram latencyHistogram() {
        if (latencyRecorder == null) {
            throw new IllegalStateException("latency recording is off; enable it with recordLatency(true)");
        }
        latencyTotal.add(latencyRecorder.getIntervalHistogram());
        return latencyTotal.copy();
    }

    /** Number of worker threads. */
    public int workers() {
        return workers;
    }

    /** The in-flight bound in records. */
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
     * no byte bound, pulled consumer, single producer, spin-yield-block waiting (no busy spin while idle).
     */
    public static final class Builder<E> {
        private final Supplier<? extends E> slotFactory;
        private final RecordProcessor<? super E> processor;
        private int workers = Runtime.getRuntime().availableProcessors();
        private int capacity = 1024;
        private int stripe;
        private StreamingProcessor memory;
        private ToLongFunction<? super E> sizer;
        private RecordConsumer<? super E> consumer;
        private boolean multiProducer;
        private boolean recordLatency;
        private String threadNamePrefix = "ringline";
        private WaitStrategy waitStrategy = PhasedBackoffWaitStrategy.withLiteLock(10, 100, TimeUnit.MICROSECONDS);

        private Builder(Supplier<? extends E> slotFactory, RecordProcessor<? super E> processor) {
            this.slotFactory = Objects.requireNonNull(slotFactory, "slotFactory");
            this.processor = Objects.requireNonNull(processor, "processor");
        }

        /** Worker threads (1..256). */
        public Builder<E> workers(int workers) {
            if (workers < 1 || workers > 256) {
                throw new IllegalArgumentException("workers must be 1..256: " + workers);
            }
            this.workers = workers;
            return this;
        }

        /** The most records in flight (claimed but not yet released), 1..2^30. The ring is this, rounded up to a power of two. */
        public Builder<E> capacity(int capacity) {
            if (capacity < 1 || capacity > (1 << 30)) {
                throw new IllegalArgumentException("capacity must be 1..2^30: " + capacity);
            }
            this.capacity = capacity;
            return this;
        }

        /** Consecutive slots given to one worker (a power of two); 0 picks up to 8 from capacity and workers. */
        public Builder<E> stripe(int stripe) {
            if (stripe < 0 || Integer.bitCount(stripe) > 1) {
                throw new IllegalArgumentException("stripe must be 0 or a power of two: " + stripe);
            }
            this.stripe = stripe;
            return this;
        }

        /**
         * Bounds bytes in flight: {@code sizer} gives each record's size at publish, it is accounted to
         * {@code memory} until the record is released, and claims wait while {@code memory} is under pressure
         * (above 80% of its limit). In flight therefore stays under the limit plus one batch.
         */
        public Builder<E> memoryBound(StreamingProcessor memory, ToLongFunction<? super E> sizer) {
            this.memory = Objects.requireNonNull(memory, "memory");
            this.sizer = Objects.requireNonNull(sizer, "sizer");
            return this;
        }

        /** Delivers records to {@code consumer} on a pipeline thread ({@code ringline-ordered}) instead of pulling. */
        public Builder<E> consumer(RecordConsumer<? super E> consumer) {
            this.consumer = Objects.requireNonNull(consumer, "consumer");
            return this;
        }

        /** Allows several threads to claim and publish (about 3x the claim cost of the single-producer default). */
        public Builder<E> multiProducer() {
            this.multiProducer = true;
            return this;
        }

        /** Records claim-to-release latency in an HdrHistogram (two {@code nanoTime} calls per record). */
        public Builder<E> recordLatency(boolean recordLatency) {
            this.recordLatency = recordLatency;
            return this;
        }

        /** Thread names are {@code PREFIX-worker-N} and {@code PREFIX-ordered}; default {@code ringline}. */
        public Builder<E> threadNamePrefix(String prefix) {
            this.threadNamePrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** How workers wait for the producer. The default spins 10 µs, yields 100 µs, then blocks. */
        public Builder<E> waitStrategy(WaitStrategy waitStrategy) {
            this.waitStrategy = Objects.requireNonNull(waitStrategy, "waitStrategy");
            return this;
        }

        /** Builds the pipeline and starts its threads. */
        public OrderedPipeline<E> build() {
            return new OrderedPipeline<>(this);
        }
    }
}
