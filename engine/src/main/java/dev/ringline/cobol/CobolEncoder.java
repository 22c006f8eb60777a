package dev.ringline.cobol;

import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.encode.RecordEncoder;
import dev.ringline.cobol.error.DecodeError;
import dev.ringline.cobol.framing.RecordFormat;
import dev.ringline.cobol.json.RejectsSink;
import dev.ringline.buffer.ByteVector;
import dev.ringline.buffer.ScratchBuffers;
import dev.ringline.memory.StreamingProcessor;
import dev.ringline.pipeline.OrderedPipeline;
import dev.ringline.pipeline.RecordProcessor;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.ReadableByteChannel;
import java.time.Duration;

/**
 * Encodes JSON lines (what {@link CobolDecoder} writes) back into COBOL records, in parallel, in input order, in
 * bounded memory: the inverse of {@link CobolDecoder}.
 *
 * <pre>{@code
 * RecordLayout layout = Copybook.parse(Path.of("customer.cpy")).firstRecord();
 * try (FileChannel in = FileChannel.open(Path.of("customer.jsonl"));
 *      OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of("customer.dat")))) {
 *     DecodeSummary summary = CobolEncoder.encode(in, layout, EncodeOptions.defaults(), out);
 * }
 * }</pre>
 *
 * <p>The calling thread cuts the input into lines and batches of about 64 KiB on the slots of an
 * {@link OrderedPipeline}; workers encode batches with their own buffers (and write each record's RDW); the ordered
 * stage writes the records in input order, packs them into VB blocks when asked, and applies the error policy to
 * rejected lines in that same order. The output is byte-identical for any number of workers. The summary counts
 * lines as records read, and the rejects sink receives each rejected line's JSON bytes.
 */
public final class CobolEncoder {
    private CobolEncoder() {
    }

    /**
     * Encodes {@code in} to {@code out} on {@link EncodeOptions#workers()} threads. Neither stream is closed;
     * {@code out} is flushed.
     *
     * @throws DecodeAbortedException when the error policy stops the run (output holds every record before)
     * @throws IOException            when reading or writing fails
     */
    public static DecodeSummary encode(ReadableByteChannel in, RecordLayout layout, EncodeOptions options,
                                       OutputStream out) throws IOException {
        RecordEncoder encoder = RecordEncoder.compile(layout, options.encoderOptions());
        OrderedWriter writer = new OrderedWriter(options, out);
        LineReader reader = new LineReader(in, options.maxLineLength());
        OrderedPipeline<EncodeBatch> pipeline = OrderedPipeline.<EncodeBatch>builder(EncodeBatch::new,
                        new BatchWorker(encoder, options))
                .workers(options.workers())
                .capacity(options.capacity())
                .stripe(1)
                .memoryBound(StreamingProcessor.withLimitBytes(options.maxInputBytesInFlight()),
                        batch -> batch.input.length())
                .threadNamePrefix("ringline")
                .consumer((seq, batch, failure) -> writer.writeOrRemember(batch, failure))
                .build();
        try {
            long index = 0;
            boolean more = true;
            while (more) {
                long seq = pipeline.claim();
                EncodeBatch batch = pipeline.slot(seq);
                try {
                    batch.reset(index);
                    more = fill(reader, batch);
                    index += batch.count;
                    batch.bytesRead = reader.bytesRead();
                } finally {
                    pipeline.publish(seq);
                }
            }
            pipeline.close();
        } catch (InterruptedException e) {
            pipeline.abort(Duration.ofSeconds(30));
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while encoding");
        } catch (IOException | RuntimeException e) {
            pipeline.abort(Duration.ofSeconds(30));
            writer.throwIfFailed(); // the consumer's own failure explains the producer's
            throw e;
        } catch (Error e) {
            pipeline.abort(Duration.ofSeconds(30));
            throw e;
        }
        writer.finishAfterPipeline();
        return writer.summary();
    }

    /** Fills the batch with lines; false once the input ended. */
    private static boolean fill(LineReader reader, EncodeBatch batch) throws IOException {
        ByteVector input = batch.input;
        while (!batch.full()) {
            int mark = input.length();
            if (!reader.appendNext(input)) {
                return false;
            }
            batch.added(mark, input.length() - mark, reader.lineOffset(), reader.tooLong());
        }
        return true;
    }

