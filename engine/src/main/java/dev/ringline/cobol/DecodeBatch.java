package dev.ringline.cobol;

import dev.ringline.cobol.error.DecodeError;
import dev.ringline.cobol.error.FramingException;
import dev.ringline.cobol.error.RecordDecodeException;
import dev.ringline.cobol.json.RecordDecoder;
import dev.ringline.memory.ByteVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One ring slot of a parallel decode: a batch of consecutive records (about 64 KiB of input), their JSON output
 * and their errors. Small records are handed to workers in batches because a per-record hand-off costs more than
 * decoding a 60-byte record. Reused for every batch: the arrays only grow.
 */
final class DecodeBatch {
    /** Input bytes per batch before it is handed off. */
    static final int TARGET_BYTES = 64 * 1024;
    /** Records per batch at most, so tiny records still spread over the workers. */
    static final int MAX_RECORDS = 1024;

    final ByteVector input = new ByteVector(TARGET_BYTES + 1024);
    final ByteVector output = new ByteVector(TARGET_BYTES * 3);
    int count;
    long firstIndex;
    int[] start = new int[64];
    int[] length = new int[64];
    long[] offset = new long[64];
    /** Output end of each record; a rejected record's end equals the previous one. */
    int[] outputEnd = new int[64];
    /** The error that rejected each record, or null. */
    DecodeError[] rejected = new DecodeError[64];
    /** Lenient field errors of the batch in record order (allocated only when there are errors). */
    List<DecodeError> fieldErrors;
    /** A framing error that ended the input after the batch's records, with its raw bytes in {@link #tail}. */
    FramingException framingError;
    final ByteVector tail = new ByteVector(0);
    /** Bytes skipped by resynchronization while this batch was filled (allocated only when there are some). */
    Skips skips;
    long claimNanos;
    long bytesRead;

    void reset(long firstIndex) {
        input.clear();
        output.clear();
        count = 0;
        this.firstIndex = firstIndex;
        if (fieldErrors != null) {
            fieldErrors.clear();
        }
        framingError = null;
        tail.clear();
        if (skips != null) {
            skips.clear();
        }
    }

    /** Registers the record the reader just appended to {@link #input} at {@code [at, at + len)}. */
    void added(int at, int len, long inputOffset) {
        if (count == start.length) {
            int n = count * 2;
            start = Arrays.copyOf(start, n);
            length = Arrays.copyOf(length, n);
            offset = Arrays.copyOf(offset, n);
            outputEnd = Arrays.copyOf(outputEnd, n);
            rejected = Arrays.copyOf(rejected, n);
        }
        start[count] = at;
        length[count] = len;
        offset[count] = inputOffset;
        rejected[count] = null;
        count++;
    }

    boolean full() {
        return input.length() >= TARGET_BYTES || count >= MAX_RECORDS;
    }

    /** Decodes every record of the batch; worker side. */
    void decode(RecordDecoder decoder, RecordDecoder.Context ctx) {
        byte[] in = input.array();
        for (int i = 0; i < count; i++) {
            int mark = output.length();
            try {
                decoder.decode(in, start[i], length[i], firstIndex + i, offset[i], ctx, output);
            } catch (RecordDecodeException e) {
                output.truncate(mark);
                rejected[i] = e.error();
            }
            if (!ctx.fieldErrors().isEmpty()) {
                if (fieldErrors == null) {
                    fieldErrors = new ArrayList<>();
                }
                fieldErrors.addAll(ctx.fieldErrors());
                ctx.clearFieldErrors();
            }
            outputEnd[i] = output.length();
        }
    }

    /** Records that a skipped range comes before the batch's next record. Producer side. */
    void skipped(long inputOffset, byte[] bytes, int off, int len) {
        if (skips == null) {
            skips = new Skips();
        }
        skips.add(count, inputOffset, bytes, off, len);
    }

    /** Skipped byte ranges of a batch, each with the record position it precedes. Rare: allocates freely. */
    static final class Skips {
        final ByteVector bytes = new ByteVector(1024);
        final List<long[]> ranges = new ArrayList<>(); // {before, inputOffset, start in bytes, length}

        void add(int before, long inputOffset, byte[] src, int off, int len) {
            ranges.add(new long[] {before, inputOffset, bytes.length(), len});
            bytes.append(src, off, len);
        }

        void clear() {
            bytes.clear();
            ranges.clear();
        }
    }
}
