package dev.ringline.cobol.json;

import dev.ringline.buffer.ByteVector;

/**
 * Writes a record as one JSON line by a {@link FlatPlan}: the plan itself interprets its arrays, the class {@link
 * PlanCompiler} generates for a layout runs the same plan as straight-line code.
 */
interface PlanWriter {
    /** Appends the record set in {@code ctx} as one JSON object and a newline. */
    void write(RecordDecoder.Context ctx, ByteVector out);
}
