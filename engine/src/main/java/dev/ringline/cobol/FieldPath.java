package dev.ringline.cobol;

import dev.ringline.cobol.row.RowColumn;
import dev.ringline.cobol.row.ValueKind;

/**
 * A field of a typed record, resolved once by {@link TypedLayout#path(String)} (or {@link DecodedRecord#path}):
 * where its value lives in every decoded record, so a getter costs an array read. Immutable.
 */
public final class FieldPath {
    final TypedLayout layout;
    final String text;
    final TypedLayout.Slots node;
    final int slot;
    /** The field's bytes in the record's payload (an element's, or a whole table's). */
    final int byteOffset;
    final int byteLength;

    FieldPath(TypedLayout layout, String text, TypedLayout.Slots node, int slot, int byteOffset, int byteLength) {
        this.layout = layout;
        this.text = text;
        this.node = node;
        this.slot = slot;
        this.byteOffset = byteOffset;
        this.byteLength = byteLength;
    }

    /** The path as written. */
    public String path() {
        return text;
    }

    /** The column it names (for an OCCURS element, the table's element column). */
    public RowColumn column() {
        return node.column;
    }

    /** The type of its values. */
    public ValueKind kind() {
        return node.column.kind();
    }

    @Override
    public String toString() {
        return text + " (" + kind() + ")";
    }
}
