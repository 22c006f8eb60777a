package dev.ringline.cli;

import dev.ringline.cobol.copybook.Copybook;
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
        if (field == null && (mappings == null || mappings.isEmpty())) {
            return null;
        }
        if (field == null || mappings == null || mappings.isEmpty()) {
            throw CliException.usage("--segment-field and --segment go together");
        }
        Segments result = Segments.on(field).emitUnknown(unknown == DecodeCommand.UnknownSegment.emit);
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

    /** True when every view of the mapping is a record (01) of a copybook with several records. */
    static boolean namesRecords(Copybook parsed, Segments segments) {
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
