package dev.ringline.cobol;

import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.DecodeError;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.cobol.error.FramingException;
import dev.ringline.cobol.framing.FramingOptions;
import dev.ringline.cobol.framing.RecordFormat;
import dev.ringline.cobol.framing.RecordReader;
import dev.ringline.cobol.json.RecordDecoder;
import dev.ringline.cobol.json.RejectsSink;
import dev.ringline.memory.ByteVector;
import dev.ringline.memory.ScratchBuffers;
import dev.ringline.memory.StreamingProcessor;
import dev.ringline.pipeline.OrderedPipeline;
import dev.ringline.pipeline.RecordProcessor;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.ReadableByteChannel;
import java.time.Duration;
import java.util.List;

/**
 * Decodes a file of COBOL records to JSON Lines, in parallel, in input order, in bounded memory.
 *
 * <pre>{@code
 * RecordLayout layout = Copybook.parse(Path.of("customer.cpy")).firstRecord();
 * try (FileChannel in = FileChannel.open(Path.of("customer.dat"));
 *      OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of("customer.jsonl")))) {
 *     DecodeSummary summary = CobolDecoder.decode(in, layout, DecodeOptions.defaults(), out);
 * }
 * }</pre>
 *
 * <p>The calling thread frames records (see {@link RecordReader}) into batches of about 64 KiB on the slots of an
 * {@link OrderedPipeline}; workers decode batches with their own buffers; the ordered stage writes each batch's
 * JSON in input order and applies the error policy to rejected records in that same order. So the output is
 * byte-identical for any number of workers, and memory is bounded by {@code capacity} batches and by
 * {@code maxInputBytesInFlight} bytes of input, whatever the input size. Accounting always holds: records read = written + rejected.
 */
public final class CobolDecoder {
    private CobolDecoder() {
    }

