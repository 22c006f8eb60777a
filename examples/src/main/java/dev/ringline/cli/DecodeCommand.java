package dev.ringline.cli;

import dev.ringline.cobol.DecodeOptions;
import dev.ringline.cobol.DecodeSummary;
import dev.ringline.cobol.ErrorPolicy;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.FloatingPoint;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.CopybookOptions;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.copybook.Segments;
import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.DecodeError;
import dev.ringline.cobol.framing.FramingOptions;
import dev.ringline.cobol.json.BlankNumerics;
import dev.ringline.cobol.json.EmptyText;
import dev.ringline.cobol.json.Fillers;
import dev.ringline.cobol.json.JsonRejectsWriter;
import dev.ringline.cobol.json.RecordDecoder;
import dev.ringline.cobol.json.RejectsSink;
import dev.ringline.cobol.json.Trim;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ringline decode}: a record file to JSON lines, in input order, with rejects kept aside. */
@Command(name = "decode", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Decodes a record file described by a copybook into JSON lines (one object per record, in "
                + "input order). Bad records go to the rejects file as JSON lines with their raw bytes.",
                "A regular output file is written to a temp file and renamed only when the run completes."},
        footer = ExitCodes.HELP_TABLE)
final class DecodeCommand implements Callable<Integer> {
    /** Record framing choices. */
    enum Format {
        fixed, rdw, vb
    }

    /** What to do with a bad record; NULL (typed {@code null}, case is ignored) keeps it with the field null. */
    enum OnError {
        skip, fail, NULL
    }

    /** What an all-blank numeric field becomes ({@code null} for NULL). */
    enum BlankChoice {
        reject, NULL, zero
    }

    /** What an all-blank text field becomes ({@code null} for NULL). */
    enum EmptyTextChoice {
        string, NULL
    }

    /** Whether elementary FILLER values are written. */
    enum FillerChoice {
        omit, keep
    }

    /** How copybook comment lines are recognised. */
    enum CopybookFormat {
        standard, lenient
    }

    /** Byte order of COMP/BINARY/COMP-5 fields. */
    enum BinaryOrder {
        big, little
    }

    /** What to do with a record whose segment value maps to no view. */
    enum UnknownSegment {
        reject, emit
    }

    /** Text field trimming. */
    enum TrimChoice {
        none, left, right, both
    }

    /** How numbers are written. */
    enum JsonNumber {
        number, string
    }

    /** COMP-1/COMP-2 layout. */
    enum FloatChoice {
        ibm, ieee
    }

    /** Batches in flight at most: 4096 x 64 KiB of input is already 256 MiB. */
    static final int MAX_RING_SIZE = 4096;
    /** Workers at most: far more than any machine this runs on has cores. */
    static final int MAX_THREADS = 256;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Ringline parent;

    @Option(names = "--copybook", required = true, paramLabel = "FILE", description = "The copybook.")
    Path copybook;

    @Option(names = "--input", required = true, paramLabel = "FILE|-", description = "The data; - for stdin.")
    String input;

    @Option(names = "--output", defaultValue = "-", paramLabel = "FILE|-",
            description = "JSON lines output; - for stdout (default).")
    String output;

    @Option(names = "--format", defaultValue = "fixed", paramLabel = "fixed|rdw|vb",
            description = "Record framing: fixed length, RDW-prefixed, or variable blocked (default: fixed).")
    Format format;

    @Option(names = "--record-length", paramLabel = "N",
            description = "Fixed record length in bytes (default: the copybook record's length).")
    Integer recordLength;

    // help = true: "--codepage LIST" works without --copybook and --input (checked in call() otherwise)
    @Option(names = "--codepage", defaultValue = "cp037", paramLabel = "NAME|LIST", help = true,
            description = "An EBCDIC code page cpNNN (every single-byte one the JDK ships), ascii (ISO-8859-1), "
                    + "utf8 (ASCII numbers, UTF-8 text) or a single-byte JDK charset name such as IBM01141; "
                    + "LIST prints the names (default: cp037).")
    CodePageChoice codePage;

