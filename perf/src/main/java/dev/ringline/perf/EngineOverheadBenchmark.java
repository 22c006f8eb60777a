package dev.ringline.perf;

import dev.ringline.pipeline.OrderedPipeline;
import dev.ringline.pipeline.RecordConsumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * What it costs to process records in parallel and get them back in order, per record, against a plain loop:
 * {@link OrderedPipeline} versus a fixed thread pool with a window of futures versus Reactor's
 * {@code flatMapSequential}, all with the same workers, the same work and the same in-flight bound.
 *
 * <p>Every invocation pushes {@link Work#RECORDS} records, so scores are nanoseconds per record. Every variant
 * checks each output against its input's position and throws on a wrong or reordered result.
 *
 * <p>Benchmark and state classes are not final because JMH generates subclasses of them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class EngineOverheadBenchmark {

    @Benchmark
    @OperationsPerInvocation(Work.RECORDS)
    public long bare(Bare state) {
        return state.run();
    }

    @Benchmark
    @OperationsPerInvocation(Work.RECORDS)
    public long pipeline(Pipeline state) throws InterruptedException {
        return state.run();
    }

    @Benchmark
    @OperationsPerInvocation(Work.RECORDS)
    public long disruptor(BareDisruptor state) {
        return state.run();
    }

    @Benchmark
    @OperationsPerInvocation(Work.RECORDS)
    public long executor(Executor state) throws Exception {
        return state.run();
    }

    @Benchmark
    @OperationsPerInvocation(Work.RECORDS)
    public long reactor(Reactor state) {
        return state.run();
    }

    /** (a) The same work in a plain loop on the calling thread: the floor every parallel variant is compared to. */
    @State(Scope.Benchmark)
    public static class Bare {
        @Param({"0", "100", "1000"})
        public int workNs;
        /** Records per call; the smoke test lowers it. */
        public int records = Work.RECORDS;
        private long tokens;

        @Setup(Level.Trial)
        public void setup() {
            tokens = Work.tokensFor(workNs);
        }

        /** Returns the sum of outputs of inputs {@code 0 .. records - 1}. */
        public long run() {
            long sum = 0;
            for (int i = 0; i < records; i++) {
                sum += Work.apply(i, tokens);
            }
            return sum;
        }
    }

    /** A zero-garbage slot: the record's input and output as plain longs, reused for every record. */
    public static final class LongSlot {
        long in;
        long out;
    }

    /**
     * (b) {@link OrderedPipeline} with a callback consumer that sums outputs and checks their order. The pipeline
     * lives for the whole trial, so sequence numbers (and inputs) keep growing across calls.
     */
    @State(Scope.Benchmark)
    public static class Pipeline {
        @Param({"0", "100", "1000"})
        public int workNs;
        @Param({"1", "2", "4"})
        public int workers;
        public int records = Work.RECORDS;
        private OrderedPipeline<LongSlot> pipeline;
        private CheckingConsumer consumer;
        /** The next sequence the producer claims; equals the total records published so far. */
        private long nextSequence;

        @Setup(Level.Trial)
        public void setup() {
            long tokens = Work.tokensFor(workNs);
            consumer = new CheckingConsumer();
            pipeline = OrderedPipeline.<LongSlot>builder(LongSlot::new,
                            (seq, slot, scratch) -> slot.out = Work.apply(slot.in, tokens))
                    .workers(workers)
                    .capacity(Work.IN_FLIGHT)
                    .threadNamePrefix("ringline-bench")
                    .consumer(consumer)
                    .build();
        }

        /** Publishes {@code records} records in batches, waits until all were delivered; returns their sum. */
        public long run() throws InterruptedException {
            long sum = publishAndAwait(new BatchRing() {
                @Override
                public long claim(int n) throws InterruptedException {
                    return pipeline.claim(n);
                }

                @Override
                public LongSlot slot(long sequence) {
                    return pipeline.slot(sequence);
                }

                @Override
                public void publish(long lo, long hi) {
                    pipeline.publish(lo, hi);
                }
            }, consumer, nextSequence, records);
            nextSequence += records;
            return sum;
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            pipeline.close();
        }
    }

    /**
     * The Disruptor alone, as its maintainers suggest since 4.0: N striped handlers and an ordered handler gated on
     * them ({@code handleEventsWith(workers).then(ordered)}), default blocking wait strategy, same slots, batches and
     * checks as {@link Pipeline}. What is left of the pipeline's cost above this is Ringline's own (capacity
     * reservation, failure capture, the parking ordered stage); what the Disruptor does not offer is listed in
     * docs/architecture.md (its dependent stage spins, a dead handler stalls the ring).
     */
    @State(Scope.Benchmark)
    public static class BareDisruptor {
        @Param({"0", "100", "1000"})
        public int workNs;
        @Param({"1", "2", "4"})
        public int workers;
        public int records = Work.RECORDS;
        private com.lmax.disruptor.dsl.Disruptor<LongSlot> disruptor;
        private com.lmax.disruptor.RingBuffer<LongSlot> ring;
        private CheckingConsumer consumer;
        private long nextSequence;

        @Setup(Level.Trial)
        @SuppressWarnings({"unchecked", "rawtypes"}) // Java cannot create a generic array: the handler array is raw
        public void setup() {
            long tokens = Work.tokensFor(workNs);
            consumer = new CheckingConsumer();
            disruptor = new com.lmax.disruptor.dsl.Disruptor<>(LongSlot::new, Work.IN_FLIGHT,
                    com.lmax.disruptor.util.DaemonThreadFactory.INSTANCE, com.lmax.disruptor.dsl.ProducerType.SINGLE,
                    new com.lmax.disruptor.BlockingWaitStrategy());
            com.lmax.disruptor.EventHandler<LongSlot>[] striped = new com.lmax.disruptor.EventHandler[workers];
            for (int w = 0; w < workers; w++) {
                int ordinal = w;
                int count = workers;
                striped[w] = (slot, seq, endOfBatch) -> {
                    if (seq % count == ordinal) {
                        slot.out = Work.apply(slot.in, tokens);
                    }
                };
            }
            disruptor.handleEventsWith(striped).then((slot, seq, endOfBatch) -> consumer.accept(seq, slot, null));
            ring = disruptor.start();
        }

        /** Publishes {@code records} records in batches, waits until all were delivered; returns their sum. */
        public long run() {
            try {
                long sum = publishAndAwait(new BatchRing() {
                    @Override
                    public long claim(int n) {
                        return ring.next(n);
                    }

                    @Override
                    public LongSlot slot(long sequence) {
                        return ring.get(sequence);
                    }

                    @Override
                    public void publish(long lo, long hi) {
                        ring.publish(lo, hi);
                    }
                }, consumer, nextSequence, records);
                nextSequence += records;
                return sum;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            disruptor.halt();
        }
    }

    /** The producer side both ring variants share: claim a batch, fill it, publish it. */
    interface BatchRing {
        long claim(int n) throws InterruptedException;

        LongSlot slot(long sequence);

        void publish(long lo, long hi);
    }

    /**
     * Publishes sequences {@code first .. first + records - 1} in batches of {@link Work#CLAIM_BATCH} (each slot's
     * input is its sequence), waits until the consumer has seen the last one, and returns the sum of their outputs.
     */
    static long publishAndAwait(BatchRing ring, CheckingConsumer consumer, long first, int records)
            throws InterruptedException {
        long end = first + records;
        consumer.expect(end, Thread.currentThread());
        long sumBefore = consumer.sum();
        long next = first;
        while (next < end) {
            int n = (int) Math.min(Work.CLAIM_BATCH, end - next);
            long hi = ring.claim(n);
            long lo = hi - n + 1;
            for (long seq = lo; seq <= hi; seq++) {
                ring.slot(seq).in = seq;
            }
            ring.publish(lo, hi);
            next = hi + 1;
        }
        consumer.awaitDelivered(end);
        return consumer.sum() - sumBefore;
    }

    /**
     * Checks every delivered record against its sequence (order and processing) and sums the outputs. Runs on
     * the pipeline's ordered thread; the benchmark thread parks until the last record of its call arrives.
     */
    static final class CheckingConsumer implements RecordConsumer<LongSlot> {
        private long next;
        private long sum;
        /** Written once per call, when the target is reached: a volatile write per record would cost a fence. */
        private volatile long delivered;
        private volatile long target = Long.MAX_VALUE;
        private volatile Thread waiter;
        private volatile RuntimeException error;

        void expect(long end, Thread thread) {
            waiter = thread;
            target = end;
        }

        @Override
        public void accept(long sequence, LongSlot slot, Throwable failure) {
            if (failure != null || sequence != next || slot.out != Work.expected(sequence)) {
                RuntimeException e = failure != null
                        ? new IllegalStateException("pipeline: record " + sequence + " failed", failure)
                        : Work.outOfOrder("pipeline (expected sequence " + next + ")", sequence, slot.out);
                error = e;
                LockSupport.unpark(waiter);
                throw e;
            }
            sum += slot.out;
            next = sequence + 1;
            if (next == target) {
                delivered = next; // publishes sum to the waiter
                LockSupport.unpark(waiter);
            }
        }

        void awaitDelivered(long end) {
            while (delivered < end) {
                RuntimeException e = error;
                if (e != null) {
                    throw new IllegalStateException("pipeline benchmark failed", e);
                }
                LockSupport.parkNanos(this, 1_000_000L); // unparked at the target; the timeout is a safety net
            }
        }

        /** The running sum; valid on the benchmark thread after {@link #awaitDelivered}. */
        long sum() {
            return sum;
        }
    }

    /**
     * (c) A fixed thread pool with a bounded window of futures consumed in order: submit while the window has
     * room, else wait for its head. The idiomatic JDK way, allocating a task and a future per record.
     */
    @State(Scope.Benchmark)
    public static class Executor {
        @Param({"0", "100", "1000"})
        public int workNs;
        @Param({"1", "2", "4"})
        public int workers;
        public int records = Work.RECORDS;
        private long tokens;
        private ExecutorService pool;
        private final ArrayDeque<Future<Long>> window = new ArrayDeque<>(Work.IN_FLIGHT);

        @Setup(Level.Trial)
        public void setup() {
            tokens = Work.tokensFor(workNs);
            pool = Executors.newFixedThreadPool(workers, namedThreads("bench-executor"));
        }

        /** Returns the sum of outputs of inputs {@code 0 .. records - 1}. */
        public long run() throws Exception {
            long sum = 0;
            long nextOut = 0;
            for (int i = 0; i < records; i++) {
                if (window.size() >= Work.IN_FLIGHT) {
                    sum += checked(nextOut++, window.poll().get());
                }
                long input = i;
                window.add(pool.submit(() -> Work.apply(input, tokens)));
            }
            while (!window.isEmpty()) {
                sum += checked(nextOut++, window.poll().get());
            }
            return sum;
        }

        private static long checked(long index, long value) {
            if (value != Work.expected(index)) {
                throw Work.outOfOrder("executor", index, value);
            }
            return value;
        }

        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** (d) Reactor: {@code flatMapSequential} over {@code Mono.fromCallable(...).subscribeOn(parallel)}. */
    @State(Scope.Benchmark)
    public static class Reactor {
        @Param({"0", "100", "1000"})
        public int workNs;
        @Param({"1", "2", "4"})
        public int workers;
        public int records = Work.RECORDS;
        private long tokens;
        private Scheduler scheduler;

        @Setup(Level.Trial)
        public void setup() {
            tokens = Work.tokensFor(workNs);
            scheduler = Schedulers.newParallel("bench-reactor", workers);
        }

        /** Returns the sum of outputs of inputs {@code 0 .. records - 1}. */
        public long run() {
            OrderCheck check = new OrderCheck("reactor");
            Flux.range(0, records)
                    .flatMapSequential(i -> Mono.fromCallable(() -> Work.apply(i, tokens)).subscribeOn(scheduler),
                            Work.IN_FLIGHT, 1) // each inner Mono yields one value: prefetch 1 is enough
                    .doOnNext(check::accept)
                    .blockLast();
            if (check.count() != records) {
                throw new IllegalStateException("reactor: delivered " + check.count() + " of " + records + " records");
            }
            return check.sum();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            scheduler.dispose();
        }
    }

    static ThreadFactory namedThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + counter.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
    }
}
