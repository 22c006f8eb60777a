package dev.ringline.cobol.framing;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link RecordReader#boundaryAfter} finds true boundaries from any offset, also when payloads look like headers. */
class BoundaryAfterTest {

    /** RDW records whose payloads are full of plausible RDWs; returns the file, boundaries into {@code starts}. */
    static byte[] foolingRdw(int records, long seed, List<Integer> starts) {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < records; i++) {
            int len = 8 + random.nextInt(60);
            starts.add(out.size());
            out.write(len + 4 >> 8);
            out.write(len + 4);
            out.write(0);
            out.write(0);
            for (int j = 0; j < len; j++) {
                // a fake header (length 5..20, zero reserved bytes) every few bytes, zeros and small binaries between
                int k = j % 4;
                out.write(random.nextInt(3) == 0 ? (k == 1 ? 5 + random.nextInt(16) : 0) : random.nextInt(4));
            }
        }
        starts.add(out.size());
        return out.toByteArray();
    }

    @Test
    void everyOffsetOfAFoolingRdwFileLeadsToATrueBoundary() {
        List<Integer> starts = new ArrayList<>();
        byte[] file = foolingRdw(400, 1, starts);
        int probes = 0;
        for (int nominal = 1; nominal < file.length; nominal += 7) {
            int b = RecordReader.boundaryAfter(file, nominal, file.length - nominal, true, FramingOptions.rdw());
            assertTrue(starts.contains(b), "offset " + nominal + " gave " + b + ", not a record start");
            assertTrue(b >= nominal);
            probes++;
        }
        assertTrue(probes > 1000);
    }

    @Test
    void vbBoundariesAreBlockStarts() {
        Random random = new Random(2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> blocks = new ArrayList<>();
        for (int b = 0; b < 200; b++) {
            blocks.add(out.size());
            List<byte[]> records = new ArrayList<>();
            int size = 4;
            for (int r = 1 + random.nextInt(4); r > 0; r--) {
                byte[] rec = new byte[4 + 5 + random.nextInt(30)];
                rec[0] = (byte) (rec.length >> 8);
                rec[1] = (byte) rec.length;
                for (int j = 4; j < rec.length; j++) {
                    rec[j] = (byte) (j % 4 == 1 ? 9 : 0); // plausible headers everywhere
                }
                records.add(rec);
                size += rec.length;
            }
            out.write(size >> 8);
            out.write(size);
            out.write(0);
            out.write(0);
            records.forEach(out::writeBytes);
        }
        blocks.add(out.size());
        byte[] file = out.toByteArray();
        for (int nominal = 1; nominal < file.length; nominal += 5) {
            int b = RecordReader.boundaryAfter(file, nominal, file.length - nominal, true, FramingOptions.vb());
            assertTrue(blocks.contains(b), "offset " + nominal + " gave " + b);
        }
    }

    @Test
    void aChainRunningPastTheDataAsksForMore() {
        List<Integer> starts = new ArrayList<>();
        byte[] file = foolingRdw(100, 3, starts);
        int window = starts.get(5) + 10 - starts.get(2);
        assertEquals(-1, RecordReader.boundaryAfter(file, starts.get(2), window, false, FramingOptions.rdw()));
        assertEquals(starts.get(100), RecordReader.boundaryAfter(file, starts.get(98), file.length - starts.get(98),
                true, FramingOptions.rdw()), "a short chain that ends the input counts");
        assertThrows(IllegalArgumentException.class,
                () -> RecordReader.boundaryAfter(file, 0, 10, true, FramingOptions.fixed(10)));
    }
}
