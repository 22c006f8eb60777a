package dev.ringline.cobol;

import dev.ringline.buffer.ByteVector;
import dev.ringline.cobol.codec.DecodedNumber;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.cobol.row.RowColumn;
import dev.ringline.cobol.row.RowDecoder;
import dev.ringline.cobol.row.RowSink;
import dev.ringline.cobol.row.ValueKind;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One record's typed values in flat slots ({@link TypedLayout.Slots}): numbers as longs (unscaled for decimals, bits
 * for floats), text as UTF-8 ranges, wider decimals as objects. The cursor's instance is refilled per record without
 * allocating; a snapshot fills its own once, on its first typed getter, and never changes it after.
 */
final class TypedValues {
    private static final byte NULL = 0;
    private static final byte VALUE = 1;
    private static final byte BIG = 2;

    private final TypedLayout layout;
    private final long[] longs;
    private final byte[] state;
    private final Object[] objects;
    private final int[] textStart;
    private final int[] textLength;
    private final ByteVector text;
    private byte[] raw;
    private int rawOff;
    private int rawLen;
    private long mask = -1L;
    /** The sink frames by depth, and the number scratch of the segment selection. */
    private final Frame root;
    private final DecodedNumber number;

    TypedValues(TypedLayout layout) {
        int n = layout.slotCount();
        this.layout = layout;
        this.longs = new long[n];
        this.state = new byte[n];
        this.objects = new Object[n];
        this.textStart = new int[n];
        this.textLength = new int[n];
        this.text = new ByteVector(256);
        this.root = new Frame(this);
        this.number = new DecodedNumber();
    }

    /** Decodes the record {@code src[off, off + len)} into the slots. Allocates nothing (but decimals of 19+ digits). */
    void decode(byte[] src, int off, int len, long sequence, long inputOffset, RowDecoder.Context ctx) {
        Arrays.fill(state, NULL);
        text.clear();
        raw = src;
        rawOff = off;
        rawLen = len;
        mask = layout.select(src, off, len, number);
        root.node = layout.root();
        root.base = 0;
        layout.decoder().decode(src, off, len, sequence, inputOffset, ctx, root);
    }

    // ------------------------------------------------------------------ getters

    private int slot(FieldPath p) {
        if (p.layout != layout && !layout.compatible(p.layout)) {
            throw new FieldAccessException(ErrorCode.UNKNOWN_FIELD_PATH, p.text,
                    "resolved for another layout or other options than this decode's");
        }
        return p.slot;
    }

    private static FieldAccessException wrongType(FieldPath p, String wanted) {
        return new FieldAccessException(ErrorCode.WRONG_FIELD_TYPE, p.text, "is " + p.kind() + ", not " + wanted);
    }

    private int present(FieldPath p, int slot) {
        if (state[slot] == NULL) {
            throw new FieldAccessException(ErrorCode.NULL_VALUE, p.text, "is null in record");
        }
        return slot;
    }

    long getLong(FieldPath p) {
        int s = slot(p);
        ValueKind kind = p.node.column.kind();
        if (kind != ValueKind.INT && kind != ValueKind.LONG) {
            throw wrongType(p, "INT or LONG");
        }
        return longs[present(p, s)];
    }

    int getInt(FieldPath p) {
        int s = slot(p);
        if (p.node.column.kind() != ValueKind.INT) {
            throw wrongType(p, "INT");
        }
        return (int) longs[present(p, s)];
    }

    double getDouble(FieldPath p) {
        int s = slot(p);
        ValueKind kind = p.node.column.kind();
        if (kind != ValueKind.FLOAT && kind != ValueKind.DOUBLE) {
            throw wrongType(p, "FLOAT or DOUBLE");
        }
        return Double.longBitsToDouble(longs[present(p, s)]);
    }

    BigDecimal getDecimal(FieldPath p) {
        int s = slot(p);
        ValueKind kind = p.node.column.kind();
        if (kind != ValueKind.DECIMAL && kind != ValueKind.INT && kind != ValueKind.LONG) {
            throw wrongType(p, "DECIMAL, INT or LONG");
        }
        return (BigDecimal) value(p.node.column, p.node, s);
    }

    String getString(FieldPath p) {
        int s = slot(p);
        if (p.node.column.kind() != ValueKind.TEXT) {
            throw wrongType(p, "TEXT");
        }
        return (String) value(p.node.column, p.node, s);
    }

    Object getValue(FieldPath p) {
        return value(p.node.column, p.node, slot(p));
    }

    @SuppressWarnings("unchecked")
    List<Object> getArray(FieldPath p) {
        int s = slot(p);
        if (p.node.column.kind() != ValueKind.ARRAY) {
            throw wrongType(p, "ARRAY");
        }
        return (List<Object>) value(p.node.column, p.node, s);
    }

