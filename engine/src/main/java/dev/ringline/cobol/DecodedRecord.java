package dev.ringline.cobol;

import dev.ringline.cobol.row.RowColumn;
import dev.ringline.cobol.row.RowSink;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The record a {@link RecordHandler} is called with: a cursor over the current batch, reused for every record and
 * valid only during the call (like a database cursor). Reading it allocates nothing; {@link #jsonString()},
 * {@link #values()} and {@link #snapshot()} copy.
 *
 * <p>Typed values come from the typed decode ({@code dev.ringline.cobol.row}, compiled once per run from the same
 * layout and options as the JSON): {@link #read(RowSink)} pushes them into the caller's reusable sink without
 * allocating (the zero-garbage level), {@link #values()} returns them as an immutable map (the convenient level).
 * Both run on the handler's thread.
 */
public final class DecodedRecord {
    private final TypedRows typed;
    private DecodeBatch batch;
    private int index;
    private int jsonStart;

    DecodedRecord(TypedRows typed) {
        this.typed = typed;
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

    /**
     * The typed columns of every record of this run (names, value kinds, precision and scale, children).
     *
     * @throws IllegalArgumentException for options the typed decode does not support (FILLER values, variable
     *                                  OCCURS DEPENDING ON)
     */
    public List<RowColumn> columns() {
        return typed.decoder().columns();
    }

    /**
     * Hands this record's typed values to {@code sink}, column by column in copybook order (exact decimals at their
     * declared scale, int or long by range, UTF-8 text, arrays for OCCURS, null for what a lenient policy nulled or a
     * segment does not select). Allocates nothing per record beyond what the sink does.
     *
     * @throws IllegalArgumentException for options the typed decode does not support (see {@link #columns()})
     */
    public void read(RowSink sink) {
        typed.decoder().decode(rawArray(), rawOffset(), rawLength(), sequence(), offset(), typed.context(), sink);
    }

    /**
     * This record's typed values as an immutable map: top-level column name to value ({@code Integer},
     * {@code Long}, {@code BigDecimal}, {@code Float}, {@code Double}, {@code String}, an immutable {@code List}
     * for OCCURS, an immutable {@code Map} for a group, or null). Allocates.
     */
    public Map<String, Object> values() {
        SnapshotSink sink = SnapshotSink.record(columns());
        read(sink);
        return sink.values();
    }

    /** An immutable copy of the record, to keep after the call. */
    public RecordSnapshot snapshot() {
        return new RecordSnapshot(sequence(), offset(), jsonString());
    }
}
