package dev.ringline.cli;

import dev.ringline.cobol.CobolEncoder;
import dev.ringline.cobol.DecodeAbortedException;
import dev.ringline.cobol.DecodeSummary;
import dev.ringline.cobol.EncodeOptions;
import dev.ringline.cobol.ErrorPolicy;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.FloatingPoint;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.copybook.Segments;
import dev.ringline.cobol.encode.RecordEncoder;
import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.encode.Fill;
import dev.ringline.cobol.framing.FramingOptions;
import dev.ringline.cobol.json.JsonRejectsWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ringline encode}: JSON lines (what {@code decode} writes) back to a record file, in input order. */
@Command(name = "encode", mixinStandardHelpOptions = true, sortOptions = false,
        exitCodeOnInvalidInput = ExitCodes.USAGE, exitCodeOnExecutionException = ExitCodes.INTERNAL,
        description = {"Encodes JSON lines (as decode writes them) back into a record file, in input order.",
                "Strict: a value that does not fit its PICTURE, an unknown key or malformed JSON rejects the line "
                + "(to the rejects file, with line number, JSON path and reason). Missing fields: text and FILLER "
                + "get --fill, numbers their zero (0x00 with --fill low-values).",
                "A regular output file is written to a temp file and renamed only when the run completes."},
        footer = ExitCodes.HELP_TABLE)
final class EncodeCommand implements Callable<Integer> {
    /** Output framing choices. */
    enum Format {
        fixed, rdw, vb
    }

    /** What to do with a bad line. */
    enum OnError {
        skip, fail
    }

    /** The {@code --fill} choices. */
    enum FillChoice {
        spaces, zeros, low_values
    }


    @Spec
    CommandSpec spec;

    @ParentCommand
    Ringline parent;

    @Option(names = "--copybook", required = true, paramLabel = "FILE", description = "The copybook.")
    Path copybook;

    @Option(names = "--input", required = true, paramLabel = "FILE|-",
            description = "JSON lines, UTF-8; - for stdin.")
    String input;

    @Option(names = "--output", required = true, paramLabel = "FILE|-", description = "The record file; - for stdout.")
    String output;

    @Option(names = "--format", defaultValue = "fixed", paramLabel = "fixed|rdw|vb",
            description = "Output framing: fixed length, RDW-prefixed, or variable blocked (default: fixed). RDW and "
                    + "VB records are as long as their OCCURS DEPENDING ON counters say when the tables end the "
                    + "record.")
    Format format;

    @Option(names = "--rdw-little-endian", description = "Write RDW lengths little-endian.")
    boolean rdwLittleEndian;

    @Option(names = "--rdw-excludes-header", description = "RDW lengths count the payload only.")
    boolean rdwExcludesHeader;

    @Option(names = "--block-size", paramLabel = "N",
            description = "Largest VB block in bytes, BDW included, 12..32760 (default: 32760).")
    Integer blockSize;

    @Option(names = "--codepage", defaultValue = "cp037", paramLabel = "NAME",
            description = "cp037, cp273, cp500, cp1047, cp1140, cp1141, cp1148 or ascii (default: cp037).")
    CodePage codePage;

    @Option(names = "--record", paramLabel = "NAME", description = "The copybook record to use (default: first).")
    String record;

    @Option(names = "--threads", paramLabel = "N",
            description = "Encoding workers, 1..256 (default: available processors).")
    Integer threads;

    @Option(names = "--ring-size", defaultValue = "32", paramLabel = "N",
            description = "Batches of about 64 KiB of JSON in flight, 1..4096 (default: 32).")
    int ringSize;

    @Option(names = "--on-error", defaultValue = "skip", paramLabel = "skip|fail",
            description = "skip: reject bad lines and go on (default); fail: stop at the first.")
    OnError onError;

    @Option(names = "--max-errors", paramLabel = "N", description = "Reject up to N bad lines, stop at the next one.")
    Integer maxErrors;

    @Option(names = "--rejects", paramLabel = "FILE|-",
            description = "Rejects file, created only if there is a reject; - for stderr (default: "
                    + "OUTPUT.rejects.jsonl, or INPUT-NAME.rejects.jsonl when the output is not a file).")
    String rejects;

