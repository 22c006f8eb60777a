package dev.ringline.cobol;

import dev.ringline.cobol.copybook.RecordLayout;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The record callback, the Flow publisher and the Stream view: same records, order and accounting as decode. */
class RecordPublisherTest {
    private static final int RECORDS = 20_000; // 60 bytes each: about 19 batches

    private static final RecordLayout LAYOUT = CobolDecoderTest.layout();
    private static final byte[] DATA = CobolDecoderTest.file(RECORDS, 11);

    private static String jsonLines(DecodeOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CobolDecoderTest.decode(DATA, options, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Every third record's CUST-ID bytes made invalid: rejected under skip. */
    private static byte[] withBadRecords() {
        byte[] data = DATA.clone();
        for (int i = 0; i < RECORDS; i += 3) {
            data[i * 60] = (byte) 0xC1; // 'A' in cp037 where a digit is expected
        }
        return data;
    }

    private static ChannelSource source(byte[] data, AtomicBoolean closed) {
        return () -> {
            ReadableByteChannel in = Channels.newChannel(new ByteArrayInputStream(data));
            return new ReadableByteChannel() {
                @Override
                public int read(java.nio.ByteBuffer dst) throws IOException {
                    return in.read(dst);
                }

                @Override
                public boolean isOpen() {
                    return in.isOpen();
                }

                @Override
                public void close() throws IOException {
                    closed.set(true);
                    in.close();
                }
            };
        };
    }

    @Test
    void theHandlerGetsEveryWrittenRecordInOrderWithTheSummaryOfTheJsonPath() throws IOException {
        byte[] data = withBadRecords();
        DecodeOptions options = DecodeOptions.builder().workers(3).capacity(4).build();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DecodeSummary jsonSummary = CobolDecoderTest.decode(data, options, expected);
        StringBuilder got = new StringBuilder();
        List<Long> sequences = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        DecodeSummary summary = CobolDecoder.decode(Channels.newChannel(new ByteArrayInputStream(data)), LAYOUT,
                options, record -> {
                    got.append(record.jsonString()).append('\n');
                    sequences.add(record.sequence());
                    offsets.add(record.offset());
                    assertEquals(60, record.rawLength());
                });
        assertEquals(expected.toString(StandardCharsets.UTF_8), got.toString());
        assertEquals(jsonSummary.recordsWritten(), summary.recordsWritten());
        assertEquals(jsonSummary.recordsRejected(), summary.recordsRejected());
        assertTrue(summary.balanced());
        assertEquals(RECORDS - (RECORDS + 2) / 3, sequences.size());
        for (int k = 0; k < sequences.size(); k++) {
            long seq = sequences.get(k);
            assertTrue(seq % 3 != 0, "rejected records are not handed over: " + seq);
            assertEquals(seq * 60, offsets.get(k));
        }
    }

    @Test
    void aHandlerFailureStopsTheDecodeAndIsThrown() {
        AtomicLong seen = new AtomicLong();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CobolDecoder.decode(
                Channels.newChannel(new ByteArrayInputStream(DATA)), LAYOUT, DecodeOptions.builder().workers(2).build(),
                record -> {
                    if (seen.incrementAndGet() == 5000) {
                        throw new IllegalStateException("sink down");
                    }
                }));
        assertEquals("sink down", e.getMessage());
        assertEquals(5000, seen.get());
    }

    /** Requests one record at a time, slowly; records the most records framed and not yet delivered. */
    private static final class SlowSubscriber implements Flow.Subscriber<RecordSnapshot> {
        final List<RecordSnapshot> received = new CopyOnWriteArrayList<>();
        final CountDownLatch done = new CountDownLatch(1);
        final AtomicReference<Throwable> error = new AtomicReference<>();
        Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(RecordSnapshot item) {
            received.add(item);
            if (received.size() % 1000 == 0) {
                Thread.onSpinWait(); // a consumer that is slower than the decoder: it only asks for one at a time
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable throwable) {
            error.set(throwable);
            done.countDown();
        }

        @Override
        public void onComplete() {
            done.countDown();
        }
    }

    /** Counts records framed and not yet delivered (the decode's in-flight records). */
    private static final class InFlight implements DecodeMetrics {
        final AtomicLong now = new AtomicLong();
        final AtomicLong peak = new AtomicLong();

        @Override
        public void published(int records, long inputBytes) {
            peak.accumulateAndGet(now.addAndGet(records), Math::max);
        }

        @Override
        public void delivered(int written, int withFieldErrors, int rejected, long inputBytes, long latencyNanos) {
            now.addAndGet(-(written + withFieldErrors + rejected));
        }
    }

    @Test
    void theSubscribersDemandDrivesTheDecodeAndBoundsWhatIsInFlight() throws Exception {
        InFlight inFlight = new InFlight();
        int capacity = 3;
        DecodeOptions options = DecodeOptions.builder().workers(2).capacity(capacity).metrics(inFlight).build();
        SlowSubscriber subscriber = new SlowSubscriber();
        AtomicBoolean closed = new AtomicBoolean();
        CobolDecoder.publisher(source(DATA, closed), LAYOUT, options).subscribe(subscriber);
        assertTrue(subscriber.done.await(50, TimeUnit.SECONDS));
        assertEquals(null, subscriber.error.get());
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < subscriber.received.size(); i++) {
            RecordSnapshot r = subscriber.received.get(i);
            assertEquals(i, r.sequence());
            lines.append(r.json()).append('\n');
        }
        assertEquals(jsonLines(options), lines.toString());
        // a batch of 60-byte records holds at most 1024 of them (64 KiB), and at most `capacity` batches wait
        assertTrue(inFlight.peak.get() <= (long) capacity * 1024, "peak in flight " + inFlight.peak.get());
        assertTrue(closed.get(), "the source is closed when the decode ends");
    }

    @Test
    void withoutDemandNothingBeyondTheRingIsDecodedAndCancelStopsTheDecode() throws Exception {
        InFlight inFlight = new InFlight();
        DecodeOptions options = DecodeOptions.builder().workers(2).capacity(2).metrics(inFlight).build();
        AtomicBoolean closed = new AtomicBoolean();
        List<RecordSnapshot> got = new CopyOnWriteArrayList<>();
        AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
        AtomicBoolean signalledEnd = new AtomicBoolean();
        CobolDecoder.publisher(source(DATA, closed), LAYOUT, options).subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription.set(s);
                s.request(10);
            }

            @Override
            public void onNext(RecordSnapshot item) {
                got.add(item);
            }

            @Override
            public void onError(Throwable throwable) {
                signalledEnd.set(true);
            }

            @Override
            public void onComplete() {
                signalledEnd.set(true);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> got.size() == 10);
        // the decode now waits for demand: what is framed stays within the ring (2 batches + the one being filled)
        await().atMost(Duration.ofSeconds(30)).until(() -> inFlight.peak.get() > 0);
        assertTrue(inFlight.now.get() <= 3 * 1024, "in flight " + inFlight.now.get());
        assertEquals(10, got.size(), "no record without demand");
        subscription.get().cancel();
        await().atMost(Duration.ofSeconds(30)).untilTrue(closed);
        assertEquals(10, got.size());
        assertTrue(!signalledEnd.get(), "no signal after cancel");
    }

