package dev.ringline.cli;

import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ringline generate}: a synthetic fixed-length data file and, beside it, its copybook. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes a synthetic fixed-length data file and its copybook beside it "
                + "(display.dat -> display.cpy). The size is rounded down to whole records.",
        footer = ExitCodes.HELP_TABLE)
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--workload", required = true, paramLabel = "display|comp3|mixed",
            description = "display: 10 x PIC X(50); comp3: 10 x PIC S9(9)V99 COMP-3; mixed: a customer record "
                    + "with text, zoned, packed, binary, OCCURS and REDEFINES.")
    Workload workload;

    @Option(names = "--size", required = true, converter = ByteSize.Converter.class, paramLabel = "SIZE",
            description = "Data size: bytes, or with KB/MB/GB (x1000) or KiB/MiB/GiB (x1024), e.g. 64MiB, 4GiB.")
    long size;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "The data file to write.")
    Path output;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--codepage", defaultValue = "cp037", paramLabel = "NAME",
            description = "Code page of the text: cp037, cp273, cp500, cp1047, cp1140, cp1141, cp1148, ascii "
                    + "(default: ${DEFAULT-VALUE}).")
    CodePage codePage;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Result result = generate(workload, size, output, seed, codePage);
        out.printf(Locale.ROOT, "wrote %s: copybook of record %s, %d-byte records%n", result.copybook,
                result.recordName, result.recordLength);
        out.printf(Locale.ROOT, "wrote %s: %,d records, %s (%,d bytes) in %.2f s%n", output, result.records,
                ByteSize.format(result.bytes), result.bytes, result.seconds);
        out.flush();
        return ExitCodes.OK;
    }

    /** What {@link #generate} wrote. */
    static final class Result {
        final Path copybook;
        final String recordName;
        final int recordLength;
        final long records;
        final long bytes;
        final double seconds;

        Result(Path copybook, String recordName, int recordLength, long records, long bytes, double seconds) {
            this.copybook = copybook;
            this.recordName = recordName;
            this.recordLength = recordLength;
            this.records = records;
            this.bytes = bytes;
            this.seconds = seconds;
        }
    }

    /** The copybook path beside a data file: the extension replaced by {@code .cpy}. */
    static Path copybookPath(Path data) {
        String name = data.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return data.resolveSibling(base + ".cpy");
    }

    /**
     * Writes {@code size / length} records into {@code data} through one reused record buffer, and the workload's
     * copybook beside it. Both are written to temp files and renamed into place together at the end; nothing is
     * written when the arguments are wrong. An existing copybook is kept if it is the workload's, and is never
     * replaced by a different one.
     *
     * @throws CliException if {@code size} is smaller than one record, the copybook beside {@code data} exists
     *                      with other text, or a file cannot be written
     */
    static Result generate(Workload workload, long size, Path data, long seed, CodePage codePage)
            throws IOException {
        long start = System.nanoTime();
        Path copybookFile = copybookPath(data);
        if (copybookFile.toAbsolutePath().equals(data.toAbsolutePath())) {
            throw CliException.usage("the data file " + data + " cannot end in .cpy: its copybook goes there");
        }
        RecordLayout layout = Copybook.parse(workload.copybook(), copybookFile.getFileName().toString())
                .firstRecord();
        RecordGenerator generator = new RecordGenerator(layout, codePage, seed);
        int length = generator.recordLength();
        long records = size / length;
        if (records == 0) {
            throw CliException.usage("--size " + size + " is smaller than one " + workload + " record ("
                    + length + " bytes)");
        }
        boolean writeCopybook = !Files.exists(copybookFile);
        if (!writeCopybook && !sameText(copybookFile, workload.copybook())) {
            throw CliException.usage("copybook " + copybookFile + " exists with other text; generate never "
                    + "replaces a copybook: move it away or choose another --output");
        }
        byte[] record = new byte[length];
        try (OutputTarget target = OutputTarget.open("output", data.toString(), null, false);
             OutputTarget cpy = writeCopybook ? OutputTarget.open("copybook", copybookFile.toString(), null, false)
                     : null) {
            try {
                if (cpy != null) {
                    cpy.stream().write(workload.copybook().getBytes(StandardCharsets.UTF_8));
                }
                OutputStream out = target.stream();
                for (long i = 0; i < records; i++) {
                    generator.fill(record);
                    out.write(record);
                }
                if (cpy != null) {
                    cpy.commit();
                }
                target.commit();
            } catch (IOException e) {
                throw CliException.io("cannot write " + data + ": " + Failures.describe(e), e);
            }
        }
        return new Result(copybookFile, layout.name(), length, records, records * length,
                (System.nanoTime() - start) / 1e9);
    }

    private static boolean sameText(Path file, String text) {
        try {
            return Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text);
        } catch (IOException e) {
            return false;
        }
    }
}