    @Option(names = "--record", paramLabel = "NAME", description = "The copybook record to use (default: first).")
    String record;

    @Option(names = "--threads", paramLabel = "N",
            description = "Decoding workers, 1..256 (default: available processors).")
    Integer threads;

    @Option(names = "--ring-size", defaultValue = "32", paramLabel = "N",
            description = "Batches of about 64 KiB in flight, 1..4096 (default: 32); checked against the heap.")
    int ringSize;

    @Option(names = "--on-error", defaultValue = "skip", paramLabel = "skip|fail|null",
            description = "skip: reject bad records and go on (default); fail: stop at the first; null: write a "
                    + "field that cannot be decoded as null and keep the record (counted as written with field "
                    + "errors).")
    OnError onError;

    @Option(names = "--field-errors", paramLabel = "FILE|none|-",
            description = "With --on-error null: where each field error is logged with its path, offsets and raw "
                    + "record (default: the rejects file); none: not logged; -: stderr. A FILE is written like the "
                    + "rejects file: never one of the run's other files, renamed into place when the run completes.")
    String fieldErrors;

    @Option(names = "--blank-numerics", defaultValue = "reject", paramLabel = "reject|null|zero",
            description = "A zoned or packed field of all spaces or all low-values: an error (default), null, or "
                    + "0. With null or zero, zoned numbers may have leading or trailing spaces ('  123').")
    BlankChoice blankNumerics;

    @Option(names = "--empty-text", defaultValue = "string", paramLabel = "string|null",
            description = "A text field of all spaces or all low-values: \"\" (default) or null.")
    EmptyTextChoice emptyText;

    @Option(names = "--filler", defaultValue = "omit", paramLabel = "omit|keep",
            description = "FILLER groups are transparent (their named fields are written); keep also writes "
                    + "elementary FILLER values as FILLER, FILLER_2, ... (default: omit).")
    FillerChoice filler;

    @Option(names = "--segment-field", paramLabel = "NAME",
            description = "The discriminator field of a multi-layout file (with --segment).")
    String segmentField;

    @Option(names = "--segment", paramLabel = "VALUE[,VALUE...]=VIEW",
            description = "Records whose --segment-field value (trimmed) is VALUE decode only the REDEFINES view "
                    + "VIEW of its set (or the 01 record VIEW); repeatable.")
    List<String> segment;

    @Option(names = "--unknown-segment", defaultValue = "reject", paramLabel = "reject|emit",
            description = "A record whose segment value maps to no view: reject it as UNKNOWN_SEGMENT (default) "
                    + "or write only its common fields.")
    UnknownSegment unknownSegment;

    @Option(names = "--copybook-format", defaultValue = "standard", paramLabel = "standard|lenient",
            description = "lenient: a line whose first non-blank character is * in columns 1-8 is a comment too "
                    + "(default: standard).")
    CopybookFormat copybookFormat;

    @Option(names = "--copybook-columns", paramLabel = "FIRST-LAST",
            description = "Fixed-format columns: FIRST is the indicator column, code runs to LAST (default: 7-72).")
    String copybookColumns;

    @Option(names = "--binary-order", defaultValue = "big", paramLabel = "big|little",
            description = "Byte order of COMP, COMP-4, BINARY and COMP-5 fields: big (mainframe, default) or "
                    + "little (PC COBOL). COMP-9 is always little-endian.")
    BinaryOrder binaryOrder;

    @Option(names = "--variable-occurs",
            description = "OCCURS DEPENDING ON tables take only their present elements: later fields move up, "
                    + "and fixed-format records are as long as their content.")
    boolean variableOccurs;

    @Option(names = "--max-errors", paramLabel = "N",
            description = "Reject up to N bad records, stop at the next one.")
    Integer maxErrors;