    @Test
    void aNonPositiveRequestIsAnError() throws Exception {
        AtomicReference<Throwable> error = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        AtomicBoolean closed = new AtomicBoolean();
        CobolDecoder.publisher(source(DATA, closed), LAYOUT, DecodeOptions.builder().workers(1).build())
                .subscribe(new Flow.Subscriber<>() {
                    @Override
                    public void onSubscribe(Flow.Subscription s) {
                        s.request(0);
                    }

                    @Override
                    public void onNext(RecordSnapshot item) {
                        error.set(new AssertionError("no demand, no record"));
                    }

                    @Override
                    public void onError(Throwable throwable) {
                        error.compareAndSet(null, throwable);
                        done.countDown();
                    }

                    @Override
                    public void onComplete() {
                        done.countDown();
                    }
                });
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertInstanceOf(IllegalArgumentException.class, error.get());
    }

    @Test
    void aStoppingErrorPolicyEndsThePublisherWithTheAbort() throws Exception {
        SlowSubscriber subscriber = new SlowSubscriber();
        CobolDecoder.publisher(source(withBadRecords(), new AtomicBoolean()), LAYOUT,
                DecodeOptions.builder().workers(2).errorPolicy(ErrorPolicy.failFast()).build()).subscribe(subscriber);
        assertTrue(subscriber.done.await(30, TimeUnit.SECONDS));
        assertInstanceOf(DecodeAbortedException.class, subscriber.error.get());
        assertEquals(0, subscriber.received.size(), "record 0 is bad: fail fast stops before any");
    }

    @Test
    void theStreamIsTheDecodeAndClosingItStopsTheDecode() throws Exception {
        DecodeOptions options = DecodeOptions.builder().workers(2).capacity(2).build();
        AtomicBoolean closed = new AtomicBoolean();
        try (Stream<RecordSnapshot> records = CobolDecoder.stream(source(DATA, closed), LAYOUT, options, 64)) {
            StringBuilder lines = new StringBuilder();
            records.forEach(r -> lines.append(r.json()).append('\n'));
            assertEquals(jsonLines(options), lines.toString());
        }
        AtomicBoolean closedEarly = new AtomicBoolean();
        try (Stream<RecordSnapshot> records = CobolDecoder.stream(source(DATA, closedEarly), LAYOUT, options, 8)) {
            assertEquals(100, records.limit(100).count());
        }
        await().atMost(Duration.ofSeconds(30)).untilTrue(closedEarly);
    }
}
