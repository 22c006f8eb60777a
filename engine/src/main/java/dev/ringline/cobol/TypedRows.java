package dev.ringline.cobol;

import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.row.RowDecoder;
import dev.ringline.cobol.row.RowOptions;

/**
 * The typed decode of one run's records on the handler's thread: issue 13's {@link RowDecoder}, compiled from the
 * same layout and options as the JSON writer the first time a handler asks for typed values, with one reused
 * context. Confined to the ordered-stage thread.
 */
final class TypedRows {
    private final RecordLayout layout;
    private final DecodeOptions options;
    private final int headerBytes;
    private RowDecoder decoder;
    private RowDecoder.Context context;

    TypedRows(RecordLayout layout, DecodeOptions options, int headerBytes) {
        this.layout = layout;
        this.options = options;
        this.headerBytes = headerBytes;
    }

    RowDecoder decoder() {
        if (decoder == null) {
            decoder = RowDecoder.compile(layout, RowOptions.of(options.jsonOptions()));
            context = decoder.newContext().headerBytes(headerBytes);
        }
        return decoder;
    }

    RowDecoder.Context context() {
        decoder();
        context.clearFieldErrors(); // already reported by the JSON path's policy
        return context;
    }
}
