package dev.ringline.cli;

import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The synthetic workloads of {@code ringline generate} (display, comp3, mixed) and the CLI's memory probes, for
 * programs outside the CLI: the benchmarks use the very generator and measurements the command line uses, not
 * copies.
 */
public final class SyntheticData {
    private SyntheticData() {
    }

    /** The workload's copybook text. */
    public static String copybook(String workload) {
        return Workload.valueOf(workload).copybook();
    }

    /** The workload's parsed record layout. */
    public static RecordLayout layout(String workload) {
        return Copybook.parse(copybook(workload), workload + ".cpy").firstRecord();
    }

    /** {@code count} consecutive records of the workload (cp037 text), as {@code ringline generate} writes them. */
    public static byte[] records(String workload, int count, long seed) {
        RecordGenerator generator = new RecordGenerator(layout(workload), CodePage.of("cp037"), seed);
        int length = generator.recordLength();
        byte[] all = new byte[Math.multiplyExact(count, length)];
        byte[] record = new byte[length];
        for (int i = 0; i < count; i++) {
            generator.fill(record);
            System.arraycopy(record, 0, all, i * length, length);
        }
        return all;
    }

    /** Writes {@code size} bytes (rounded down to whole records) of the workload and its copybook beside it. */
    public static Path generate(String workload, long size, Path data, long seed) throws IOException {
        return GenerateCommand.generate(Workload.valueOf(workload), size, data, seed, CodePage.of("cp037")).copybook;
    }

    /** The copybook path {@link #generate} writes for a data file. */
    public static Path copybookOf(Path data) {
        return GenerateCommand.copybookPath(data);
    }

    /** The CLI's heap-peak reset ({@code ProcessMemory}), so the harness measures memory the way the CLI reports it. */
    public static void resetHeapPeak() {
        ProcessMemory.resetHeapPeak();
    }

    /** The CLI's peak heap: the sum of the heap pools' peaks since the reset. */
    public static long peakHeapBytes() {
        return ProcessMemory.peakHeapBytes();
    }

    /** The CLI's peak RSS ({@code VmHWM}), or -1 where {@code /proc} does not tell. */
    public static long peakRssBytes() {
        return ProcessMemory.peakRssBytes();
    }
}
