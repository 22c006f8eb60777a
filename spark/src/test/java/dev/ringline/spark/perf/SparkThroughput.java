package dev.ringline.spark.perf;

import dev.ringline.cli.SyntheticData;

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
 */
public final class SparkThroughput {
    private SparkThroughput() {
    }

    public static void main(String[] args) throws Exception {
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

            SparkSession spark = SparkSession.builder().master(master).appName("ringline-perf")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1")
                    .getOrCreate();
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

    private static double time(Runnable action) {
        long t0 = System.nanoTime();
        action.run();
        return (System.nanoTime() - t0) / 1e9;
    }
}
