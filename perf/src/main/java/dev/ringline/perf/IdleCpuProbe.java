package dev.ringline.perf;

import dev.ringline.pipeline.OrderedPipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the CPU time an {@link OrderedPipeline}'s own threads burn when they should mostly wait: (i) idle, with
 * no input at all, and (ii) while 2 workers are busy with ~50 µs records, so the ordered stage spends its time
 * waiting for them. CPU time per thread comes from {@link ThreadMXBean#getThreadCpuTime}; CPU% is that time over
 * the wall-clock window (100% = one full core).
 *
 * <p>Run: {@code java -cp perf/target/benchmarks.jar dev.ringline.perf.IdleCpuProbe [--tiny]}; {@code --tiny}
 * uses 100 ms windows instead of 2 s (the smoke test's mode; its percentages mean little).
 */
public final class IdleCpuProbe {
    /** Thread name prefix of the probed pipeline, distinct from any other pipeline in the same JVM. */
    static final String PREFIX = "ringline-probe";
    static final int WORKERS = 2;
    static final int BUSY_WORK_NANOS = 50_000;

    /** One thread's CPU use in one phase. */
    public record Row(String phase, String thread, long cpuNanos, long wallNanos) {
        public double cpuPercent() {
            return wallNanos == 0 ? 0 : 100.0 * cpuNanos / wallNanos;
        }
    }

    private IdleCpuProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        boolean tiny = args.length > 0 && args[0].equals("--tiny");
        Duration window = tiny ? Duration.ofMillis(100) : Duration.ofSeconds(2);
        List<Row> rows = measure(window, window);
        System.out.println(table(rows));
    }

    /**
     * Runs both phases on a fresh pipeline each and returns a row per pipeline thread (and the producer) per phase.
     */
    public static List<Row> measure(Duration idle, Duration busy) throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (!mx.isThreadCpuTimeSupported()) {
            throw new UnsupportedOperationException("this JVM cannot measure per-thread CPU time");
        }
        mx.setThreadCpuTimeEnabled(true);
        List<Row> rows = new ArrayList<>();
        rows.addAll(idlePhase(mx, idle));
        rows.addAll(busyPhase(mx, busy));
        return rows;
    }

    private static OrderedPipeline<EngineOverheadBenchmark.LongSlot> pipeline(long tokens, AtomicLong delivered) {
        return OrderedPipeline.<EngineOverheadBenchmark.LongSlot>builder(EngineOverheadBenchmark.LongSlot::new,
                        (seq, slot, scratch) -> slot.out = Work.apply(slot.in, tokens))
                .workers(WORKERS)
                .capacity(Work.IN_FLIGHT)
                .threadNamePrefix(PREFIX)
                .consumer((seq, slot, failure) -> delivered.lazySet(seq + 1))
                .build();
    }

    private static List<Row> idlePhase(ThreadMXBean mx, Duration window) throws InterruptedException {
        // Only its parked threads are measured; it is never called, hence no try-with-resources (lint: unused).
        OrderedPipeline<EngineOverheadBenchmark.LongSlot> idle = pipeline(0, new AtomicLong());
        try {
            return sample(mx, "idle", window, null);
        } finally {
            idle.close();
        }
    }

    private static List<Row> busyPhase(ThreadMXBean mx, Duration window) throws InterruptedException {
        AtomicLong delivered = new AtomicLong();
        OrderedPipeline<EngineOverheadBenchmark.LongSlot> p = pipeline(Work.tokensFor(BUSY_WORK_NANOS), delivered);
        Thread producer = new Thread(() -> produce(p), "probe-producer");
        try {
            producer.start();
            // Measure only once records flow, so the window sees the steady state rather than the start-up.
            while (delivered.get() == 0 && producer.isAlive()) {
                Thread.sleep(1);
            }
            return sample(mx, "busy", window, producer);
        } finally {
            producer.interrupt();
            producer.join();
            p.close();
        }
    }

    /** Publishes records until interrupted; the pipeline's bound keeps it mostly blocked in {@code claim}. */
    private static void produce(OrderedPipeline<EngineOverheadBenchmark.LongSlot> p) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long seq = p.claim();
                p.slot(seq).in = seq;
                p.publish(seq);
            }
        } catch (InterruptedException e) {
            // asked to stop
        }
    }

    /** CPU time of each probed thread (and the producer, if any) over a wall-clock window. */
    private static List<Row> sample(ThreadMXBean mx, String phase, Duration window, Thread producer)
            throws InterruptedException {
        Map<String, Thread> threads = probedThreads(producer);
        Map<String, Long> before = new LinkedHashMap<>();
        threads.forEach((name, t) -> before.put(name, mx.getThreadCpuTime(t.getId())));
        long start = System.nanoTime();
        Thread.sleep(window.toMillis()); // the measured window itself: nothing to wait for but time
        long wall = System.nanoTime() - start;
        List<Row> rows = new ArrayList<>();
        threads.forEach((name, t) -> {
            long after = mx.getThreadCpuTime(t.getId());
            long cpu = after < 0 || before.get(name) < 0 ? -1 : after - before.get(name);
            rows.add(new Row(phase, name, cpu, wall));
        });
        return rows;
    }

    private static Map<String, Thread> probedThreads(Thread producer) {
        Map<String, Thread> byName = new LinkedHashMap<>();
        Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(PREFIX + "-"))
                .sorted(Comparator.comparing(Thread::getName))
                .forEach(t -> byName.put(t.getName(), t));
        if (producer != null) {
            byName.put(producer.getName(), producer);
        }
        return byName;
    }

    /** A fixed-width text table of the rows. */
    public static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-6s %-26s %10s %10s %7s%n",
                "phase", "thread", "cpu ms", "wall ms", "cpu %"));
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-6s %-26s %10.1f %10.1f %7.1f%n", r.phase(), r.thread(),
                    r.cpuNanos() / 1e6, r.wallNanos() / 1e6, r.cpuPercent()));
        }
        return sb.toString();
    }
}
