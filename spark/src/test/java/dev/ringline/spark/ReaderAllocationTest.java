package dev.ringline.spark;

import dev.ringline.cli.SyntheticData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The partition reader allocates nothing per record: rows are written into one reused {@code UnsafeRow}. */
class ReaderAllocationTest {
    @TempDir
    Path dir;

    @Test
    void readingRecordsAllocatesNothingPerRow() throws IOException {
        for (String workload : new String[] {"mixed", "display", "comp3"}) {
            Path file = Files.write(dir.resolve(workload + ".dat"), SyntheticData.records(workload, 40_000, 5));
            ReaderAllocation.measure(workload, file); // warm-up: class loading, the interpreter's first passes
            long[] m = ReaderAllocation.measure(workload, file);
            assertEquals(40_000, m[0]);
            double perRow = (double) m[1] / m[0];
            // the old path (GenericInternalRow, boxed values, Decimal, UTF8String copies) took 1,239 bytes per row
            assertTrue(perRow < 4, workload + ": " + perRow + " bytes allocated per row");
        }
    }
}
