package dev.ringline.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** CPU time a thread burns over a wall-clock window, from {@link ThreadMXBean}: how tests tell parking from spinning. */
final class ThreadCpu {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private ThreadCpu() {
    }

    static Thread named(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no thread named " + name));
    }

    /**
     * Milliseconds of CPU {@code thread} used during {@code window}. The wait here is the measurement interval
     * itself, not a synchronisation: callers have already established the state they measure with latches.
     */
    static long cpuMillisDuring(Thread thread, Duration window) {
        long before = MX.getThreadCpuTime(thread.getId());
        long end = System.nanoTime() + window.toNanos();
        for (long left = window.toNanos(); left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
        long after = MX.getThreadCpuTime(thread.getId());
        if (before < 0 || after < 0) {
            throw new AssertionError(thread.getName() + " ended during the measurement");
        }
        return (after - before) / 1_000_000;
    }
}
