package dev.ringline.cobol.framing;

import dev.ringline.buffer.ByteVector;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.cobol.error.FramingException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs of fixed-length records taken from the read buffer in one copy frame the input exactly as record-by-record
 * reading does: the same bytes, indexes and offsets, the same truncated last record, whatever the chunks the channel
 * delivers and the limits asked for.
 */
class AppendBufferedTest {
    @Test
    void runsFrameLikeOneRecordAtATime() {
        SplittableRandom random = new SplittableRandom(31);
        for (int round = 0; round < 300; round++) {
            int length = 1 + random.nextInt(70);
            int size = random.nextInt(20_000);
            byte[] data = new byte[size];
            random.nextBytes(data);
            int chunk = 1 + random.nextInt(5_000);
            List<String> expected = frame(data, length, chunk, random, false);
            List<String> actual = frame(data, length, chunk, random, true);
            assertEquals(expected, actual, "length " + length + ", size " + size + ", chunk " + chunk);
        }
    }

    @Test
    void otherFramingsTakeNoRun() {
        RecordReader rdw = new RecordReader(RecordStreams.chunked(new byte[] {0, 5, 0, 0, 1}, 10),
                FramingOptions.rdw());
        assertEquals(0, rdw.appendBuffered(new ByteVector(8), 10, 100));
        RecordReader fixed = new RecordReader(RecordStreams.chunked(new byte[100], 100), FramingOptions.fixed(10));
        ByteVector out = new ByteVector(8);
        fixed.appendNext(out); // fills the buffer
        assertEquals(0, fixed.appendBuffered(out, 0, 100));
        assertEquals(0, fixed.appendBuffered(out, 5, 0));
        assertEquals(2, fixed.appendBuffered(out, 5, 11), "as many as it takes to reach 11 bytes");
        assertEquals(30, out.length());
    }

    /** Each record as "index@offset:bytes", then the error if the input ends in a partial record. */
    private static List<String> frame(byte[] data, int length, int chunk, SplittableRandom random, boolean runs) {
        RecordReader reader = new RecordReader(RecordStreams.chunked(data, chunk), FramingOptions.fixed(length));
        List<String> out = new ArrayList<>();
        ByteVector records = new ByteVector(16);
        while (true) {
            records.clear();
            long start = reader.bytesRead();
            int run = runs ? reader.appendBuffered(records, 1 + random.nextInt(40), 1 + random.nextInt(2_000)) : 0;
            if (run > 0) {
                assertEquals(run * length, records.length());
                for (int k = 0; k < run; k++) {
                    out.add(describe(reader.recordIndex() - run + 1 + k, start + (long) k * length, records,
                            k * length, length));
                }
                assertEquals(start + (long) (run - 1) * length, reader.recordOffset());
                continue;
            }
            try {
                if (!reader.appendNext(records)) {
                    return out;
                }
            } catch (FramingException e) {
                assertEquals(ErrorCode.TRUNCATED_RECORD, e.code());
                out.add("truncated " + e.getMessage() + " " + hex(records, 0, records.length()));
                return out;
            }
            out.add(describe(reader.recordIndex(), reader.recordOffset(), records, 0, records.length()));
        }
    }

    private static String describe(long index, long offset, ByteVector v, int from, int len) {
        return index + "@" + offset + ":" + hex(v, from, len);
    }

    private static String hex(ByteVector v, int from, int len) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < from + len; i++) {
            s.append(String.format("%02x", v.array()[i] & 0xFF));
        }
        return s.toString();
    }
}
