package dev.ringline.cobol.framing;

import dev.ringline.memory.ByteVector;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever the record sizes, read buffer size and read chunking, records come back identical. */
class RecordReaderProperties {

    @Provide
    Arbitrary<List<byte[]>> records() {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(3000).list().ofMaxSize(40);
    }

    private static void assertRoundTrip(List<byte[]> records, byte[] data, FramingOptions options, int bufferSize,
                                        int chunk) {
        RecordReader reader = new RecordReader(RecordStreams.chunked(data, chunk), options, null, bufferSize);
        ByteVector record = new ByteVector(1);
        for (int i = 0; i < records.size(); i++) {
            assertTrue(reader.next(record), "record " + i + " present");
            assertArrayEquals(records.get(i), record.toByteArray(), "record " + i);
            assertEquals(i, reader.recordIndex());
        }
        assertFalse(reader.next(record));
        assertEquals(data.length, reader.bytesRead());
    }

    @Property(tries = 300)
    void ibmRdwRoundTrip(@ForAll("records") List<byte[]> records, @ForAll @IntRange(min = 8, max = 5000) int buffer,
                         @ForAll @IntRange(min = 1, max = 6000) int chunk) {
        assertRoundTrip(records, RecordStreams.ibmRdw(records), FramingOptions.rdw(), buffer, chunk);
    }

    @Property(tries = 300)
    void cobrixRdwRoundTrip(@ForAll("records") List<byte[]> records,
                            @ForAll @IntRange(min = 8, max = 5000) int buffer,
                            @ForAll @IntRange(min = 1, max = 6000) int chunk) {
        assertRoundTrip(records, RecordStreams.littleEndianPayloadRdw(records),
                FramingOptions.rdw().withLittleEndian().withLengthExcludingHeader(), buffer, chunk);
    }

    @Property(tries = 300)
    void vbRoundTrip(@ForAll("records") List<byte[]> records, @ForAll @IntRange(min = 1, max = 10) int perBlock,
                     @ForAll boolean extended, @ForAll @IntRange(min = 8, max = 5000) int buffer,
                     @ForAll @IntRange(min = 1, max = 6000) int chunk) {
        assertRoundTrip(records, RecordStreams.vb(records, perBlock, extended), FramingOptions.vb(), buffer, chunk);
    }

    @Property(tries = 300)
    void fixedRoundTrip(@ForAll @IntRange(min = 1, max = 3000) int length,
                        @ForAll @IntRange(max = 30) int count, @ForAll @Size(max = 4) List<Byte> seed,
                        @ForAll @IntRange(min = 8, max = 5000) int buffer,
                        @ForAll @IntRange(min = 1, max = 6000) int chunk) {
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] r = new byte[length];
            for (int j = 0; j < length; j++) {
                r[j] = (byte) (i * 7 + j * 13 + seed.size());
            }
            records.add(r);
        }
        assertRoundTrip(records, RecordStreams.concat(records), FramingOptions.fixed(length), buffer, chunk);
    }
}
