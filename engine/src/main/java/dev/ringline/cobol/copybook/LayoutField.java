package dev.ringline.cobol.copybook;

import dev.ringline.cobol.codec.NumericFormat;

import java.util.List;
import java.util.Objects;

/** The one implementation of {@link Field}; its constructor is for {@link LayoutBuilder} only. */
record LayoutField(String name, boolean filler, int level, String path, int offset, int length, FieldType type,
                   NumericFormat numeric, String picture, Usage usage, int occursMin, int occursMax,
                   boolean array, Field dependingOn, boolean odoCounter, String redefines, boolean redefined,
                   boolean justifiedRight, boolean sync, List<ConditionName> conditions,
                   List<Field> children) implements Field {
    LayoutField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(usage, "usage");
        conditions = List.copyOf(conditions);
        children = List.copyOf(children);
    }

    /** Short form; the default record form would print the whole subtree. */
    @Override
    public String toString() {
        return "Field[" + path + " " + type + " offset=" + offset + " length=" + length
                + (array ? " occurs=" + occursMin + ".." + occursMax : "") + "]";
    }
}
