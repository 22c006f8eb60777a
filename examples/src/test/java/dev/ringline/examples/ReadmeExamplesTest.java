package dev.ringline.examples;

import dev.ringline.cobol.CobolDecoder;
import dev.ringline.cobol.DecodeOptions;
import dev.ringline.cobol.DecodeSummary;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.memory.WorkerPool;
import dev.ringline.pipeline.OrderedPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's code, verbatim apart from where output goes: if the README's API drifts, this stops compiling. */
class ReadmeExamplesTest {

    static final class Rec {
        long in;
        long out;
    }

    @Test
    void orderedPipelineSnippet() throws Exception {
        List<String> printed = new ArrayList<>();
        try (OrderedPipeline<Rec> pipeline = OrderedPipeline.builder(Rec::new, (seq, rec, scratch) -> rec.out = rec.in * 2)
                .workers(4)
                .capacity(1024)
                .consumer((seq, rec, failure) -> printed.add(seq + " -> " + rec.out))
                .build()) {
            for (long i = 0; i < 10_000; i++) {
                long seq = pipeline.claim();
                pipeline.slot(seq).in = i;
                pipeline.publish(seq);
            }
        }
        assertEquals(10_000, printed.size());
        assertEquals("9999 -> 19998", printed.get(9999));
    }

    @Test
    void workerPoolSnippet() {
        List<byte[]> chunks = List.of("a".getBytes(StandardCharsets.UTF_8), "b".getBytes(StandardCharsets.UTF_8));
        List<String> printed = new ArrayList<>();
        try (WorkerPool<byte[], String> pool = new WorkerPool<>(4, 100, 50,
                (bytes, scratch) -> new String(bytes, StandardCharsets.UTF_8))) {
            Iterator<String> inOrder = pool.map(chunks.iterator());
            inOrder.forEachRemaining(printed::add);
        }
        assertEquals(List.of("a", "b"), printed);
    }

    @Test
    void decodeSnippet(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("customer.cpy"), "       01  CUSTOMER.\n           05  NAME  PIC X(4).\n");
        Files.write(dir.resolve("customer.dat"), new byte[] {(byte) 0xC1, (byte) 0xD5, (byte) 0xD5, 0x40});
        Path cpy = dir.resolve("customer.cpy");
        Path dat = dir.resolve("customer.dat");
        Path jsonl = dir.resolve("customer.jsonl");
        DecodeSummary summary;
        RecordLayout layout = Copybook.parse(cpy).firstRecord();
        try (FileChannel in = FileChannel.open(dat);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(jsonl))) {
            summary = CobolDecoder.decode(in, layout, DecodeOptions.defaults(), out);
        }
        assertEquals(1, summary.recordsWritten());
        assertEquals("{\"NAME\":\"ANN\"}\n", Files.readString(jsonl));
    }
}
