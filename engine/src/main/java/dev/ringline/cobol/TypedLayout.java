package dev.ringline.cobol;

import dev.ringline.cobol.codec.DecodedNumber;
import dev.ringline.cobol.copybook.Field;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.copybook.SegmentSelector;
import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.cobol.row.RowColumn;
import dev.ringline.cobol.row.RowDecoder;
import dev.ringline.cobol.row.RowOptions;
import dev.ringline.cobol.row.ValueKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The typed shape of a decode's records: the columns of the typed decode ({@code dev.ringline.cobol.row}) compiled
 * once from a layout and the decode's options, and where each value lives in a decoded record. Resolve field paths
 * here once, then read values with them from every record ({@link TypedRecord}).
 *
 * <pre>{@code
 * TypedLayout typed = CobolDecoder.typedLayout(layout, options);
 * FieldPath balance = typed.path("ACCOUNT.BALANCE");
 * FieldPath thirdCode = typed.path("CODES[2]");
 * CobolDecoder.decode(in, layout, options, record -> total.add(record.getDecimal(balance)));
 * }</pre>
 *
 * <p>Immutable and thread-safe. A path resolved here reads the records of any decode of the same layout object with
 * equal options.
 */
public final class TypedLayout {
    private final RecordLayout layout;
    private final RowOptions options;
    private final RowDecoder decoder;
    private final Slots root;
    private final SegmentSelector segments;
    private final List<Field> views;
    private final long[] viewBits;
    /** Decoding state of snapshots' lazy typed decode, per thread (a layout is shared). */
    private final ThreadLocal<RowDecoder.Context> contexts;

    private TypedLayout(RecordLayout layout, RowOptions options) {
        this.layout = layout;
        this.options = options;
        this.decoder = RowDecoder.compile(layout, options);
        this.root = Slots.group(null, decoder.columns());
        this.segments = options.segments() == null ? null
                : options.segments().compile(layout, options.codePage(), options.binaryBigEndian());
        this.views = segments == null ? List.of() : List.copyOf(segments.views());
        this.viewBits = new long[views.size()];
        for (int i = 0; i < views.size(); i++) {
            viewBits[i] = segments.viewBit(views.get(i));
        }
        this.contexts = ThreadLocal.withInitial(decoder::newContext);
    }

    /**
     * The typed values of a record kept by a snapshot, decoded on the calling thread (a lenient policy's field errors
     * were reported by the decode already: dropped here).
     */
    TypedValues decode(byte[] record, long sequence, long offset) {
        RowDecoder.Context ctx = contexts.get();
        ctx.clearFieldErrors();
        TypedValues values = new TypedValues(this);
        values.decode(record, 0, record.length, sequence, offset, ctx);
        ctx.clearFieldErrors();
        return values;
    }

    /**
     * Compiles the typed shape of {@code layout} decoded with {@code options}.
     *
     * @throws FieldAccessException COPYBOOK_UNSUPPORTED for an item the typed decode cannot type (PIC G without a
     *                              double-byte code page, as the JSON writer refuses it)
     */
    static TypedLayout compile(RecordLayout layout, DecodeOptions options) {
        Objects.requireNonNull(layout, "layout");
        try {
            return new TypedLayout(layout, RowOptions.of(options.jsonOptions()));
        } catch (IllegalArgumentException | CobolException e) {
            throw new FieldAccessException(ErrorCode.COPYBOOK_UNSUPPORTED, layout.name(), e.getMessage());
        }
    }

    /** The record layout. */
    public RecordLayout layout() {
        return layout;
    }

    /** The top-level columns, in copybook order: names, value kinds, precision and scale, children. */
    public List<RowColumn> columns() {
        return decoder.columns();
    }

