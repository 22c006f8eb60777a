package dev.ringline.cobol.row;

import dev.ringline.cobol.copybook.Field;

import java.util.List;

/**
 * One column of a compiled {@link RowDecoder}: a copybook item that is decoded (FILLER and unselected items are
 * not columns), with the type its values have. Immutable.
 *
 * @param name      the copybook name as written
 * @param field     the copybook item
 * @param ordinal   the position among its parent's columns (the index a {@link RowSink} receives)
 * @param kind      the type of its values; {@link ValueKind#ARRAY} for an OCCURS item
 * @param precision total digits of a {@link ValueKind#DECIMAL} (1..38); 0 otherwise
 * @param scale     fraction digits of a {@link ValueKind#DECIMAL} (0..precision); 0 otherwise
 * @param children  the member columns of a {@link ValueKind#GROUP}; empty otherwise
 * @param element   the element of an {@link ValueKind#ARRAY} (same name and field, never itself an array); null
 *                  otherwise
 */
public record RowColumn(String name, Field field, int ordinal, ValueKind kind, int precision, int scale,
                        List<RowColumn> children, RowColumn element) {
    /** Copies the children. */
    public RowColumn {
        children = List.copyOf(children);
    }

    /** True for an OCCURS DEPENDING ON table, whose arrays have the counter's length. */
    public boolean variableLength() {
        return kind == ValueKind.ARRAY && field.dependingOn() != null;
    }
}
