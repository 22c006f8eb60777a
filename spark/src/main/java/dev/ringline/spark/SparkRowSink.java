package dev.ringline.spark;

import dev.ringline.cobol.row.RowColumn;
import dev.ringline.cobol.row.RowSink;

import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.UTF8String;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Puts typed values into Spark's internal row types: a struct's or an array's values as an {@code Object[]},
 * {@link UTF8String} text (its own copy of the UTF-8 bytes), {@link Decimal} numbers from the unscaled long.
 */
final class SparkRowSink implements RowSink {
    final Object[] values;

    SparkRowSink(Object[] values) {
        this.values = values;
    }

    @Override
    public void setNull(int ordinal) {
        values[ordinal] = null;
    }

    @Override
    public void setInt(int ordinal, int value) {
        values[ordinal] = value;
    }

    @Override
    public void setLong(int ordinal, long value) {
        values[ordinal] = value;
    }

    @Override
    public void setDecimal(int ordinal, long unscaled, int precision, int scale) {
        values[ordinal] = new Decimal().set(unscaled, precision, scale);
    }

    @Override
    public void setBigDecimal(int ordinal, BigDecimal value, int precision) {
        values[ordinal] = Decimal.apply(value, precision, value.scale());
    }

    @Override
    public void setFloat(int ordinal, float value) {
        values[ordinal] = value;
    }

    @Override
    public void setDouble(int ordinal, double value) {
        values[ordinal] = value;
    }

    @Override
    public void setText(int ordinal, byte[] utf8, int off, int len) {
        values[ordinal] = UTF8String.fromBytes(Arrays.copyOfRange(utf8, off, off + len));
    }

    @Override
    public RowSink startGroup(int ordinal, RowColumn group) {
        return new SparkRowSink(new Object[group.children().size()]);
    }

    @Override
    public void endGroup(int ordinal, RowColumn group, RowSink members) {
        values[ordinal] = new GenericInternalRow(((SparkRowSink) members).values);
    }

    @Override
    public RowSink startArray(int ordinal, RowColumn array, int length) {
        return new SparkRowSink(new Object[length]);
    }

    @Override
    public void endArray(int ordinal, RowColumn array, RowSink elements) {
        values[ordinal] = new GenericArrayData(((SparkRowSink) elements).values);
    }
}