    private static final class BatchWorker implements RecordProcessor<EncodeBatch> {
        private final RecordEncoder encoder;
        private final EncodeOptions options;
        /** One context per worker thread: the processor is shared, the context is not. */
        private final ThreadLocal<RecordEncoder.Context> contexts;

        BatchWorker(RecordEncoder encoder, EncodeOptions options) {
            this.encoder = encoder;
            this.options = options;
            this.contexts = ThreadLocal.withInitial(encoder::newContext);
        }

        @Override
        public void process(long sequence, EncodeBatch batch, ScratchBuffers scratch) {
            batch.encode(encoder, contexts.get(), options);
        }
    }

    /**
     * The ordered stage's side of an encode: writes records (or VB blocks) in input order, applies the error policy
     * to rejected lines, keeps the accounting. Confined to the ordered-stage thread until the pipeline has ended.
     */
    private static final class OrderedWriter {
        private final OrderedOutput out;
        private final RejectsSink rejects;
        private final ErrorPolicy policy;
        private final DecodeProgress progress;
        /** The VB block being filled (BDW first), or null for fixed and RDW output. */
        private final ByteVector block;
        private final int blockSize;
        private long recordsRead;
        private long recordsWritten;
        private long recordsRejected;
        private long errors;
        private long bytesRead;

        OrderedWriter(EncodeOptions options, OutputStream out) {
            this.out = new OrderedOutput(out);
            this.rejects = options.rejects();
            this.policy = options.errorPolicy();
            this.progress = options.progress();
            boolean vb = options.framing() != null && options.framing().format() == RecordFormat.VB;
            this.blockSize = options.blockSize();
            this.block = vb ? new ByteVector(blockSize) : null;
        }

        void write(EncodeBatch batch, Throwable failure) {
            if (failure != null) {
                throw new IllegalStateException("internal encoding failure", failure);
            }
            byte[] output = batch.output.array();
            int written = 0; // output bytes of this batch already passed on
            for (int i = 0; i < batch.count; i++) {
                recordsRead++;
                DecodeError rejected = batch.rejected[i];
                if (rejected == null) {
                    recordsWritten++;
                    if (block != null) {
                        int from = i == 0 ? 0 : batch.outputEnd[i - 1];
                        addToBlock(output, from, batch.outputEnd[i] - from);
                    }
                    continue;
                }
                errors++;
                if (policy.onError(errors, false) == ErrorPolicy.Action.FAIL) {
                    if (block == null) {
                        int end = i == 0 ? 0 : batch.outputEnd[i - 1];
                        out.emit(output, written, end - written);
                    }
                    flushBlock();
                    recordsRead--; // the failing line is neither written nor rejected: it stopped the run
                    throw out.abort(new DecodeAbortedException(rejected, summary()));
                }
                recordsRejected++;
                rejects.reject(rejected, batch.input.array(), batch.start[i], batch.length[i]);
            }
            if (block == null) {
                out.emit(output, written, batch.output.length() - written);
            }
            bytesRead = batch.bytesRead;
            if (progress != null) {
                progress.update(recordsRead, recordsWritten, recordsRejected, bytesRead);
            }
        }

        /** Appends one record (RDW included) to the block, writing the block first when it would overflow. */
        private void addToBlock(byte[] bytes, int off, int len) {
            if (block.length() > 0 && block.length() + len > blockSize) {
                flushBlock();
            }
            if (block.length() == 0) {
                block.append(0).append(0).append(0).append(0);
            }
            block.append(bytes, off, len);
        }

        private void flushBlock() {
            if (block == null || block.length() == 0) {
                return;
            }
            int length = block.length();
            block.setByteAt(0, (byte) (length >>> 8));
            block.setByteAt(1, (byte) length);
            out.emit(block.array(), 0, length);
            block.clear();
        }

        /** Runs on the ordered stage; remembers any failure so the caller can rethrow the real cause. */
        void writeOrRemember(EncodeBatch batch, Throwable failure) {
            try {
                write(batch, failure);
            } catch (RuntimeException | Error e) {
                out.remember(e);
                throw e;
            }
        }

        /** Rethrows what stopped the ordered stage, if anything. */
        void throwIfFailed() throws IOException {
            out.throwIfFailed();
        }

        void finishAfterPipeline() throws IOException {
            throwIfFailed();
            try {
                flushBlock();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            out.flush();
        }

        DecodeSummary summary() {
            return new DecodeSummary(recordsRead, recordsWritten, recordsRejected, errors, bytesRead,
                    out.bytesWritten());
        }
    }
}