    @Option(names = "--fill", defaultValue = "spaces", paramLabel = "spaces|zeros|low-values",
            converter = FillConverter.class,
            description = "Bytes of FILLER and of missing text (default: spaces); low-values also zeroes missing "
                    + "numbers.")
    FillChoice fill;

    @Option(names = "--ignore-unknown", description = "Skip keys that name no field instead of rejecting the line.")
    boolean ignoreUnknown;

    @Option(names = "--float", defaultValue = "ibm", paramLabel = "ibm|ieee",
            description = "COMP-1/COMP-2 format: IBM hexadecimal (default) or IEEE 754.")
    DecodeCommand.FloatChoice floatFormat;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|always|never",
            description = "auto: a live bar on a terminal, a line every 2 s otherwise (default).")
    Progress.Choice progress;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary.")
    boolean quiet;

    /** With a mapping, a line encodes only the view its discriminator value selects (as decode writes it). */
    @Mixin
    SegmentArgs segmentArgs;

    /** Accepts {@code low-values} as well as the enum's spelling. */
    static final class FillConverter implements picocli.CommandLine.ITypeConverter<FillChoice> {
        @Override
        public FillChoice convert(String value) {
            String v = value.toLowerCase(Locale.ROOT).replace('-', '_');
            try {
                return FillChoice.valueOf(v);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("expected spaces, zeros or low-values: "
                        + value);
            }
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        int workers = Options.workers(threads);
        checkArguments();
        Copybook parsed = Options.copybook(copybook, err);
        Segments segments = segmentArgs.segments();
        RecordLayout layout = SegmentArgs.layout(parsed, segments, record);
        MemoryPlan.check(ringSize, layout.length());
        EncodeOptions.Builder options = EncodeOptions.builder().codePage(codePage);
        if (segments != null) {
            options.segments(segments);
        }
        try {
            RecordEncoder.compile(layout, options.build().encoderOptions()); // unusable settings fail before output
        } catch (CobolException e) {
            throw CliException.usage(e.getMessage());
        }
        RunPaths paths = RunPaths.check(input, copybook, output, Options.rejectsSpec(rejects, output, input),
                null, null);

        long inputSize = -1;
        ReadableByteChannel in;
        if ("-".equals(input)) {
            in = Channels.newChannel(parent.stdin());
        } else {
            Path path = Path.of(input);
            if (Files.isDirectory(path)) {
                throw CliException.io("input is a directory: " + input, null);
            }
            try {
                FileChannel channel = FileChannel.open(path);
                inputSize = Files.isRegularFile(path) ? channel.size() : -1;
                in = channel;
            } catch (NoSuchFileException e) {
                throw CliException.io("input not found: " + input, e);
            } catch (IOException e) {
                throw CliException.io("cannot read input " + input + ": " + Failures.describe(e), e);
            }
        }
        String rejectsSpec = paths.rejects();
        try (ReadableByteChannel channel = in;
             OutputTarget target = OutputTarget.open("output", output, parent.stdout(), false);
             OutputTarget rejectsTarget = "-".equals(rejectsSpec) ? null
                     : OutputTarget.open("rejects file", rejectsSpec, null, true)) {
            OutputStream rejectsStream = rejectsTarget == null ? new WriterOutputStream(err) : rejectsTarget.stream();
            JsonRejectsWriter rejectsWriter = new JsonRejectsWriter(rejectsStream);
            options.codePage(codePage)
                    .fill(fill == FillChoice.spaces ? Fill.SPACES : fill == FillChoice.zeros ? Fill.ZEROS
                            : Fill.LOW_VALUES)
                    .ignoreUnknown(ignoreUnknown)
                    .floatFormat(floatFormat == DecodeCommand.FloatChoice.ieee ? FloatingPoint.Format.IEEE_754
                            : FloatingPoint.Format.IBM_HEX)
                    .errorPolicy(errorPolicy())
                    .rejects(rejectsWriter)
                    .workers(workers)
                    .capacity(ringSize);
            FramingOptions framing = framing();
            if (framing != null) {
                options.framing(framing);
            }
            if (blockSize != null) {
                options.blockSize(blockSize);
            }
            long start = System.nanoTime();
            DecodeSummary summary;
            DecodeAbortedException aborted = null;
            try (Progress bar = new Progress(err, Progress.mode(progress, quiet), inputSize)) {
                options.progress(bar::update);
                bar.start();
                try {
                    summary = CobolEncoder.encode(channel, layout, options.build(), target.stream());
                } catch (DecodeAbortedException e) {
                    aborted = e;
                    summary = e.summary();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (aborted != null) {
                summary(err, summary, seconds, workers);
                String by = maxErrors != null ? "--max-errors " + maxErrors : "--on-error fail";
                String written = target.replacesFile()
                        ? "no file was created or changed (" + target.name() + " not written)"
                        : String.format(Locale.ROOT, "%,d records were written to %s before it",
                        summary.recordsWritten(), target.name());
                throw new CliException(ExitCodes.REJECTS, String.format(Locale.ROOT, "stopped by %s after %,d "
                        + "errors, at %s; %s", by, summary.fieldErrors(), describe(aborted), written));
            }
            // Every byte reaches its file or device before any rename, so a write error renames nothing.
            rejectsStream.flush();
            target.stream().flush();
            if (rejectsTarget != null) {
                rejectsTarget.commit();
            }
            target.commit();
            summary(err, summary, seconds, workers);
            if (summary.recordsRejected() > 0) {
                Failures.fail(err, String.format(Locale.ROOT, "finished with %,d rejected lines (of %,d read); "
                                + "rejects in %s", summary.recordsRejected(), summary.recordsRead(),
                        rejectsTarget == null ? "stderr" : rejectsTarget.name()));
                return ExitCodes.REJECTS;
            }
            return ExitCodes.OK;
        }
    }

    private static String describe(DecodeAbortedException e) {
        String path = e.error().fieldPath();
        return (path == null ? "" : path + ": ") + e.error().code() + ": " + e.error().message();
    }

    private void summary(PrintWriter err, DecodeSummary s, double seconds, int workers) {
        if (quiet) {
            return;
        }
        synchronized (err) {
            err.printf(Locale.ROOT, "records: read %,d, written %,d, rejected %,d%n"
                            + "input: %s (%,d bytes) in %.2f s; output %s (%,d bytes), %.1f MiB/s written, "
                            + "%d workers%n",
                    s.recordsRead(), s.recordsWritten(), s.recordsRejected(), ByteSize.format(s.bytesRead()),
                    s.bytesRead(), seconds, ByteSize.format(s.bytesWritten()), s.bytesWritten(),
                    s.bytesWritten() / Math.max(1e-9, seconds) / (1 << 20), workers);
            err.flush();
        }
    }

    private void checkArguments() {
        if (ringSize < 1 || ringSize > DecodeCommand.MAX_RING_SIZE) {
            throw CliException.usage("--ring-size must be 1.." + DecodeCommand.MAX_RING_SIZE + ": " + ringSize);
        }
        if (maxErrors != null && maxErrors < 0) {
            throw CliException.usage("--max-errors must be 0 or more: " + maxErrors);
        }
        if (maxErrors != null && onError == OnError.fail) {
            throw CliException.usage("--max-errors and --on-error fail contradict each other; choose one");
        }
        Options.checkRdwFlags(format == Format.fixed, rdwLittleEndian, rdwExcludesHeader);
        if (blockSize != null && format != Format.vb) {
            throw CliException.usage("--block-size applies to --format vb only");
        }
        if (blockSize != null && (blockSize < 12 || blockSize > EncodeOptions.DEFAULT_BLOCK_SIZE)) {
            throw CliException.usage("--block-size must be 12.." + EncodeOptions.DEFAULT_BLOCK_SIZE + ": "
                    + blockSize);
        }
    }

    /** The output framing, or null for fixed-length records. */
    private FramingOptions framing() {
        if (format == Format.fixed) {
            return null;
        }
        return Options.variableFraming(format == Format.vb, rdwLittleEndian, rdwExcludesHeader);
    }

    private ErrorPolicy errorPolicy() {
        if (maxErrors != null) {
            return ErrorPolicy.stopAfter(maxErrors);
        }
        return onError == OnError.fail ? ErrorPolicy.failFast() : ErrorPolicy.skip();
    }
}