    @Option(names = "--rejects", paramLabel = "FILE|-",
            description = "Rejects file, created only if there is a reject; - for stderr (default: "
                    + "OUTPUT.rejects.jsonl, or INPUT-NAME.rejects.jsonl in the current directory when the output "
                    + "is not a file).")
    String rejects;

    @Option(names = "--trim", defaultValue = "right", paramLabel = "none|left|right|both",
            description = "Text trimming (default: right).")
    TrimChoice trim;

    @Option(names = "--json-number", defaultValue = "number", paramLabel = "number|string",
            description = "Write numbers as JSON numbers (default) or strings.")
    JsonNumber jsonNumber;

    @Option(names = "--emit-meta", description = "Add _record, _offset and _length to each object.")
    boolean emitMeta;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|always|never",
            description = "auto: a live bar on a terminal, a line every 2 s otherwise (default).")
    Progress.Choice progress;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no summary.")
    boolean quiet;

    @Option(names = "--latency-report", paramLabel = "FILE",
            description = "Write the per-record latency distribution (HdrHistogram .hgrm, microseconds).")
    Path latencyReport;

    @Option(names = "--rdw-little-endian", description = "RDW lengths are little-endian.")
    boolean rdwLittleEndian;

    @Option(names = "--rdw-excludes-header", description = "RDW lengths count the payload only.")
    boolean rdwExcludesHeader;

    @Option(names = "--resync", description = "RDW only: after a bad record descriptor word, skip to the next "
            + "position where several records chain and go on; the skipped bytes go to the rejects file.")
    boolean resync;

    @Option(names = "--float", defaultValue = "ibm", paramLabel = "ibm|ieee",
            description = "COMP-1/COMP-2 format: IBM hexadecimal (default) or IEEE 754.")
    FloatChoice floatFormat;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (codePage.isList()) {
            PrintWriter out = spec.commandLine().getOut();
            CodePage.names().forEach(out::println);
            out.flush();
            return ExitCodes.OK;
        }
        if (copybook == null || input == null) { // not checked by picocli: --codepage is a help option
            throw CliException.usage("Missing required option: '"
                    + (copybook == null ? "--copybook=FILE" : "--input=FILE|-") + "'");
        }
        int workers = Options.workers(threads);
        checkArguments();
        Copybook parsed = Options.copybook(copybook, copybookOptions(), err);
        Segments segments = segments();
        RecordLayout layout = SegmentArgs.layout(parsed, segments, record);
        FramingOptions framing = framing(layout);
        MemoryPlan.check(ringSize, format == Format.fixed ? framing.recordLength() : layout.length());
        DecodeOptions.Builder options = DecodeOptions.builder()
                .codePage(codePage.page())
                .trim(Trim.valueOf(trim.name().toUpperCase(Locale.ROOT)))
                .numbersAsStrings(jsonNumber == JsonNumber.string)
                .emitMeta(emitMeta)
                .errorPolicy(errorPolicy())
                .framing(framing)
                .floatFormat(floatFormat == FloatChoice.ieee ? FloatingPoint.Format.IEEE_754
                        : FloatingPoint.Format.IBM_HEX)
                .blankNumerics(BlankNumerics.valueOf(blankNumerics.name().toUpperCase(Locale.ROOT)))
                .emptyText(EmptyText.valueOf(emptyText.name().toUpperCase(Locale.ROOT)))
                .fillers(filler == FillerChoice.keep ? Fillers.KEEP : Fillers.OMIT)
                .variableOccurs(variableOccurs)
                .binaryBigEndian(binaryOrder == BinaryOrder.big)
                .resync(resync)
                .workers(workers)
                .capacity(ringSize);
        if (segments != null) {
            options.segments(segments);
        }
        try {
            RecordDecoder.compile(layout, options.build().jsonOptions()); // unusable settings fail before any output
        } catch (CobolException e) {
            throw CliException.usage(e.getMessage());
        }

        RunPaths paths = RunPaths.check(input, copybook, output, Options.rejectsSpec(rejects, output, input),
                latencyReport, fieldErrorsFile());
        ReadableByteChannel in = openInput();
        long inputSize = in instanceof FileChannel && Files.isRegularFile(Path.of(input))
                ? ((FileChannel) in).size() : -1;
        boolean contentLength = variableOccurs && layout.hasDependingOn(); // fixed records as long as their content
        if (format == Format.fixed && inputSize > 0 && !contentLength) {
            FixedSizeCheck.warn(err, inputSize, framing.recordLength(), layout.length());
        } else if (format != Format.fixed && inputSize > 0) {
            String warning = FramingGuess.warning(Path.of(input), framing, framingFlags());
            if (warning != null) {
                err.println(warning);
                err.flush();
            }
        }
        String rejectsSpec = paths.rejects();
        try (ReadableByteChannel channel = in;
             OutputTarget target = OutputTarget.open("output", output, parent.stdout(), false);
             OutputTarget rejectsTarget = "-".equals(rejectsSpec) ? null
                     : OutputTarget.open("rejects file", rejectsSpec, null, true);
             OutputTarget latencyTarget = latencyReport == null ? null
                     : OutputTarget.open("latency report", latencyReport.toString(), null, true);
             OutputTarget fieldErrorsTarget = fieldErrorsFile() == null ? null
                     : OutputTarget.open("field errors file", fieldErrorsFile(), null, true)) {
            OutputStream rejectsStream = rejectsTarget == null ? new WriterOutputStream(err) : rejectsTarget.stream();
            JsonRejectsWriter rejectsWriter = new JsonRejectsWriter(rejectsStream);
            options.rejects(rejectsWriter);
            OutputStream fieldErrorsStream = fieldErrorsStream(err, fieldErrorsTarget);
            if (fieldErrorsStream != null) {
                options.fieldErrors(new JsonRejectsWriter(fieldErrorsStream));
            } else if ("none".equals(fieldErrors)) {
                options.fieldErrors(RejectsSink.discarding());
            }
            DecodeRun.Result result = DecodeRun.run(channel, inputSize, layout, options, target.stream(),
                    Progress.mode(progress, quiet), err, workers, latencyReport != null);
            if (result.aborted != null) {
                // A stopped run is not complete: no file is created or replaced (temp files go on close).
                summary(err, result);
                throw new CliException(ExitCodes.REJECTS, stoppedMessage(result.aborted.error(), result, target,
                        rejectsTarget));
            }
            if (latencyTarget != null) {
                writeLatencyReport(result, latencyTarget);
            }
            // Every byte reaches its file or device before any rename, so a write error renames nothing.
            rejectsStream.flush();
            if (fieldErrorsStream != null) {
                fieldErrorsStream.flush();
            }
            if (latencyTarget != null) {
                latencyTarget.stream().flush();
            }
            target.stream().flush();
            String rejectsWhere = rejectsTarget == null ? "stderr" : rejectsTarget.name();
            if (rejectsTarget != null) {
                rejectsTarget.commit();
            }
            if (fieldErrorsTarget != null) {
                fieldErrorsTarget.commit();
            }
            if (latencyTarget != null) {
                latencyTarget.commit();
            }
            target.commit();
            summary(err, result);
            return report(err, result.summary, rejectsWhere, inputSize, layout.length());
        }
    }

    /** Standard input, or the input file opened for reading. */
    private ReadableByteChannel openInput() {
        if ("-".equals(input)) {
            return Channels.newChannel(parent.stdin());
        }
        Path path = Path.of(input);
        if (Files.isDirectory(path)) {
            throw CliException.io("input is a directory: " + input, null);
        }
        try {
            return FileChannel.open(path);
        } catch (NoSuchFileException e) {
            throw CliException.io("input not found: " + input, e);
        } catch (IOException e) {
            throw CliException.io("cannot read input " + input + ": " + Failures.describe(e), e);
        }
    }

    /** The lines after the summary of a completed run, and its exit code: 2 if anything was not written. */
    private int report(PrintWriter err, DecodeSummary summary, String rejectsWhere, long inputSize, int layoutLength) {
        int exit = ExitCodes.OK;
        if (summary.recordsRejected() > 0) {
            Failures.fail(err, String.format(Locale.ROOT, "finished with %,d rejected records (of %,d read);"
                    + " rejects in %s", summary.recordsRejected(), summary.recordsRead(), rejectsWhere));
            exit = ExitCodes.REJECTS;
        }
        if (summary.bytesSkipped() > 0) {
            Failures.fail(err, String.format(Locale.ROOT, "resynchronized after bad record descriptor words: "
                    + "%,d bytes that do not frame were skipped; they are in %s", summary.bytesSkipped(),
                    rejectsWhere));
            exit = ExitCodes.REJECTS;
        }
        if (summary.framingFailure() != null) {
            framingFailure(err, summary, inputSize, layoutLength);
            exit = ExitCodes.REJECTS;
        }
        return exit;
    }

    /** A framing failure, said plainly: where, which header, why, how much was not decoded, what might fit. */
    private void framingFailure(PrintWriter err, DecodeSummary summary, long inputSize, int layoutLength) {
        DecodeError failure = summary.framingFailure();
        long from = summary.bytesRead() - summary.bytesUndecoded();
        Failures.fail(err, String.format(Locale.ROOT, "cannot frame the input at byte %,d (%s): %s; the %,d bytes "
                        + "from byte %,d to the end were not decoded", failure.byteOffset(), failure.code(),
                failure.message(), summary.bytesUndecoded(), from));
        if (from == 0 && !"-".equals(input)) {
            try {
                List<String> fits = FramingGuess.suggest(Path.of(input), inputSize, layoutLength);
                err.println(fits.isEmpty() ? "the very first header is invalid: is this file framed as "
                        + framingFlags() + "?" : "the very first header is invalid; the file's first records frame "
                        + "cleanly with: " + String.join("; ", fits));
            } catch (IOException e) {
                err.println("the very first header is invalid: is this file framed as " + framingFlags() + "?");
            }
            err.flush();
        }
    }

    private String stoppedMessage(DecodeError error, DecodeRun.Result result, OutputTarget target,
                                  OutputTarget rejectsTarget) {
        String by = maxErrors != null ? "--max-errors " + maxErrors : "--on-error fail";
        String written = target.replacesFile()
                ? "no file was created or changed (" + target.name() + " not written)"
                : String.format(Locale.ROOT, "%,d records were written to %s before it", result.summary
                .recordsWritten(), target.name());
        String rejectsNote = rejectsTarget == null ? "; rejects on stderr" : "";
        return String.format(Locale.ROOT, "stopped by %s after %,d errors, at %s; %s%s", by,
                result.summary.fieldErrors(), error.describe(), written, rejectsNote);
    }

    private void summary(PrintWriter err, DecodeRun.Result result) {
        if (!quiet) {
            synchronized (err) {
                err.print(result.describe());
                err.flush();
            }
        }
    }

    private void checkArguments() {
        if (ringSize < 1 || ringSize > MAX_RING_SIZE) {
            throw CliException.usage("--ring-size must be 1.." + MAX_RING_SIZE + ": " + ringSize);
        }
        if (maxErrors != null && maxErrors < 0) {
            throw CliException.usage("--max-errors must be 0 or more: " + maxErrors);
        }
        if (maxErrors != null && onError != OnError.skip) {
            throw CliException.usage("--max-errors and --on-error " + (onError == OnError.fail ? "fail" : "null")
                    + " contradict each other; choose one");
        }
        if (fieldErrors != null && onError != OnError.NULL) {
            throw CliException.usage("--field-errors applies to --on-error null only");
        }
        Options.checkRdwFlags(format == Format.fixed, rdwLittleEndian, rdwExcludesHeader);
        if (resync && format != Format.rdw) {
            throw CliException.usage("--resync needs --format rdw (a VB block cannot be resynchronized alone)");
        }
        if (format != Format.fixed && recordLength != null) {
            throw CliException.usage("--record-length applies to --format fixed only");
        }
        if (recordLength != null && (recordLength < 1 || recordLength > FramingOptions.MAX_RECORD_LENGTH_LIMIT)) {
            throw CliException.usage("--record-length must be 1.." + FramingOptions.MAX_RECORD_LENGTH_LIMIT
                    + ": " + recordLength);
        }
    }

    private FramingOptions framing(RecordLayout layout) {
        switch (format) {
            case fixed:
                if (recordLength != null && recordLength < layout.length()) {
                    throw CliException.usage(String.format(Locale.ROOT, "--record-length %,d is shorter than record"
                                    + " %s of %s (%,d bytes): every record would miss its last fields",
                            recordLength, layout.name(), copybook.getFileName(), layout.length()));
                }
                return FramingOptions.fixed(recordLength == null ? layout.length() : recordLength);
            default:
                return Options.variableFraming(format == Format.vb, rdwLittleEndian, rdwExcludesHeader);
        }
    }

    /** The framing options as given, e.g. {@code --format rdw --rdw-little-endian}. */
    private String framingFlags() {
        return "--format " + format + (rdwLittleEndian ? " --rdw-little-endian" : "")
                + (rdwExcludesHeader ? " --rdw-excludes-header" : "");
    }

    private ErrorPolicy errorPolicy() {
        if (maxErrors != null) {
            return ErrorPolicy.stopAfter(maxErrors);
        }
        return onError == OnError.fail ? ErrorPolicy.failFast()
                : onError == OnError.NULL ? ErrorPolicy.lenient() : ErrorPolicy.skip();
    }

    /** The copybook reading of --copybook-format and --copybook-columns. */
    private CopybookOptions copybookOptions() {
        CopybookOptions options = CopybookOptions.defaults().withLenient(copybookFormat == CopybookFormat.lenient);
        if (copybookColumns == null) {
            return options;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,4})-(\\d{1,4})")
                .matcher(copybookColumns.trim());
        if (!m.matches()) {
            throw CliException.usage("--copybook-columns takes FIRST-LAST, e.g. 7-72, not '" + copybookColumns + "'");
        }
        try {
            return options.withColumns(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--copybook-columns: " + e.getMessage());
        }
    }

    /** The segment selection of --segment-field and --segment, or null (declared here for decode's help text). */
    private Segments segments() {
        return SegmentArgs.parse(segmentField, segment, unknownSegment == UnknownSegment.emit);
    }

    /** The file of {@code --field-errors FILE}, or null (none, stderr, or the default: the rejects sink). */
    private String fieldErrorsFile() {
        return fieldErrors == null || "none".equals(fieldErrors) || "-".equals(fieldErrors) ? null : fieldErrors;
    }

    /** Where field errors go apart from the rejects: {@code --field-errors FILE} or {@code -}, else null. */
    private OutputStream fieldErrorsStream(PrintWriter err, OutputTarget fieldErrorsTarget) {
        if (fieldErrorsTarget != null) {
            return fieldErrorsTarget.stream();
        }
        return "-".equals(fieldErrors) ? new WriterOutputStream(err) : null;
    }

    private static void writeLatencyReport(DecodeRun.Result result, OutputTarget report) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try (PrintStream text = new PrintStream(bytes, false, StandardCharsets.US_ASCII)) {
            result.latency.outputPercentileDistribution(text, 1000.0);
        }
        try {
            bytes.writeTo(report.stream());
        } catch (IOException e) {
            throw CliException.io("cannot write latency report " + report.name() + ": " + Failures.describe(e), e);
        }
    }
}
