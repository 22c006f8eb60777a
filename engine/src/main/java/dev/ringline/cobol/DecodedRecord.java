package dev.ringline.cobol;

import dev.ringline.cobol.row.RowColumn;
import dev.ringline.cobol.row.RowSink;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The record a {@link RecordHandler} is called with: a cursor over the current batch, reused for every record and
 * valid only during the call (like a database cursor). Reading it allocates nothing; {@link #jsonString()},
 * {@link #values()} and {@link #snapshot()} copy.
 *
 * <p>Typed values come from the typed decode ({@code dev.ringline.cobol.row}, compiled once per run from the same
 * layout and options as the JSON), three ways: getters by {@link FieldPath} ({@link TypedRecord}; the record is
 * decoded once, on the first getter, and {@link #getLong}, {@link #getInt}, {@link #getDouble}, {@link #isNull} and
 * {@link #arrayLength} allocate nothing), {@link #read(RowSink)} pushes every value into the caller's reusable sink
 * (zero garbage too), {@link #values()} returns them as an immutable map. All run on the handler's thread.
 *
 * <pre>{@code
 * FieldPath balance = CobolDecoder.typedLayout(layout, options).path("BALANCE");
 * CobolDecoder.decode(in, layout, options, record -> cents.add(record.getDecimal(balance).unscaledValue()));
 * }</pre>
 */
public final class DecodedRecord implements TypedRecord {
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

    @Override
    public long sequence() {
        return batch.firstIndex + index;
    }

    @Override
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
     * @throws IllegalArgumentException for an item the typed decode cannot type (PIC G without a double-byte code
     *                                  page)
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

    /**
     * The typed shape of this run's records, where field paths are resolved.
     *
     * @throws FieldAccessException COPYBOOK_UNSUPPORTED for options the typed decode does not support
     */
    public TypedLayout typedLayout() {
        return typed.layout();
    }

    /**
     * Resolves a field path against this run's typed layout (see {@link TypedLayout#path}). Allocates: resolve once
     * (or ahead, with {@link CobolDecoder#typedLayout}) and keep the path.
     */
    public FieldPath path(String path) {
        return typed.layout().path(path);
    }

    private TypedValues typedValues() {
        return typed.values(batch, index);
    }

    @Override
    public long getLong(FieldPath path) {
        return typedValues().getLong(path);
    }

    @Override
    public int getInt(FieldPath path) {
        return typedValues().getInt(path);
    }

    @Override
    public double getDouble(FieldPath path) {
        return typedValues().getDouble(path);
    }

    @Override
    public BigDecimal getDecimal(FieldPath path) {
        return typedValues().getDecimal(path);
    }

    @Override
    public String getString(FieldPath path) {
        return typedValues().getString(path);
    }

    @Override
    public Object getValue(FieldPath path) {
        return typedValues().getValue(path);
    }

    @Override
    public List<Object> getArray(FieldPath path) {
        return typedValues().getArray(path);
    }

    @Override
    public int arrayLength(FieldPath path) {
        return typedValues().arrayLength(path);
    }

    @Override
    public boolean isNull(FieldPath path) {
        return typedValues().isNull(path);
    }

    @Override
    public byte[] getBytes(FieldPath path) {
        return typedValues().getBytes(path);
    }

    @Override
    public List<String> views() {
        return typedValues().views();
    }

    /**
     * An immutable copy of the record, to keep after the call: its JSON line, its bytes and, when the options have a
     * typed form, its typed values (decoded from the bytes when first asked, on the asking thread).
     */
    public RecordSnapshot snapshot() {
        boolean supported = typed.supported();
        return new RecordSnapshot(sequence(), offset(), jsonString(),
                Arrays.copyOfRange(rawArray(), rawOffset(), rawOffset() + rawLength()),
                supported ? typed.layout() : null, typed.unsupported());
    }
}
