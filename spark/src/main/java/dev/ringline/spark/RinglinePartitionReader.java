package dev.ringline.spark;

import dev.ringline.buffer.ByteVector;
import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.DecodeError;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.cobol.error.FramingException;
import dev.ringline.cobol.error.RecordDecodeException;
import dev.ringline.cobol.framing.FramingOptions;
import dev.ringline.cobol.framing.RecordFormat;
import dev.ringline.cobol.framing.RecordLengthFunction;
import dev.ringline.cobol.framing.RecordReader;
import dev.ringline.cobol.row.RowDecoder;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeRowWriter;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Reads the records of one split and decodes the selected columns into reused {@code UnsafeRow}s
 * ({@link UnsafeRowSink}: no object per record), with the layout and decoder compiled once per executor JVM
 * ({@link CompiledReads}). Fixed-length splits, whole-file splits and the splits of the index pass are bounded by
 * true record boundaries (fixed records as long as their content are framed by the layout's length function). Other RDW/VB splits start at the boundary
 * {@link RecordReader#boundaryAfter} finds at their nominal start, read records until they reach the boundary found at
 * their nominal end, and fail unless their last record ends exactly there: both splits look from the same offset, so
 * a mismatch means the boundary was not a true one.
 *
 * <p>A bad record (a bad field, or a truncated last record) under {@code on_error = skip} is counted and, with
 * {@code rejects_path}, written as a reject; with a {@code corrupt_record_column} selected it is kept as a row whose
 * data columns are all null and whose raw bytes fill that column. Under {@code on_error = null} a record with field
 * errors keeps its good fields, its bad ones are null, the column holds its raw bytes, and each field error is a
 * reject line (as the command line's field errors).
 */
final class RinglinePartitionReader implements PartitionReader<InternalRow> {
    /** Look-ahead for a boundary; it grows 4-fold up to {@link #MAX_WINDOW} while chains run past its end. */
    private static final int FIRST_WINDOW = 64 << 10;
    private static final int MAX_WINDOW = 64 << 20;

    private final ReadOptions options;
    private final FileSplit split;
    private final RowDecoder decoder;
    private final RowDecoder.Context ctx;
    private final FramingOptions framing;
    private final boolean variable;
    private final boolean skip;
    private final int dataColumns;
    private final int corruptOrdinal; // -1 without the column
    private final int[] metadata; // 0 file, 1 offset, 2 record, per extra column
    private final byte[] fileName;
    private final UnsafeRowSink.Struct sink;
    private final UnsafeRowWriter row;
    private final TaskRejects rejects;
    private final FSDataInputStream in;
    private final RecordReader reader;
    private final ByteVector record = new ByteVector(4096);
    private final long begin;
    private final long stop;
    private boolean done;
    private long rejected;
    private final CustomTaskMetric[] metrics = {new CustomTaskMetric() {
        @Override
        public String name() {
            return RejectedRecordsMetric.NAME;
        }

        @Override
        public long value() {
            return rejected;
        }
    }};

    RinglinePartitionReader(ReadOptions options, ReadExtras extras, boolean corruptColumn, Set<String> selected,
                            List<String> metadataNames, Configuration conf, FileSplit split) {
        this.options = options;
        this.split = split;
        CompiledReads.Compiled compiled = CompiledReads.of(options, selected); // once per executor, not per split
        this.decoder = compiled.decoder();
        this.framing = compiled.framing();
        this.variable = framing.format() != RecordFormat.FIXED;
        this.skip = options.onError().equals("skip");
        this.ctx = decoder.newContext().headerBytes(variable ? 4 : 0);
        this.dataColumns = decoder.columns().size();
        this.corruptOrdinal = corruptColumn ? dataColumns : -1;
        this.metadata = new int[metadataNames.size()];
        for (int i = 0; i < metadata.length; i++) {
            String name = metadataNames.get(i);
            metadata[i] = name.equals(Schemas.FILE) ? 0 : name.equals(Schemas.OFFSET) ? 1 : 2;
        }
        this.fileName = split.path().getBytes(StandardCharsets.UTF_8);
        this.sink = UnsafeRowSink.top(decoder.columns(), (corruptColumn ? 1 : 0) + metadata.length);
        this.row = sink.writer;
        this.rejects = extras.rejectsPath() == null ? null : new TaskRejects(extras.rejectsPath(), split.path(), conf);
        Path path = new Path(split.path());
        try {
            this.in = RinglineSource.fs(path, conf).open(path);
            if (variable && !split.exact()) {
                this.begin = boundary(split.start());
                this.stop = boundary(split.end());
                if (begin > stop) {
                    throw mismatch("the boundary found at nominal offset " + split.start() + " is byte " + begin
                            + ", beyond the one found at the split's end " + split.end() + " (byte " + stop + ")");
                }
            } else {
                this.begin = split.start();
                this.stop = split.end();
            }
            in.seek(begin);
            InputStream body = variable ? in : new Bounded(in, stop - begin);
            RecordLengthFunction lengths = compiled.lengthFunction();
            this.reader = lengths == null ? new RecordReader(Channels.newChannel(body), framing)
                    : new RecordReader(Channels.newChannel(body), framing, lengths);
        } catch (IOException e) {
            throw new UncheckedIOException("ringline: cannot open " + split.path() + ": " + e.getMessage(), e);
        }
    }

    /** The boundary every reader finds at {@code nominal}: 0 and the file's end are boundaries themselves. */
    private long boundary(long nominal) throws IOException {
        if (nominal <= 0 || nominal >= split.fileSize()) {
            return Math.min(Math.max(nominal, 0), split.fileSize());
        }
        int window = FIRST_WINDOW;
        while (true) {
            int n = (int) Math.min(window, split.fileSize() - nominal);
            byte[] data = new byte[n];
            in.readFully(nominal, data, 0, n);
            boolean atEnd = nominal + n == split.fileSize();
            int found = RecordReader.boundaryAfter(data, 0, n, atEnd, framing);
            if (found >= 0) {
                return nominal + found;
            }
            if (window >= MAX_WINDOW) {
                throw new RinglineReadException(framing.format() == RecordFormat.VB ? ErrorCode.BAD_BDW
                        : ErrorCode.BAD_RDW, split.path(), nominal, null, "no record boundary found within "
                        + MAX_WINDOW + " bytes (use split_strategy = file for this file)", null);
            }
            window *= 4;
        }
    }

    private RinglineReadException mismatch(String message) {
        return new RinglineReadException(framing.format() == RecordFormat.VB ? ErrorCode.BAD_BDW : ErrorCode.BAD_RDW,
                split.path(), split.start(), null, "split boundaries disagree: " + message
                + "; refusing to guess (use split_strategy = file for this file)", null);
    }

    @Override
    public boolean next() throws IOException {
        while (!done) {
            long position = begin + reader.bytesRead();
            if (variable && position >= stop) {
                finish(position);
                return false;
            }
            boolean got;
            try {
                got = reader.next(record);
            } catch (FramingException e) {
                long at = begin + e.byteOffset();
                if (e.code() == ErrorCode.TRUNCATED_RECORD && !options.onError().equals("fail")) {
                    done = true; // a partial last record: a reject, as in the command line
                    return reject(new DecodeError(index(e.recordIndex()), at, null, e.code(), e.detail()), at);
                }
                throw new RinglineReadException(e.code(), split.path(), at, null, e.getMessage(), e);
            } catch (CobolException e) {
                throw new RinglineReadException(e.code(), split.path(), position, null, e.getMessage(), e);
            }
            if (!got) {
                finish(begin + reader.bytesRead());
                return false;
            }
            long offset = begin + reader.recordOffset();
            long index = index(reader.recordIndex());
            sink.startRow();
            try {
                decoder.decode(record.array(), 0, record.length(), index, offset, ctx, sink);
            } catch (RecordDecodeException e) {
                if (!skip) {
                    throw new RinglineReadException(e.error().code(), split.path(), offset, e.error().fieldPath(),
                            e.error().message(), e);
                }
                if (reject(e.error(), offset)) {
                    return true;
                }
                continue;
            }
            if (ctx.fieldErrors().isEmpty()) {
                if (corruptOrdinal >= 0) {
                    row.setNullAt(corruptOrdinal);
                }
            } else {
                for (DecodeError error : ctx.fieldErrors()) {
                    if (rejects != null) {
                        rejects.reject(error, record.array(), 0, record.length());
                    }
                }
                ctx.clearFieldErrors();
                if (corruptOrdinal >= 0) {
                    row.write(corruptOrdinal, record.array(), 0, record.length());
                }
            }
            writeMetadata(offset, index);
            return true;
        }
        return false;
    }

    /**
     * A rejected record: counted, written to the rejects, and kept as a row of nulls with its raw bytes when the
     * corrupt-record column is selected.
     *
     * @return whether that row is there to return
     */
    private boolean reject(DecodeError error, long offset) {
        rejected++;
        if (rejects != null) {
            rejects.reject(error, record.array(), 0, record.length());
        }
        if (corruptOrdinal < 0) {
            return false;
        }
        sink.startRow();
        sink.setAllNull();
        row.write(corruptOrdinal, record.array(), 0, record.length());
        writeMetadata(offset, error.recordSequence());
        return true;
    }

    /** The record's index in the file, or -1 where the split does not know it (RDW/VB without the index). */
    private long index(long inSplit) {
        return split.firstRecord() < 0 ? -1 : split.firstRecord() + inSplit;
    }

    private void writeMetadata(long offset, long index) {
        int base = dataColumns + (corruptOrdinal >= 0 ? 1 : 0);
        for (int i = 0; i < metadata.length; i++) {
            switch (metadata[i]) {
                case 0:
                    row.write(base + i, fileName, 0, fileName.length);
                    break;
                case 1:
                    row.write(base + i, offset);
                    break;
                default:
                    if (index < 0) {
                        row.setNullAt(base + i);
                    } else {
                        row.write(base + i, index);
                    }
            }
        }
    }

    /** The split's records ended at {@code position}: for RDW/VB it must be where the next split starts. */
    private void finish(long position) {
        done = true;
        if (variable && position != stop) {
            throw mismatch("the records of split [" + split.start() + ", " + split.end() + ") end at byte " + position
                    + " but the next split starts at byte " + stop);
        }
    }

    @Override
    public InternalRow get() {
        return row.getRow();
    }

    @Override
    public CustomTaskMetric[] currentMetricsValues() {
        return metrics; // Spark asks every 100 rows: one array, read live
    }

    @Override
    public void close() throws IOException {
        in.close();
        if (rejects != null) {
            rejects.close();
        }
    }

    /** At most {@code remaining} bytes of a stream (a fixed-length split), without closing it. */
    private static final class Bounded extends FilterInputStream {
        private long remaining;

        Bounded(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}
