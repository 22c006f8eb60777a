package dev.ringline.cobol;

import dev.ringline.cobol.row.RowColumn;
import dev.ringline.cobol.row.RowSink;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the immutable typed snapshot of a record: groups as maps keyed by column name (in copybook order), OCCURS
 * as lists, decimals as {@link BigDecimal} at their declared scale, null for what the typed decode nulls. Allocates:
 * the convenience level.
 */
final class SnapshotSink implements RowSink {
    private final List<RowColumn> columns;
    private final Map<String, Object> map;
    private final List<Object> list;

    private SnapshotSink(List<RowColumn> columns, boolean array) {
        this.columns = columns;
        this.map = array ? null : new LinkedHashMap<>();
        this.list = array ? new ArrayList<>() : null;
    }

    static SnapshotSink record(List<RowColumn> columns) {
        return new SnapshotSink(columns, false);
    }

    Map<String, Object> values() {
        return Collections.unmodifiableMap(map);
    }

    private void put(int ordinal, Object value) {
        if (list != null) {
            list.add(value);
        } else {
            map.put(columns.get(ordinal).name(), value);
        }
    }

    @Override
    public void setNull(int ordinal) {
        put(ordinal, null);
    }

    @Override
    public void setInt(int ordinal, int value) {
        put(ordinal, value);
    }

    @Override
    public void setLong(int ordinal, long value) {
        put(ordinal, value);
    }

    @Override
    public void setDecimal(int ordinal, long unscaled, int precision, int scale) {
        put(ordinal, BigDecimal.valueOf(unscaled, scale));
    }

    @Override
    public void setBigDecimal(int ordinal, BigDecimal value, int precision) {
        put(ordinal, value);
    }

    @Override
    public void setFloat(int ordinal, float value) {
        put(ordinal, value);
    }

    @Override
    public void setDouble(int ordinal, double value) {
        put(ordinal, value);
    }

    @Override
    public void setText(int ordinal, byte[] utf8, int off, int len) {
        put(ordinal, new String(utf8, off, len, StandardCharsets.UTF_8));
    }

    @Override
    public RowSink startGroup(int ordinal, RowColumn group) {
        return new SnapshotSink(group.children(), false);
    }

    @Override
    public void endGroup(int ordinal, RowColumn group, RowSink members) {
        put(ordinal, ((SnapshotSink) members).values());
    }

    @Override
    public RowSink startArray(int ordinal, RowColumn array, int length) {
        return new SnapshotSink(List.of(), true); // elements are added in order
    }

    @Override
    public void endArray(int ordinal, RowColumn array, RowSink elements) {
        put(ordinal, Collections.unmodifiableList(((SnapshotSink) elements).list));
    }
}
