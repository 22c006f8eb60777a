package dev.ringline.cli;

import java.util.Locale;

/**
 * Plans a decode's memory before it starts: every ring slot holds a batch of input (at least 64 KiB, or one
 * record) and its JSON (up to six times as much for packed decimals), allocated as the ring fills. If
 * {@code --ring-size} such slots cannot fit in the heap ({@link Runtime#maxMemory()}, {@code -Xmx}) beside a fixed
 * allowance for the rest of the process, the run is refused up front with a ring size that fits, instead of
 * failing with {@link OutOfMemoryError} half-way.
 */
final class MemoryPlan {
    /** Heap used by everything but the ring: code, parser, worker scratch, buffers. */
    static final long BASELINE = 20L << 20;
    /** JSON bytes per input byte at most in practice: packed decimals expand about five times. */
    static final int JSON_PER_INPUT_BYTE = 6;
    /** Fraction of the heap the plan may use: the collector needs room to work. */
    static final double USABLE = 0.7;

    private MemoryPlan() {
    }

    /** Bytes one ring slot needs for records of {@code recordLength} bytes. */
    static long slotBytes(long recordLength) {
        long input = Math.max(65L << 10, recordLength + 1024);
        return input + JSON_PER_INPUT_BYTE * input;
    }

    /** The largest ring that fits in {@code heap} bytes; 0 if not even one slot does. */
    static long maxRing(long heap, long recordLength) {
        long usable = (long) (heap * USABLE) - BASELINE;
        return Math.max(0, usable / slotBytes(recordLength));
    }

    /**
     * @throws CliException with {@link ExitCodes#USAGE} when the ring cannot fit in this JVM's heap
     */
    static void check(int ringSize, long recordLength) {
        long heap = Runtime.getRuntime().maxMemory();
        long fits = maxRing(heap, recordLength);
        if (ringSize <= fits) {
            return;
        }
        long needed = BASELINE + ringSize * slotBytes(recordLength);
        String need = String.format(Locale.ROOT, "--ring-size %d with %,d-byte records needs about %s of heap, "
                        + "more than this JVM's %s allows", ringSize, recordLength, ByteSize.format(needed),
                ByteSize.format(heap));
        if (fits >= 1) {
            throw CliException.usage(need + ": use --ring-size " + Math.min(fits, ringSize)
                    + " or less, or a larger -Xmx");
        }
        throw CliException.usage(need + ": even one batch does not fit; run java with a larger -Xmx, "
                + "e.g. -Xmx" + (((long) ((BASELINE + slotBytes(recordLength)) / USABLE) >> 20) + 64) + "m");
    }
}
