package dev.ringline.examples;

import dev.ringline.cobol.CobolDecoder;
import dev.ringline.cobol.DecodeOptions;
import dev.ringline.cobol.RecordSnapshot;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.FlowAdapters;
import reactor.core.publisher.Flux;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamingEtlExampleTest {
    @TempDir
    Path dir;

    @Test
    void aSlowSubscriberKeepsInFlightRecordsBelowTheBoundAndTheBinderCountsEverything() throws Exception {
        int records = 60_000;
        Path file = dir.resolve("payments.dat");
        StreamingEtlExample.writeFile(file, records);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        StreamingEtlExample.Result r = StreamingEtlExample.run(file, 2, registry);
        System.out.println("streaming example: " + r);

        assertEquals(records, r.delivered());
        long expectedCents = 0;
        for (int i = 0; i < records; i++) {
            expectedCents += i % 1000 - 300;
        }
        assertEquals(expectedCents, r.amountCents());
        assertTrue(r.peakInFlight() > 0, "the gauge was sampled while records were in flight");
        assertTrue(r.peakInFlight() <= r.inFlightBound(), r.toString());
        assertEquals(2 * 1024, r.inFlightBound());
        assertEquals(records, registry.get("ringline.records").tag("outcome", "written").counter().count());
        assertEquals(0.0, registry.get("ringline.records").tag("outcome", "rejected").counter().count());
        assertEquals((double) Files.size(file), registry.get("ringline.bytes").counter().count());
        assertEquals(0.0, registry.get("ringline.inflight.records").gauge().value());
        assertEquals(0.0, registry.get("ringline.inflight.bytes").gauge().value());
        assertTrue(registry.get("ringline.batch.latency").timer().count() >= records * 20L / (64 * 1024));
    }

    @Test
    void thePublisherPlugsIntoReactor() throws Exception {
        Path file = dir.resolve("payments.dat");
        StreamingEtlExample.writeFile(file, 5_000);
        RecordLayout layout = Copybook.parse(StreamingEtlExample.COPYBOOK, "payment.cpy").firstRecord();
        Flux<RecordSnapshot> records = Flux.from(FlowAdapters.toPublisher(
                CobolDecoder.publisher(() -> FileChannel.open(file), layout, DecodeOptions.defaults())));
        List<Long> sequences = records.map(RecordSnapshot::sequence).filter(s -> s % 1000 == 0)
                .collectList().block(java.time.Duration.ofSeconds(30));
        assertEquals(List.of(0L, 1000L, 2000L, 3000L, 4000L), sequences);
        // take(3) cancels upstream after three records: the decode stops
        assertEquals(3, records.take(3).count().block(java.time.Duration.ofSeconds(30)));
    }
}
