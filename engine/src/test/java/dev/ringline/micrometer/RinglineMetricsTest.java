package dev.ringline.micrometer;

import dev.ringline.cobol.CobolDecoder;
import dev.ringline.cobol.DecodeAbortedException;
import dev.ringline.cobol.DecodeOptions;
import dev.ringline.cobol.DecodeSummary;
import dev.ringline.cobol.ErrorPolicy;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.codec.PackedDecimal;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RinglineMetricsTest {
    private static final CodePage CP037 = CodePage.of("cp037");
    private static final int LENGTH = 20;
    private static final int RECORDS = 20_000;

    private static RecordLayout layout() {
        return Copybook.parse(String.join("\n",
                "       01  R.",
                "           05  QTY      PIC S9(3)V99.",
                "           05  PRICE    PIC 9(3)V99 COMP-3.",
                "           05  RATES    OCCURS 2 TIMES PIC 9(3) COMP-3.",
                "           05  NAME     PIC X(8)."), "metrics.cpy").firstRecord();
    }

    /** RECORDS records, every 7th with a bad QTY (letters), then a truncated record of 5 bytes. */
    private static byte[] data() {
        byte[] data = new byte[RECORDS * LENGTH + 5];
        for (int i = 0; i < RECORDS; i++) {
            int at = i * LENGTH;
            CP037.encode(i % 7 == 0 ? "ABCDE" : "01234", data, at, 5);
            PackedDecimal.encodeUnscaled(500, NumericFormat.of(5, 2, false), data, at + 5);
            PackedDecimal.encodeUnscaled(7, NumericFormat.of(3, 0, false), data, at + 8);
            PackedDecimal.encodeUnscaled(8, NumericFormat.of(3, 0, false), data, at + 10);
            CP037.encode("N" + i, data, at + 12, 8);
        }
        CP037.encode("01234", data, RECORDS * LENGTH, 5);
        return data;
    }

    private static DecodeSummary decode(DecodeOptions.Builder options) throws IOException {
        byte[] data = data();
        return CobolDecoder.decode(Channels.newChannel(new ByteArrayInputStream(data)), layout(),
                options.capacity(4).workers(2).build(), new ByteArrayOutputStream());
    }

    @Test
    void countersMatchTheSummaryAndGaugesReturnToZero() throws IOException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RinglineMetrics metrics = new RinglineMetrics(Tags.of("job", "test"));
        metrics.bindTo(registry);
        DecodeSummary summary = decode(DecodeOptions.builder().errorPolicy(ErrorPolicy.lenient()).metrics(metrics));

        int bad = (RECORDS + 6) / 7;
        assertEquals(RECORDS - bad, count(registry, "written"));
        assertEquals(bad, count(registry, "field_error"));
        assertEquals(1, count(registry, "rejected")); // the truncated record
        assertEquals(summary.recordsRead(), count(registry, "written") + count(registry, "field_error")
                + count(registry, "rejected"));
        assertEquals(summary.recordsWithFieldErrors(), bad);
        assertEquals((double) RECORDS * LENGTH + 5, registry.get("ringline.bytes").counter().count());
        assertEquals(0.0, registry.get("ringline.inflight.records").gauge().value());
        assertEquals(0.0, registry.get("ringline.inflight.bytes").gauge().value());
        assertEquals(0.0, registry.get("ringline.ring.utilization").gauge().value());
        Timer latency = registry.get("ringline.batch.latency").tag("job", "test").timer();
        assertTrue(latency.count() >= RECORDS * LENGTH / (64 * 1024), "one sample per batch: " + latency.count());
    }

    @Test
    void skippedRecordsAreCountedAsRejected() throws IOException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RinglineMetrics metrics = new RinglineMetrics();
        metrics.bindTo(registry);
        DecodeSummary summary = decode(DecodeOptions.builder().metrics(metrics));

        assertEquals(summary.recordsWritten(), count(registry, "written"));
        assertEquals(summary.recordsRejected(), count(registry, "rejected"));
        assertEquals(0, count(registry, "field_error"));
        assertEquals((RECORDS + 6) / 7 + 1, summary.recordsRejected());
    }

    @Test
    void aHostThreadFactoryCreatesEveryDecodeThread() throws IOException {
        AtomicInteger created = new AtomicInteger();
        Set<String> ranOn = ConcurrentHashMap.newKeySet();
        ThreadFactory host = task -> {
            Thread t = new Thread(() -> {
                ranOn.add(Thread.currentThread().getName());
                task.run();
            }, "host-" + created.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        DecodeSummary summary = decode(DecodeOptions.builder().threadFactory(host));

        assertTrue(summary.balanced());
        assertEquals(3, created.get(), "two workers and the ordered stage");
        assertEquals(Set.of("host-1", "host-2", "host-3"), ranOn);
    }

    @Test
    void gaugesOutliveABinderTheHostDoesNotKeep() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new RinglineMetrics(Tags.empty()).bindTo(registry); // the host keeps only the registry
        for (int i = 0; i < 3; i++) {
            System.gc(); // weakly held gauge state would be cleared here and read as NaN
        }
        assertEquals(0.0, registry.get("ringline.inflight.records").gauge().value());
        assertEquals(0.0, registry.get("ringline.inflight.bytes").gauge().value());
        assertEquals(0.0, registry.get("ringline.ring.utilization").gauge().value());
    }

    @Test
    void gaugesReturnToZeroAfterAnAbortedRun() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RinglineMetrics metrics = new RinglineMetrics();
        metrics.bindTo(registry);
        // a bad QTY every 7th record; stop after the 1,000th error, with batches of later records in flight
        assertThrows(DecodeAbortedException.class,
                () -> decode(DecodeOptions.builder().errorPolicy(ErrorPolicy.stopAfter(1_000)).metrics(metrics)));
        assertTrue(registry.get("ringline.records").tag("outcome", "written").counter().count() > 0);
        assertGaugesZero(registry);

        // the same on the calling thread alone
        assertThrows(DecodeAbortedException.class, () -> CobolDecoder.decodeSequential(
                Channels.newChannel(new ByteArrayInputStream(data())), layout(), DecodeOptions.builder()
                        .errorPolicy(ErrorPolicy.failFast()).metrics(metrics).build(), new ByteArrayOutputStream()));
        assertGaugesZero(registry);

        // a handler that fails
        assertThrows(IllegalStateException.class, () -> CobolDecoder.decode(
                Channels.newChannel(new ByteArrayInputStream(data())), layout(), DecodeOptions.builder()
                        .capacity(4).workers(2).metrics(metrics).build(), record -> {
                    if (record.sequence() == 3_000) {
                        throw new IllegalStateException("host failure");
                    }
                }));
        assertGaugesZero(registry);
    }

    @Test
    void gaugesReturnToZeroAfterACancelledPublisherAndAClosedStream() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RinglineMetrics metrics = new RinglineMetrics();
        metrics.bindTo(registry);
        DecodeOptions options = DecodeOptions.builder().capacity(4).workers(2).metrics(metrics).build();
        byte[] data = data();
        CountDownLatch received = new CountDownLatch(100);
        AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
        CobolDecoder.publisher(() -> Channels.newChannel(new ByteArrayInputStream(data)), layout(), options)
                .subscribe(new Flow.Subscriber<>() {
                    @Override
                    public void onSubscribe(Flow.Subscription s) {
                        subscription.set(s);
                        s.request(100);
                    }

                    @Override
                    public void onNext(dev.ringline.cobol.RecordSnapshot item) {
                        received.countDown();
                    }

                    @Override
                    public void onError(Throwable throwable) {
                    }

                    @Override
                    public void onComplete() {
                    }
                });
        assertTrue(received.await(20, TimeUnit.SECONDS));
        // the decode waits for demand with batches in flight
        await().atMost(Duration.ofSeconds(20)).until(() -> inFlight(registry) > 0);
        subscription.get().cancel();
        await().atMost(Duration.ofSeconds(20)).until(() -> inFlight(registry) == 0);
        assertGaugesZero(registry);

        try (Stream<?> records = CobolDecoder.stream(() -> Channels.newChannel(new ByteArrayInputStream(data)),
                layout(), options, 16)) {
            assertEquals(50, records.limit(50).count());
            assertTrue(inFlight(registry) > 0);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> inFlight(registry) == 0);
        assertGaugesZero(registry);
    }

    private static double inFlight(SimpleMeterRegistry registry) {
        return registry.get("ringline.inflight.records").gauge().value();
    }

    private static void assertGaugesZero(SimpleMeterRegistry registry) {
        assertEquals(0.0, registry.get("ringline.inflight.records").gauge().value());
        assertEquals(0.0, registry.get("ringline.inflight.bytes").gauge().value());
        assertEquals(0.0, registry.get("ringline.ring.utilization").gauge().value());
    }

    private static long count(SimpleMeterRegistry registry, String outcome) {
        return (long) registry.get("ringline.records").tag("outcome", outcome).counter().count();
    }
}
