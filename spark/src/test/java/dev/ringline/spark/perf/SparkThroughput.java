package dev.ringline.spark.perf;

import dev.ringline.cli.SyntheticData;
import dev.ringline.spark.LocalSpark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Not a test: the measurement of docs/PERFORMANCE.md "On Spark". Generates a mixed file, then in one run times the
 * command line (a separate process, the shaded jar, JSON to /dev/null), {@code local[N]} {@code count()} of all
 * columns and of one, and {@code local[N]} to Parquet, and prints MiB/s and ratios.
 *
 * <p>Arguments: size in MiB (default 1024), master (default {@code local[2]}), split size in MiB (default 128),
 * the CLI jar (default {@code examples/target/ringline.jar}).
 *
 * <p>{@code split-cost [MiB] [master]}: the fixed cost of a split instead. One generated mixed file (default 256 MiB)
 * and the same records in RDWs are read (one column, to a no-op {@code foreach}) with splits of 1, 8, 32 and 128 MiB,
 * best of 3 each; the time is fitted to {@code a + c * splits} by least squares, so {@code c} is the wall-clock cost
 * one more split adds ({@code local[2]} runs two at once: a task's own cost is about twice that).
 */
public final class SparkThroughput {
    private SparkThroughput() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("split-cost")) {
            splitCost(args.length > 1 ? Long.parseLong(args[1]) : 256, args.length > 2 ? args[2] : "local[2]");
            return;
        }
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        String master = args.length > 1 ? args[1] : "local[2]";
        String split = args.length > 2 ? args[2] : "128";
        String jar = args.length > 3 ? args[3] : "examples/target/ringline.jar";
        Path dir = Files.createTempDirectory("ringline-spark-perf");
        try {
            Path data = dir.resolve("mixed.dat");
            Path copybook = SyntheticData.generate("mixed", mib << 20, data, 1);
            double size = Files.size(data) / 1048576.0;
            System.out.printf(Locale.ROOT, "file: %.1f MiB, %d records%n", size, Files.size(data) / 122);

            long t0 = System.nanoTime();
            Process cli = new ProcessBuilder("java", "-jar", jar, "decode", "--copybook", copybook.toString(),
                    "--input", data.toString(), "--output", "/dev/null", "-q").inheritIO().start();
            int exit = cli.waitFor();
            double cliSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "CLI decode to JSON (exit %d): %.2f s, %.0f MiB/s%n", exit, cliSeconds,
                    size / cliSeconds);

            SparkSession spark = LocalSpark.start(master, "ringline-perf");
            Dataset<Row> df = spark.read().format("ringline").option("copybook", copybook.toString())
                    .option("split_size_mb", split).load(data.toString());
            df.select("CUSTOMER-ID").count(); // warm-up: JIT, session, file cache
            for (int round = 0; round < 2; round++) {
                double all = time(() -> df.selectExpr("*").foreach(row -> { }));
                double count = time(df::count);
                double one = time(() -> df.select("BALANCE").foreach(row -> { }));
                Path out = dir.resolve("out.parquet");
                double parquet = time(() -> df.write().mode(SaveMode.Overwrite).parquet(out.toString()));
                int partitions = df.rdd().getNumPartitions();
                System.out.printf(Locale.ROOT, "round %d, %s, %d splits: all columns %.2f s (%.0f MiB/s, %.2fx CLI); "
                                + "count() %.2f s (%.0f MiB/s); one column %.2f s (%.0f MiB/s); Parquet %.2f s "
                                + "(%.0f MiB/s, %.2fx CLI)%n", round, master, partitions, all, size / all,
                        cliSeconds / all, count, size / count, one, size / one, parquet, size / parquet,
                        cliSeconds / parquet);
            }
            spark.stop();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                List<Path> all = files.sorted(Comparator.reverseOrder()).toList();
                for (Path p : all) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void splitCost(long mib, String master) throws Exception {
        Path dir = Files.createTempDirectory("ringline-split-cost");
        try {
            Path fixed = dir.resolve("mixed.dat");
            Path copybook = SyntheticData.generate("mixed", mib << 20, fixed, 1);
            Path rdw = dir.resolve("mixed.rdw");
            try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(fixed), 1 << 20);
                 java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(rdw), 1 << 20)) {
                byte[] record = new byte[122];
                while (in.readNBytes(record, 0, record.length) == record.length) {
                    out.write(new byte[] {0, (byte) (record.length + 4), 0, 0});
                    out.write(record);
                }
            }
            SparkSession spark = LocalSpark.start(master, "ringline-split-cost");
            double rdwSize = Files.size(rdw) / 1048576.0;
            for (int mb : new int[] {63, 65}) { // split sizes no case below uses: a pass each, not the cache
                long t0 = System.nanoTime();
                int splits = spark.read().format("ringline").option("copybook", copybook.toString())
                        .option("format", "rdw").option("split_strategy", "index").option("split_size_mb", mb)
                        .load(rdw.toString()).select("BALANCE").rdd().getNumPartitions();
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "index pass (and planning) of %.0f MiB RDW: %.3f s, %.0f MiB/s, %d "
                        + "splits%n", rdwSize, s, rdwSize / s, splits);
            }
            String[][] cases = {{"fixed", "offset"}, {"rdw", "offset"}, {"rdw", "index"}};
            for (String[] c : cases) {
                Path file = c[0].equals("fixed") ? fixed : rdw;
                double size = Files.size(file) / 1048576.0;
                int[] splitMib = {128, 32, 8, 1};
                double[] n = new double[splitMib.length];
                double[] t = new double[splitMib.length];
                for (int i = 0; i < splitMib.length; i++) {
                    Dataset<Row> df = spark.read().format("ringline").option("copybook", copybook.toString())
                            .option("format", c[0]).option("split_strategy", c[1])
                            .option("split_size_mb", splitMib[i]).load(file.toString()).select("BALANCE");
                    df.foreach(row -> { }); // warm-up (and the index pass, cached after it)
                    double best = Double.MAX_VALUE;
                    for (int r = 0; r < 3; r++) {
                        best = Math.min(best, time(() -> df.foreach(row -> { })));
                    }
                    n[i] = df.rdd().getNumPartitions();
                    t[i] = best;
                    System.out.printf(Locale.ROOT, "%s %s %.0f MiB, split %d MiB: %.0f splits, %.3f s (%.0f MiB/s)%n",
                            c[0], c[1], size, splitMib[i], n[i], best, size / best);
                }
                double mn = 0;
                double mt = 0;
                for (int i = 0; i < n.length; i++) {
                    mn += n[i] / n.length;
                    mt += t[i] / n.length;
                }
                double sxy = 0;
                double sxx = 0;
                for (int i = 0; i < n.length; i++) {
                    sxy += (n[i] - mn) * (t[i] - mt);
                    sxx += (n[i] - mn) * (n[i] - mn);
                }
                double slope = sxy / sxx;
                System.out.printf(Locale.ROOT, "%s %s: fixed cost %.2f ms per split (wall, %s), base %.3f s%n", c[0],
                        c[1], slope * 1000, master, mt - slope * mn);
            }
            spark.stop();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static double time(Runnable action) {
        long t0 = System.nanoTime();
        action.run();
        return (System.nanoTime() - t0) / 1e9;
    }
}
