package dev.ringline.cobol;

import java.nio.charset.StandardCharsets;

/**
 * The record a {@link RecordHandler} is called with: a cursor over the current batch, reused for every record and
 * valid only during the call (like a database cursor). Reading it allocates nothing; {@link #jsonString()} and
 * {@link #snapshot()} copy.
 */
public final class DecodedRecord {
    private DecodeBatch batch;
    private int index;
    private int jsonStart;

    DecodedRecord() {
    }

    /** Points the cursor at record {@code i} of {@code batch}. */
    void set(DecodeBatch batch, int i) {
        this.batch = batch;
        this.index = i;
        this.jsonStart = i == 0 ? 0 : batch.outputEnd[i - 1];
    }

    /** The record's 0-based position in the input (rejected records count). */
    public long sequence() {
        return batch.firstIndex + index;
    }

    /** The input byte offset of the record (its RDW for variable records), as {@code _offset}. */
    public long offset() {
        return batch.offset[index];
    }

    /** The array holding the record's JSON line (UTF-8, without the newline) at {@link #jsonOffset()}. */
    public byte[] jsonArray() {
        return batch.output.array();
    }

    /** Where the record's JSON starts in {@link #jsonArray()}. */
    public int jsonOffset() {
        return jsonStart;
    }

    /** Bytes of the record's JSON, the newline excluded. */
    public int jsonLength() {
        return batch.outputEnd[index] - jsonStart - 1;
    }

    /** The record's JSON line as a string (allocates). */
    public String jsonString() {
        return new String(jsonArray(), jsonOffset(), jsonLength(), StandardCharsets.UTF_8);
    }

    /** The array holding the record's raw bytes (the payload, without a descriptor word) at {@link #rawOffset()}. */
    public byte[] rawArray() {
        return batch.input.array();
    }

    /** Where the record's raw bytes start in {@link #rawArray()}. */
    public int rawOffset() {
        return batch.start[index];
    }

    /** Bytes of the record's payload. */
    public int rawLength() {
        return batch.length[index];
    }

    /** An immutable copy of the record, to keep after the call. */
    public RecordSnapshot snapshot() {
        return new RecordSnapshot(sequence(), offset(), jsonString());
    }
}
