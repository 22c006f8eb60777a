package dev.ringline.perf;

import dev.ringline.cli.SyntheticData;
import dev.ringline.cobol.DecodeOptions;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.json.RecordDecoder;
import dev.ringline.memory.ByteVector;
import dev.ringline.pipeline.OrderedPipeline;
import org.HdrHistogram.Histogram;

import java.util.concurrent.locks.LockSupport;

/**
 * Per-record latency of the display workload through an {@link OrderedPipeline} whose workers run
 * {@link RecordDecoder} on one record per slot. A producer offers records at a fixed rate; each record's latency is
 * measured from its INTENDED send time (start + i / rate) to its ordered release, so time the producer spends
 * blocked or late counts against the records it delays (no coordinated omission). Values are nanoseconds.
 */
final class LatencyRun {
    /** In-flight bound in records, as in part 1's engine benchmarks. */
    static final int CAPACITY = 1024;
    private static final int POOL = 4096;

    private final byte[] records;
    private final int length;
    private final RecordDecoder decoder;
    private final int workers;

    LatencyRun(int workers) {
        RecordLayout layout = SyntheticData.layout("display");
        this.length = layout.length();
        this.records = SyntheticData.records("display", POOL, 7);
        this.decoder = RecordDecoder.compile(layout, DecodeOptions.defaults().jsonOptions());
        this.workers = workers;
    }

    /** A slot: which record, when it was meant to be sent, its JSON. */
    static final class Slot {
        int record;
        long intendedNanos;
        long claimedNanos;
        final ByteVector json = new ByteVector(1024);
    }

    /** What one run measured. */
    /**
     * @param histogram      intended send time to ordered release (coordinated-omission corrected)
     * @param claimToRelease actual claim to ordered release: the engine's own share, without the producer's lateness
     */
    record Result(double offeredPerSecond, double achievedPerSecond, long records, long outputBytes,
                  Histogram histogram, Histogram claimToRelease) {
    }

    /** Unpaced: the producer offers as fast as the pipeline takes; the achieved rate is the capacity. */
    Result capacity(long count) throws InterruptedException {
        return run(count, 0);
    }

    /** Offers {@code count} records at {@code perSecond} (0 = as fast as possible). */
    Result run(long count, double perSecond) throws InterruptedException {
        Histogram histogram = new Histogram(3_600_000_000_000L, 3);
        Histogram claimToRelease = new Histogram(3_600_000_000_000L, 3);
        long[] outputBytes = new long[1];
        ThreadLocal<RecordDecoder.Context> contexts = ThreadLocal.withInitial(decoder::newContext);
        OrderedPipeline<Slot> pipeline = OrderedPipeline.<Slot>builder(Slot::new, (seq, slot, scratch) -> {
                    slot.json.clear();
                    int at = slot.record * length;
                    decoder.decode(records, at, length, seq, at, contexts.get(), slot.json);
                })
                .workers(workers)
                .capacity(CAPACITY)
                .threadNamePrefix("ringline-latency")
                .consumer((seq, slot, failure) -> {
                    long now = System.nanoTime();
                    if (failure != null) {
                        throw new IllegalStateException("record " + seq + " failed", failure);
                    }
                    outputBytes[0] += slot.json.length();
                    histogram.recordValue(Math.max(0, now - slot.intendedNanos));
                    claimToRelease.recordValue(Math.max(0, now - slot.claimedNanos));
                })
                .build();
        double interval = perSecond > 0 ? 1e9 / perSecond : 0;
        long start = System.nanoTime();
        try {
            for (long i = 0; i < count; i++) {
                long intended = perSecond > 0 ? start + (long) (i * interval) : System.nanoTime();
                pace(intended);
                long seq = pipeline.claim();
                Slot slot = pipeline.slot(seq);
                slot.record = (int) (i % POOL);
                slot.intendedNanos = intended;
                slot.claimedNanos = System.nanoTime();
                pipeline.publish(seq);
            }
        } finally {
            pipeline.close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(perSecond, count / seconds, count, outputBytes[0], histogram, claimToRelease);
    }

    /**
     * Waits until {@code intended} by parking, never by spinning: on 2 cores a spinning producer holds one core for
     * the whole run and the engine's threads queue behind each other for whole scheduler slices (measured: p50
     * claim-to-release of 20-50 µs when the producer parks, 0.8-2.4 ms when it spins). Parking overshoots by tens of
     * microseconds; that lateness is charged to the records (the intended-time histogram) and excluded from the
     * claim-to-release one.
     */
    private static void pace(long intended) {
        long now;
        while ((now = System.nanoTime()) < intended) {
            LockSupport.parkNanos(Math.max(10_000, intended - now - 50_000));
        }
    }
}
