package dev.ringline.cobol.framing;

import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.cobol.error.FramingException;
import dev.ringline.buffer.ByteVector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.Objects;

/**
 * Cuts a byte stream into records (fixed, RDW or VB) without ever holding more than one buffer of it.
 *
 * <pre>{@code
 * try (RecordReader reader = RecordReader.open(in, FramingOptions.rdw())) {
 *     ByteVector record = new ByteVector(4096);
 *     while (reader.next(record)) { ... record.array(), 0, record.length() ... }
 * }
 * }</pre>
 *
 * <p>Costs: one heap buffer ({@value #DEFAULT_BUFFER_SIZE} bytes by default) allocated up front; each record is
 * copied once from it into the caller's {@link ByteVector}, which grows to the largest record and is then
 * reused, so the steady state allocates nothing. Records longer than the buffer are copied in pieces.
 *
 * <p>Errors: a {@link FramingException} is thrown for a trailing partial record, a malformed RDW/BDW or a length
 * above {@link FramingOptions#maxRecordLength()} (checked before anything is allocated). After a
 * {@code TRUNCATED_RECORD} the vector passed to {@link #next} holds every input byte from the failing record's
 * first byte (header included) to the end of the input, so a caller can send them to its rejects sink. A
 * variable-length stream is not resynchronised after a bad descriptor word unless {@link #resync} is on, so after
 * any framing error the reader is finished: further {@link #next} calls return {@code false} and
 * {@link #failure()} returns the error.
 * An empty input is not an error: the first {@link #next} returns {@code false}.
 *
 * <p>Read failures of the channel surface as {@link CobolException} with {@link ErrorCode#IO_ERROR}. The channel
 * must be blocking. Not thread-safe: one reader per thread.
 */
public final class RecordReader implements AutoCloseable {
    /** Size of the internal read buffer: 256 KiB. */
    public static final int DEFAULT_BUFFER_SIZE = 256 * 1024;

    private static final int HEADER = 4;

    private final ReadableByteChannel channel;
    private final FramingOptions options;
    private final RecordLengthFunction lengthFunction;
    /** Where the record being read starts in the caller's vector (non-zero with {@link #appendNext}). */
    private int appendBase;
    private final byte[] buf;
    private final ByteBuffer window;
    private final byte[] header = new byte[HEADER];

    private int pos;
    private int limit;
    /** Input offset of {@code buf[0]}. */
    private long bufferBase;
    private boolean endOfInput;

    private long nextIndex;
    private long recordIndex = -1;
    private long recordOffset = -1;
    /** VB: bytes of the current block not yet consumed (0 = a BDW comes next). */
    private long blockRemaining;
    private long blockOffset;
    private FramingException failure;
    /** Receives the bytes skipped by resynchronization; null: a bad descriptor word ends the reader. */
    private SkipListener skips;

    /** A reader of {@code channel} framed by {@code options}. */
    public RecordReader(ReadableByteChannel channel, FramingOptions options) {
        this(channel, options, null, DEFAULT_BUFFER_SIZE);
    }

    /**
     * A reader of fixed-format records whose length {@code lengthFunction} computes from their first bytes;
     * {@link FramingOptions#recordLength()} is then ignored, {@link FramingOptions#maxRecordLength()} still applies.
     */
    public RecordReader(ReadableByteChannel channel, FramingOptions options, RecordLengthFunction lengthFunction) {
        this(channel, options, Objects.requireNonNull(lengthFunction, "lengthFunction"), DEFAULT_BUFFER_SIZE);
    }

