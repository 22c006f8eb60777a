package dev.ringline.cobol;

import dev.ringline.cobol.encode.RecordEncodeException;
import dev.ringline.cobol.encode.RecordEncoder;
import dev.ringline.cobol.error.DecodeError;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.cobol.framing.RecordFormat;
import dev.ringline.buffer.ByteVector;

import java.util.Arrays;

/**
 * One ring slot of a parallel encode: a batch of consecutive JSON lines (about 64 KiB), their records (with their
 * RDWs for RDW and VB output) and their errors. Reused for every batch: the arrays only grow.
 */
final class EncodeBatch {
    /** Input bytes per batch before it is handed off. */
    static final int TARGET_BYTES = 64 * 1024;
    /** Lines per batch at most. */
    static final int MAX_LINES = 1024;
    /** Largest payload an RDW's two length bytes can describe with its own four bytes counted. */
    static final int MAX_RDW_PAYLOAD = 0xFFFF - 4;

    final ByteVector input = new ByteVector(TARGET_BYTES + 1024);
    final ByteVector output = new ByteVector(TARGET_BYTES);
    int count;
    long firstIndex;
    int[] start = new int[64];
    int[] length = new int[64];
    long[] offset = new long[64];
    boolean[] tooLong = new boolean[64];
    /** Output end of each record; a rejected record's end equals the previous one. */
    int[] outputEnd = new int[64];
    /** The error that rejected each line, or null. */
    DecodeError[] rejected = new DecodeError[64];
    long bytesRead;

    void reset(long firstIndex) {
        input.clear();
        output.clear();
        count = 0;
        this.firstIndex = firstIndex;
    }

    /** Registers the line the reader just appended to {@link #input} at {@code [at, at + len)}. */
    void added(int at, int len, long inputOffset, boolean lineTooLong) {
        if (count == start.length) {
            int n = count * 2;
            start = Arrays.copyOf(start, n);
            length = Arrays.copyOf(length, n);
            offset = Arrays.copyOf(offset, n);
            tooLong = Arrays.copyOf(tooLong, n);
            outputEnd = Arrays.copyOf(outputEnd, n);
            rejected = Arrays.copyOf(rejected, n);
        }
        start[count] = at;
        length[count] = len;
        offset[count] = inputOffset;
        tooLong[count] = lineTooLong;
        rejected[count] = null;
        count++;
    }

    boolean full() {
        return input.length() >= TARGET_BYTES || count >= MAX_LINES;
    }

    /** Encodes every line of the batch; worker side. */
    void encode(RecordEncoder encoder, RecordEncoder.Context ctx, EncodeOptions options) {
        byte[] in = input.array();
        RecordFormat format = options.framing() == null ? RecordFormat.FIXED : options.framing().format();
        boolean header = format != RecordFormat.FIXED;
        for (int i = 0; i < count; i++) {
            int mark = output.length();
            long index = firstIndex + i;
            if (tooLong[i]) {
                rejected[i] = new DecodeError(index, offset[i], null, ErrorCode.RECORD_TOO_LONG, "line "
                        + (index + 1) + " is longer than " + options.maxLineLength() + " bytes");
                outputEnd[i] = mark;
                continue;
            }
            try {
                if (header) {
                    output.append(0).append(0).append(0).append(0);
                }
                int len = encoder.encode(in, start[i], length[i], index, offset[i], ctx, output);
                if (header) {
                    writeRdw(len, mark, options, index, offset[i]);
                }
            } catch (RecordEncodeException e) {
                output.truncate(mark);
                rejected[i] = e.error();
            }
            outputEnd[i] = output.length();
        }
    }

    private void writeRdw(int payload, int at, EncodeOptions options, long index, long inputOffset) {
        int value = options.framing().lengthIncludesHeader() ? payload + 4 : payload;
        if (payload > MAX_RDW_PAYLOAD || (options.framing().format() == RecordFormat.VB
                && payload + 8 > options.blockSize())) {
            throw new RecordEncodeException(new DecodeError(index, inputOffset, null, ErrorCode.RECORD_TOO_LONG,
                    "record of " + payload + " bytes does not fit " + (payload > MAX_RDW_PAYLOAD ? "an RDW"
                    : "a block of " + options.blockSize() + " bytes") + " (line " + (index + 1) + ")"));
        }
        if (options.framing().bigEndian()) {
            output.setByteAt(at, (byte) (value >>> 8));
            output.setByteAt(at + 1, (byte) value);
        } else {
            output.setByteAt(at, (byte) value);
            output.setByteAt(at + 1, (byte) (value >>> 8));
        }
    }
}
