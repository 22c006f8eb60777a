package dev.ringline.perf;

import dev.ringline.cli.SyntheticData;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end-to-end harness, one command:
 * {@code java -cp perf/target/benchmarks.jar dev.ringline.perf.Harness [--size 256MiB] [--out docs/perf]
 * [--rounds 3] [--memory-gib 4] [--latency-seconds 5] [--data DIR] [--cli-jar examples/target/ringline.jar]
 * [--warmup 32MiB] [--no-child-jvm] [--check]}.
 *
 * <p>Generates (or reuses) the CLI workloads' files, then per round and workload runs every variant once, in turn
 * (bare loop, pipeline with 1/2/4/8/16 workers, encode back with 1/2 workers, executor baseline, 2-thread
 * ceiling), each in a child JVM so its
 * peak RSS is its own, timed after an untimed warm-up pass over the file's first {@code --warmup} bytes; then
 * the paced latency runs and the large-file memory check through the CLI jar. Prints a table and writes
 * {@code harness.csv}, {@code harness.md}, {@code latency-*.hgrm} and {@code latency.svg}.
 */
public final class Harness {
    static final String[] WORKLOADS = {"display", "comp3", "mixed"};
    static final int[] PIPELINE_WORKERS = {1, 2, 4, 8, 16};

    private final Config config;
    private final PrintStream log;

    Harness(Config config, PrintStream log) {
        this.config = config;
        this.log = log;
    }

    /** Parsed command line. */
    static final class Config {
        long size = 256L << 20;
        Path out = Path.of("docs/perf");
        Path data = Path.of("perf/target/harness-data");
        Path cliJar = Path.of("examples/target/ringline.jar");
        int rounds = 3;
        int memoryGib = 4;
        double latencySeconds = 5;
        boolean childJvm = true;
        boolean check;
        long warmup = 32L << 20;
        String[] workloads = WORKLOADS;

