package dev.ringline.spark;

import dev.ringline.cli.SyntheticData;
import dev.ringline.cobol.row.RowDecoder;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Not a test: bytes allocated and time per row of the partition reader alone (no Spark session), all columns plus
 * {@code _file} and {@code _offset}, on the calling thread ({@code ThreadMXBean}); the figures of docs/PERFORMANCE.md
 * "On Spark". Arguments: workload (default mixed), records (default 500000), rounds (default 5).
 */
public final class ReaderAllocation {
    private ReaderAllocation() {
    }

    public static void main(String[] args) throws IOException {
        String workload = args.length > 0 ? args[0] : "mixed";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path file = Files.createTempFile("ringline-alloc", ".dat");
        try {
            Files.write(file, SyntheticData.records(workload, count, 3));
            for (int round = 0; round < rounds; round++) {
                long[] m = measure(workload, file);
                System.out.printf(Locale.ROOT, "%s round %d: %d rows, %.1f bytes/row, %.0f ns/row%n", workload, round,
                        m[0], (double) m[1] / m[0], (double) m[2] / m[0]);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Rows read, bytes allocated by this thread, nanoseconds: one whole-file split read to the end. */
    static long[] measure(String workload, Path file) throws IOException {
        ReadOptions options = ReadOptions.parse(Map.of("copybook_text", SyntheticData.copybook(workload),
                "on_error", "null", "path", file.toString()), p -> null);
        RowDecoder full = RowDecoder.compile(options.layout(), options.rowOptions());
        StructType schema = Schemas.schema(full, options);
        Set<String> selected = Schemas.selectedPaths(full, schema, options);
        long size = Files.size(file);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long rows = 0;
        long checksum = 0;
        try (RinglinePartitionReader reader = new RinglinePartitionReader(options, new ReadExtras(false, null, null),
                false, selected, List.of(Schemas.FILE, Schemas.OFFSET), new Configuration(),
                new FileSplit(file.toUri().toString(), size, 0, size, true, 0))) {
            long bytes0 = threads.getThreadAllocatedBytes(id);
            long t0 = System.nanoTime();
            while (reader.next()) {
                InternalRow row = reader.get();
                checksum += row.getLong(row.numFields() - 1);
                rows++;
            }
            long nanos = System.nanoTime() - t0;
            long bytes = threads.getThreadAllocatedBytes(id) - bytes0;
            if (checksum == 42) {
                System.out.println();
            }
            return new long[] {rows, bytes, nanos};
        }
    }
}
