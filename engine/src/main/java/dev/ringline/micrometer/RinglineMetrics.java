package dev.ringline.micrometer;

import dev.ringline.cobol.DecodeMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decode metrics in Micrometer's conventions: pass it to {@code DecodeOptions.Builder.metrics} and bind it to a
 * registry ({@code metrics.bindTo(registry)}). One instance may serve consecutive or concurrent decodes: counters
 * add up, gauges show the sum of what is in flight.
 *
 * <table>
 * <caption>Meters (plus the tags given to the constructor)</caption>
 * <tr><th>name</th><th>type</th><th>meaning</th></tr>
 * <tr><td>{@code ringline.records}</td><td>counter, tag {@code outcome}</td><td>records delivered:
 *     {@code written} (every field decoded), {@code field_error} (written with a field nulled by a lenient
 *     policy), {@code rejected}; the three add up to the records read</td></tr>
 * <tr><td>{@code ringline.bytes}</td><td>counter, base unit bytes</td><td>input bytes of delivered records</td></tr>
 * <tr><td>{@code ringline.inflight.records}</td><td>gauge</td><td>records framed and not yet delivered</td></tr>
 * <tr><td>{@code ringline.inflight.bytes}</td><td>gauge, base unit bytes</td><td>their input bytes</td></tr>
 * <tr><td>{@code ringline.ring.utilization}</td><td>gauge, 0..1</td><td>batches in flight over the ring
 *     capacity of the decode started last</td></tr>
 * <tr><td>{@code ringline.batch.latency}</td><td>timer</td><td>a batch's claim-to-delivery time</td></tr>
 * </table>
 *
 * <p>Updated once per batch (about 64 KiB of input), never per record. A run that stops early takes what it left in
 * flight off the gauges ({@link DecodeMetrics#abandoned}).
 */
public final class RinglineMetrics implements DecodeMetrics, MeterBinder {
    private final Iterable<Tag> tags;
    private final AtomicLong inFlightRecords = new AtomicLong();
    private final AtomicLong inFlightBytes = new AtomicLong();
    private final AtomicLong inFlightBatches = new AtomicLong();
    private final AtomicLong capacity = new AtomicLong();
    private volatile Meters meters;

    /** Metrics without extra tags. */
    public RinglineMetrics() {
        this(Tags.empty());
    }

    /**
     * Metrics with tags added to every meter (keep them few and low-cardinality, for example the job's name).
     *
     * @param tags common tags
     */
    public RinglineMetrics(Iterable<Tag> tags) {
        this.tags = Objects.requireNonNull(tags, "tags");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        // Strong references: Micrometer gauges hold their state weakly, so a host that keeps only the registry
        // would see NaN once this binder is collected.
        Gauge.builder("ringline.inflight.records", inFlightRecords, AtomicLong::get).tags(tags).strongReference(true)
                .description("records framed and not yet delivered").register(registry);
        Gauge.builder("ringline.inflight.bytes", inFlightBytes, AtomicLong::get).tags(tags).strongReference(true)
                .baseUnit("bytes")
                .description("input bytes of records framed and not yet delivered").register(registry);
        Gauge.builder("ringline.ring.utilization", this, RinglineMetrics::ringUtilization).tags(tags)
                .strongReference(true)
                .description("batches in flight over ring capacity").register(registry);
        meters = new Meters(records(registry, "written"), records(registry, "field_error"),
                records(registry, "rejected"),
                Counter.builder("ringline.bytes").tags(tags).baseUnit("bytes")
                        .description("input bytes of delivered records").register(registry),
                Timer.builder("ringline.batch.latency").tags(tags)
                        .description("time from a batch's claim to its delivery").register(registry));
    }

    private Counter records(MeterRegistry registry, String outcome) {
        return Counter.builder("ringline.records").tags(tags).tag("outcome", outcome)
                .description("records delivered, by outcome").register(registry);
    }

    private double ringUtilization() {
        long c = capacity.get();
        return c == 0 ? 0 : (double) inFlightBatches.get() / c;
    }

    @Override
    public void started(int capacity, long maxInputBytesInFlight) {
        this.capacity.set(capacity);
    }

    @Override
    public void published(int records, long inputBytes) {
        inFlightBatches.incrementAndGet();
        inFlightRecords.addAndGet(records);
        inFlightBytes.addAndGet(inputBytes);
    }

    @Override
    public void abandoned(int batches, long records, long inputBytes) {
        inFlightBatches.addAndGet(-batches);
        inFlightRecords.addAndGet(-records);
        inFlightBytes.addAndGet(-inputBytes);
    }

    @Override
    public void delivered(int written, int withFieldErrors, int rejected, long inputBytes, long latencyNanos) {
        inFlightBatches.decrementAndGet();
        inFlightRecords.addAndGet(-(written + withFieldErrors + rejected));
        inFlightBytes.addAndGet(-inputBytes);
        Meters m = meters;
        if (m != null) { // not bound yet: only the gauges' state is kept
            m.written.increment(written);
            m.fieldError.increment(withFieldErrors);
            m.rejected.increment(rejected);
            m.bytes.increment(inputBytes);
            m.latency.record(latencyNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** The meters of the registry bound last. */
    private record Meters(Counter written, Counter fieldError, Counter rejected, Counter bytes, Timer latency) {
    }
}
