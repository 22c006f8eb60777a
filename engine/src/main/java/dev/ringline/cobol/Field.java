package dev.ringline.cobol;

import java.util.List;
import java.util.Objects;

/**
 * One data item of a {@link RecordLayout}: a group or an elementary field, with its byte position resolved.
 * Immutable; built once per copybook, then read by the decoders (which should precompute whatever they need
 * per record, since walking {@link #children()} allocates iterators).
 *
 * <p>Positions: {@link #offset()} is the 0-based offset of the first element from the record start, with every
 * enclosing array at index 0; {@link #length()} is the size of ONE element. Element {@code i} of an array is at
 * {@code offset + i * length}; each enclosing array adds its own stride ({@code index * thatArray.length()}).
 *
 * @param name           the name as written ({@code CUST-ID}); {@code "FILLER"} for FILLER and unnamed items
 * @param filler         declared FILLER or unnamed
 * @param level          the level number as written (1-49, 77); synthetic roots report 1
 * @param path           dotted names from the record root's children ({@code COMPANY.SHORT-NAME}); the root's
 *                       path is its own name
 * @param offset         0-based byte offset of the first element
 * @param length         bytes of one element
 * @param type           what the bytes are; {@link FieldType#GROUP} for groups
 * @param numeric        digits, scale and sign of ZONED, NUMERIC_EDITED, PACKED, BINARY and NATIVE_BINARY
 *                       fields; null for groups, text and floats
 * @param picture        the normalised PICTURE (upper case, runs of 4 or more as {@code 9(5)}), null if none
 * @param usage          the usage as written or inherited from a group, {@link Usage#DISPLAY} by default
 * @param occursMin      minimum OCCURS (0 for {@code OCCURS n DEPENDING ON} without {@code TO}); 1 if no OCCURS
 * @param occursMax      maximum OCCURS; 1 if no OCCURS
 * @param array          the item has an OCCURS clause (also {@code OCCURS 1})
 * @param dependingOn    the resolved OCCURS DEPENDING ON counter, or null
 * @param odoCounter     some array in the record depends on this field
 * @param redefines      name of the item this one REDEFINES, or null
 * @param redefined      a later item REDEFINES this one
 * @param justifiedRight {@code JUSTIFIED RIGHT}
 * @param sync           {@code SYNCHRONIZED} was written (accepted; no slack bytes are inserted)
 * @param conditions     level-88 condition names, in order
 * @param children       subordinate items in order (empty for elementary items)
 */
public record Field(String name, boolean filler, int level, String path, int offset, int length, FieldType type,
                    NumericFormat numeric, String picture, Usage usage, int occursMin, int occursMax,
                    boolean array, Field dependingOn, boolean odoCounter, String redefines, boolean redefined,
                    boolean justifiedRight, boolean sync, List<ConditionName> conditions, List<Field> children) {
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(usage, "usage");
        conditions = List.copyOf(conditions);
        children = List.copyOf(children);
    }

    /** True when the item has an OCCURS clause. */
    public boolean isArray() {
        return array;
    }

    /** True for group items. */
    public boolean isGroup() {
        return type == FieldType.GROUP;
    }

    /** Bytes of all elements at maximum OCCURS: {@code length * occursMax}. */
    public long totalLength() {
        return (long) length * occursMax;
    }

    /** Short form; the default record form would print the whole subtree. */
    @Override
    public String toString() {
        return "Field[" + path + " " + type + " offset=" + offset + " length=" + length
                + (array ? " occurs=" + occursMin + ".." + occursMax : "") + "]";
    }
}
