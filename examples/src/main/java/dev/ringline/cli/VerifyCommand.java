package dev.ringline.cli;

import dev.ringline.cobol.CobolDecoder;
import dev.ringline.cobol.DecodeOptions;
import dev.ringline.cobol.DecodeSummary;
import dev.ringline.cobol.ErrorPolicy;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.FloatingPoint;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.copybook.Segments;
import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.json.RecordDecoder;
import dev.ringline.cobol.framing.FramingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ringline verify}: decodes a record file without writing data and reports every bad field. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        exitCodeOnInvalidInput = ExitCodes.USAGE, exitCodeOnExecutionException = ExitCodes.INTERNAL,
        description = {"Decodes a record file without writing data and reports every bad field.",
                "Reports records, records with errors, errors by field and code with the first examples (offsets "
                + "and raw bytes in hex), and the record-length and file-size checks. Exit 0 when clean, 2 when not."},
        footer = ExitCodes.HELP_TABLE)
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Ringline parent;

    @Option(names = "--copybook", required = true, paramLabel = "FILE", description = "The copybook.")
    Path copybook;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The record file.")
    Path input;

    @Option(names = "--format", defaultValue = "fixed", paramLabel = "fixed|rdw|vb",
            description = "Record framing (default: fixed).")
    DecodeCommand.Format format;

    @Option(names = "--record-length", paramLabel = "N",
            description = "Fixed record length in bytes (default: the copybook record's length).")
    Integer recordLength;

    @Option(names = "--rdw-little-endian", description = "RDW lengths are little-endian.")
    boolean rdwLittleEndian;

    @Option(names = "--rdw-excludes-header", description = "RDW lengths count the payload only.")
    boolean rdwExcludesHeader;

    @Option(names = "--codepage", defaultValue = "cp037", paramLabel = "NAME",
            description = "cp037, cp273, cp500, cp1047, cp1140, cp1141, cp1148 or ascii (default: cp037).")
    CodePage codePage;

    @Option(names = "--record", paramLabel = "NAME", description = "The copybook record to use (default: first).")
    String record;

    @Option(names = "--float", defaultValue = "ibm", paramLabel = "ibm|ieee",
            description = "COMP-1/COMP-2 format: IBM hexadecimal (default) or IEEE 754.")
    DecodeCommand.FloatChoice floatFormat;

    @Option(names = "--threads", paramLabel = "N",
            description = "Decoding workers, 1..256 (default: available processors).")
    Integer threads;

    @Option(names = "--examples", defaultValue = "5", paramLabel = "N",
            description = "Examples kept per field (default: 5).")
    int examples;

    @Option(names = "--report", paramLabel = "FILE|-",
            description = "Also write the report as JSON to FILE; - writes the JSON to stdout instead of the text.")
    String report;

    /** As decode: only the views a record's segment selects are decoded (and checked). */
    @Mixin
    SegmentArgs segmentArgs;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        int workers = Options.workers(threads);
        if (examples < 0) {
            throw CliException.usage("--examples must be 0 or more: " + examples);
        }
        Options.checkRdwFlags(format == DecodeCommand.Format.fixed, rdwLittleEndian, rdwExcludesHeader);
        if (format != DecodeCommand.Format.fixed && recordLength != null) {
            throw CliException.usage("--record-length applies to --format fixed only");
        }
        Copybook parsed = Options.copybook(copybook, err);
        Segments segments = segmentArgs.segments();
        RecordLayout layout = SegmentArgs.layout(parsed, segments, record);
        RunPaths.check(input.toString(), copybook, report == null ? "-" : report, "-", null, null);
        FramingOptions framing = framing(layout);
        VerifyReport found = new VerifyReport(layout, examples);
        found.variableRecords(format != DecodeCommand.Format.fixed);
        boolean variable = format != DecodeCommand.Format.fixed;
        DecodeOptions.Builder options = DecodeOptions.builder()
                .codePage(codePage)
                .floatFormat(floatFormat == DecodeCommand.FloatChoice.ieee ? FloatingPoint.Format.IEEE_754
                        : FloatingPoint.Format.IBM_HEX)
                .framing(framing)
                .errorPolicy(ErrorPolicy.lenient()) // every bad field is reported; its record still counts as read
                .rejects(found)
                .workers(workers)
                .emitMeta(variable); // RDW and VB: the lines' _length gives the record lengths
        if (segments != null) {
            options.segments(segments);
        }
        try {
            RecordDecoder.compile(layout, options.build().jsonOptions()); // unusable settings fail before decoding
        } catch (CobolException e) {
            throw CliException.usage(e.getMessage());
        }
        RecordLengths lengths = new RecordLengths(layout.length());
        long size;
        DecodeSummary summary;
        if (Files.isDirectory(input)) {
            throw CliException.io("input is a directory: " + input, null);
        }
        try (FileChannel in = FileChannel.open(input)) {
            size = in.size();
            summary = CobolDecoder.decode(in, layout, options.build(),
                    variable ? lengths : OutputStream.nullOutputStream());
        } catch (NoSuchFileException e) {
            throw CliException.io("input not found: " + input, e);
        }
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("input", input.toString());
        checks.put("fileSize", size);
        checks.put("records", summary.recordsRead());
        checks.put("recordsRejected", summary.recordsRejected());
        checks.put("layoutLength", layout.length());
        boolean clean = found.errors() == 0;
        if (format == DecodeCommand.Format.fixed) {
            long remainder = size % framing.recordLength();
            checks.put("recordLength", framing.recordLength());
            checks.put("sizeRemainder", remainder);
            clean &= remainder == 0;
        } else {
            checks.put("recordLengths", lengths.entries());
        }
        checks.put("framingFailure", summary.framingFailure() == null ? null : summary.framingFailure().describe());
        checks.put("bytesUndecoded", summary.bytesUndecoded());
        clean &= summary.framingFailure() == null;
        checks.put("clean", clean);

        OutputStream stdout = parent.stdout();
        if ("-".equals(report)) {
            stdout.write(found.json(checks).getBytes(StandardCharsets.UTF_8));
        } else {
            stdout.write(found.text(checks).getBytes(StandardCharsets.UTF_8));
            if (report != null) {
                try (OutputTarget target = OutputTarget.open("report", report, null, false)) {
                    target.stream().write(found.json(checks).getBytes(StandardCharsets.UTF_8));
                    target.stream().flush();
                    target.commit();
                }
            }
        }
        stdout.flush();
        return clean ? ExitCodes.OK : ExitCodes.REJECTS;
    }

    private FramingOptions framing(RecordLayout layout) {
        switch (format) {
            case fixed:
                return FramingOptions.fixed(recordLength == null ? layout.length() : recordLength);
            default:
                return Options.variableFraming(format == DecodeCommand.Format.vb, rdwLittleEndian,
                        rdwExcludesHeader);
        }
    }
}
