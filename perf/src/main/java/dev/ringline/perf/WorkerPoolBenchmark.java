package dev.ringline.perf;

import dev.ringline.memory.WorkerPool;
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

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;

/**
 * Records per second through {@link WorkerPool#map}: the generic, object-per-record API over the pipeline
 * (boxed inputs and outputs, a multi-producer ring, submit and receive interleaved on one thread).
 * Not final because JMH generates subclasses.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class WorkerPoolBenchmark {

    @Benchmark
    @OperationsPerInvocation(Work.RECORDS)
    public long map(Pool state) {
        return state.run();
    }

    @State(Scope.Benchmark)
    public static class Pool {
        @Param({"0", "1000"})
        public int workNs;
        @Param({"1", "2", "4"})
        public int workers;
        public int records = Work.RECORDS;
        private WorkerPool<Long, Long> pool;

        @Setup(Level.Trial)
        public void setup() {
            long tokens = Work.tokensFor(workNs);
            pool = new WorkerPool<>(workers, Work.IN_FLIGHT, Work.IN_FLIGHT, (in, scratch) -> Work.apply(in, tokens));
        }

        /** Maps inputs {@code 0 .. records - 1}; returns the sum of outputs after checking their order. */
        public long run() {
            OrderCheck check = new OrderCheck("worker pool");
            Iterator<Long> results = pool.map(new Counting(records));
            while (results.hasNext()) {
                check.accept(results.next());
            }
            if (check.count() != records) {
                throw new IllegalStateException("worker pool: " + check.count() + " of " + records + " results");
            }
            return check.sum();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            pool.close();
        }
    }

    /** Inputs 0 .. count - 1, boxed as the pool's generic API requires. */
    static final class Counting implements Iterator<Long> {
        private final long count;
        private long next;

        Counting(long count) {
            this.count = count;
        }

        @Override
        public boolean hasNext() {
            return next < count;
        }

        @Override
        public Long next() {
            if (next >= count) {
                throw new NoSuchElementException();
            }
            return next++;
        }
    }
}
