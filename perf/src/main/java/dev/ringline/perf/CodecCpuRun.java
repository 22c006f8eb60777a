package dev.ringline.perf;


import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link CodecBenchmark}'s two loops timed by the thread's CPU time instead of the wall clock, for A/B runs on a
 * machine shared with other jobs: when the run queue is longer than the core count, wall-clock throughput measures
 * the scheduler's share more than the code, while CPU time per record stays close to what a quiet machine shows.
 * One JVM per run (run it several times, interleaving builds); prints one line: workload, loop, then MiB/s of
 * input per CPU-second for each measured second and their median.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.ringline.perf.CodecCpuRun WORKLOAD decode|reference [SECONDS]}.
 */
public final class CodecCpuRun {
    private CodecCpuRun() {
    }

    /** Runs the loop: 3 CPU-seconds of warm-up, then {@code SECONDS} (default 7) one-second measurements. */
    public static void main(String[] args) {
        String workload = args[0];
        boolean reference = args[1].equals("reference");
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        CodecBenchmark.Input in = new CodecBenchmark.Input();
        in.workload = workload;
        in.setup();
        CodecBenchmark bench = new CodecBenchmark();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        long warmEnd = threads.getCurrentThreadCpuTime() + 3_000_000_000L;
        while (threads.getCurrentThreadCpuTime() < warmEnd) {
            sink += reference ? bench.reference(in) : bench.decode(in);
        }
        double[] mibPerCpuSecond = new double[seconds];
        for (int s = 0; s < seconds; s++) {
            long start = threads.getCurrentThreadCpuTime();
            long calls = 0;
            long now;
            do {
                sink += reference ? bench.reference(in) : bench.decode(in);
                calls++;
                now = threads.getCurrentThreadCpuTime();
            } while (now - start < 1_000_000_000L);
            double records = (double) calls * CodecBenchmark.RECORDS;
            mibPerCpuSecond[s] = records * in.recordLength / (1 << 20) / ((now - start) / 1e9);
        }
        double[] sorted = mibPerCpuSecond.clone();
        Arrays.sort(sorted);
        StringBuilder line = new StringBuilder(workload + " " + args[1]);
        for (double v : mibPerCpuSecond) {
            line.append(String.format(Locale.ROOT, " %.0f", v));
        }
        line.append(String.format(Locale.ROOT, " median %.0f (sink %d)", sorted[seconds / 2], sink % 10));
        System.out.println(line);
    }
}
