package dev.ringline.cobol;

import java.math.BigDecimal;
import java.util.List;

/**
 * Typed values of one decoded record, read by {@link FieldPath}: the cursor a {@link RecordHandler} gets
 * ({@link DecodedRecord}, valid during the call, primitive getters without allocation) and the immutable
 * {@link RecordSnapshot} the publisher and stream deliver. Values follow the typed decode
 * ({@code dev.ringline.cobol.row}): exact decimals at their declared scale, int or long by range, text as the JSON
 * has it, null for a field a lenient policy nulled, a blank numeric, a field beyond a short record's end or a view the
 * record's segment does not select.
 *
 * <p>Every getter throws {@link FieldAccessException}: UNKNOWN_FIELD_PATH for a path of another layout,
 * WRONG_FIELD_TYPE when the column's type does not fit the getter, NULL_VALUE when a primitive getter meets null,
 * COPYBOOK_UNSUPPORTED for an item the typed decode cannot type (PIC G without a double-byte code page).
 */
public interface TypedRecord {
    /** The record's 0-based position in the input (rejected records count). */
    long sequence();

    /** The input byte offset of the record (its RDW for variable records), as {@code _offset}. */
    long offset();

    /** An {@code INT} or {@code LONG} column's value. */
    long getLong(FieldPath path);

    /** An {@code INT} column's value. */
    int getInt(FieldPath path);

    /** A {@code FLOAT} or {@code DOUBLE} column's value. */
    double getDouble(FieldPath path);

    /** A {@code DECIMAL} column's value at its declared scale (an {@code INT} or {@code LONG} at scale 0), or null. */
    BigDecimal getDecimal(FieldPath path);

    /** A {@code TEXT} column's value, or null. */
    String getString(FieldPath path);

    /**
     * Any column's value, boxed as {@link DecodedRecord#values()} has it ({@code Integer}, {@code Long},
     * {@code BigDecimal}, {@code Float}, {@code Double}, {@code String}, an immutable {@code Map} for a group, an
     * immutable {@code List} for an OCCURS table), or null.
     */
    Object getValue(FieldPath path);

    /** An OCCURS table's elements (its current length for OCCURS DEPENDING ON), boxed, or null. */
    List<Object> getArray(FieldPath path);

    /** An OCCURS table's current length. */
    int arrayLength(FieldPath path);

    /** True when the value is null. */
    boolean isNull(FieldPath path);

    /**
     * The field's raw bytes in the record (a whole table for a table path), cut at a short record's end. Allocates.
     */
    byte[] getBytes(FieldPath path);

    /**
     * The names of the REDEFINES views (or 01 records) that the record's segment value selects; empty when the
     * decode has no segment selection (every view is decoded) or the value maps to none.
     */
    List<String> views();
}
