package dev.ringline.cobol.row;

/** The type of a {@link RowColumn}'s values, as a {@link RowSink} receives them. */
public enum ValueKind {
    /** A 32-bit integer ({@link RowSink#setInt}): integers of at most 9 digits, or binary that fits. */
    INT,
    /** A 64-bit integer ({@link RowSink#setLong}): integers of at most 18 digits, or binary that fits. */
    LONG,
    /**
     * An exact decimal with the column's precision and scale ({@link RowSink#setDecimal} when the unscaled value
     * fits 18 digits, {@link RowSink#setBigDecimal} otherwise).
     */
    DECIMAL,
    /** COMP-1 ({@link RowSink#setFloat}). */
    FLOAT,
    /** COMP-2 ({@link RowSink#setDouble}). */
    DOUBLE,
    /** Text as UTF-8 bytes ({@link RowSink#setText}). */
    TEXT,
    /** A group: its members are the column's {@link RowColumn#children()}. */
    GROUP,
    /** An OCCURS table: its elements are of the column's {@link RowColumn#element()}. */
    ARRAY
}