    /**
     * Resolves a field path once: column names (the JSON keys, case ignored) joined by dots, an OCCURS element as
     * {@code NAME[i]} with a 0-based index, as in the JSON arrays: {@code "ACCOUNT.BALANCE"},
     * {@code "ITEMS[3].QTY"}. A path may end at a group or a whole OCCURS table.
     *
     * @throws FieldAccessException UNKNOWN_FIELD_PATH for a name that is no column there, an index outside the
     *                              table, an index on an item without OCCURS, or a table crossed without an index
     */
    public FieldPath path(String path) {
        Objects.requireNonNull(path, "path");
        Slots node = root;
        int slot = 0;
        long extraBytes = 0;
        String[] parts = path.split("\\.", -1);
        for (int p = 0; p < parts.length; p++) {
            String part = parts[p].trim();
            int index = -1;
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                if (!part.endsWith("]")) {
                    throw unknown(path, "'" + part + "' is not NAME or NAME[i]");
                }
                try {
                    index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1).trim());
                } catch (NumberFormatException e) {
                    throw unknown(path, "'" + part + "' has no numeric index");
                }
                part = part.substring(0, bracket).trim();
            }
            if (node.children == null) {
                throw unknown(path, "'" + parts[p - 1].trim() + "' is not a group");
            }
            int k = node.child(part);
            if (k < 0) {
                throw unknown(path, "no column '" + part + "' in " + (p == 0 ? "the record" : "'"
                        + parts[p - 1].trim() + "'") + " (columns: " + node.names() + ")");
            }
            slot += node.childOffset[k];
            node = node.children[k];
            if (index >= 0) {
                if (node.column.kind() != ValueKind.ARRAY) {
                    throw unknown(path, "'" + part + "' has no OCCURS: no index");
                }
                if (index >= node.maxLength) {
                    throw unknown(path, "index " + index + " outside '" + part + "' (0.." + (node.maxLength - 1)
                            + ")");
                }
                slot += 1 + index * node.stride;
                extraBytes += (long) index * node.column.field().length();
                node = node.element;
            } else if (p < parts.length - 1 && node.column.kind() == ValueKind.ARRAY) {
                throw unknown(path, "'" + part + "' is an OCCURS table: give an element, as " + part + "[i]");
            }
        }
        if (node == root) {
            throw unknown(path, "empty path");
        }
        Field field = node.column.field();
        long length = node.column.kind() == ValueKind.ARRAY ? field.totalLength() : field.length();
        return new FieldPath(this, path, node, slot, Math.toIntExact(field.offset() + extraBytes),
                Math.toIntExact(length));
    }

    private static FieldAccessException unknown(String path, String message) {
        return new FieldAccessException(ErrorCode.UNKNOWN_FIELD_PATH, path, message);
    }

    /** True when a path resolved by {@code other} reads records of this shape. */
    boolean compatible(TypedLayout other) {
        return this == other || (layout == other.layout && options.equals(other.options));
    }

    RowDecoder decoder() {
        return decoder;
    }

    Slots root() {
        return root;
    }

    int slotCount() {
        return root.width;
    }

    /** The view bits the record {@code src[off, off + len)} selects; -1 (all) without a segment selection. */
    long select(byte[] src, int off, int len, DecodedNumber scratch) {
        return segments == null ? -1L : segments.select(src, off, len, scratch);
    }

    /** The names of the views {@code mask} selects; empty without a segment selection. */
    List<String> views(long mask) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            if ((viewBits[i] & mask) != 0) {
                names.add(views.get(i).name());
            }
        }
        return List.copyOf(names);
    }

    /**
     * Where a column's values live in a decoded record's slots: a leaf takes one slot, a group one for its presence
     * then its members', an OCCURS table one for its length then {@code maxLength} elements of {@code stride} slots.
     */
    static final class Slots {
        final RowColumn column;
        final int width;
        final Slots[] children;
        final int[] childOffset;
        final Slots element;
        final int stride;
        final int maxLength;

        private Slots(RowColumn column, int width, Slots[] children, int[] childOffset, Slots element, int maxLength) {
            this.column = column;
            this.width = width;
            this.children = children;
            this.childOffset = childOffset;
            this.element = element;
            this.stride = element == null ? 0 : element.width;
            this.maxLength = maxLength;
        }

        static Slots group(RowColumn column, List<RowColumn> members) {
            Slots[] kids = new Slots[members.size()];
            int[] offsets = new int[members.size()];
            int width = 1;
            for (int i = 0; i < kids.length; i++) {
                kids[i] = of(members.get(i));
                offsets[i] = width;
                width = Math.addExact(width, kids[i].width);
            }
            return new Slots(column, width, kids, offsets, null, 0);
        }

        static Slots of(RowColumn column) {
            if (column.kind() == ValueKind.GROUP) {
                return group(column, column.children());
            }
            if (column.kind() == ValueKind.ARRAY) {
                Slots element = of(column.element());
                int max = column.field().occursMax();
                return new Slots(column, Math.addExact(1, Math.multiplyExact(max, element.width)), null, null,
                        element, max);
            }
            return new Slots(column, 1, null, null, null, 0);
        }

        int child(String name) {
            for (int i = 0; i < children.length; i++) {
                if (children[i].column.name().equalsIgnoreCase(name)) {
                    return i;
                }
            }
            return -1;
        }

        String names() {
            List<String> names = new ArrayList<>();
            for (Slots c : children) {
                names.add(c.column.name().toUpperCase(Locale.ROOT));
            }
            return String.join(", ", names);
        }
    }
}
