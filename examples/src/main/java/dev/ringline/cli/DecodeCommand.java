package dev.ringline.cli;

import dev.ringline.cobol.DecodeOptions;
import dev.ringline.cobol.ErrorPolicy;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.FloatingPoint;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.CopybookOptions;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.copybook.Segments;
import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.framing.FramingOptions;
import dev.ringline.cobol.json.BlankNumerics;
import dev.ringline.cobol.json.EmptyText;
import dev.ringline.cobol.json.Fillers;
import dev.ringline.cobol.json.JsonRejectsWriter;
import dev.ringline.cobol.json.RecordDecoder;
import dev.ringline.cobol.json.RejectsSink;
import dev.ringline.cobol.json.Trim;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.BufferedOutputStream;
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
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code ringline decode}: a record file to JSON lines, in input order, with rejects kept aside. */
@Command(name = "decode", mixinStandardHelpOptions = true, sortOptions = false,
        exitCodeOnInvalidInput = ExitCodes.USAGE, exitCodeOnExecutionException = ExitCodes.INTERNAL,
        description = {"Decodes a record file described by a copybook into JSON lines (one object per record, in "
                + "input order). Bad records go to the rejects file as JSON lines with their raw bytes.",
                "A regular output file is written to a temp file and renamed only when the run completes."},
        footer = ExitCodes.HELP_TABLE)
final class DecodeCommand implements Callable<Integer> {
    /** Record framing choices. */
    enum Format {
        fixed, rdw, vb
    }

    /** What to do with a bad record; NULL (typed {@code null}) keeps it with the bad field as null. */
    enum OnError {
        skip, fail, NULL
    }

    /** What an all-blank numeric field becomes (typed {@code null} for NULL). */
    enum BlankChoice {
        reject, NULL, zero
    }

    /** What an all-blank text field becomes (typed {@code null} for NULL). */
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

