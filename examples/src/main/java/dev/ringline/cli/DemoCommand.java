package dev.ringline.cli;

import dev.ringline.cobol.DecodeOptions;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.framing.FramingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ringline demo} (also the jar without arguments): generates a text and a packed-decimal sample in a temp
 * folder, decodes each with every core into a discarding output, and prints throughput, memory, errors and
 * latency per file. The temp folder is deleted afterwards, also on failure.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generates sample files in a temp folder (display 150 MiB, comp3 60 MiB), decodes each with "
                + "all cores to a discarding output and prints throughput, peak heap, peak RSS, errors and "
                + "latency percentiles. Deletes its files afterwards.",
        footer = ExitCodes.HELP_TABLE)
final class DemoCommand implements Callable<Integer> {
    static final long DISPLAY_SIZE = 150L << 20;
    static final long COMP3_SIZE = 60L << 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--size", converter = ByteSize.Converter.class, paramLabel = "SIZE",
            description = "Size of each sample file instead of 150 MiB / 60 MiB, e.g. 1MiB.")
    Long size;

    @Option(names = "--threads", paramLabel = "N", description = "Decoding workers (default: available processors).")
    Integer threads;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|always|never",
            description = "Progress on stderr (default: auto).")
    Progress.Choice progress;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int workers = Options.workers(threads);
        if (size != null && size < 1) {
            throw CliException.usage("--size must be at least 1 record: " + size);
        }
        Path dir = Files.createTempDirectory("ringline-demo-");
        TempFiles.own(dir); // deleted by the shutdown hook if the demo is interrupted
        try {
            out.printf(Locale.ROOT, "Ringline demo: %d workers, samples in %s%n", workers, dir);
            out.flush();
            long errors = 0;
            errors += sample(Workload.display, size == null ? DISPLAY_SIZE : size, dir, workers, out, err);
            errors += sample(Workload.comp3, size == null ? COMP3_SIZE : size, dir, workers, out, err);
            out.println("Samples deleted. Try: java -jar examples/target/ringline.jar generate --workload mixed "
                    + "--size 1GiB --output big.dat");
            out.flush();
            return errors == 0 ? ExitCodes.OK : ExitCodes.REJECTS;
        } finally {
            if (TempFiles.delete(dir)) {
                TempFiles.release(dir);
            }
        }
    }

    private long sample(Workload workload, long bytes, Path dir, int workers, PrintWriter out, PrintWriter err)
            throws IOException {
        Path data = dir.resolve(workload + ".dat");
        CodePage page = CodePage.of("cp037");
        GenerateCommand.Result generated = GenerateCommand.generate(workload, bytes, data, 42, page);
        out.printf(Locale.ROOT, "%n%s: %s, %,d records of %d bytes, generated in %.2f s%n", data.getFileName(),
                ByteSize.format(generated.bytes), generated.records, generated.recordLength, generated.seconds);
        out.flush();
        RecordLayout layout = Copybook.parse(generated.copybook).firstRecord();
        DecodeOptions.Builder options = DecodeOptions.builder()
                .codePage(page)
                .framing(FramingOptions.fixed(layout.length()))
                .workers(workers);
        CountingOutputStream json = new CountingOutputStream(OutputStream.nullOutputStream());
        DecodeRun.Result result;
        try (FileChannel in = FileChannel.open(data)) {
            result = DecodeRun.run(in, generated.bytes, layout, options, json,
                    Progress.mode(progress, false), err, workers, true);
        }
        long errors = result.summary.fieldErrors() + result.summary.recordsRejected();
        out.printf(Locale.ROOT, "  decode:  %.2f s, %.1f MiB/s, %,.0f records/s, %s of JSON, %,d errors%n",
                result.seconds, result.mibPerSecond(), result.recordsPerSecond(), ByteSize.format(json.count()),
                errors);
        out.printf(Locale.ROOT, "  memory:  peak heap %s, peak RSS %s (process)%n",
                ProcessMemory.describe(result.peakHeapBytes), ProcessMemory.describe(result.peakRssBytes));
        out.printf(Locale.ROOT, "  latency: %s%n", DecodeRun.latencySummary(result.latency));
        out.flush();
        Files.deleteIfExists(data);
        return errors;
    }
}
