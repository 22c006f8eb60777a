package dev.ringline.cobol.copybook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The immutable byte layout of one record of a copybook (one 01 level, a 77 item, or the synthetic
 * {@code RECORD}). Thread-safe; build it once and share it. {@link #find}, {@link #flatten} and
 * {@link #toTable} are set-up-time conveniences ({@link #flatten} is precomputed, the others allocate).
 */
public final class RecordLayout {
    private final String name;
    private final Field root;
    private final int length;
    private final List<Field> flattened;
    private final boolean hasDependingOn;
    private final boolean multiRecord;

    RecordLayout(String name, Field root, int length) {
        this(name, root, length, false);
    }

    RecordLayout(String name, Field root, int length, boolean multiRecord) {
        this.multiRecord = multiRecord;
        this.name = name;
        this.root = root;
        this.length = length;
        List<Field> all = new ArrayList<>();
        collect(root, all);
        this.flattened = List.copyOf(all);
        boolean odo = false;
        for (Field field : flattened) {
            odo |= field.dependingOn() != null;
        }
        this.hasDependingOn = odo;
    }

    private static void collect(Field field, List<Field> out) {
        out.add(field);
        for (Field child : field.children()) {
            collect(child, out);
        }
    }

    /** The record name as written (the 01 or 77 name, or {@code RECORD} when the copybook has no 01 level). */
    public String name() {
        return name;
    }

    /** The record's group item: the 01 itself, or a synthetic group of level 1 wrapping a 77 or elementary 01. */
    public Field root() {
        return root;
    }

    /** The root's children, in copybook order. */
    public List<Field> fields() {
        return root.children();
    }

    /** Bytes of the record with every OCCURS at its maximum. */
    public int length() {
        return length;
    }

    /**
     * True for {@link Copybook#union()}: the root's children are the copybook's records, which redefine each other
     * implicitly (segment selection picks one per record).
     */
    public boolean multiRecord() {
        return multiRecord;
    }

    /**
     * For a {@link #multiRecord()} layout: the leading elementary fields that every record has alike (name, offset,
     * length, type, occurs, no DEPENDING ON), which is what a record of an unmapped segment still has. For a single
     * record, its top-level fields. Computed on each call: callers compile it once.
     */
    public List<Field> commonLeadingFields() {
        if (!multiRecord) {
            return fields();
        }
        List<Field> records = fields();
        List<Field> first = records.get(0).children();
        List<Field> common = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            Field f = first.get(i);
            for (Field record : records) {
                List<Field> other = record.children();
                if (i >= other.size() || !alike(f, other.get(i))) {
                    return common;
                }
            }
            common.add(f);
        }
        return common;
    }

    private static boolean alike(Field a, Field b) {
        return a.name().equalsIgnoreCase(b.name()) && a.offset() == b.offset() && a.length() == b.length()
                && a.type() == b.type() && a.occursMax() == b.occursMax() && a.dependingOn() == null
                && b.dependingOn() == null && !a.isGroup();
    }

    /** True when some array in the record has OCCURS ... DEPENDING ON. */
    public boolean hasDependingOn() {
        return hasDependingOn;
    }

    /**
     * Finds a field by dotted path ({@code COMPANY.SHORT-NAME}, also a trailing part of a path such as
     * {@code ACCOUNT-DETAIL.ACCOUNT-NUMBER}) or by name (the first such field in depth-first order). Case is
     * ignored, as in COBOL.
     */
    public Optional<Field> find(String nameOrPath) {
        if (nameOrPath.indexOf('.') >= 0) {
            for (Field field : flattened) {
                if (field.path().equalsIgnoreCase(nameOrPath)) {
                    return Optional.of(field);
                }
            }
            String suffix = "." + nameOrPath;
            for (Field field : flattened) {
                String path = field.path();
                if (path.length() > suffix.length()
                        && path.regionMatches(true, path.length() - suffix.length(), suffix, 0, suffix.length())) {
                    return Optional.of(field);
                }
            }
            return Optional.empty();
        }
        for (Field field : flattened) {
            if (field.name().equalsIgnoreCase(nameOrPath)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** Every field depth-first, the root first, groups included. */
    public List<Field> flatten() {
        return flattened;
    }

    /**
     * The field table, one aligned line per field: level and name (indented two per depth), attributes
     * ({@code R} redefines, {@code r} is redefined, {@code D} OCCURS DEPENDING ON counter, {@code []} array),
     * 1-based START and END of the first element, LENGTH of one element, type, digits, scale and occurs.
     */
    public String toTable() {
        return LayoutTable.render(this);
    }

    @Override
    public String toString() {
        return "RecordLayout[" + name + ", " + length + " bytes, " + flattened.size() + " fields]";
    }
}