        static Config parse(String... args) {
            Config c = new Config();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--size" -> c.size = bytes(args[++i]);
                    case "--out" -> c.out = Path.of(args[++i]);
                    case "--data" -> c.data = Path.of(args[++i]);
                    case "--cli-jar" -> c.cliJar = Path.of(args[++i]);
                    case "--rounds" -> c.rounds = Integer.parseInt(args[++i]);
                    case "--memory-gib" -> c.memoryGib = Integer.parseInt(args[++i]);
                    case "--latency-seconds" -> c.latencySeconds = Double.parseDouble(args[++i]);
                    case "--workloads" -> c.workloads = args[++i].split(",");
                    case "--no-child-jvm" -> c.childJvm = false;
                    case "--check" -> c.check = true;
                    case "--warmup" -> c.warmup = bytes(args[++i]);
                    default -> throw new IllegalArgumentException("unknown argument " + a);
                }
            }
            return c;
        }

        /** {@code 256MiB}, {@code 2MiB}, {@code 1GiB}, {@code 500KiB} or plain bytes. */
        static long bytes(String text) {
            String t = text.trim();
            long unit = 1;
            if (t.endsWith("GiB")) {
                unit = 1L << 30;
            } else if (t.endsWith("MiB")) {
                unit = 1L << 20;
            } else if (t.endsWith("KiB")) {
                unit = 1L << 10;
            }
            String digits = unit == 1 ? t : t.substring(0, t.length() - 3);
            return Long.parseLong(digits.trim()) * unit;
        }
    }

    /** Everything one harness run measured. */
    record Report(List<RunMetrics> runs, List<LatencyRun.Result> latency, double capacityPerSecond,
                  List<MemoryCheck.Result> memory) {
    }

    public static void main(String[] args) throws Exception {
        new Harness(Config.parse(args), System.out).run();
    }

    Report run() throws IOException, InterruptedException {
        Files.createDirectories(config.out);
        Files.createDirectories(config.data);
        Map<String, Path> files = new LinkedHashMap<>();
        for (String w : config.workloads) {
            files.put(w, input(w, config.size));
        }
        List<RunMetrics> runs = new ArrayList<>();
        List<String[]> variants = variants();
        try (PrintStream csv = new PrintStream(Files.newOutputStream(config.out.resolve("harness.csv")), true,
                StandardCharsets.UTF_8)) {
            csv.println(RunMetrics.csvHeader());
            for (int round = 1; round <= config.rounds; round++) {
                for (String w : config.workloads) {
                    for (String[] v : variants) {
                        RunMetrics m = measure(w, v[0], Integer.parseInt(v[1]), files.get(w));
                        runs.add(m);
                        csv.println(m.toCsv(round));
                        log.printf(Locale.ROOT, "round %d %-8s %-9s %2d workers: %8.1f MiB/s  %6.2f s  cpu %6.2f s"
                                        + "  rss %5.0f MiB%n", round, w, v[0], m.workers(), m.mibPerSecond(),
                                m.seconds(), m.cpuSeconds(), m.peakRssBytes() / 1048576.0);
                    }
                }
            }
        }
        String throughput = HarnessReport.throughputTable(runs);
        log.println();
        log.print(throughput);

        LatencyRun latencyRun = new LatencyRun(2);
        long capacityCount = Math.max(20_000, (long) (config.latencySeconds * 400_000));
        LatencyRun.Result capacity = latencyRun.capacity(capacityCount);
        List<LatencyRun.Result> latency = new ArrayList<>();
        List<PercentilePlot.Series> series = new ArrayList<>();
        for (int percent : new int[] {50, 90}) {
            double rate = capacity.achievedPerSecond() * percent / 100.0;
            long count = Math.max(10_000, (long) (rate * config.latencySeconds));
            LatencyRun.Result r = latencyRun.run(count, rate);
            latency.add(r);
            try (PrintStream hgrm = new PrintStream(Files.newOutputStream(
                    config.out.resolve("latency-" + percent + "pct.hgrm")), true, StandardCharsets.UTF_8)) {
                r.histogram().outputPercentileDistribution(hgrm, 1000.0);
            }
            series.add(new PercentilePlot.Series(String.format(Locale.ROOT, "%d%% of capacity (%.0f k records/s)",
                    percent, rate / 1e3), r.histogram()));
        }
        Files.writeString(config.out.resolve("latency.svg"), PercentilePlot.svg(
                "display records, 2 workers: latency from intended send to ordered release", series));
        String latencyTable = HarnessReport.latencyTable(capacity, latency);
        log.println();
        log.print(latencyTable);

        List<MemoryCheck.Result> memory = new ArrayList<>();
        if (config.memoryGib > 0) {
            Path big = input("display", (long) config.memoryGib << 30);
            Path copybook = SyntheticData.copybookOf(big);
            memory.add(MemoryCheck.decode(config.cliJar, copybook, big, 0, "64m",
                    config.out.resolve("gc-default.log")));
            memory.add(MemoryCheck.decode(config.cliJar, copybook, big, 1, "64m",
                    config.out.resolve("gc-threads1.log")));
        }
        String memoryTable = HarnessReport.memoryTable(memory, config.memoryGib);
        log.println();
        log.print(memoryTable);
        Files.writeString(config.out.resolve("harness.md"), HarnessReport.markdown(config, throughput, latencyTable,
                memoryTable));
        return new Report(runs, latency, capacity.achievedPerSecond(), memory);
    }

    /** {variant, workers} in the order they alternate within a round. */
    static List<String[]> variants() {
        List<String[]> v = new ArrayList<>();
        v.add(new String[] {"bare", "1"});
        for (int w : PIPELINE_WORKERS) {
            v.add(new String[] {"pipeline", Integer.toString(w)});
        }
        v.add(new String[] {"encode", "1"});
        v.add(new String[] {"encode", "2"});
        v.add(new String[] {"executor", "2"});
        v.add(new String[] {"ceiling", "2"});
        return v;
    }

    /** The workload's file of about {@code size} bytes in the data folder, generated unless already there. */
    Path input(String workload, long size) throws IOException {
        Path file = config.data.resolve(workload + "-" + size + ".dat");
        int length = SyntheticData.layout(workload).length();
        long expected = size / length * length;
        if (Files.exists(file) && Files.size(file) == expected && Files.exists(SyntheticData.copybookOf(file))) {
            return file;
        }
        log.printf(Locale.ROOT, "generating %s (%d bytes)%n", file, expected);
        SyntheticData.generate(workload, size, file, 42);
        return file;
    }

    private RunMetrics measure(String workload, String variant, int workers, Path file)
            throws IOException, InterruptedException {
        if (!config.childJvm) {
            return VariantRun.run(workload, variant, workers, file, config.check, config.warmup);
        }
        long heapMiB = variant.equals("ceiling") ? Files.size(file) / (1 << 20) * 2 + 256 : 512;
        List<String> command = new ArrayList<>(Arrays.asList(javaExecutable(), "-Xmx" + heapMiB + "m", "-cp",
                System.getProperty("java.class.path"), VariantRun.class.getName(), workload, variant,
                Integer.toString(workers), file.toString(), Boolean.toString(config.check),
                Long.toString(config.warmup)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        RunMetrics metrics = null;
        StringBuilder other = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(RunMetrics.PREFIX)) {
                    metrics = RunMetrics.parse(line);
                } else {
                    other.append(line).append('\n');
                }
            }
        }
        int exit = p.waitFor();
        if (exit != 0 || metrics == null) {
            throw new IllegalStateException("child JVM for " + workload + " " + variant + " exited " + exit + ": "
                    + other);
        }
        return metrics;
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