    int arrayLength(FieldPath p) {
        int s = slot(p);
        if (p.node.column.kind() != ValueKind.ARRAY) {
            throw wrongType(p, "ARRAY");
        }
        return (int) longs[present(p, s)];
    }

    boolean isNull(FieldPath p) {
        return state[slot(p)] == NULL;
    }

    byte[] getBytes(FieldPath p) {
        slot(p);
        int from = Math.min(p.byteOffset, rawLen);
        int to = Math.min(p.byteOffset + p.byteLength, rawLen);
        return Arrays.copyOfRange(raw, rawOff + from, rawOff + to);
    }

    List<String> views() {
        return layout.views(mask);
    }

    /** Every top-level value, as {@link DecodedRecord#values()}. */
    Map<String, Object> values() {
        return group(layout.root(), 0);
    }

    private Object value(RowColumn column, TypedLayout.Slots node, int s) {
        if (state[s] == NULL) {
            return null;
        }
        switch (column.kind()) {
            case INT:
                return (int) longs[s];
            case LONG:
                return longs[s];
            case DECIMAL:
                return state[s] == BIG ? objects[s] : BigDecimal.valueOf(longs[s], column.scale());
            case FLOAT:
                return (float) Double.longBitsToDouble(longs[s]);
            case DOUBLE:
                return Double.longBitsToDouble(longs[s]);
            case TEXT:
                return new String(text.array(), textStart[s], textLength[s], StandardCharsets.UTF_8);
            case GROUP:
                return group(node, s);
            default:
                int length = (int) longs[s];
                Object[] elements = new Object[length];
                for (int i = 0; i < length; i++) {
                    elements[i] = value(node.element.column, node.element, s + 1 + i * node.stride);
                }
                return Collections.unmodifiableList(Arrays.asList(elements));
        }
    }

    private Map<String, Object> group(TypedLayout.Slots node, int s) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < node.children.length; i++) {
            TypedLayout.Slots child = node.children[i];
            map.put(child.column.name(), value(child.column, child, s + node.childOffset[i]));
        }
        return Collections.unmodifiableMap(map);
    }

    // ------------------------------------------------------------------ filling

    /** The sink of one level of the record: a group's members or an array's elements, at {@code base}. */
    private static final class Frame implements RowSink {
        private final TypedValues v;
        TypedLayout.Slots node;
        int base;
        private Frame next;

        Frame(TypedValues v) {
            this.v = v;
        }

        private int slotOf(int ordinal) {
            return node.children != null ? base + node.childOffset[ordinal] : base + 1 + ordinal * node.stride;
        }

        private Frame child(int ordinal, int slot) {
            if (next == null) {
                next = new Frame(v); // once per depth, on the first record
            }
            next.node = node.children != null ? node.children[ordinal] : node.element;
            next.base = slot;
            return next;
        }

        private void set(int ordinal, long value) {
            int s = slotOf(ordinal);
            v.longs[s] = value;
            v.state[s] = VALUE;
        }

        @Override
        public void setNull(int ordinal) {
            v.state[slotOf(ordinal)] = NULL;
        }

        @Override
        public void setInt(int ordinal, int value) {
            set(ordinal, value);
        }

        @Override
        public void setLong(int ordinal, long value) {
            set(ordinal, value);
        }

        @Override
        public void setDecimal(int ordinal, long unscaled, int precision, int scale) {
            set(ordinal, unscaled);
        }

        @Override
        public void setBigDecimal(int ordinal, BigDecimal value, int precision) {
            int s = slotOf(ordinal);
            v.objects[s] = value;
            v.state[s] = BIG;
        }

        @Override
        public void setFloat(int ordinal, float value) {
            set(ordinal, Double.doubleToRawLongBits(value));
        }

        @Override
        public void setDouble(int ordinal, double value) {
            set(ordinal, Double.doubleToRawLongBits(value));
        }

        @Override
        public void setText(int ordinal, byte[] utf8, int off, int len) {
            int s = slotOf(ordinal);
            v.textStart[s] = v.text.length();
            v.textLength[s] = len;
            v.text.append(utf8, off, len);
            v.state[s] = VALUE;
        }

        @Override
        public RowSink startGroup(int ordinal, RowColumn group) {
            int s = slotOf(ordinal);
            v.state[s] = VALUE;
            return child(ordinal, s);
        }

        @Override
        public void endGroup(int ordinal, RowColumn group, RowSink members) {
        }

        @Override
        public RowSink startArray(int ordinal, RowColumn array, int length) {
            int s = slotOf(ordinal);
            v.state[s] = VALUE;
            v.longs[s] = length;
            return child(ordinal, s);
        }

        @Override
        public void endArray(int ordinal, RowColumn array, RowSink elements) {
        }
    }
}
