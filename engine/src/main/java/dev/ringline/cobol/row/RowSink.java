package dev.ringline.cobol.row;

import java.math.BigDecimal;

/**
 * Receives one record's values from {@link RowDecoder#decode}, column by column in copybook order. Implemented by
 * the caller: a Spark row, a Parquet or Avro record, an object of the caller's own.
 *
 * <p>{@code ordinal} is the {@link RowColumn#ordinal()} within the current group, or the element index within the
 * current array. A group is announced by {@link #startGroup} and its members go to the sink it returns; an array
 * likewise by {@link #startArray}, with one call per element on the returned sink. Every column gets exactly one
 * call: a value, a group, an array or {@link #setNull} (a bad field under a lenient policy, a blank numeric, a field
 * beyond the end of a short record).
 *
 * <p>Text bytes are valid only during the call; copy what must be kept.
 */
public interface RowSink {
    /** The column has no value. */
    void setNull(int ordinal);

    /** An {@link ValueKind#INT} value. */
    void setInt(int ordinal, int value);

    /** A {@link ValueKind#LONG} value. */
    void setLong(int ordinal, long value);

    /**
     * A {@link ValueKind#DECIMAL} value {@code unscaled * 10^-scale} whose unscaled value fits 18 digits;
     * {@code precision} and {@code scale} are the column's.
     */
    void setDecimal(int ordinal, long unscaled, int precision, int scale);

    /** A {@link ValueKind#DECIMAL} value of more than 18 digits, at the column's scale. */
    void setBigDecimal(int ordinal, BigDecimal value, int precision);

    /** A {@link ValueKind#FLOAT} value. */
    void setFloat(int ordinal, float value);

    /** A {@link ValueKind#DOUBLE} value. */
    void setDouble(int ordinal, double value);

    /** A {@link ValueKind#TEXT} value: {@code utf8[off, off + len)}, trimmed as the options say. */
    void setText(int ordinal, byte[] utf8, int off, int len);

    /** A group starts; its members go to the returned sink, then {@link #endGroup} is called on this one. */
    RowSink startGroup(int ordinal, RowColumn group);

    /** The group started by {@link #startGroup} is complete; {@code members} is the sink it returned. */
    void endGroup(int ordinal, RowColumn group, RowSink members);

    /**
     * An array of {@code length} elements starts; element {@code i} goes to the returned sink with ordinal
     * {@code i}, then {@link #endArray} is called on this one.
     */
    RowSink startArray(int ordinal, RowColumn array, int length);

    /** The array started by {@link #startArray} is complete; {@code elements} is the sink it returned. */
    void endArray(int ordinal, RowColumn array, RowSink elements);
}
