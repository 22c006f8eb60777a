package dev.ringline.examples;

import dev.ringline.cobol.CobolDecoder;
import dev.ringline.cobol.DecodeOptions;
import dev.ringline.cobol.RecordSnapshot;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.codec.PackedDecimal;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.micrometer.RinglineMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * An ETL service reading a COBOL file through the Flow publisher into a slow subscriber (a sink that takes a
 * moment every 16 records, as a remote write would), with the Micrometer binder on a registry. The subscriber
 * requests one record at a time; its demand drives the decode, so the records in flight (framed, not yet
 * delivered) stay below the ring's bound however slow it is. It samples the binder's
 * {@code ringline.inflight.records} gauge at every record and reports the peak.
 */
public final class StreamingEtlExample {
    /** 20 bytes: an id, an amount in cents (packed) and a name. */
    static final String COPYBOOK = String.join("\n",
            "       01  PAYMENT.",
            "           05  PAY-ID     PIC 9(8).",
            "           05  AMOUNT     PIC S9(7)V99 COMP-3.",
            "           05  PAYEE      PIC X(7).");
    static final int LENGTH = 20;
    /** Records in a batch at most: a ring of {@code capacity} batches bounds records in flight. */
    static final int RECORDS_PER_BATCH = 1024;

    private StreamingEtlExample() {
    }

    /**
     * What a run measured.
     *
     * @param delivered       records the subscriber received, in order
     * @param peakInFlight    the highest {@code ringline.inflight.records} seen while it ran
     * @param inFlightBound   capacity x records per batch
     * @param amountCents     sum of the amounts, in cents (the "load" step)
     */
    public record Result(long delivered, long peakInFlight, long inFlightBound, long amountCents) {
    }

    /** Writes {@code records} payments to {@code file}. */
    static void writeFile(Path file, int records) throws IOException {
        CodePage cp037 = CodePage.of("cp037");
        byte[] rec = new byte[LENGTH];
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < records; i++) {
                cp037.encode(String.format("%08d", i), rec, 0, 8);
                PackedDecimal.encodeUnscaled(i % 1000 - 300, NumericFormat.of(9, 2, true), rec, 8);
                cp037.encode("P" + (i % 97), rec, 13, 7);
                out.write(rec);
            }
        }
    }

    /** Reads {@code file} through the publisher into the slow subscriber; the binder registers on {@code registry}. */
    static Result run(Path file, int capacity, MeterRegistry registry) throws InterruptedException {
        RecordLayout layout = Copybook.parse(COPYBOOK, "payment.cpy").firstRecord();
        RinglineMetrics metrics = new RinglineMetrics();
        metrics.bindTo(registry);
        DecodeOptions options = DecodeOptions.builder().capacity(capacity).workers(2).metrics(metrics).build();
        SlowSink sink = new SlowSink(registry);
        CobolDecoder.publisher(() -> FileChannel.open(file), layout, options).subscribe(sink);
        if (!sink.done.await(50, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the decode did not finish");
        }
        if (sink.failure.get() != null) {
            throw new IllegalStateException("the decode failed", sink.failure.get());
        }
        return new Result(sink.delivered, sink.peakInFlight, (long) capacity * RECORDS_PER_BATCH, sink.amountCents);
    }

    /** Takes one record at a time and is slow at it. */
    static final class SlowSink implements Flow.Subscriber<RecordSnapshot> {
        private final MeterRegistry registry;
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        private Flow.Subscription subscription;
        long delivered;
        long peakInFlight;
        long amountCents;

        SlowSink(MeterRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(RecordSnapshot record) {
            if (record.sequence() != delivered) {
                throw new IllegalStateException("out of order: " + record.sequence() + " after " + delivered);
            }
            delivered++;
            amountCents += cents(record.json());
            long inFlight = (long) registry.get("ringline.inflight.records").gauge().value();
            peakInFlight = Math.max(peakInFlight, inFlight);
            if (delivered % 16 == 0) {
                LockSupport.parkNanos(50_000); // the slow part of a real sink
            }
            subscription.request(1);
        }

        /** The AMOUNT of {@code {"PAY-ID":1,"AMOUNT":-2.99,"PAYEE":"P1"}} in cents. */
        private static long cents(String json) {
            int at = json.indexOf("\"AMOUNT\":") + 9;
            int end = json.indexOf(',', at);
            return new java.math.BigDecimal(json.substring(at, end)).movePointRight(2).longValueExact();
        }

        @Override
        public void onError(Throwable throwable) {
            failure.set(throwable);
            done.countDown();
        }

        @Override
        public void onComplete() {
            done.countDown();
        }
    }

    /** Runs the example on 100,000 payments in a temp file and prints what it measured. */
    public static void main(String[] args) throws Exception {
        Path file = Files.createTempFile("payments", ".dat");
        try {
            writeFile(file, 100_000);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            Result r = run(file, 4, registry);
            System.out.println(r);
            System.out.println(registry.getMetersAsString());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
