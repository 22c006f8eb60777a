package dev.ringline.cobol;

import java.util.Objects;

/**
 * An immutable decoded record: what {@link DecodedRecord#snapshot()} copies and what the publisher and stream views
 * of {@link CobolDecoder} deliver.
 *
 * @param sequence the record's 0-based position in the input (rejected records count)
 * @param offset   the input byte offset of the record (its RDW for variable records)
 * @param json     the record as one JSON object, exactly the line {@code decode} writes (without the newline)
 */
public record RecordSnapshot(long sequence, long offset, String json) {
    /** Rejects a null JSON text. */
    public RecordSnapshot {
        Objects.requireNonNull(json, "json");
    }
}
