package dev.ringline.perf;

import dev.ringline.cobol.json.RecordDecoder;
import dev.ringline.memory.ByteVector;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The plain-JDK way to decode in parallel and in order: a fixed thread pool and a bounded window of futures
 * consumed in submission order. Each future decodes one batch of about 64 KiB of records (the same batches and the
 * same in-flight bound as {@code CobolDecoder.decode}) with a {@link RecordDecoder.Context} of its own.
 */
final class ExecutorBaseline {
    static final int BATCH_BYTES = 64 * 1024;

    private ExecutorBaseline() {
    }

    /** Decodes fixed-length records from {@code in} into {@code out}; returns the number of records. */
    static long decode(ReadableByteChannel in, int recordLength, RecordDecoder decoder, int workers, int window,
                       OutputStream out) throws IOException, InterruptedException {
        int perBatch = Math.max(1, BATCH_BYTES / recordLength);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        ArrayDeque<Future<ByteVector>> inFlight = new ArrayDeque<>(window);
        long records = 0;
        try {
            while (true) {
                ByteBuffer batch = ByteBuffer.allocate(perBatch * recordLength);
                readFully(in, batch);
                int count = batch.position() / recordLength;
                if (count == 0) {
                    break;
                }
                long first = records;
                records += count;
                byte[] bytes = batch.array();
                if (inFlight.size() == window) {
                    inFlight.poll().get().writeTo(out);
                }
                inFlight.add(pool.submit(() -> {
                    RecordDecoder.Context ctx = decoder.newContext();
                    ByteVector json = new ByteVector(count * recordLength * 2);
                    for (int i = 0; i < count; i++) {
                        decoder.decode(bytes, i * recordLength, recordLength, first + i, (first + i) * recordLength,
                                ctx, json);
                    }
                    return json;
                }));
                if (batch.hasRemaining()) {
                    break;
                }
            }
            while (!inFlight.isEmpty()) {
                inFlight.poll().get().writeTo(out);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a batch failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return records;
    }

    private static void readFully(ReadableByteChannel in, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (in.read(buffer) < 0) {
                return;
            }
        }
    }
}
