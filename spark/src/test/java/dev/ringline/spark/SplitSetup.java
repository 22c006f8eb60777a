package dev.ringline.spark;

import dev.ringline.cli.SyntheticData;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.row.RowDecoder;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Not a test: the reader's own setup per split, without Spark's task cost, on the calling thread. Medians of
 * {@code calls} runs, in rounds: the copybook parse and decoder compile every split paid before
 * {@link CompiledReads} (now paid once per executor), the cache hit that replaced it, and a whole reader set up and
 * closed on a small whole-file split (file open included). Arguments: workload (default mixed), calls (default 2000),
 * rounds (default 5).
 */
public final class SplitSetup {
    private SplitSetup() {
    }

    public static void main(String[] args) throws IOException {
        String workload = args.length > 0 ? args[0] : "mixed";
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path file = Files.createTempFile("ringline-setup", ".dat");
        try {
            Files.write(file, SyntheticData.records(workload, 10, 3));
            long size = Files.size(file);
            ReadOptions options = ReadOptions.parse(Map.of("copybook_text", SyntheticData.copybook(workload),
                    "path", file.toString()), p -> null);
            RowDecoder full = RowDecoder.compile(options.layout(), options.rowOptions());
            StructType schema = Schemas.schema(full, options);
            Set<String> selected = Schemas.selectedPaths(full, schema, options);
            Configuration conf = new Configuration();
            FileSplit split = new FileSplit(file.toUri().toString(), size, 0, size, true, 0);
            long sink = 0;
            for (int round = 0; round < rounds; round++) {
                long[] compile = new long[calls];
                long[] hit = new long[calls];
                long[] reader = new long[calls];
                for (int i = 0; i < calls; i++) {
                    long t0 = System.nanoTime();
                    RecordLayout layout = options.layout();
                    RowDecoder decoder = RowDecoder.compile(layout, options.rowOptions(), Schemas.filter(selected));
                    sink += decoder.columns().size() + options.framing(layout).recordLength();
                    long t1 = System.nanoTime();
                    sink += CompiledReads.of(options, selected).decoder().columns().size();
                    long t2 = System.nanoTime();
                    try (RinglinePartitionReader r = new RinglinePartitionReader(options,
                            new ReadExtras(false, null, null), false, selected, List.of(), conf, split)) {
                        sink += r.next() ? 1 : 0;
                    }
                    long t3 = System.nanoTime();
                    compile[i] = t1 - t0;
                    hit[i] = t2 - t1;
                    reader[i] = t3 - t2;
                }
                System.out.printf(Locale.ROOT, "%s round %d: parse + compile %.1f us, cache hit %.2f us, reader set up,"
                                + " first row and close (cached) %.1f us (medians of %d)%n", workload, round,
                        median(compile) / 1e3, median(hit) / 1e3, median(reader) / 1e3, calls);
            }
            if (sink == 42) {
                System.out.println();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