    RecordReader(ReadableByteChannel channel, FramingOptions options, RecordLengthFunction lengthFunction,
                 int bufferSize) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.options = Objects.requireNonNull(options, "options");
        if (lengthFunction != null && options.format() != RecordFormat.FIXED) {
            throw new IllegalArgumentException("a RecordLengthFunction needs FIXED framing, not " + options.format());
        }
        if (bufferSize < 2 * HEADER) {
            throw new IllegalArgumentException("bufferSize must be >= " + 2 * HEADER + ": " + bufferSize);
        }
        this.lengthFunction = lengthFunction;
        this.buf = new byte[bufferSize];
        this.window = ByteBuffer.wrap(buf);
    }

    /** A reader of {@code in} (wrapped in a channel; closing the reader closes the stream). */
    public static RecordReader open(InputStream in, FramingOptions options) {
        return new RecordReader(Channels.newChannel(Objects.requireNonNull(in, "in")), options);
    }

    /**
     * Reads the next record's payload (without RDW) into {@code record}, which is cleared first.
     *
     * @return {@code false} at a clean end of input, or once a framing error has been thrown
     * @throws FramingException if the input cannot be framed here (see the class comment)
     */
    public boolean next(ByteVector record) {
        record.clear();
        return appendNext(record);
    }

    /**
     * Like {@link #next} but appends the payload after what {@code records} already holds, so a caller batching
     * records copies each byte once. After a {@code TRUNCATED_RECORD} the partial record's bytes (header included)
     * are what was appended.
     */
    public boolean appendNext(ByteVector records) {
        ByteVector record = records;
        appendBase = record.length();
        if (failure != null) {
            return false;
        }
        try {
            switch (options.format()) {
                case FIXED:
                    return nextFixed(record);
                case RDW:
                    return nextVariable(record, false);
                case VB:
                    return nextVb(record);
                default:
                    throw new IllegalStateException("unknown format " + options.format());
            }
        } catch (FramingException e) {
            if (skips != null && e.code() != ErrorCode.TRUNCATED_RECORD) {
                record.setLength(appendBase);
                try {
                    return resyncFrom(e.byteOffset(), record);
                } catch (FramingException again) {
                    failure = again;
                    throw again;
                } catch (IOException io) {
                    throw new CobolException(ErrorCode.IO_ERROR, "reading at byte " + offset() + ": "
                            + (io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage()), io);
                }
            }
            failure = e;
            throw e;
        } catch (IOException e) {
            throw new CobolException(ErrorCode.IO_ERROR, "reading record " + nextIndex + " at byte " + offset()
                    + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /**
     * Fixed-length records (no record length function) that the read buffer already holds, appended after what
     * {@code records} holds in one copy: at most {@code maxRecords}, and no more than it takes to reach
     * {@code maxBytes}. Returns how many; 0 when the buffer holds no whole record (or the framing is not plain fixed
     * length, or an error was thrown): then {@link #appendNext} reads on. Record k of the run starts at input offset
     * {@code start + k * length}, where {@code start} is {@link #bytesRead()} before the call; afterwards
     * {@link #recordIndex()} and {@link #recordOffset()} are the last record's, as after {@link #appendNext}.
     */
    public int appendBuffered(ByteVector records, int maxRecords, int maxBytes) {
        if (failure != null || options.format() != RecordFormat.FIXED || lengthFunction != null || maxRecords <= 0
                || maxBytes <= 0) {
            return 0;
        }
        int length = options.recordLength();
        int count = Math.min(Math.min(maxRecords, (maxBytes + length - 1) / length), (limit - pos) / length);
        if (count <= 0) {
            return 0;
        }
        long start = offset();
        records.append(buf, pos, count * length);
        pos += count * length;
        recordIndex = nextIndex + count - 1;
        nextIndex += count;
        recordOffset = start + (long) (count - 1) * length;
        return count;
    }

    /** Receives the byte ranges that {@link #resync resynchronization} skips, in input order. */
    @FunctionalInterface
    public interface SkipListener {
        /**
         * {@code len} bytes at input offset {@code offset} that are not part of any record ({@code bytes} is only
         * valid during the call). A long range is reported in chunks of at most {@link #RESYNC_CHUNK} bytes.
         */
        void skipped(long offset, byte[] bytes, int off, int len);
    }

    /** Skipped bytes are reported in chunks of at most this size: 64 KiB. */
    public static final int RESYNC_CHUNK = 64 * 1024;
    /** Consecutive records that must chain from a position for it to be taken as a record boundary. */
    public static final int RESYNC_RECORDS = 4;
    /** Bytes examined after a candidate boundary: its chain of records must fit in them. */
    private static final int RESYNC_LOOKAHEAD = 128 * 1024;

    /**
     * Resynchronizes after a bad RDW instead of stopping (RDW framing only): the reader scans forward from the byte
     * after the bad header for the next position where {@link #RESYNC_RECORDS} consecutive records chain (or the
     * input ends cleanly after at least one), hands the bytes in between to {@code listener}, and goes on from
     * there. A record whose chain is longer than the read buffer's look-ahead (128 KiB) cannot be found this way.
     *
     * @throws IllegalArgumentException for framings other than RDW (a VB block cannot be resynchronized alone)
     */
    public RecordReader resync(SkipListener listener) {
        if (options.format() != RecordFormat.RDW) {
            throw new IllegalArgumentException("resync needs RDW framing, not " + options.format());
        }
        this.skips = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** 0-based index of the record last returned by {@link #next}; -1 before the first. */
    public long recordIndex() {
        return recordIndex;
    }

    /** Input offset of the first byte (header included) of the record last returned; -1 before the first. */
    public long recordOffset() {
        return recordOffset;
    }

    /** Input bytes consumed so far: every header and payload returned, plus, after an error, the bytes framed. */
    public long bytesRead() {
        return offset();
    }

    /**
     * Skips the rest of the input without framing it, so that {@link #bytesRead()} becomes the input's size: how
     * a caller counts the bytes a framing error left undecoded. A seekable channel is measured, not read.
     *
     * @return the bytes skipped
     * @throws IOException if reading (or measuring) the input fails
     */
    public long skipRest() throws IOException {
        long skipped = limit - pos;
        if (!endOfInput) {
            if (channel instanceof SeekableByteChannel) {
                SeekableByteChannel seekable = (SeekableByteChannel) channel;
                long rest = Math.max(0, seekable.size() - seekable.position());
                seekable.position(seekable.position() + rest);
                skipped += rest;
            } else {
                ByteBuffer scratch = ByteBuffer.wrap(buf);
                int n;
                while ((n = channel.read(scratch.clear())) >= 0) {
                    skipped += n;
                }
            }
            endOfInput = true;
        }
        bufferBase += pos + skipped;
        pos = 0;
        limit = 0;
        return skipped;
    }

    /**
     * Whether a record boundary under {@code options} is plausible at {@code data[off]}: {@code records}
     * consecutive records frame cleanly from there, or the data ends cleanly on a record boundary after at least
     * one (a record cut off by the end of {@code data} does not count). The check a reader needs to start inside
     * a file, to resynchronize after a bad header, or to guess a file's framing.
     */
    public static boolean chains(byte[] data, int off, int len, FramingOptions options, int records) {
        Objects.checkFromIndexSize(off, len, data.length);
        if (records < 1) {
            throw new IllegalArgumentException("records must be >= 1: " + records);
        }
        RecordReader reader = new RecordReader(Channels.newChannel(new java.io.ByteArrayInputStream(data, off, len)),
                options);
        ByteVector record = new ByteVector(256);
        int framed = 0;
        try {
            while (framed < records && reader.next(record)) {
                framed++;
            }
        } catch (FramingException e) {
            return framed >= records;
        }
        return framed > 0;
    }

    /**
     * RDW records a candidate boundary must chain before {@link #boundaryAfter} takes one: a false chain that starts
     * inside a payload can run for a while, but within this many hops it either breaks or merges into the true one
     * (on random payloads, 8 to 32 hops gave no false boundary in 2,000 probes; 16-record checks still did).
     */
    public static final int BOUNDARY_RECORD_HOPS = 32;
    /** VB blocks (each filled exactly by its RDWs) a candidate must chain before {@link #boundaryAfter} takes one. */
    public static final int BOUNDARY_BLOCK_HOPS = 4;

    /**
     * Finds a true record boundary at or after {@code data[off]}, for a reader that starts in the middle of an RDW or
     * VB file (a split of a distributed read): the first position from which {@link #BOUNDARY_RECORD_HOPS} records
     * (VB: {@link #BOUNDARY_BLOCK_HOPS} blocks) chain, followed to the end of that chain, so a chain that began on a
     * plausible header inside a payload has merged into the true one. Every reader that looks from the same offset
     * gets the same answer, so the reader of the previous split can verify that its own records land on it.
     * Allocates nothing.
     *
     * @param atEnd {@code data[off + len]} is the end of the input: a chain that ends exactly there counts
     * @return the index in {@code data} of the boundary (the end of the chain; {@code off + len} when the chain
     *         reaches the end of the input, or when {@code atEnd} and no record starts in the data), or -1 when no chain fits in {@code data[off, off + len)} or a candidate's
     *         chain runs past its end undecided (the caller looks again with more data)
     * @throws IllegalArgumentException for FIXED framing (its boundaries are multiples of the record length)
     */
    public static int boundaryAfter(byte[] data, int off, int len, boolean atEnd, FramingOptions options) {
        Objects.checkFromIndexSize(off, len, data.length);
        if (options.format() == RecordFormat.FIXED) {
            throw new IllegalArgumentException("fixed records need no boundary search");
        }
        boolean vb = options.format() == RecordFormat.VB;
        int hops = vb ? BOUNDARY_BLOCK_HOPS : BOUNDARY_RECORD_HOPS;
        int limit = off + len;
        if (len == 0) {
            return atEnd ? limit : -1;
        }
        for (int candidate = off; candidate < limit; candidate++) {
            int p = candidate;
            int n = 0;
            while (n < hops && p < limit) {
                int next = vb ? blockEnd(data, p, limit, options) : recordEnd(data, p, limit, options);
                if (next < 0) {
                    break;
                }
                p = next;
                n++;
            }
            if (n == hops || (p == limit && atEnd && n > 0)) {
                return p;
            }
            if (p == limit && !atEnd && n > 0) {
                return -1; // this chain may go on beyond the data: undecided, so ask for more rather than skip it
            }
        }
        return atEnd ? limit : -1; // no record starts here: the next boundary is the end of the input
    }

    /** The end of the RDW record at {@code data[p]} if it is valid and fits before {@code limit}, else -1. */
    private static int recordEnd(byte[] data, int p, int limit, FramingOptions options) {
        if (limit - p < HEADER) {
            return -1;
        }
        int length = payloadLength(data, p, options);
        return length < 1 || (long) p + HEADER + length > limit ? -1 : p + HEADER + length;
    }

    /** The end of the VB block at {@code data[p]} if its BDW is valid and its RDWs fill it exactly, else -1. */
    private static int blockEnd(byte[] data, int p, int limit, FramingOptions options) {
        if (limit - p < HEADER) {
            return -1;
        }
        long blockLength;
        if ((data[p] & 0x80) != 0) {
            blockLength = ((long) (data[p] & 0x7F) << 24) | ((data[p + 1] & 0xFF) << 16)
                    | ((data[p + 2] & 0xFF) << 8) | (data[p + 3] & 0xFF);
        } else {
            if (data[p + 2] != 0 || data[p + 3] != 0) {
                return -1;
            }
            blockLength = ((data[p] & 0xFF) << 8) | (data[p + 1] & 0xFF);
        }
        if (blockLength < 2 * HEADER || p + blockLength > limit) {
            return -1;
        }
        int end = (int) (p + blockLength);
        int q = p + HEADER;
        while (q < end) {
            q = recordEnd(data, q, end, options);
            if (q < 0) {
                return -1;
            }
        }
        return end;
    }

    /** The framing error that finished this reader, or {@code null}. */
    public FramingException failure() {
        return failure;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private boolean nextFixed(ByteVector record) throws IOException {
        long start = offset();
        if (!ensure(1)) {
            return false;
        }
        int length;
        if (lengthFunction == null) {
            length = options.recordLength();
        } else {
            length = lengthOf(start);
            while (length == RecordLengthFunction.NEED_MORE_BYTES) {
                int available = limit - pos;
                if (available == buf.length) {
                    throw error(ErrorCode.RECORD_TOO_LONG, start, "the record length function needs more than "
                            + buf.length + " bytes (the read buffer) to decide");
                }
                if (!ensure(available + 1)) {
                    record.append(buf, pos, limit - pos);
                    pos = limit;
                    throw error(ErrorCode.TRUNCATED_RECORD, start, "input ends after " + available
                            + " bytes, before the record's length could be known");
                }
                length = lengthOf(start);
            }
            checkPayloadLength(length, start, ErrorCode.RECORD_TOO_SHORT, "record length function returned ");
        }
        copyPayload(record, length, start, 0);
        return true;
    }

    /** The length function's answer; a FramingException it throws (e.g. a bad counter) is placed at this record. */
    private int lengthOf(long start) {
        try {
            return lengthFunction.lengthOf(buf, pos, limit - pos);
        } catch (FramingException e) {
            throw error(e.code(), start, e.detail());
        }
    }

    private boolean nextVb(ByteVector record) throws IOException {
        while (blockRemaining == 0) {
            long start = offset();
            if (!ensure(1)) {
                return false;
            }
            readHeader(record, start);
            long blockLength;
            if ((header[0] & 0x80) != 0) {
                blockLength = ((long) (header[0] & 0x7F) << 24) | ((header[1] & 0xFF) << 16)
                        | ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
            } else {
                if (header[2] != 0 || header[3] != 0) {
                    throw error(ErrorCode.BAD_BDW, start, "block descriptor word " + hex(header)
                            + " has non-zero reserved bytes 2-3");
                }
                blockLength = ((header[0] & 0xFF) << 8) | (header[1] & 0xFF);
            }
            if (blockLength < 2 * HEADER) {
                throw error(ErrorCode.BAD_BDW, start, "block descriptor word " + hex(header) + " gives block length "
                        + blockLength + ", less than a BDW plus one RDW (8)");
            }
            blockOffset = start;
            blockRemaining = blockLength - HEADER;
        }
        return nextVariable(record, true);
    }

    private boolean nextVariable(ByteVector record, boolean inBlock) throws IOException {
        long start = offset();
        if (!ensure(1)) {
            if (inBlock) {
                throw error(ErrorCode.TRUNCATED_RECORD, start, "input ends " + blockRemaining
                        + " bytes before the end of the block that starts at byte " + blockOffset);
            }
            return false;
        }
        if (inBlock && blockRemaining < HEADER) {
            throw error(ErrorCode.BAD_BDW, blockOffset, "block at byte " + blockOffset + " ends with "
                    + blockRemaining + " bytes, too few for an RDW");
        }
        readHeader(record, start);
        int length = rdwPayloadLength(start);
        if (inBlock) {
            if (HEADER + (long) length > blockRemaining) {
                throw error(ErrorCode.BAD_RDW, start, "record of " + length + " bytes overruns its block ("
                        + (blockRemaining - HEADER) + " bytes left in the block that starts at byte "
                        + blockOffset + ")");
            }
            blockRemaining -= HEADER + length;
        }
        copyPayload(record, length, start, HEADER);
        return true;
    }

    /**
     * Skips from the bad header at {@code start} to the next plausible record boundary, reporting the skipped bytes,
     * then reads the record there (false if the input ends first).
     */
    private boolean resyncFrom(long start, ByteVector record) throws IOException {
        pos = (int) (start - bufferBase); // the header was read from the buffer, so it is still there
        int q = 1; // the bad header's first byte cannot start a record
        while (true) {
            if (limit - (pos + q) < RESYNC_LOOKAHEAD && !endOfInput) {
                ensure(Math.min(buf.length, q + RESYNC_LOOKAHEAD)); // may move the unread bytes to buf[0]
            }
            int at = pos + q;
            if (at >= limit) {
                reportSkipped(q);
                return false;
            }
            if (chainsAt(buf, at, limit, endOfInput, options)) {
                reportSkipped(q);
                return nextVariable(record, false);
            }
            if (++q == RESYNC_CHUNK) {
                reportSkipped(q);
                q = 0;
            }
        }
    }

    private void reportSkipped(int n) {
        if (n > 0) {
            skips.skipped(offset(), buf, pos, n);
            pos += n;
        }
    }

    /**
     * Whether {@link #RESYNC_RECORDS} RDW records chain from {@code data[from]} within {@code data[..limit)}, or
     * (when {@code atEnd}) at least one does and the data ends exactly after the last. Allocates nothing.
     */
    private static boolean chainsAt(byte[] data, int from, int limit, boolean atEnd, FramingOptions options) {
        int p = from;
        for (int n = 0; n < RESYNC_RECORDS; n++) {
            if (p == limit) {
                return atEnd && n > 0;
            }
            if (limit - p < HEADER) {
                return false;
            }
            int length = payloadLength(data, p, options);
            if (length < 1 || (long) p + HEADER + length > limit) {
                return false;
            }
            p += HEADER + length;
        }
        return true;
    }

    /** The payload length an RDW at {@code data[p]} gives, or -1 if it is not a valid RDW under {@code options}. */
    private static int payloadLength(byte[] data, int p, FramingOptions options) {
        int b0 = data[p] & 0xFF;
        int b1 = data[p + 1] & 0xFF;
        int b2 = data[p + 2] & 0xFF;
        int b3 = data[p + 3] & 0xFF;
        int length;
        if (options.bigEndian()) {
            if (b2 != 0 || b3 != 0) {
                return -1;
            }
            length = (b0 << 8) | b1;
        } else if (b0 == 0 && b1 == 0 && (b2 != 0 || b3 != 0)) {
            length = (b3 << 8) | b2;
        } else {
            length = (b1 << 8) | b0;
        }
        if (options.lengthIncludesHeader()) {
            length -= HEADER;
        }
        return length < 1 || length > options.maxRecordLength() ? -1 : length;
    }

    /** Consumes a 4-byte header into {@link #header}; a partial one goes to {@code record} as a truncation. */
    private void readHeader(ByteVector record, long start) throws IOException {
        if (!ensure(HEADER)) {
            int present = limit - pos;
            record.append(buf, pos, present);
            pos = limit;
            throw error(ErrorCode.TRUNCATED_RECORD, start, "input ends after " + present + " of the "
                    + HEADER + " descriptor word bytes");
        }
        System.arraycopy(buf, pos, header, 0, HEADER);
        pos += HEADER;
    }

    private int rdwPayloadLength(long start) {
        int b0 = header[0] & 0xFF;
        int b1 = header[1] & 0xFF;
        int b2 = header[2] & 0xFF;
        int b3 = header[3] & 0xFF;
        int length;
        if (options.bigEndian()) {
            if (b2 != 0 || b3 != 0) {
                throw error(ErrorCode.BAD_RDW, start, "record descriptor word " + hex(header)
                        + " has non-zero reserved bytes 2-3");
            }
            length = (b0 << 8) | b1;
        } else if (b0 == 0 && b1 == 0 && (b2 != 0 || b3 != 0)) {
            length = (b3 << 8) | b2;
        } else {
            length = (b1 << 8) | b0;
        }
        if (options.lengthIncludesHeader()) {
            length -= HEADER;
        }
        checkPayloadLength(length, start, ErrorCode.BAD_RDW,
                "record descriptor word " + hex(header) + " gives payload length ");
        return length;
    }

    private void checkPayloadLength(int length, long start, ErrorCode tooSmall, String what) {
        if (length < 1) {
            throw error(tooSmall, start, what + length + " (must be >= 1)");
        }
        if (length > options.maxRecordLength()) {
            throw error(ErrorCode.RECORD_TOO_LONG, start, what + length + ", above the maximum record length "
                    + options.maxRecordLength());
        }
    }

    /** Appends {@code length} bytes to {@code record}, refilling the buffer as often as needed. */
    private void copyPayload(ByteVector record, int length, long start, int headerBytes) throws IOException {
        record.ensureCapacity(length);
        int remaining = length;
        while (remaining > 0) {
            if (pos == limit && !refill()) {
                throw truncated(record, start, headerBytes, length - remaining, length);
            }
            int n = Math.min(remaining, limit - pos);
            record.append(buf, pos, n);
            pos += n;
            remaining -= n;
        }
        recordIndex = nextIndex++;
        recordOffset = start;
    }

    private FramingException truncated(ByteVector record, long start, int headerBytes, int present, int expected) {
        if (headerBytes > 0) {
            // Rare path: put the header back in front so the caller gets every byte of the partial record.
            int payload = record.length() - appendBase;
            record.setLength(record.length() + headerBytes);
            byte[] a = record.array();
            System.arraycopy(a, appendBase, a, appendBase + headerBytes, payload);
            System.arraycopy(header, 0, a, appendBase, headerBytes);
        }
        return error(ErrorCode.TRUNCATED_RECORD, start, "input ends after " + present + " of " + expected
                + " payload bytes");
    }

    private FramingException error(ErrorCode code, long byteOffset, String detail) {
        return new FramingException(code, detail, nextIndex, byteOffset);
    }

    private long offset() {
        return bufferBase + pos;
    }

    /** Makes at least {@code n} (&lt;= buffer size) unread bytes available; false if the input ends first. */
    private boolean ensure(int n) throws IOException {
        if (limit - pos >= n) {
            return true;
        }
        if (pos > 0) {
            int unread = limit - pos;
            System.arraycopy(buf, pos, buf, 0, unread);
            bufferBase += pos;
            pos = 0;
            limit = unread;
        }
        while (limit < n && readMore()) {
            // keep reading
        }
        return limit - pos >= n;
    }

    /** Called with the buffer fully consumed: reads at least one byte unless the input has ended. */
    private boolean refill() throws IOException {
        bufferBase += pos;
        pos = 0;
        limit = 0;
        while (limit == 0 && readMore()) {
            // keep reading
        }
        return limit > 0;
    }

    private boolean readMore() throws IOException {
        if (endOfInput) {
            return false;
        }
        window.limit(buf.length).position(limit);
        int n = channel.read(window);
        if (n < 0) {
            endOfInput = true;
            return false;
        }
        limit += n;
        return true;
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString().toUpperCase(java.util.Locale.ROOT);
    }
}
