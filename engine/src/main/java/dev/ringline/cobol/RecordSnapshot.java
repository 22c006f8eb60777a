package dev.ringline.cobol;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable decoded record: what {@link DecodedRecord#snapshot()} copies and what the publisher and stream views
 * of {@link CobolDecoder} deliver. It has the record's JSON line, its bytes and, when the decode's options have a
 * typed form, its typed values read by {@link FieldPath} ({@link TypedRecord}) and as a map ({@link #values()});
 * otherwise the typed getters throw {@link FieldAccessException} COPYBOOK_UNSUPPORTED. The typed values are decoded
 * from the kept bytes on the first typed getter, on the caller's thread: the decode's ordered stage only copies the
 * JSON and the bytes, and a consumer that reads JSON alone pays nothing for them. Safe to share between threads.
 */
public final class RecordSnapshot implements TypedRecord {
    private final long sequence;
    private final long offset;
    private final String json;
    private final byte[] record;
    private final TypedLayout layout;
    private final FieldAccessException unsupported;
    /** Decoded on the first typed getter; immutable once published through this volatile field. */
    private volatile TypedValues typed;

    /**
     * @param record      the record's payload (kept, not copied)
     * @param layout      the run's typed layout, or null when its options have no typed form
     * @param unsupported why there is no typed layout, or null
     */
    RecordSnapshot(long sequence, long offset, String json, byte[] record, TypedLayout layout,
                   FieldAccessException unsupported) {
        this.sequence = sequence;
        this.offset = offset;
        this.json = Objects.requireNonNull(json, "json");
        this.record = Objects.requireNonNull(record, "record");
        this.layout = layout;
        this.unsupported = unsupported;
    }

    @Override
    public long sequence() {
        return sequence;
    }

    @Override
    public long offset() {
        return offset;
    }

    /** The record as one JSON object, exactly the line {@code decode} writes (without the newline). */
    public String json() {
        return json;
    }

    /** True when the snapshot has typed values (the decode's options have a typed form). */
    public boolean typed() {
        return layout != null;
    }

    /** A copy of the record's payload bytes (without a descriptor word). */
    public byte[] bytes() {
        return record.clone();
    }

    private TypedValues values(FieldPath path) {
        if (layout == null) {
            String where = path == null ? "record " + sequence : path.text;
            throw new FieldAccessException(unsupported.code(), where, unsupported.getMessage());
        }
        TypedValues values = typed;
        if (values == null) {
            values = layout.decode(record, sequence, offset); // two racing threads decode the same values
            typed = values;
        }
        return values;
    }

    /**
     * The typed values as an immutable map, top-level column name to value, as {@link DecodedRecord#values()}.
     * Allocates on each call.
     */
    public Map<String, Object> values() {
        return values(null).values();
    }

    @Override
    public long getLong(FieldPath path) {
        return values(path).getLong(path);
    }

    @Override
    public int getInt(FieldPath path) {
        return values(path).getInt(path);
    }

    @Override
    public double getDouble(FieldPath path) {
        return values(path).getDouble(path);
    }

    @Override
    public BigDecimal getDecimal(FieldPath path) {
        return values(path).getDecimal(path);
    }

    @Override
    public String getString(FieldPath path) {
        return values(path).getString(path);
    }

    @Override
    public Object getValue(FieldPath path) {
        return values(path).getValue(path);
    }

    @Override
    public List<Object> getArray(FieldPath path) {
        return values(path).getArray(path);
    }

    @Override
    public int arrayLength(FieldPath path) {
        return values(path).arrayLength(path);
    }

    @Override
    public boolean isNull(FieldPath path) {
        return values(path).isNull(path);
    }

    @Override
    public byte[] getBytes(FieldPath path) {
        return values(path).getBytes(path);
    }

    @Override
    public List<String> views() {
        return values(null).views();
    }

    /** Equal when sequence, offset, JSON line and bytes are (the typed values follow from them). */
    @Override
    public boolean equals(Object o) {
        return o instanceof RecordSnapshot r && sequence == r.sequence && offset == r.offset && json.equals(r.json)
                && Arrays.equals(record, r.record);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sequence) * 31 + json.hashCode();
    }

    @Override
    public String toString() {
        return "RecordSnapshot[sequence=" + sequence + ", offset=" + offset + ", json=" + json + "]";
    }
}
