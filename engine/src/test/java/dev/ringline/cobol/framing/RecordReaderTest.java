package dev.ringline.cobol.framing;

import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.cobol.error.FramingException;
import dev.ringline.memory.ByteVector;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordReaderTest {

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] filled(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }

    private static RecordReader reader(byte[] data, FramingOptions options) {
        return new RecordReader(RecordStreams.chunked(data, Integer.MAX_VALUE), options);
    }

    private static List<byte[]> readAll(RecordReader reader) {
        List<byte[]> out = new ArrayList<>();
        ByteVector record = new ByteVector(16);
        while (reader.next(record)) {
            out.add(record.toByteArray());
        }
        return out;
    }

    private static void assertRecords(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size(), "record count");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "record " + i);
        }
    }

    @Test
    void emptyInputHasNoRecordsAndNoError() {
        for (FramingOptions options : List.of(FramingOptions.fixed(10), FramingOptions.rdw(), FramingOptions.vb())) {
            RecordReader reader = reader(new byte[0], options);
            ByteVector record = new ByteVector(4);
            assertFalse(reader.next(record), options.toString());
            assertEquals(-1, reader.recordIndex());
            assertEquals(0, reader.bytesRead());
            assertNull(reader.failure());
        }
    }

    @Test
    void fixedExactMultipleGivesEveryRecordWithItsIndexAndOffset() {
        List<byte[]> records = List.of(filled(5, 1), filled(5, 2), filled(5, 3));
        RecordReader reader = reader(RecordStreams.concat(records), FramingOptions.fixed(5));
        ByteVector record = new ByteVector(1);
        for (int i = 0; i < 3; i++) {
            assertTrue(reader.next(record));
            assertTrue(record.contentEquals(records.get(i)));
            assertEquals(i, reader.recordIndex());
            assertEquals(5L * i, reader.recordOffset());
            assertEquals(5L * (i + 1), reader.bytesRead());
        }
        assertFalse(reader.next(record));
        assertEquals(0, record.length());
        assertNull(reader.failure());
    }

    @Test
    void fixedPartialTailIsReportedWithItsBytesAndThenTheReaderIsFinished() {
        byte[] data = RecordStreams.concat(List.of(filled(5, 1), filled(5, 2), filled(3, 3)));
        RecordReader reader = reader(data, FramingOptions.fixed(5));
        ByteVector record = new ByteVector(8);
        assertTrue(reader.next(record));
        assertTrue(reader.next(record));
        FramingException e = assertThrows(FramingException.class, () -> reader.next(record));
        assertEquals(ErrorCode.TRUNCATED_RECORD, e.code());
        assertEquals(2, e.recordIndex());
        assertEquals(10, e.byteOffset());
        assertTrue(e.getMessage().contains("at byte 10"), e.getMessage());
        assertTrue(e.getMessage().contains("3 of 5"), e.getMessage());
        assertTrue(record.contentEquals(filled(3, 3)), "partial bytes kept for the rejects sink");
        assertEquals(13, reader.bytesRead());
        assertFalse(reader.next(record));
        assertSame(e, reader.failure());
    }

    @Test
    void fixedRecordLengthOne() {
        byte[] data = filled(257, 9);
        List<byte[]> records = readAll(reader(data, FramingOptions.fixed(1)));
        assertEquals(257, records.size());
        for (int i = 0; i < data.length; i++) {
            assertArrayEquals(new byte[] {data[i]}, records.get(i));
        }
    }

    @Test
    void fixedRecordsLongerThanTheBufferArriveWhole() {
        List<byte[]> records = List.of(filled(100, 1), filled(100, 2), filled(100, 3));
        RecordReader reader = new RecordReader(RecordStreams.chunked(RecordStreams.concat(records), 7),
                FramingOptions.fixed(100), null, 8);
        assertRecords(records, readAll(reader));
        assertEquals(300, reader.bytesRead());
    }

    @Test
    void ibmRdwBigEndianIncludingHeader() {
        List<byte[]> records = List.of(filled(1, 1), filled(60, 2), filled(64, 3), filled(300, 4));
        byte[] data = RecordStreams.ibmRdw(records);
        assertArrayEquals(bytes(0x00, 0x05, 0x00, 0x00), Arrays.copyOf(data, 4), "writer sanity");
        RecordReader reader = reader(data, FramingOptions.rdw());
        ByteVector record = new ByteVector(1);
        long offset = 0;
        for (int i = 0; i < records.size(); i++) {
            assertTrue(reader.next(record));
            assertTrue(record.contentEquals(records.get(i)), "record " + i);
            assertEquals(offset, reader.recordOffset(), "offset includes the header");
            offset += 4 + records.get(i).length;
        }
        assertFalse(reader.next(record));
        assertEquals(data.length, reader.bytesRead());
    }

    @Test
    void littleEndianPayloadOnlyRdw() {
        List<byte[]> records = List.of(filled(64, 1), filled(60, 2), filled(1000, 3));
        byte[] data = RecordStreams.littleEndianPayloadRdw(records);
        assertArrayEquals(bytes(0x00, 0x00, 0x40, 0x00), Arrays.copyOf(data, 4), "writer sanity");
        assertRecords(records, readAll(reader(data, FramingOptions.rdw().withLittleEndian().withLengthExcludingHeader())));
    }

    @Test
    void littleEndianRdwWithLengthInBytesZeroAndOne() {
        // Bytes 0-1 hold the length when they are not both zero: 0x0102 = 258 little-endian.
        byte[] payload = filled(258, 5);
        byte[] data = new byte[4 + 258];
        data[0] = 0x02;
        data[1] = 0x01;
        System.arraycopy(payload, 0, data, 4, 258);
        assertRecords(List.of(payload), readAll(reader(data, FramingOptions.rdw().withLittleEndian()
                .withLengthExcludingHeader())));
    }

    @Test
    void bigEndianPayloadOnlyRdw() {
        byte[] data = bytes(0x00, 0x03, 0x00, 0x00, 1, 2, 3, 0x00, 0x01, 0x00, 0x00, 4);
        assertRecords(List.of(bytes(1, 2, 3), bytes(4)),
                readAll(reader(data, FramingOptions.rdw().withLengthExcludingHeader())));
    }

    @Test
    void vbWithSeveralBlocks() {
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(filled(10 + i * 7, i));
        }
        byte[] data = RecordStreams.vb(records, 3, false);
        RecordReader reader = reader(data, FramingOptions.vb());
        assertRecords(records, readAll(reader));
        assertEquals(data.length, reader.bytesRead());
        // The first record's offset is its RDW, after the 4-byte BDW.
        RecordReader again = reader(data, FramingOptions.vb());
        assertTrue(again.next(new ByteVector(1)));
        assertEquals(4, again.recordOffset());
    }

    @Test
    void vbWithExtendedBdw() {
        List<byte[]> records = List.of(filled(60000, 1), filled(30000, 2), filled(3, 3));
        // The first block (90012 bytes) does not fit a 2-byte BDW length.
        byte[] data = RecordStreams.vb(records, 2, true);
        assertEquals((byte) 0x80, (byte) (data[0] & 0x80), "writer sanity");
        assertRecords(records, readAll(new RecordReader(RecordStreams.chunked(data, 1000),
                FramingOptions.vb().withLengthExcludingHeader().withLengthIncludingHeader(), null, 4096)));
    }

    private static FramingException framingError(byte[] data, FramingOptions options) {
        RecordReader reader = reader(data, options);
        ByteVector record = new ByteVector(4);
        FramingException e = assertThrows(FramingException.class, () -> {
            while (reader.next(record)) {
                // skip good records
            }
        });
        assertFalse(reader.next(record), "no resynchronisation after a framing error");
        assertSame(e, reader.failure());
        return e;
    }

    @Test
    void rdwWithZeroLengthIsBad() {
        FramingException e = framingError(bytes(0, 0, 0, 0, 1, 2), FramingOptions.rdw());
        assertEquals(ErrorCode.BAD_RDW, e.code());
        assertEquals(0, e.byteOffset());
        FramingException payloadOnly = framingError(bytes(0, 0, 0, 0, 1, 2),
                FramingOptions.rdw().withLittleEndian().withLengthExcludingHeader());
        assertEquals(ErrorCode.BAD_RDW, payloadOnly.code());
    }

    @Test
    void rdwLengthBelowFourWhenItIncludesTheHeaderIsBad() {
        byte[] data = bytes(0x00, 0x05, 0, 0, 9, 0x00, 0x03, 0, 0, 1, 2, 3);
        FramingException e = framingError(data, FramingOptions.rdw());
        assertEquals(ErrorCode.BAD_RDW, e.code());
        assertEquals(1, e.recordIndex());
        assertEquals(5, e.byteOffset());
        assertTrue(e.getMessage().contains("00 03 00 00"), e.getMessage());
    }

    @Test
    void rdwWithNonZeroReservedBytesIsBadInBigEndianMode() {
        FramingException e = framingError(bytes(0x00, 0x08, 0x00, 0x01, 1, 2, 3, 4), FramingOptions.rdw());
        assertEquals(ErrorCode.BAD_RDW, e.code());
        assertTrue(e.getMessage().contains("reserved"), e.getMessage());
    }

    @Test
    void hugeLengthFailsBeforeAnyAllocation() {
        byte[] data = new byte[4 + 100];
        data[0] = (byte) 0xFF;
        data[1] = (byte) 0xFF;
        RecordReader reader = reader(data, FramingOptions.rdw().withMaxRecordLength(1024));
        ByteVector record = new ByteVector(16);
        FramingException e = assertThrows(FramingException.class, () -> reader.next(record));
        assertEquals(ErrorCode.RECORD_TOO_LONG, e.code());
        assertEquals(16, record.capacity(), "nothing allocated for the bogus length");

        // 2 GB announced by a length function (the ODO hook): same check, same absence of allocation.
        RecordReader odo = new RecordReader(RecordStreams.chunked(new byte[64], 64),
                FramingOptions.fixed(1).withMaxRecordLength(1024), (b, off, n) -> 2_000_000_000);
        FramingException tooLong = assertThrows(FramingException.class, () -> odo.next(record));
        assertEquals(ErrorCode.RECORD_TOO_LONG, tooLong.code());
        assertTrue(tooLong.getMessage().contains("2000000000"), tooLong.getMessage());
        assertEquals(16, record.capacity());
    }

    @Test
    void truncatedRdwPayloadKeepsHeaderAndPartialPayload() {
        byte[] data = bytes(0x00, 0x06, 0, 0, 7, 8, 0x00, 0x0A, 0, 0, 1, 2, 3);
        RecordReader reader = reader(data, FramingOptions.rdw());
        ByteVector record = new ByteVector(4);
        assertTrue(reader.next(record));
        FramingException e = assertThrows(FramingException.class, () -> reader.next(record));
        assertEquals(ErrorCode.TRUNCATED_RECORD, e.code());
        assertEquals(6, e.byteOffset());
        assertTrue(e.getMessage().contains("3 of 6"), e.getMessage());
        assertTrue(record.contentEquals(bytes(0x00, 0x0A, 0, 0, 1, 2, 3)));
    }

    @Test
    void truncatedRdwHeaderKeepsItsBytes() {
        byte[] data = bytes(0x00, 0x05, 0, 0, 7, 0x00, 0x0A);
        RecordReader reader = reader(data, FramingOptions.rdw());
        ByteVector record = new ByteVector(4);
        assertTrue(reader.next(record));
        FramingException e = assertThrows(FramingException.class, () -> reader.next(record));
        assertEquals(ErrorCode.TRUNCATED_RECORD, e.code());
        assertTrue(record.contentEquals(bytes(0x00, 0x0A)));
    }

    @Test
    void badBdws() {
        assertEquals(ErrorCode.BAD_BDW, framingError(bytes(0x00, 0x0C, 0x00, 0x01, 0, 8, 0, 0, 1, 2, 3, 4),
                FramingOptions.vb()).code());
        assertEquals(ErrorCode.BAD_BDW, framingError(bytes(0x00, 0x04, 0x00, 0x00, 0, 8, 0, 0, 1, 2, 3, 4),
                FramingOptions.vb()).code());
        // A record whose RDW runs past the end of its block.
        FramingException overrun = framingError(bytes(0x00, 0x0C, 0, 0, 0x00, 0x09, 0, 0, 1, 2, 3, 4, 5),
                FramingOptions.vb());
        assertEquals(ErrorCode.BAD_RDW, overrun.code());
        assertEquals(4, overrun.byteOffset());
    }

    @Test
    void vbInputEndingInsideABlockIsTruncated() {
        byte[] data = bytes(0x00, 0x14, 0, 0, 0x00, 0x08, 0, 0, 1, 2, 3, 4);
        RecordReader reader = reader(data, FramingOptions.vb());
        ByteVector record = new ByteVector(4);
        assertTrue(reader.next(record));
        FramingException e = assertThrows(FramingException.class, () -> reader.next(record));
        assertEquals(ErrorCode.TRUNCATED_RECORD, e.code());
    }

    @Test
    void lengthFunctionFramesVariableFixedRecords() {
        // Record = 2-byte big-endian length (of the whole record) + data; delivered one byte per read so the
        // function first sees a single byte and must ask for more.
        List<byte[]> records = new ArrayList<>();
        for (int len : new int[] {2, 3, 300, 17}) {
            byte[] r = filled(len, len);
            r[0] = (byte) (len >>> 8);
            r[1] = (byte) len;
            records.add(r);
        }
        int[] calls = new int[2];
        RecordLengthFunction twoByteLength = (b, off, available) -> {
            if (available < 2) {
                calls[0]++;
                return RecordLengthFunction.NEED_MORE_BYTES;
            }
            calls[1]++;
            return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
        };
        RecordReader reader = new RecordReader(RecordStreams.chunked(RecordStreams.concat(records), 1),
                FramingOptions.fixed(1), twoByteLength, 64);
        assertRecords(records, readAll(reader));
        assertTrue(calls[0] > 0, "the NEED_MORE_BYTES path was exercised");
    }

    @Test
    void lengthFunctionThatCannotDecideAtEndOfInputIsATruncation() {
        RecordReader reader = new RecordReader(RecordStreams.chunked(bytes(1, 2, 3), 8), FramingOptions.fixed(1),
                (b, off, available) -> RecordLengthFunction.NEED_MORE_BYTES);
        ByteVector record = new ByteVector(4);
        FramingException e = assertThrows(FramingException.class, () -> reader.next(record));
        assertEquals(ErrorCode.TRUNCATED_RECORD, e.code());
        assertTrue(record.contentEquals(bytes(1, 2, 3)));
    }

    @Test
    void lengthFunctionNeedsFixedFraming() {
        assertThrows(IllegalArgumentException.class, () -> new RecordReader(RecordStreams.chunked(new byte[0], 1),
                FramingOptions.rdw(), (b, off, n) -> 1));
    }

    @Test
    void optionsRejectImpossibleSettings() {
        assertThrows(IllegalArgumentException.class, () -> FramingOptions.fixed(0));
        assertThrows(IllegalArgumentException.class, () -> FramingOptions.rdw().withMaxRecordLength(0));
        assertThrows(IllegalArgumentException.class,
                () -> FramingOptions.rdw().withMaxRecordLength(FramingOptions.MAX_RECORD_LENGTH_LIMIT + 1));
        assertThrows(IllegalArgumentException.class, () -> FramingOptions.fixed(100).withMaxRecordLength(99));
        assertEquals(2 << 20, FramingOptions.fixed(2 << 20).maxRecordLength(), "max raised to the fixed length");
    }

    @Test
    void openWrapsAnInputStream() throws IOException {
        List<byte[]> records = List.of(filled(3, 1), filled(3, 2));
        try (RecordReader reader = RecordReader.open(new ByteArrayInputStream(RecordStreams.concat(records)),
                FramingOptions.fixed(3))) {
            assertRecords(records, readAll(reader));
        }
    }

    @Test
    void readFailureIsAnIoError() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk on fire");
            }
        };
        RecordReader reader = RecordReader.open(failing, FramingOptions.fixed(3));
        CobolException e = assertThrows(CobolException.class, () -> reader.next(new ByteVector(4)));
        assertEquals(ErrorCode.IO_ERROR, e.code());
        assertTrue(e.getMessage().contains("disk on fire"));
    }

    @Test
    void closeClosesTheChannel() throws IOException {
        ReadableByteChannel channel = RecordStreams.chunked(new byte[0], 1);
        new RecordReader(channel, FramingOptions.rdw()).close();
        assertFalse(channel.isOpen());
    }

    /** Three RDW records of 2 payload bytes each, big-endian with the header counted. */
    private static byte[] threeRdwRecords() {
        return new byte[] {0, 6, 0, 0, 1, 2, 0, 6, 0, 0, 3, 4, 0, 6, 0, 0, 5, 6};
    }

    @Test
    void chainsFindsRecordBoundaries() {
        byte[] data = threeRdwRecords();
        assertTrue(RecordReader.chains(data, 0, data.length, FramingOptions.rdw(), 3));
        assertTrue(RecordReader.chains(data, 6, data.length - 6, FramingOptions.rdw(), 8), "ends on a boundary");
        assertFalse(RecordReader.chains(data, 2, data.length - 2, FramingOptions.rdw(), 2), "inside a header");
        assertFalse(RecordReader.chains(data, 0, data.length - 1, FramingOptions.rdw(), 3), "cut record");
        assertTrue(RecordReader.chains(data, 0, data.length - 1, FramingOptions.rdw(), 2));
        assertFalse(RecordReader.chains(data, 0, data.length, FramingOptions.rdw().withLittleEndian(), 1),
                "0x0600 little-endian overruns the data");
        assertThrows(IllegalArgumentException.class, () -> RecordReader.chains(data, 0, 1, FramingOptions.rdw(), 0));
    }

    @Test
    void skipRestCountsTheBytesAfterAFramingError() throws IOException {
        byte[] data = Arrays.copyOf(threeRdwRecords(), 18 + 100);
        data[18] = 0;
        data[19] = 2; // a length of 2 cannot include its own 4-byte header
        for (boolean seekable : new boolean[] {false, true}) {
            ReadableByteChannel channel = seekable ? seekableOf(data)
                    : java.nio.channels.Channels.newChannel(new ByteArrayInputStream(data));
            RecordReader reader = new RecordReader(channel, FramingOptions.rdw());
            ByteVector record = new ByteVector(8);
            FramingException e = assertThrows(FramingException.class, () -> {
                while (reader.next(record)) {
                    // read on
                }
            });
            assertEquals(ErrorCode.BAD_RDW, e.code());
            assertEquals(18, e.byteOffset());
            long skipped = reader.skipRest();
            assertEquals(data.length, reader.bytesRead(), "bytesRead is the input's size after skipRest");
            assertTrue(skipped > 0 && skipped <= 100, "skipped " + skipped);
            channel.close();
        }
    }

    private static ReadableByteChannel seekableOf(byte[] data) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("rr", ".dat");
        java.nio.file.Files.write(file, data);
        file.toFile().deleteOnExit();
        return java.nio.channels.FileChannel.open(file);
    }
}
