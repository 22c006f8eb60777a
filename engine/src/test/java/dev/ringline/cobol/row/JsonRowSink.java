package dev.ringline.cobol.row;

import dev.ringline.buffer.ByteVector;
import dev.ringline.cobol.codec.FloatingPoint;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * A test sink that writes the values as the JSON writer's text (same key order, number text and escapes), so a
 * typed decode can be compared with {@code RecordDecoder}'s output byte for byte.
 */
public class JsonRowSink implements RowSink {
    private final StringBuilder out;
    private final java.util.List<RowColumn> columns;
    private final boolean array;
    private boolean first = true;

    JsonRowSink(StringBuilder out, java.util.List<RowColumn> columns, boolean array) {
        this.out = out;
        this.columns = columns;
        this.array = array;
    }

    /** Decodes one record to its JSON line (without the newline). */
    public static String toJson(RowDecoder decoder, byte[] record, long index) {
        return toJson(decoder, record, 0, record.length, index, decoder.newContext());
    }

    /** Decodes {@code record[off, off + len)} to its JSON line (without the newline) with a reused context. */
    public static String toJson(RowDecoder decoder, byte[] record, int off, int len, long index,
                                RowDecoder.Context ctx) {
        StringBuilder sb = new StringBuilder("{");
        decoder.decode(record, off, len, index, 0, ctx, new JsonRowSink(sb, decoder.columns(), false));
        return sb.append('}').toString();
    }

    private void key(int ordinal) {
        if (!first) {
            out.append(',');
        }
        first = false;
        if (!array) {
            appendString(columns.get(ordinal).name());
            out.append(':');
        }
    }

    void appendString(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\b': out.append("\\b"); break;
                case '\t': out.append("\\t"); break;
                case '\n': out.append("\\n"); break;
                case '\f': out.append("\\f"); break;
                case '\r': out.append("\\r"); break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    @Override
    public void setNull(int ordinal) {
        key(ordinal);
        out.append("null");
    }

    @Override
    public void setInt(int ordinal, int value) {
        key(ordinal);
        out.append(value);
    }

    @Override
    public void setLong(int ordinal, long value) {
        key(ordinal);
        out.append(value);
    }

    @Override
    public void setDecimal(int ordinal, long unscaled, int precision, int scale) {
        key(ordinal);
        out.append(BigDecimal.valueOf(unscaled, scale).toPlainString());
    }

    @Override
    public void setBigDecimal(int ordinal, BigDecimal value, int precision) {
        key(ordinal);
        out.append(value.toPlainString());
    }

    @Override
    public void setFloat(int ordinal, float value) {
        key(ordinal);
        ByteVector v = new ByteVector(32);
        FloatingPoint.appendShortest(value, v);
        out.append(new String(v.array(), 0, v.length(), StandardCharsets.US_ASCII));
    }

    @Override
    public void setDouble(int ordinal, double value) {
        key(ordinal);
        ByteVector v = new ByteVector(32);
        FloatingPoint.appendShortest(value, v);
        out.append(new String(v.array(), 0, v.length(), StandardCharsets.US_ASCII));
    }

    @Override
    public void setText(int ordinal, byte[] utf8, int off, int len) {
        key(ordinal);
        appendString(new String(utf8, off, len, StandardCharsets.UTF_8));
    }

    @Override
    public RowSink startGroup(int ordinal, RowColumn group) {
        key(ordinal);
        out.append('{');
        return new JsonRowSink(out, group.children(), false);
    }

    @Override
    public void endGroup(int ordinal, RowColumn group, RowSink members) {
        out.append('}');
    }

    @Override
    public RowSink startArray(int ordinal, RowColumn array, int length) {
        key(ordinal);
        out.append('[');
        return new JsonRowSink(out, java.util.List.of(array.element()), true);
    }

    @Override
    public void endArray(int ordinal, RowColumn array, RowSink elements) {
        out.append(']');
    }
}
