package dev.ringline.perf;

import dev.ringline.memory.SequenceRing;
import dev.ringline.memory.SequencedRecord;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Records per second through {@link SequenceRing}: N sender threads, one receiver (the benchmark thread).
 * Sender k owns blocks k, k + N, k + 2N, ... of {@link #BLOCK} consecutive IDs and sends each block backwards,
 * so records arrive out of order within the window even with one sender. Not final because JMH subclasses it.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SequenceRingBenchmark {
    /** IDs per block; far below the window, so the sender owning the receiver's next ID can always send it. */
    static final int BLOCK = 16;

    @Benchmark
    @OperationsPerInvocation(Work.RECORDS)
    public long reorder(Ring state) throws Exception {
        return state.run();
    }

    @State(Scope.Benchmark)
    public static class Ring {
        @Param({"1", "2", "4"})
        public int senders;
        public int records = Work.RECORDS;
        private ExecutorService senderThreads;

        @Setup(Level.Trial)
        public void setup() {
            senderThreads = Executors.newFixedThreadPool(senders, EngineOverheadBenchmark.namedThreads("bench-sender"));
        }

        /** Sends IDs {@code 0 .. records - 1} out of order, receives them in order; returns the sum of IDs. */
        public long run() throws InterruptedException, ExecutionException {
            // Capacity equal to the window: a send inside the window never waits for buffer room, so a sender
            // holding the receiver's next ID behind a later one of its own block cannot deadlock.
            SequenceRing<Long> ring = new SequenceRing<>(Work.IN_FLIGHT, Work.IN_FLIGHT);
            List<Future<?>> sent = new ArrayList<>(senders);
            for (int k = 0; k < senders; k++) {
                SequenceRing.Sender<Long> sender = ring.sender(); // created here so the stream cannot end early
                int ordinal = k;
                sent.add(senderThreads.submit(() -> {
                    send(sender, ordinal);
                    return null;
                }));
            }
            long expected = 0;
            long sum = 0;
            for (Optional<Long> next = ring.recvOrdered(); next.isPresent(); next = ring.recvOrdered()) {
                long id = next.get();
                if (id != expected) {
                    throw new IllegalStateException("sequence ring: received " + id + ", expected " + expected);
                }
                sum += id;
                expected++;
            }
            for (Future<?> f : sent) {
                f.get(); // a sender's failure fails the benchmark
            }
            if (expected != records) {
                throw new IllegalStateException("sequence ring: received " + expected + " of " + records);
            }
            return sum;
        }

        private void send(SequenceRing.Sender<Long> sender, int ordinal) throws InterruptedException {
            try (sender) {
                for (long blockStart = (long) ordinal * BLOCK; blockStart < records; blockStart += (long) senders * BLOCK) {
                    long blockEnd = Math.min(blockStart + BLOCK, records);
                    for (long id = blockEnd - 1; id >= blockStart; id--) {
                        sender.send(new SequencedRecord<>(id, id));
                    }
                }
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws InterruptedException {
            senderThreads.shutdownNow();
            senderThreads.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
