package dev.ringline.cli;

import dev.ringline.cobol.CobolDecoder;
import dev.ringline.cobol.DecodeOptions;
import dev.ringline.cobol.ErrorPolicy;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.copybook.Segments;
import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.framing.FramingOptions;
import dev.ringline.cobol.json.BlankNumerics;
import dev.ringline.cobol.json.EmptyText;
import dev.ringline.cobol.json.Fillers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ringline layout}: the field table of a copybook's records, or the JSON Schema / Avro schema of what
 * {@code decode} writes for one record with the same output options.
 */
@Command(name = "layout", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints the field table of a copybook: offsets, lengths and types of every field "
                + "(every record, or the one given by --record). Warnings go to stderr.",
                "--format json-schema prints the JSON Schema (draft 2020-12) of the lines decode writes for the "
                + "record (the first unless --record) with the decode options given here; --format avro the Avro "
                + "schema of the same records (decimals as the decimal logical type). With decode's segment "
                + "options the schema has exactly the views (or the 01 records) a record's segment selects."},
        footer = ExitCodes.HELP_TABLE)
final class LayoutCommand implements Callable<Integer> {
    /** What to print. */
    enum OutputFormat {
        table, json_schema, avro
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--copybook", required = true, paramLabel = "FILE", description = "The copybook to read.")
    Path copybook;

    @Option(names = "--record", paramLabel = "NAME", description = "Only this record (default: all; a schema: the "
            + "first).")
    String record;

    @Option(names = "--format", defaultValue = "table", paramLabel = "table|json-schema|avro",
            converter = FormatConverter.class, description = "What to print (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--framing", defaultValue = "fixed", paramLabel = "fixed|rdw|vb",
            description = "Schemas: the decode's --format; rdw and vb records may end early (fields null).")
    DecodeCommand.Format framing;

    @Option(names = "--json-number", defaultValue = "number", paramLabel = "number|string",
            description = "Schemas: numbers as JSON numbers or strings, as decode's option.")
    DecodeCommand.JsonNumber jsonNumber;

    @Option(names = "--emit-meta", description = "Schemas: _record, _offset and _length first, as decode's option.")
    boolean emitMeta;

    @Option(names = "--on-error", defaultValue = "skip", paramLabel = "skip|fail|null",
            description = "Schemas: null lets a bad field be null, as decode's option.")
    DecodeCommand.OnError onError;

    @Option(names = "--blank-numerics", defaultValue = "reject", paramLabel = "reject|null|zero",
            description = "Schemas: as decode's option.")
    DecodeCommand.BlankChoice blankNumerics;

    @Option(names = "--empty-text", defaultValue = "string", paramLabel = "string|null",
            description = "Schemas: as decode's option.")
    DecodeCommand.EmptyTextChoice emptyText;

    @Option(names = "--filler", defaultValue = "omit", paramLabel = "omit|keep",
            description = "Schemas: as decode's option.")
    DecodeCommand.FillerChoice filler;

    @Option(names = "--variable-occurs", description = "Schemas: as decode's option.")
    boolean variableOccurs;

    /** Schemas: the decode's segment selection, so views a segment leaves out are optional members. */
    @Mixin
    SegmentArgs segmentArgs;

    @Option(names = "--namespace", defaultValue = "dev.ringline.generated", paramLabel = "NAME",
            description = "Avro: the namespace of the record types (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Copybook parsed = Options.copybook(copybook, err);
        if (format != OutputFormat.table) {
            Segments segments = segmentArgs.segments();
            RecordLayout layout = SegmentArgs.layout(parsed, segments, record);
            DecodeOptions options = options(segments);
            try {
                out.print(format == OutputFormat.avro ? CobolDecoder.avroSchema(layout, options, namespace)
                        : CobolDecoder.jsonSchema(layout, options));
            } catch (CobolException e) {
                throw CliException.usage(e.getMessage());
            }
        } else if (record != null) {
            out.print(Options.record(parsed, record).toTable());
        } else {
            boolean first = true;
            for (RecordLayout layout : parsed.records()) {
                if (!first) {
                    out.println();
                }
                out.print(layout.toTable());
                first = false;
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private DecodeOptions options(Segments segments) {
        DecodeOptions.Builder options = DecodeOptions.builder()
                .numbersAsStrings(jsonNumber == DecodeCommand.JsonNumber.string)
                .emitMeta(emitMeta)
                .errorPolicy(onError == DecodeCommand.OnError.NULL ? ErrorPolicy.lenient() : ErrorPolicy.skip())
                .blankNumerics(BlankNumerics.valueOf(blankNumerics.name().toUpperCase(Locale.ROOT)))
                .emptyText(EmptyText.valueOf(emptyText.name().toUpperCase(Locale.ROOT)))
                .fillers(filler == DecodeCommand.FillerChoice.keep ? Fillers.KEEP : Fillers.OMIT)
                .variableOccurs(variableOccurs);
        if (framing == DecodeCommand.Format.rdw) {
            options.framing(FramingOptions.rdw());
        } else if (framing == DecodeCommand.Format.vb) {
            options.framing(FramingOptions.vb());
        }
        if (segments != null) {
            options.segments(segments);
        }
        return options.build();
    }

    /** {@code json-schema} (as written) to the enum constant {@code json_schema}; case ignored. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            for (OutputFormat f : OutputFormat.values()) {
                if (f.name().replace('_', '-').equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("expected one of table, json-schema, avro but was '"
                    + value + "'");
        }
    }
}
