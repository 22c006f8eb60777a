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
import dev.ringline.cobol.schema.AvroSchema;
import dev.ringline.cobol.schema.JsonLineSchema;
import dev.ringline.buffer.ByteVector;
import dev.ringline.buffer.ScratchBuffers;
import dev.ringline.memory.StreamingProcessor;
import dev.ringline.pipeline.OrderedPipeline;
import dev.ringline.pipeline.RecordProcessor;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ReadableByteChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

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
        return run(in, layout, options, Objects.requireNonNull(out, "out"), null, false);
    }

    /**
     * Decodes {@code in} on {@link DecodeOptions#workers()} threads and hands each written record to
     * {@code handler}, in input order, on one thread: the same framing, bounds, error policy, rejects and accounting
     * as the JSON stream. The channel is not closed.
     *
     * <pre>{@code
     * DecodeSummary summary = CobolDecoder.decode(in, layout, DecodeOptions.defaults(),
     *         record -> index.put(record.sequence(), record.jsonString()));
     * }</pre>
     *
     * @throws DecodeAbortedException when the error policy stops the run (every earlier record was handled)
     * @throws IOException            when reading fails
     * @throws RuntimeException       what the handler threw, after the decode stopped
     */
    public static DecodeSummary decode(ReadableByteChannel in, RecordLayout layout, DecodeOptions options,
                                       RecordHandler handler) throws IOException {
        return run(in, layout, options, OutputStream.nullOutputStream(), Objects.requireNonNull(handler, "handler"),
                false);
    }

    /**
     * A handler that waits for a subscriber's demand: waiting is not a stall, however long the subscriber takes
     * between requests, so the stall timeout is out of the way (a cancel ends the wait).
     */
    static DecodeSummary decodeWaitingForDemand(ReadableByteChannel in, RecordLayout layout, DecodeOptions options,
                                                RecordHandler handler) throws IOException {
        return run(in, layout, options, OutputStream.nullOutputStream(), handler, true);
    }

    /**
     * A publisher of the records of {@code source} (opened once per subscriber), driven by the subscriber's demand;
     * see {@link RecordPublisher}.
     */
    public static RecordPublisher publisher(ChannelSource source, RecordLayout layout, DecodeOptions options) {
        return new RecordPublisher(source, layout, options);
    }

    /**
     * The records of {@code source} as a sequential stream that decodes as it is consumed (at most {@code buffer}
     * records wait in the stream beyond the ring's bound). Close it (try-with-resources) to stop the decode and close
     * the source early; a decode failure is thrown by the stream's terminal operation as an
     * {@link java.io.UncheckedIOException} or the runtime exception itself.
     *
     * <pre>{@code
     * try (Stream<RecordSnapshot> records = CobolDecoder.stream(() -> FileChannel.open(path), layout, options, 256)) {
     *     long big = records.filter(r -> r.json().contains("\"VIP\"")).count();
     * }
     * }</pre>
     *
     * @param buffer records requested ahead of the consumer, 1..65536
     */
    public static java.util.stream.Stream<RecordSnapshot> stream(ChannelSource source, RecordLayout layout,
                                                                 DecodeOptions options, int buffer) {
        return RecordStream.of(publisher(source, layout, options), buffer);
    }

    private static DecodeSummary run(ReadableByteChannel in, RecordLayout layout, DecodeOptions options,
                                     OutputStream out, RecordHandler handler, boolean waitsForDemand)
            throws IOException {
        RecordDecoder decoder = RecordDecoder.compile(layout, options.jsonOptions());
        FramingOptions framing = framing(layout, options);
        RunMetrics metrics = RunMetrics.of(options.metrics());
        OrderedWriter writer = new OrderedWriter(options, metrics, out, headerBytes(framing), handler,
                handler == null ? null : new TypedRows(layout, options, headerBytes(framing)));
        CurrentBatch current = new CurrentBatch();
        RecordReader reader = reader(in, layout, options, decoder, framing, current);
        OrderedPipeline.Builder<DecodeBatch> builder = OrderedPipeline.<DecodeBatch>builder(DecodeBatch::new,
                        new BatchWorker(decoder, headerBytes(framing)))
                .workers(options.workers())
                .capacity(options.capacity())
                .stripe(1) // a batch is already tens of KiB: no false sharing between neighbours
                .memoryBound(StreamingProcessor.withLimitBytes(options.maxInputBytesInFlight()),
                        batch -> batch.input.length())
                .threadNamePrefix("ringline")
                .consumer((seq, batch, failure) -> writer.writeOrRemember(batch, failure));
        if (options.threadFactory() != null) {
            builder.threadFactory(options.threadFactory());
        }
        if (waitsForDemand) {
            builder.stallTimeout(Duration.ofDays(10_000));
        }
        OrderedPipeline<DecodeBatch> pipeline = builder.build();
        if (metrics != null) {
            metrics.started(options.capacity(), options.maxInputBytesInFlight());
        }
        try {
            long index = 0;
            long previousBytesRead = 0;
            boolean more = true;
            while (more) {
                long seq = pipeline.claim();
                DecodeBatch batch = pipeline.slot(seq);
                current.batch = batch;
                try {
                    batch.reset(index);
                    if (metrics != null) {
                        batch.claimNanos = System.nanoTime();
                    }
                    more = fill(reader, batch);
                    index += batch.count;
                    batch.bytesRead = reader.bytesRead();
                    if (metrics != null) {
                        published(metrics, batch, previousBytesRead);
                        previousBytesRead = batch.bytesRead;
                    }
                } finally {
                    pipeline.publish(seq);
                }
            }
            pipeline.close();
        } catch (InterruptedException e) {
            try {
                stop(pipeline, e, metrics);
            } finally {
                Thread.currentThread().interrupt();
            }
            throw new InterruptedIOException("interrupted while decoding");
        } catch (RuntimeException e) {
            stop(pipeline, e, metrics);
            writer.throwIfFailed(); // the consumer's own failure explains the producer's
            throw readFailure(e);
        } catch (Error e) {
            stop(pipeline, e, metrics);
            throw e;
        }
        writer.finishAfterPipeline();
        return writer.finishInput(reader);
    }

    /**
     * Aborts the pipeline after a failure. If its ordered thread did not end it may still be writing the writer's
     * state and the caller's stream: fail with the cause attached rather than read that state concurrently.
     */
    private static void stop(OrderedPipeline<DecodeBatch> pipeline, Throwable cause, RunMetrics metrics) {
        if (!pipeline.abort(Duration.ofSeconds(30))) {
            throw new IllegalStateException("decoder threads did not stop within 30 s after a failure; the output"
                    + " stream may still be written to", cause);
        }
        if (metrics != null) {
            metrics.ended(); // the threads ended: what is still in flight will never be delivered
        }
    }

    /** Decodes on the calling thread alone; the same output and accounting as {@link #decode}. */
    public static DecodeSummary decodeSequential(ReadableByteChannel in, RecordLayout layout, DecodeOptions options,
                                                 OutputStream out) throws IOException {
        RecordDecoder decoder = RecordDecoder.compile(layout, options.jsonOptions());
        FramingOptions framing = framing(layout, options);
        RecordDecoder.Context ctx = decoder.newContext().headerBytes(headerBytes(framing));
        RunMetrics metrics = RunMetrics.of(options.metrics());
        OrderedWriter writer = new OrderedWriter(options, metrics, out, headerBytes(framing), null, null);
        CurrentBatch current = new CurrentBatch();
        RecordReader reader = reader(in, layout, options, decoder, framing, current);
        DecodeBatch batch = new DecodeBatch();
        current.batch = batch;
        long index = 0;
        long previousBytesRead = 0;
        boolean more = true;
        if (metrics != null) {
            metrics.started(1, options.maxInputBytesInFlight());
        }
        boolean finished = false;
        try {
            while (more) {
                batch.reset(index);
                if (metrics != null) {
                    batch.claimNanos = System.nanoTime();
                }
                more = fill(reader, batch);
                index += batch.count;
                batch.bytesRead = reader.bytesRead();
                if (metrics != null) {
                    published(metrics, batch, previousBytesRead);
                    previousBytesRead = batch.bytesRead;
                }
                batch.decode(decoder, ctx);
                writer.write(batch, null);
            }
            finished = true;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            throw readFailure(e);
        } finally {
            if (!finished && metrics != null) {
                metrics.ended();
            }
        }
        writer.finishAfterPipeline();
        return writer.finishInput(reader);
    }

    /**
     * The typed shape of the records a decode of {@code layout} with {@code options} hands to a handler, publisher or
     * stream: resolve {@link FieldPath}s here once, then read every record with them (see {@link TypedRecord}).
     *
     * @throws FieldAccessException COPYBOOK_UNSUPPORTED for an item the typed decode cannot type (PIC G without a
     *                              double-byte code page)
     */
    public static TypedLayout typedLayout(RecordLayout layout, DecodeOptions options) {
        return TypedLayout.compile(layout, options);
    }

    /**
     * The JSON Schema (draft 2020-12) of the lines {@link #decode} writes for {@code layout} with {@code options}
     * (see {@link JsonLineSchema}); RDW and VB framing allow null for fields beyond a short record's end.
     */
    public static String jsonSchema(RecordLayout layout, DecodeOptions options) {
        return JsonLineSchema.of(layout, options.jsonOptions(), shortRecords(options));
    }

    /**
     * The Avro schema of the records {@link #decode} writes for {@code layout} with {@code options}, decimals as the
     * {@code decimal} logical type (see {@link AvroSchema}).
     *
     * @param namespace the namespace of the schema's named types, or null
     */
    public static String avroSchema(RecordLayout layout, DecodeOptions options, String namespace) {
        return AvroSchema.of(layout, options.jsonOptions(), shortRecords(options), namespace);
    }

    private static boolean shortRecords(DecodeOptions options) {
        return options.framing() != null && options.framing().format() != RecordFormat.FIXED;
    }

    /** Reports a filled batch: its records (a truncated last record is one) and the input it consumed. */
    private static void published(DecodeMetrics metrics, DecodeBatch batch, long previousBytesRead) {
        boolean truncated = batch.framingError != null && batch.framingError.code() == ErrorCode.TRUNCATED_RECORD;
        metrics.published(batch.count + (truncated ? 1 : 0), batch.bytesRead - previousBytesRead);
    }

    /** The reader wraps I/O errors in CobolException(IO_ERROR): callers of this facade get the IOException. */
    private static RuntimeException readFailure(RuntimeException e) throws IOException {
        if (e instanceof CobolException && ((CobolException) e).code() == ErrorCode.IO_ERROR
                && e.getCause() instanceof IOException) {
            Throwable cause = e.getCause();
            if (cause instanceof ClosedByInterruptException || cause instanceof InterruptedIOException) {
                // An interrupt closed the channel under the reader: say so, and keep the interrupt status.
                Thread.currentThread().interrupt();
                InterruptedIOException interrupted = new InterruptedIOException("interrupted while "
                        + e.getMessage());
                interrupted.initCause(cause);
                throw interrupted;
            }
            throw new IOException(e.getMessage(), cause);
        }
        return e;
    }

    private static FramingOptions framing(RecordLayout layout, DecodeOptions options) {
        return options.framing() != null ? options.framing() : FramingOptions.fixed(layout.length());
    }

    /** Bytes of a record's descriptor word: where its payload starts after its {@code _offset}. */
    private static int headerBytes(FramingOptions framing) {
        return framing.format() == RecordFormat.FIXED ? 0 : 4;
    }

    /** The batch the producer is filling: where resynchronization's skipped bytes go. */
    private static final class CurrentBatch implements RecordReader.SkipListener {
        DecodeBatch batch;

        @Override
        public void skipped(long offset, byte[] bytes, int off, int len) {
            batch.skipped(offset, bytes, off, len);
        }
    }

    private static RecordReader reader(ReadableByteChannel in, RecordLayout layout, DecodeOptions options,
                                       RecordDecoder decoder, FramingOptions framing, CurrentBatch current) {
        if (options.resync()) {
            return new RecordReader(in, framing).resync(current);
        }
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
            long start = reader.bytesRead();
            int run = reader.appendBuffered(input, DecodeBatch.MAX_RECORDS - batch.count,
                    DecodeBatch.TARGET_BYTES - mark); // fixed-length records: a buffer's worth in one copy
            if (run > 0) {
                int length = (input.length() - mark) / run;
                for (int k = 0; k < run; k++) {
                    batch.added(mark + k * length, length, start + (long) k * length);
                }
                continue;
            }
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

        BatchWorker(RecordDecoder decoder, int headerBytes) {
            this.decoder = decoder;
            this.contexts = ThreadLocal.withInitial(() -> decoder.newContext().headerBytes(headerBytes));
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
        private final OrderedOutput out;
        private final RejectsSink rejects;
        private final RejectsSink fieldErrorSink;
        private final ErrorPolicy policy;
        private final DecodeProgress progress;
        private final DecodeMetrics metrics;
        private final RecordHandler handler;
        private final DecodedRecord cursor;
        private final int headerBytes;
        private long recordsRead;
        private long recordsWritten;
        private long recordsRejected;
        private long errors;
        private long recordsWithFieldErrors;
        private long bytesRead;
        private long bytesDecoded;
        private long bytesRejected;
        private long bytesUndecoded;
        private long bytesSkipped;
        /** Input offset just after the last record framed: where the next record's bytes start counting. */
        private long lastEnd;
        private DecodeError framingFailure;

        /** @param handler receives each written record instead of {@code out}, or null */
        OrderedWriter(DecodeOptions options, RunMetrics metrics, OutputStream out, int headerBytes,
                      RecordHandler handler, TypedRows typed) {
            this.handler = handler;
            this.cursor = new DecodedRecord(typed);
            this.options = options;
            this.out = new OrderedOutput(out);
            this.rejects = options.rejects();
            this.fieldErrorSink = options.fieldErrors();
            this.policy = options.errorPolicy();
            this.progress = options.progress();
            this.metrics = metrics;
            this.headerBytes = headerBytes;
        }

        /** Input bytes of record {@code i} since the previous record ended (a VB block's BDW included). */
        private long span(DecodeBatch batch, int i) {
            long end = batch.offset[i] + headerBytes + batch.length[i];
            long span = end - lastEnd;
            lastEnd = end;
            return span;
        }

        void write(DecodeBatch batch, Throwable failure) {
            if (failure != null) {
                throw new IllegalStateException("internal decoding failure", failure);
            }
            long writtenBefore = recordsWritten;
            long withFieldErrorsBefore = recordsWithFieldErrors;
            long rejectedBefore = recordsRejected;
            long accountedBefore = bytesDecoded + bytesRejected;
            List<DecodeError> fieldErrors = batch.fieldErrors;
            int nextFieldError = 0;
            int nextSkip = 0;
            for (int i = 0; i < batch.count; i++) {
                nextSkip = skips(batch, i, nextSkip);
                recordsRead++;
                long span = span(batch, i);
                long index = batch.firstIndex + i;
                boolean fieldError = false;
                while (fieldErrors != null && nextFieldError < fieldErrors.size()
                        && fieldErrors.get(nextFieldError).recordSequence() == index) {
                    DecodeError e = fieldErrors.get(nextFieldError++);
                    errors++;
                    fieldError = true;
                    if (policy.onError(errors, true) == ErrorPolicy.Action.FAIL) {
                        abort(batch, i, e, span);
                    }
                    fieldErrorSink.reject(e, batch.input.array(), batch.start[i], batch.length[i]);
                }
                DecodeError rejected = batch.rejected[i];
                if (rejected == null) {
                    if (handler != null) {
                        cursor.set(batch, i);
                        handler.record(cursor);
                    }
                    recordsWritten++;
                    bytesDecoded += span;
                    if (fieldError) {
                        recordsWithFieldErrors++;
                    }
                    continue;
                }
                errors++;
                if (policy.onError(errors, false) == ErrorPolicy.Action.FAIL) {
                    abort(batch, i, rejected, span);
                }
                recordsRejected++;
                bytesRejected += span;
                rejects.reject(rejected, batch.input.array(), batch.start[i], batch.length[i]);
            }
            skips(batch, batch.count, nextSkip);
            if (handler == null) {
                out.emit(batch.output.array(), 0, batch.output.length());
            }
            bytesRead = batch.bytesRead;
            if (batch.framingError != null) {
                framingError(batch);
            }
            if (metrics != null) {
                int withFieldErrors = (int) (recordsWithFieldErrors - withFieldErrorsBefore);
                metrics.delivered((int) (recordsWritten - writtenBefore) - withFieldErrors, withFieldErrors,
                        (int) (recordsRejected - rejectedBefore), bytesDecoded + bytesRejected - accountedBefore,
                        Math.max(0, System.nanoTime() - batch.claimNanos));
            }
            if (progress != null) {
                progress.update(recordsRead, recordsWritten, recordsRejected, bytesRead);
            }
        }

        /**
         * Rejects the skipped ranges that come before record {@code i} of the batch (from range {@code next} on):
         * not records, but bytes of the input, so they are counted as rejected bytes and skipped bytes.
         *
         * @return the index of the first range not handled
         */
        private int skips(DecodeBatch batch, int i, int next) {
            DecodeBatch.Skips skips = batch.skips;
            if (skips == null) {
                return next;
            }
            while (next < skips.ranges.size() && skips.ranges.get(next)[0] == i) {
                long[] range = skips.ranges.get(next++);
                int len = (int) range[3];
                DecodeError e = new DecodeError(batch.firstIndex + i, range[1], null, ErrorCode.UNFRAMED_BYTES,
                        len + " bytes skipped to resynchronize after a bad descriptor word");
                bytesRejected += len;
                bytesSkipped += len;
                lastEnd = range[1] + len;
                rejects.reject(e, skips.bytes.array(), (int) range[2], len);
            }
            return next;
        }

        /**
         * A truncated last record is a bad record: rejected with its bytes, under the error policy. Any other
         * framing failure (a bad RDW or BDW, a record above the maximum) is not a record: the rest of the input is
         * counted as undecoded by {@link #finishInput}.
         */
        private void framingError(DecodeBatch batch) {
            FramingException f = batch.framingError;
            if (f.code() != ErrorCode.TRUNCATED_RECORD) {
                framingFailure = DecodeError.of(f);
                return;
            }
            recordsRead++;
            errors++;
            long span = batch.bytesRead - lastEnd;
            lastEnd = batch.bytesRead;
            DecodeError e = DecodeError.of(f);
            recordsRejected++;
            bytesRejected += span;
            rejects.reject(e, batch.tail.array(), 0, batch.tail.length());
            if (policy.onError(errors, false) == ErrorPolicy.Action.FAIL) {
                throw out.abort(new DecodeAbortedException(e, summary()));
            }
        }

        /**
         * Writes the records before record {@code i} of the batch, rejects record {@code i} (counted as read and
         * rejected, its bytes in the rejects), then stops the run.
         */
        private void abort(DecodeBatch batch, int i, DecodeError error, long span) {
            if (handler == null) { // a handler already has every record before this one
                out.emit(batch.output.array(), 0, i == 0 ? 0 : batch.outputEnd[i - 1]);
            }
            recordsRejected++;
            bytesRejected += span;
            bytesRead = lastEnd;
            rejects.reject(error, batch.input.array(), batch.start[i], batch.length[i]);
            throw out.abort(new DecodeAbortedException(error, summary()));
        }

        /**
         * After the pipeline: if a framing failure ended the input early, skips the rest of it to count the bytes
         * that were not decoded. Returns the summary.
         */
        DecodeSummary finishInput(RecordReader reader) throws IOException {
            if (framingFailure != null) {
                reader.skipRest();
                bytesRead = reader.bytesRead();
                bytesUndecoded = bytesRead - lastEnd;
            }
            return summary();
        }

        /** Runs on the ordered stage; remembers any failure so the caller can rethrow the real cause. */
        void writeOrRemember(DecodeBatch batch, Throwable failure) {
            try {
                write(batch, failure);
            } catch (RuntimeException | Error e) {
                out.remember(e);
                throw e;
            }
        }

        /** Rethrows what stopped the ordered stage, if anything: an abort, an I/O error, or an internal failure. */
        void throwIfFailed() throws IOException {
            out.throwIfFailed();
        }

        void finishAfterPipeline() throws IOException {
            out.throwIfFailed();
            out.flush();
        }

        DecodeSummary summary() {
            return new DecodeSummary(recordsRead, recordsWritten, recordsRejected, errors, bytesRead, out.bytesWritten(),
                    bytesDecoded, bytesRejected, bytesUndecoded, bytesSkipped, framingFailure, recordsWithFieldErrors);
        }
    }
}
