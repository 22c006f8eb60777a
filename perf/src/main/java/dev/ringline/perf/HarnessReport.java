package dev.ringline.perf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The harness's Markdown tables: medians with min–max over rounds, ratios of medians from the same run. */
final class HarnessReport {
    private HarnessReport() {
    }

    static String throughputTable(List<RunMetrics> runs) {
        Map<String, List<RunMetrics>> groups = new LinkedHashMap<>();
        for (RunMetrics m : runs) {
            String key = m.workload() + "|" + m.variant() + "|" + m.workers();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("| workload | variant | workers | MiB/s median (min–max) | M records/s | ratio to bare | "
                + "parallel efficiency | CPU s | peak RSS MiB | peak heap MiB | rounds |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (List<RunMetrics> g : groups.values()) {
            RunMetrics first = g.get(0);
            double mib = median(g, RunMetrics::mibPerSecond);
            List<RunMetrics> bare = groups.get(first.workload() + "|bare|1");
            double bareMib = bare == null ? Double.NaN : median(bare, RunMetrics::mibPerSecond);
            String efficiency;
            if (first.variant().equals("ceiling")) {
                double single = median(g, RunMetrics::baseMiBps);
                efficiency = String.format(Locale.ROOT, "%.2f (vs its own 1 thread, %.0f MiB/s)",
                        mib / (first.workers() * single), single);
            } else if (first.variant().equals("bare")) {
                efficiency = "1.00";
            } else {
                efficiency = String.format(Locale.ROOT, "%.2f", mib / (first.workers() * bareMib));
            }
            sb.append(String.format(Locale.ROOT,
                    "| %s | %s | %d | %.0f (%.0f–%.0f) | %.2f | %.2f | %s | %.2f | %.0f | "
                            + "%.0f | %d |\n", first.workload(), first.variant(), first.workers(), mib,
                    min(g, RunMetrics::mibPerSecond), max(g, RunMetrics::mibPerSecond),
                    median(g, RunMetrics::recordsPerSecond) / 1e6, mib / bareMib, efficiency,
                    median(g, RunMetrics::cpuSeconds), median(g, m -> m.peakRssBytes() / 1048576.0),
                    median(g, m -> m.peakHeapBytes() / 1048576.0), g.size()));
        }
        return sb.toString();
    }

    static String latencyTable(LatencyRun.Result capacity, List<LatencyRun.Result> runs) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Measured capacity (unpaced, same pipeline): %.0f records/s "
                + "(%.1f MiB/s of input).%n%n", capacity.achievedPerSecond(),
                capacity.achievedPerSecond() * 500 / 1048576.0));
        sb.append("| offered records/s | achieved records/s | records | p50 µs | p90 µs | p99 µs | p99.9 µs | "
                + "p99.99 µs | max µs | claim→release p50 / p99 µs |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (LatencyRun.Result r : runs) {
            var h = r.histogram();
            var c = r.claimToRelease();
            sb.append(String.format(Locale.ROOT,
                    "| %.0f | %.0f | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f / %.1f |\n",
                    r.offeredPerSecond(), r.achievedPerSecond(), r.records(), h.getValueAtPercentile(50) / 1e3,
                    h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
                    h.getValueAtPercentile(99.9) / 1e3, h.getValueAtPercentile(99.99) / 1e3, h.getMaxValue() / 1e3,
                    c.getValueAtPercentile(50) / 1e3, c.getValueAtPercentile(99) / 1e3));
        }
        return sb.toString();
    }

    static String memoryTable(List<MemoryCheck.Result> runs, int gib) {
        if (runs.isEmpty()) {
            return "Memory check skipped (--memory-gib 0).\n";
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d GiB display file through the CLI jar with -Xmx64m, stdout into "
                + "SHA-256:%n%n", gib));
        sb.append("| --threads | seconds | MiB/s (CLI) | peak RSS MiB (VmHWM) | peak heap MiB | GC pauses | "
                + "output bytes | SHA-256 |\n|---|---|---|---|---|---|---|---|\n");
        for (MemoryCheck.Result r : runs) {
            sb.append(String.format(Locale.ROOT, "| %s | %.1f | %.0f | %.1f | %.1f | %d | %d | `%s` |\n",
                    r.threads() == 0 ? "default" : Integer.toString(r.threads()), r.seconds(), r.mibPerSecond(),
                    r.peakRssMiB(), r.peakHeapMiB(), r.gcPauses(), r.outputBytes(), r.sha256().substring(0, 16)));
        }
        boolean same = runs.stream().map(MemoryCheck.Result::sha256).distinct().count() == 1;
        sb.append(same ? "\nDigests equal across thread counts.\n" : "\n**DIGESTS DIFFER across thread counts.**\n");
        return sb.toString();
    }

    static String markdown(Harness.Config c, String throughput, String latency, String memory) {
        return "# Harness results\n\n"
                + String.format(Locale.ROOT, "Input %d bytes per workload, %d round(s), %s, checksums %s.%n%n",
                c.size, c.rounds, c.childJvm ? "each variant in a child JVM" : "all variants in-process",
                c.check ? "on" : "off")
                + "## Throughput\n\n" + throughput + "\n## Latency\n\n" + latency
                + "\n![latency by percentile](latency.svg)\n\n## Memory\n\n" + memory;
    }

    private static double median(List<RunMetrics> g, ToDoubleFunction<RunMetrics> f) {
        double[] v = g.stream().mapToDouble(f).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double min(List<RunMetrics> g, ToDoubleFunction<RunMetrics> f) {
        return g.stream().mapToDouble(f).min().orElse(Double.NaN);
    }

    private static double max(List<RunMetrics> g, ToDoubleFunction<RunMetrics> f) {
        return g.stream().mapToDouble(f).max().orElse(Double.NaN);
    }
}
