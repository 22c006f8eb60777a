package dev.ringline.cobol.copybook;

import dev.ringline.cobol.codec.NumericFormat;

import java.util.List;

/**
 * One data item of a {@link RecordLayout}: a group or an elementary field, with its byte position resolved.
 * Immutable; built once per copybook, then read by the decoders (which should precompute whatever they need
 * per record, since walking {@link #children()} allocates iterators).
 *
 * <p>Positions: {@link #offset()} is the 0-based offset of the first element from the record start, with every
 * enclosing array at index 0; {@link #length()} is the size of ONE element. Element {@code i} of an array is at
 * {@code offset + i * length}; each enclosing array adds its own stride ({@code index * thatArray.length()}).
 *
 * <p>Built by the copybook reader only ({@link Copybook#parse}); users read it.
 */
public sealed interface Field permits LayoutField {
    /** The name as written ({@code CUST-ID}); {@code "FILLER"} for FILLER and unnamed items. */
    String name();

    /** Declared FILLER or unnamed. */
    boolean filler();

    /** The level number as written (1-49, 77); synthetic roots report 1. */
    int level();

    /** Dotted names from the record root's children ({@code COMPANY.SHORT-NAME}); the root's path is its name. */
    String path();

    /** 0-based byte offset of the first element. */
    int offset();

    /** Bytes of one element. */
    int length();

    /** What the bytes are; {@link FieldType#GROUP} for groups. */
    FieldType type();

    /**
     * Digits, scale and sign of ZONED, NUMERIC_EDITED, PACKED, BINARY and NATIVE_BINARY fields; null for groups,
     * text and floats.
     */
    NumericFormat numeric();

    /** The normalised PICTURE (upper case, runs of 4 or more as {@code 9(5)}), null if none. */
    String picture();

    /** The usage as written or inherited from a group, {@link Usage#DISPLAY} by default. */
    Usage usage();

    /** Minimum OCCURS (0 for {@code OCCURS n DEPENDING ON} without {@code TO}); 1 if no OCCURS. */
    int occursMin();

    /** Maximum OCCURS; 1 if no OCCURS. */
    int occursMax();

    /** The item has an OCCURS clause (also {@code OCCURS 1}). */
    boolean array();

    /** The resolved OCCURS DEPENDING ON counter, or null. */
    Field dependingOn();

    /** Some array in the record depends on this field. */
    boolean odoCounter();

    /** Name of the item this one REDEFINES, or null. */
    String redefines();

    /** A later item REDEFINES this one. */
    boolean redefined();

    /** {@code JUSTIFIED RIGHT}. */
    boolean justifiedRight();

    /** {@code SYNCHRONIZED} was written (accepted; no slack bytes are inserted). */
    boolean sync();

    /** Level-88 condition names, in order. */
    List<ConditionName> conditions();

    /** Subordinate items in order (empty for elementary items). */
    List<Field> children();

    /** True when the item has an OCCURS clause. */
    default boolean isArray() {
        return array();
    }

    /** True for group items. */
    default boolean isGroup() {
        return type() == FieldType.GROUP;
    }

    /** Bytes of all elements at maximum OCCURS: {@code length * occursMax}. */
    default long totalLength() {
        return (long) length() * occursMax();
    }

    /** True when some item below this one is not FILLER (a FILLER group's named items are still decoded). */
    default boolean hasNamedItems() {
        for (Field c : children()) {
            if (!c.filler() || c.hasNamedItems()) {
                return true;
            }
        }
        return false;
    }

    /** True when this item or one below it has OCCURS DEPENDING ON (its size varies under variable OCCURS). */
    default boolean variableSize() {
        if (dependingOn() != null) {
            return true;
        }
        for (Field c : children()) {
            if (c.variableSize()) {
                return true;
            }
        }
        return false;
    }

    /** True when an item below this one is an OCCURS DEPENDING ON counter. */
    default boolean holdsCounter() {
        for (Field c : children()) {
            if (c.odoCounter() || c.holdsCounter()) {
                return true;
            }
        }
        return false;
    }
}
