package dev.ringline.perf;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one harness variant measured in one round, as one {@code key=value} line (how a child JVM reports back).
 * {@code checksum} is a CRC32C of the JSON output when checking is on, else 0.
 */
record RunMetrics(String workload, String variant, int workers, long inputBytes, long records, long outputBytes,
                  long checksum, double seconds, double cpuSeconds, long peakRssBytes, long peakHeapBytes,
                  double baseMiBps) {
    static final String PREFIX = "RINGLINE-METRICS ";

    double mibPerSecond() {
        return inputBytes / seconds / (1 << 20);
    }

    double recordsPerSecond() {
        return records / seconds;
    }

    String toLine() {
        return PREFIX + String.format(Locale.ROOT,
                "workload=%s variant=%s workers=%d inputBytes=%d records=%d outputBytes=%d checksum=%d seconds=%.6f "
                        + "cpuSeconds=%.6f peakRss=%d peakHeap=%d baseMiBps=%.3f",
                workload, variant, workers, inputBytes, records, outputBytes, checksum, seconds, cpuSeconds,
                peakRssBytes, peakHeapBytes, baseMiBps);
    }

    static RunMetrics parse(String line) {
        if (!line.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a metrics line: " + line);
        }
        Map<String, String> kv = new LinkedHashMap<>();
        for (String part : line.substring(PREFIX.length()).trim().split(" ")) {
            int eq = part.indexOf('=');
            kv.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return new RunMetrics(kv.get("workload"), kv.get("variant"), Integer.parseInt(kv.get("workers")),
                Long.parseLong(kv.get("inputBytes")), Long.parseLong(kv.get("records")),
                Long.parseLong(kv.get("outputBytes")), Long.parseLong(kv.get("checksum")),
                Double.parseDouble(kv.get("seconds")), Double.parseDouble(kv.get("cpuSeconds")),
                Long.parseLong(kv.get("peakRss")), Long.parseLong(kv.get("peakHeap")),
                Double.parseDouble(kv.get("baseMiBps")));
    }

    static String csvHeader() {
        return "round,workload,variant,workers,input_bytes,records,output_bytes,checksum,seconds,mib_per_s,"
                + "records_per_s,cpu_seconds,peak_rss_bytes,peak_heap_bytes,in_memory_1_thread_mib_per_s";
    }

    String toCsv(int round) {
        return String.format(Locale.ROOT, "%d,%s,%s,%d,%d,%d,%d,%d,%.6f,%.2f,%.0f,%.4f,%d,%d,%.2f", round, workload,
                variant, workers, inputBytes, records, outputBytes, checksum, seconds, mibPerSecond(),
                recordsPerSecond(), cpuSeconds, peakRssBytes, peakHeapBytes, baseMiBps);
    }
}
