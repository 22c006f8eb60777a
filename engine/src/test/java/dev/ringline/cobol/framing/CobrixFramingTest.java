package dev.ringline.cobol.framing;

import dev.ringline.cobol.SharedTestData;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.cobol.error.FramingException;
import dev.ringline.memory.ByteVector;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Framing of the shared Cobrix test files (see shared/testdata/cobrix/README.md, sections 3.11 and 4). */
class CobrixFramingTest {
    private static final byte EBCDIC_C = (byte) 0xC3;
    private static final byte EBCDIC_P = (byte) 0xD7;

    static Path cobrixData() {
        return SharedTestData.cobrix();
    }

    private static List<byte[]> read(String file, FramingOptions options) {
        Path path = cobrixData().resolve(file);
        try (RecordReader reader = new RecordReader(FileChannel.open(path, StandardOpenOption.READ), options)) {
            List<byte[]> records = new ArrayList<>();
            ByteVector record = new ByteVector(64);
            while (reader.next(record)) {
                records.add(record.toByteArray());
            }
            assertEquals(Files.size(path), reader.bytesRead(), file + ": ends on a record boundary");
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertSegments(List<byte[]> records, int expectedC, int expectedP) {
        int c = 0;
        int p = 0;
        for (byte[] r : records) {
            if (r[0] == EBCDIC_C) {
                assertEquals(64, r.length, "C records are 64 bytes");
                c++;
            } else {
                assertEquals(EBCDIC_P, r[0]);
                assertEquals(60, r.length, "P records are 60 bytes");
                p++;
            }
        }
        assertEquals(expectedC, c);
        assertEquals(expectedP, p);
    }

    @Test
    void test5LittleEndianPayloadOnly() {
        List<byte[]> records = read("test5/data.dat", FramingOptions.rdw().withLittleEndian().withLengthExcludingHeader());
        assertEquals(1000, records.size());
        assertSegments(records, 316, 684);
    }

    @Test
    void test5bBigEndianPayloadOnlyHasTheSamePayloadsAsTest5() {
        List<byte[]> le = read("test5/data.dat", FramingOptions.rdw().withLittleEndian().withLengthExcludingHeader());
        List<byte[]> be = read("test5b/data.dat", FramingOptions.rdw().withLengthExcludingHeader());
        assertEquals(1000, be.size());
        for (int i = 0; i < le.size(); i++) {
            assertArrayEquals(le.get(i), be.get(i), "record " + i);
        }
    }

    @Test
    void test14LittleEndianIncludingHeaderIsTheFirstHundredOfTest5() {
        List<byte[]> test5 = read("test5/data.dat",
                FramingOptions.rdw().withLittleEndian().withLengthExcludingHeader());
        List<byte[]> test14 = read("test14/data.dat", FramingOptions.rdw().withLittleEndian());
        assertEquals(100, test14.size());
        assertSegments(test14, 33, 67);
        for (int i = 0; i < test14.size(); i++) {
            assertArrayEquals(test5.get(i), test14.get(i), "record " + i);
        }
    }

    @Test
    void test5IsNotIbmRdw() {
        // Its headers are 00 00 LL 00: an IBM (big-endian) reader must refuse them rather than guess.
        Path path = cobrixData().resolve("test5/data.dat");
        FramingException e = assertThrows(FramingException.class,
                () -> read("test5/data.dat", FramingOptions.rdw()));
        assertEquals(ErrorCode.BAD_RDW, e.code());
        assertEquals(0, e.byteOffset());
        assertTrue(Files.exists(path));
    }

    private static void assertFixed(String file, int length, int count) throws IOException {
        List<byte[]> records = read(file, FramingOptions.fixed(length));
        assertEquals(count, records.size());
        byte[] all = Files.readAllBytes(cobrixData().resolve(file));
        for (int i = 0; i < count; i++) {
            assertEquals(length, records.get(i).length);
            byte[] expected = new byte[length];
            System.arraycopy(all, i * length, expected, 0, length);
            assertArrayEquals(expected, records.get(i), file + " record " + i);
        }
    }

    @Test
    void fixedLengthFiles() throws IOException {
        assertFixed("test1/data.dat", 2202, 10);
        assertFixed("test3/data.dat", 45, 1000);
        assertFixed("test6/data.dat", 1493, 100);
    }
}