    /**
     * Decodes {@code in} to {@code out} on {@link DecodeOptions#workers()} threads. Neither stream is closed;
     * {@code out} is flushed.
     *
     * @throws DecodeAbortedException when the error policy stops the run (output holds everything before)
     * @throws IOException            when reading or writing fails
     */
    public static DecodeSummary decode(ReadableByteChannel in, RecordLayout layout, DecodeOptions options,
                                       OutputStream out) throws IOException {
        RecordDecoder decoder = RecordDecoder.compile(layout, options.jsonOptions());
        OrderedWriter writer = new OrderedWriter(options, out);
        RecordReader reader = reader(in, layout, options, decoder);
        OrderedPipeline<DecodeBatch> pipeline = OrderedPipeline.<DecodeBatch>builder(DecodeBatch::new,
                        new BatchWorker(decoder))
                .workers(options.workers())
                .capacity(options.capacity())
                .stripe(1) // a batch is already tens of KiB: no false sharing between neighbours
                .memoryBound(StreamingProcessor.withLimitBytes(options.maxInputBytesInFlight()),
                        batch -> batch.input.length())
                .threadNamePrefix("ringline")
                .consumer((seq, batch, failure) -> writer.writeOrRemember(batch, failure))
                .build();
        boolean latency = options.latency() != null;
        try {
            long index = 0;
            boolean more = true;
            while (more) {
                long seq = pipeline.claim();
                DecodeBatch batch = pipeline.slot(seq);
                try {
                    batch.reset(index);
                    if (latency) {
                        batch.claimNanos = System.nanoTime();
                    }
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
            throw new InterruptedIOException("interrupted while decoding");
        } catch (RuntimeException e) {
            pipeline.abort(Duration.ofSeconds(30));
            writer.throwIfFailed(); // the consumer's own failure explains the producer's
            throw readFailure(e);
        } catch (Error e) {
            pipeline.abort(Duration.ofSeconds(30));
            throw e;
        }
        writer.finishAfterPipeline();
        return writer.summary();
    }

    /** Decodes on the calling thread alone; the same output and accounting as {@link #decode}. */
    public static DecodeSummary decodeSequential(ReadableByteChannel in, RecordLayout layout, DecodeOptions options,
                                                 OutputStream out) throws IOException {
        RecordDecoder decoder = RecordDecoder.compile(layout, options.jsonOptions());
        RecordDecoder.Context ctx = decoder.newContext();
        OrderedWriter writer = new OrderedWriter(options, out);
        RecordReader reader = reader(in, layout, options, decoder);
        DecodeBatch batch = new DecodeBatch();
        long index = 0;
        boolean more = true;
        try {
            while (more) {
                batch.reset(index);
                if (options.latency() != null) {
                    batch.claimNanos = System.nanoTime();
                }
                more = fill(reader, batch);
                index += batch.count;
                batch.bytesRead = reader.bytesRead();
                batch.decode(decoder, ctx);
                writer.write(batch, null);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            throw readFailure(e);
        }
        writer.finishAfterPipeline();
        return writer.summary();
    }

    /** The reader wraps I/O errors in CobolException(IO_ERROR): callers of this facade get the IOException. */
    private static RuntimeException readFailure(RuntimeException e) throws IOException {
        if (e instanceof CobolException && ((CobolException) e).code() == ErrorCode.IO_ERROR
                && e.getCause() instanceof IOException) {
            throw new IOException(e.getMessage(), e.getCause());
        }
        return e;
    }

    private static RecordReader reader(ReadableByteChannel in, RecordLayout layout, DecodeOptions options,
                                       RecordDecoder decoder) {
        FramingOptions framing = options.framing() != null ? options.framing() : FramingOptions.fixed(layout.length());
        if (options.variableOccurs() && framing.format() == RecordFormat.FIXED && decoder.layout().hasDependingOn()) {
            return new RecordReader(in, framing, decoder.recordLengthFunction());
        }
        return new RecordReader(in, framing);
    }

    /** Fills the batch from the reader; false once the input ended (cleanly or with a framing error). */
    private static boolean fill(RecordReader reader, DecodeBatch batch) {
        ByteVector input = batch.input;
        while (!batch.full()) {
            int mark = input.length();
            boolean got;
            try {
                got = reader.appendNext(input); // straight into the batch: each byte is copied once
            } catch (FramingException e) {
                batch.framingError = e;
                batch.tail.append(input.array(), mark, input.length() - mark); // the partial record, for rejects
                input.truncate(mark);
                return false;
            }
            if (!got) {
                input.truncate(mark);
                return false;
            }
            batch.added(mark, input.length() - mark, reader.recordOffset());
        }
        return true;
    }

    private static final class BatchWorker implements RecordProcessor<DecodeBatch> {
        private final RecordDecoder decoder;
        /** One context per worker thread: the processor is shared, the context is not. */
        private final ThreadLocal<RecordDecoder.Context> contexts;

        BatchWorker(RecordDecoder decoder) {
            this.decoder = decoder;
            this.contexts = ThreadLocal.withInitial(decoder::newContext);
        }

        @Override
        public void process(long sequence, DecodeBatch batch, ScratchBuffers scratch) {
            batch.decode(decoder, contexts.get());
        }
    }

    /**
     * The ordered stage's side of a decode: writes each batch's JSON, applies the error policy to rejected records
     * in input order, keeps the accounting. Confined to the ordered-stage thread until the pipeline has ended.
     */
    private static final class OrderedWriter {
        private final DecodeOptions options;
        private final OutputStream out;
        private final RejectsSink rejects;
        private final RejectsSink fieldErrorSink;
        private final ErrorPolicy policy;
        private final DecodeProgress progress;
        private final Histogram latency;
        private long recordsRead;
        private long recordsWritten;
        private long recordsRejected;
        private long errors;
        private long recordsWithFieldErrors;
        private long bytesRead;
        private long bytesWritten;
        private DecodeAbortedException aborted;
        private IOException ioFailure;
        private Throwable failure;

        OrderedWriter(DecodeOptions options, OutputStream out) {
            this.options = options;
            this.out = out;
            this.rejects = options.rejects();
            this.fieldErrorSink = options.fieldErrors();
            this.policy = options.errorPolicy();
            this.progress = options.progress();
            this.latency = options.latency();
        }

        void write(DecodeBatch batch, Throwable failure) {
            if (failure != null) {
                throw new IllegalStateException("internal decoding failure", failure);
            }
            List<DecodeError> fieldErrors = batch.fieldErrors;
            int nextFieldError = 0;
            for (int i = 0; i < batch.count; i++) {
                recordsRead++;
                long index = batch.firstIndex + i;
                boolean fieldError = false;
                while (fieldErrors != null && nextFieldError < fieldErrors.size()
                        && fieldErrors.get(nextFieldError).recordSequence() == index) {
                    DecodeError e = fieldErrors.get(nextFieldError++);
                    errors++;
                    fieldError = true;
                    if (policy.onError(errors, true) == ErrorPolicy.Action.FAIL) {
                        abort(batch, i, e);
                    }
                    fieldErrorSink.reject(e, batch.input.array(), batch.start[i], batch.length[i]);
                }
                DecodeError rejected = batch.rejected[i];
                if (rejected == null) {
                    recordsWritten++;
                    if (fieldError) {
                        recordsWithFieldErrors++;
                    }
                    continue;
                }
                errors++;
                if (policy.onError(errors, false) == ErrorPolicy.Action.FAIL) {
                    abort(batch, i, rejected);
                }
                recordsRejected++;
                rejects.reject(rejected, batch.input.array(), batch.start[i], batch.length[i]);
            }
            emit(batch.output.array(), 0, batch.output.length());
            bytesRead = batch.bytesRead;
            if (batch.framingError != null) {
                recordsRead++;
                errors++;
                DecodeError e = DecodeError.of(batch.framingError);
                if (policy.onError(errors, false) == ErrorPolicy.Action.FAIL) {
                    recordsRead--;
                    aborted = new DecodeAbortedException(e, summary());
                    throw aborted;
                }
                recordsRejected++;
                rejects.reject(e, batch.tail.array(), 0, batch.tail.length());
            }
            if (latency != null && batch.count > 0) {
                latency.recordValueWithCount(Math.max(0, System.nanoTime() - batch.claimNanos), batch.count);
            }
            if (progress != null) {
                progress.update(recordsRead, recordsWritten, recordsRejected, bytesRead);
            }
        }

        /** Writes the records before record {@code i} of the batch, then stops the run. */
        private void abort(DecodeBatch batch, int i, DecodeError error) {
            int end = i == 0 ? 0 : batch.outputEnd[i - 1];
            emit(batch.output.array(), 0, end);
            recordsRead--; // the failing record is neither written nor rejected: it stopped the run
            aborted = new DecodeAbortedException(error, summary());
            throw aborted;
        }

        private void emit(byte[] bytes, int off, int len) {
            try {
                out.write(bytes, off, len);
                bytesWritten += len;
            } catch (IOException e) {
                ioFailure = e;
                throw new UncheckedIOException(e);
            }
        }

        /** Runs on the ordered stage; remembers any failure so the caller can rethrow the real cause. */
        void writeOrRemember(DecodeBatch batch, Throwable failure) {
            try {
                write(batch, failure);
            } catch (RuntimeException | Error e) {
                if (this.failure == null) {
                    this.failure = e;
                }
                throw e;
            }
        }

        /** Rethrows what stopped the ordered stage, if anything: an abort, an I/O error, or an internal failure. */
        void throwIfFailed() throws IOException {
            if (aborted != null) {
                flushQuietly();
                throw aborted;
            }
            if (ioFailure != null) {
                throw ioFailure;
            }
            if (failure instanceof RuntimeException) {
                throw (RuntimeException) failure;
            }
            if (failure instanceof Error) {
                throw (Error) failure;
            }
        }

        void finishAfterPipeline() throws IOException {
            throwIfFailed();
            out.flush();
        }

        private void flushQuietly() {
            try {
                out.flush();
            } catch (IOException ignored) {
                // the original failure is what the caller needs to see
            }
        }

        DecodeSummary summary() {
            return new DecodeSummary(recordsRead, recordsWritten, recordsRejected, errors, bytesRead, bytesWritten,
                    recordsWithFieldErrors);
        }
    }
}
