package dev.ringline.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress of a run on stderr. The decoder's callback only stores the counters in volatile fields (it runs on
 * the ordered-stage thread, which must not block on a terminal); a daemon timer thread reads them and prints
 * either a live bar rewritten with {@code \r} or a plain line every two seconds.
 */
final class Progress implements AutoCloseable {
    /** How progress is shown. */
    enum Mode {
        /** A one-line bar redrawn in place, for terminals. */
        BAR,
        /** A plain line every two seconds, for logs. */
        LINES,
        /** Nothing. */
        NONE
    }

    /** The {@code --progress} choices. */
    enum Choice {
        auto, always, never
    }

    private final PrintWriter err;
    private final Mode mode;
    private final long totalBytes;
    private final long startNanos = System.nanoTime();
    private ScheduledExecutorService timer;
    private int lastWidth;

    private volatile long recordsRead;
    private volatile long recordsRejected;
    private volatile long bytesRead;

    /**
     * @param totalBytes the input size, or -1 when unknown (no percentage, no ETA)
     */
    Progress(PrintWriter err, Mode mode, long totalBytes) {
        this.err = err;
        this.mode = mode;
        this.totalBytes = totalBytes;
    }

    /** The mode for a {@code --progress} choice: {@code auto} draws a bar on a terminal and lines elsewhere. */
    static Mode mode(Choice choice, boolean quiet) {
        if (quiet || choice == Choice.never) {
            return Mode.NONE;
        }
        if (choice == Choice.always) {
            return Mode.BAR;
        }
        return System.console() != null ? Mode.BAR : Mode.LINES;
    }

    /** Starts the timer thread (none in {@link Mode#NONE}). */
    Progress start() {
        if (mode != Mode.NONE) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "ringline-progress");
                t.setDaemon(true);
                return t;
            });
            long period = mode == Mode.BAR ? 250 : 2000;
            timer.scheduleAtFixedRate(this::print, period, period, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Stores the counters; called by the decoder after each batch. Never prints. */
    void update(long read, long written, long rejected, long bytes) {
        recordsRead = read;
        recordsRejected = rejected;
        bytesRead = bytes;
    }

    private void print() {
        String line = line();
        synchronized (err) {
            if (mode == Mode.BAR) {
                int pad = Math.max(0, lastWidth - line.length());
                err.print("\r" + line + " ".repeat(pad));
                lastWidth = line.length();
            } else {
                err.println("progress: " + line);
            }
            err.flush();
        }
    }

    /** The current state as one line: bar, bytes, records, rejects, MiB/s and ETA when the size is known. */
    String line() {
        long bytes = bytesRead;
        long read = recordsRead;
        long rejected = recordsRejected;
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        double mibPerSecond = bytes / seconds / (1 << 20);
        StringBuilder sb = new StringBuilder(100);
        if (totalBytes > 0) {
            double fraction = Math.min(1.0, (double) bytes / totalBytes);
            if (mode == Mode.BAR) {
                int filled = (int) (fraction * 20);
                sb.append('[').append("#".repeat(filled)).append(".".repeat(20 - filled)).append("] ");
            }
            sb.append(String.format(Locale.ROOT, "%3.0f%% %s / %s", fraction * 100, ByteSize.format(bytes),
                    ByteSize.format(totalBytes)));
        } else {
            sb.append(ByteSize.format(bytes));
        }
        sb.append(String.format(Locale.ROOT, ", %,d records", read));
        if (rejected > 0) {
            sb.append(String.format(Locale.ROOT, " (%,d rejected)", rejected));
        }
        sb.append(String.format(Locale.ROOT, ", %.1f MiB/s", mibPerSecond));
        if (totalBytes > 0 && bytes > 0 && bytes < totalBytes) {
            long eta = (long) ((totalBytes - bytes) / (bytes / seconds));
            sb.append(String.format(Locale.ROOT, ", ETA %d:%02d", eta / 60, eta % 60));
        }
        return sb.toString();
    }

    /** Stops the timer; a bar is ended with a last redraw and a newline. */
    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer = null;
        if (mode == Mode.BAR) {
            print();
            synchronized (err) {
                err.println();
                err.flush();
            }
        }
    }
}