    /** Reads {@code null} as the NULL constant of a choice; other values by their name. */
    static <E extends Enum<E>> E choice(Class<E> type, String value) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value) || (e.name().equals("NULL") && "null".equals(value))) {
                return e;
            }
        }
        StringBuilder valid = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            valid.append(valid.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        throw new TypeConversionException("'" + value + "' is not one of " + valid);
    }

    /** {@code --on-error}. */
    static final class OnErrorConverter implements ITypeConverter<OnError> {
        @Override
        public OnError convert(String value) {
            return choice(OnError.class, value);
        }
    }

    /** {@code --blank-numerics}. */
    static final class BlankConverter implements ITypeConverter<BlankChoice> {
        @Override
        public BlankChoice convert(String value) {
            return choice(BlankChoice.class, value);
        }
    }

    /** {@code --empty-text}. */
    static final class EmptyTextConverter implements ITypeConverter<EmptyTextChoice> {
        @Override
        public EmptyTextChoice convert(String value) {
            return choice(EmptyTextChoice.class, value);
        }
    }

    /** Batches in flight at most: 4096 x 64 KiB of input is already 256 MiB. */
    static final int MAX_RING_SIZE = 4096;

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
    String codePage;

    @Option(names = "--record", paramLabel = "NAME", description = "The copybook record to use (default: first).")
    String record;

    @Option(names = "--threads", paramLabel = "N",
            description = "Decoding workers (default: available processors).")
    Integer threads;

    @Option(names = "--ring-size", defaultValue = "32", paramLabel = "N",
            description = "Batches of about 64 KiB in flight (default: 32).")
    int ringSize;

    @Option(names = "--on-error", defaultValue = "skip", paramLabel = "skip|fail|null",
            converter = OnErrorConverter.class,
            description = "skip: reject bad records and go on (default); fail: stop at the first; null: write a "
                    + "field that cannot be decoded as null and keep the record (counted as written with field "
                    + "errors).")
    OnError onError;

    @Option(names = "--field-errors", paramLabel = "FILE|none|-",
            description = "With --on-error null: where each field error is logged with its path, offset and raw "
                    + "record (default: the rejects file); none: not logged; -: stderr.")
    String fieldErrors;

    @Option(names = "--blank-numerics", defaultValue = "reject", paramLabel = "reject|null|zero",
            converter = BlankConverter.class,
            description = "A zoned or packed field of all spaces or all low-values: an error (default), null, or "
                    + "0. With null or zero, zoned numbers may have leading or trailing spaces ('  123').")
    BlankChoice blankNumerics;

    @Option(names = "--empty-text", defaultValue = "string", paramLabel = "string|null",
            converter = EmptyTextConverter.class,
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
    java.util.List<String> segment;

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
            description = "Rejects file, created at the first reject (default: OUTPUT.rejects.jsonl, or stderr "
                    + "when the output is not a file).")
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

    @Option(names = "--float", defaultValue = "ibm", paramLabel = "ibm|ieee",
            description = "COMP-1/COMP-2 format: IBM hexadecimal (default) or IEEE 754.")
    FloatChoice floatFormat;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if ("list".equalsIgnoreCase(codePage)) {
            PrintWriter out = spec.commandLine().getOut();
            CodePage.names().forEach(out::println);
            out.flush();
            return ExitCodes.OK;
        }
        if (copybook == null || input == null) {
            return Failures.fail(err, ExitCodes.USAGE, "missing required option: "
                    + (copybook == null ? "--copybook=FILE" : "--input=FILE|-"));
        }
        return Failures.run(err, () -> decode(err));
    }

    private int decode(PrintWriter err) throws IOException {
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        checkArguments(workers);
        CodePage page = Options.codePage(codePage);
        Copybook parsed = Options.copybook(copybook, copybookOptions(), err);
        Segments segments = segments();
        RecordLayout layout = segments != null && record == null && namesRecords(parsed, segments)
                ? parsed.union() : Options.record(parsed, record);
        FramingOptions framing = framing(layout);
        DecodeOptions.Builder options = DecodeOptions.builder()
                .codePage(page)
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
            }
        }
        try (ReadableByteChannel channel = in; OutputTarget target = OutputTarget.open(output, parent.stdout())) {
            Path rejectsFile = rejectsFile();
            OutputStream rejectsStream;
            if (rejectsFile == null) {
                rejectsStream = new WriterOutputStream(err);
            } else {
                Files.deleteIfExists(rejectsFile);
                rejectsStream = new BufferedOutputStream(new LazyFileOutputStream(rejectsFile), 64 * 1024);
            }
            JsonRejectsWriter rejectsWriter = new JsonRejectsWriter(rejectsStream);
            options.rejects(rejectsWriter);
            JsonRejectsWriter fieldErrorsWriter = fieldErrorsWriter(err);
            if (fieldErrorsWriter != null) {
                options.fieldErrors(fieldErrorsWriter);
            } else if ("none".equals(fieldErrors)) {
                options.fieldErrors(RejectsSink.discarding());
            }
            DecodeRun.Result result;
            try {
                result = DecodeRun.run(channel, inputSize, layout, options, target.stream(),
                        Progress.mode(progress, quiet), err, workers, latencyReport != null);
            } finally {
                try {
                    rejectsWriter.close();
                } finally {
                    if (fieldErrorsWriter != null) {
                        fieldErrorsWriter.close();
                    }
                }
            }
            if (latencyReport != null) {
                writeLatencyReport(result);
            }
            String rejectsWhere = rejectsFile == null ? "stderr" : rejectsFile.toString();
            if (result.aborted != null) {
                // Not complete: the temp file goes, a stream keeps what was written.
                target.discard();
                summary(err, result);
                return Failures.fail(err, ExitCodes.REJECTS, String.format(Locale.ROOT,
                        "stopped after %,d errors at %s; %,d records were written to %s%s, rejects in %s",
                        result.summary.fieldErrors(), result.aborted.error().describe(),
                        result.summary.recordsWritten(), target.name(),
                        target.replacesFile() ? " and discarded (output not created)" : "", rejectsWhere));
            }
            target.commit();
            summary(err, result);
            if (result.summary.recordsRejected() > 0) {
                return Failures.fail(err, ExitCodes.REJECTS, String.format(Locale.ROOT,
                        "finished with %,d rejected records (of %,d read); rejects in %s",
                        result.summary.recordsRejected(), result.summary.recordsRead(), rejectsWhere));
            }
            return ExitCodes.OK;
        }
    }

    private void summary(PrintWriter err, DecodeRun.Result result) {
        if (!quiet) {
            synchronized (err) {
                err.print(result.describe());
                err.flush();
            }
        }
    }

    private void checkArguments(int workers) {
        if (workers < 1) {
            throw CliException.usage("--threads must be at least 1: " + workers);
        }
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
        if (format == Format.fixed && (rdwLittleEndian || rdwExcludesHeader)) {
            throw CliException.usage("--rdw-little-endian and --rdw-excludes-header need --format rdw or vb");
        }
        if (format != Format.fixed && recordLength != null) {
            throw CliException.usage("--record-length applies to --format fixed only");
        }
        if (recordLength != null && recordLength < 1) {
            throw CliException.usage("--record-length must be at least 1: " + recordLength);
        }
    }

    private FramingOptions framing(RecordLayout layout) {
        try {
            switch (format) {
                case fixed:
                    return FramingOptions.fixed(recordLength == null ? layout.length() : recordLength);
                default:
                    FramingOptions f = format == Format.rdw ? FramingOptions.rdw() : FramingOptions.vb();
                    if (rdwLittleEndian) {
                        f = f.withLittleEndian();
                    }
                    if (rdwExcludesHeader) {
                        f = f.withLengthExcludingHeader();
                    }
                    return f;
            }
        } catch (IllegalArgumentException e) {
            throw CliException.usage("framing: " + e.getMessage());
        }
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

    /** The segment selection of --segment-field and --segment, or null. */
    private Segments segments() {
        if (segmentField == null && (segment == null || segment.isEmpty())) {
            return null;
        }
        if (segmentField == null || segment == null || segment.isEmpty()) {
            throw CliException.usage("--segment-field and --segment go together");
        }
        Segments result = Segments.on(segmentField).emitUnknown(unknownSegment == UnknownSegment.emit);
        for (String mapping : segment) {
            int eq = mapping.lastIndexOf('=');
            if (eq <= 0 || eq == mapping.length() - 1) {
                throw CliException.usage("--segment takes VALUE[,VALUE...]=VIEW, not '" + mapping + "'");
            }
            String view = mapping.substring(eq + 1).trim();
            for (String value : mapping.substring(0, eq).split(",", -1)) {
                result = result.map(value, view);
            }
        }
        return result;
    }

    /** True when every view of the mapping is a record (01) of a copybook with several records. */
    private static boolean namesRecords(Copybook parsed, Segments segments) {
        if (parsed.records().size() < 2) {
            return false;
        }
        for (String view : segments.viewNames()) {
            if (parsed.records().stream().noneMatch(r -> r.name().equalsIgnoreCase(view))) {
                return false;
            }
        }
        return true;
    }

    /** The writer of --field-errors FILE or -, or null for the default (the rejects sink) and none. */
    private JsonRejectsWriter fieldErrorsWriter(PrintWriter err) throws IOException {
        if (fieldErrors == null || "none".equals(fieldErrors)) {
            return null;
        }
        if ("-".equals(fieldErrors)) {
            return new JsonRejectsWriter(new WriterOutputStream(err));
        }
        Path file = Path.of(fieldErrors);
        Files.deleteIfExists(file);
        return new JsonRejectsWriter(new BufferedOutputStream(new LazyFileOutputStream(file), 64 * 1024));
    }

    /** The rejects file, or null for stderr. */
    private Path rejectsFile() {
        if (rejects != null) {
            return "-".equals(rejects) ? null : Path.of(rejects);
        }
        return OutputTarget.isFile(output) ? Path.of(output + ".rejects.jsonl") : null;
    }

    private void writeLatencyReport(DecodeRun.Result result) throws IOException {
        try (PrintStream report = new PrintStream(Files.newOutputStream(latencyReport), false,
                StandardCharsets.US_ASCII)) {
            result.latency.outputPercentileDistribution(report, 1000.0);
        } catch (IOException e) {
            throw CliException.io("cannot write latency report " + latencyReport + ": " + Failures.describe(e), e);
        }
    }
}
