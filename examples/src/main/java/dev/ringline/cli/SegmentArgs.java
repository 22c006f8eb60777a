package dev.ringline.cli;

import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.copybook.Segments;
import picocli.CommandLine.Option;

import java.util.List;

/** The {@code --segment-field}, {@code --segment} and {@code --unknown-segment} options of encode and verify. */
final class SegmentArgs {
    @Option(names = "--segment-field", paramLabel = "NAME",
            description = "The discriminator field of a multi-layout file (with --segment).")
    String field;

    @Option(names = "--segment", paramLabel = "VALUE[,VALUE...]=VIEW",
            description = "Records whose --segment-field value (trimmed) is VALUE have only the REDEFINES view VIEW "
                    + "of its set; repeatable.")
    List<String> mappings;

    @Option(names = "--unknown-segment", defaultValue = "reject", paramLabel = "reject|emit",
            description = "A record whose segment value maps to no view: reject it as UNKNOWN_SEGMENT (default) "
                    + "or keep only its common fields.")
    DecodeCommand.UnknownSegment unknown;

    /** The selection these options give, or null when none is given. */
    Segments segments() {
        return parse(field, mappings, unknown == DecodeCommand.UnknownSegment.emit);
    }

    /**
     * The selection of a discriminator field and its {@code VALUE[,VALUE...]=VIEW} mappings, or null when neither is
     * given. Decode declares the same options with its own help text, so the parsing is shared here.
     */
    static Segments parse(String field, List<String> mappings, boolean emitUnknown) {
        if (field == null && (mappings == null || mappings.isEmpty())) {
            return null;
        }
        if (field == null || mappings == null || mappings.isEmpty()) {
            throw CliException.usage("--segment-field and --segment go together");
        }
        Segments result = Segments.on(field).emitUnknown(emitUnknown);
        for (String mapping : mappings) {
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

    /**
     * The layout to use: the union of the copybook's records when the mapping's views name its 01 records and no
     * --record is given, else the --record (or first) record.
     */
    static RecordLayout layout(Copybook parsed, Segments segments, String record) {
        return segments != null && record == null && namesRecords(parsed, segments)
                ? parsed.union() : Options.record(parsed, record);
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
}
