package dev.ringline.cobol;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable decoded record: what {@link DecodedRecord#snapshot()} copies and what the publisher and stream views
 * of {@link CobolDecoder} deliver. It has the record's JSON line and, when the decode's options have a typed form,
 * its typed values read by {@link FieldPath} ({@link TypedRecord}) and as a map ({@link #values()}); otherwise the
 * typed getters throw {@link FieldAccessException} COPYBOOK_UNSUPPORTED. Safe to share between threads.
 */
public final class RecordSnapshot implements TypedRecord {
    private final long sequence;
    private final long offset;
    private final String json;
    private final TypedValues typed;
    private final FieldAccessException unsupported;

    RecordSnapshot(long sequence, long offset, String json, TypedValues typed, FieldAccessException unsupported) {
        this.sequence = sequence;
        this.offset = offset;
        this.json = Objects.requireNonNull(json, "json");
        this.typed = typed;
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
        return typed != null;
    }

    private TypedValues values(FieldPath path) {
        if (typed == null) {
            String where = path == null ? "record " + sequence : path.text;
            throw new FieldAccessException(unsupported.code(), where, unsupported.getMessage());
        }
        return typed;
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

    @Override
    public String toString() {
        return "RecordSnapshot[sequence=" + sequence + ", offset=" + offset + ", json=" + json + "]";
    }
}
