package dev.ringline.cobol;

import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.row.RowDecoder;

/**
 * The typed decode of one run's records on the handler's thread: the run's {@link TypedLayout}, compiled from the
 * same layout and options as the JSON writer the first time a handler asks for typed values, one reused context and
 * one reused {@link TypedValues} filled at most once per record. Confined to the ordered-stage thread.
 */
final class TypedRows {
    private final RecordLayout layout;
    private final DecodeOptions options;
    private final int headerBytes;
    private TypedLayout typed;
    private RowDecoder.Context context;
    private TypedValues values;
    private FieldAccessException unsupported;
    /** The sequence of the record in {@link #values}, or -1: unique within a run, unlike a reused batch slot. */
    private long decodedSequence = -1;

    TypedRows(RecordLayout layout, DecodeOptions options, int headerBytes) {
        this.layout = layout;
        this.options = options;
        this.headerBytes = headerBytes;
    }

    /** @throws FieldAccessException COPYBOOK_UNSUPPORTED for options without a typed form */
    TypedLayout layout() {
        if (unsupported != null) {
            throw unsupported; // compiled once: a run of records does not recompile per record
        }
        if (typed == null) {
            try {
                typed = TypedLayout.compile(layout, options);
            } catch (FieldAccessException e) {
                unsupported = e;
                throw e;
            }
            context = typed.decoder().newContext().headerBytes(headerBytes);
            values = new TypedValues(typed);
        }
        return typed;
    }

    /** The row decoder of {@link DecodedRecord#read}; IllegalArgumentException for options without a typed form. */
    RowDecoder decoder() {
        try {
            return layout().decoder();
        } catch (FieldAccessException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    RowDecoder.Context context() {
        decoder();
        context.clearFieldErrors(); // already reported by the JSON path's policy
        return context;
    }

    /** Record {@code i} of {@code batch} decoded into the reused values (once per record). */
    TypedValues values(DecodeBatch batch, int i) {
        layout();
        long sequence = batch.firstIndex + i;
        if (sequence != decodedSequence) {
            decodedSequence = -1; // a failed decode leaves nothing valid
            context.clearFieldErrors();
            values.decode(batch.input.array(), batch.start[i], batch.length[i], sequence, batch.offset[i], context);
            decodedSequence = sequence;
        }
        return values;
    }

    /** True when the run's options have a typed form (snapshots carry typed values then). */
    boolean supported() {
        try {
            layout();
            return true;
        } catch (FieldAccessException e) {
            return false;
        }
    }

    /** Why there are no typed values, or null. */
    FieldAccessException unsupported() {
        return unsupported;
    }
}
