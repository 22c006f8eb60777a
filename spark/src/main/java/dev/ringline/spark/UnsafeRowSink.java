package dev.ringline.spark;

import dev.ringline.cobol.row.RowColumn;
import dev.ringline.cobol.row.RowSink;
import dev.ringline.cobol.row.ValueKind;

import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeArrayWriter;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeRowWriter;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeWriter;
import org.apache.spark.sql.types.Decimal;

import java.math.BigDecimal;
import java.util.List;

/**
 * Writes typed values straight into Spark's {@code UnsafeRow} format through one {@link UnsafeRowWriter} per struct
 * and one {@link UnsafeArrayWriter} per array, all built once per reader from the compiled columns and sharing one
 * buffer: a record costs no object (text is copied from the code page's UTF-8 bytes into the row, decimals of up to
 * 18 digits are stored as their unscaled {@code long}). Wider decimals (more than 18 digits, rare) go through a
 * {@link Decimal}.
 */
abstract class UnsafeRowSink implements RowSink {
    /** Decimal digits an unscaled {@code long} holds in Spark's compact decimal form. */
    private static final int MAX_LONG_DIGITS = 18;

    /** The cursor of the shared buffer when this struct or array started. */
    int previousCursor;
    /** This struct's or array's writer: values are written the same way into either. */
    private final UnsafeWriter out;
    private final Decimal decimal = new Decimal();

    UnsafeRowSink(UnsafeWriter out) {
        this.out = out;
    }

    /** The scale of the decimal at {@code ordinal}. */
    abstract int scale(int ordinal);

    @Override
    public final void setInt(int ordinal, int value) {
        out.write(ordinal, value);
    }

    @Override
    public final void setLong(int ordinal, long value) {
        out.write(ordinal, value);
    }

    @Override
    public final void setDecimal(int ordinal, long unscaled, int precision, int scale) {
        if (precision <= MAX_LONG_DIGITS) {
            out.write(ordinal, unscaled); // the compact form: the unscaled long itself
        } else {
            out.write(ordinal, decimal.set(unscaled, precision, scale), precision, scale);
        }
    }

    @Override
    public final void setBigDecimal(int ordinal, BigDecimal value, int precision) {
        int scale = scale(ordinal);
        out.write(ordinal, Decimal.apply(value, precision, scale), precision, scale);
    }

    @Override
    public final void setFloat(int ordinal, float value) {
        out.write(ordinal, value);
    }

    @Override
    public final void setDouble(int ordinal, double value) {
        out.write(ordinal, value);
    }

    @Override
    public final void setText(int ordinal, byte[] utf8, int off, int len) {
        out.write(ordinal, utf8, off, len);
    }

    @Override
    public final void endGroup(int ordinal, RowColumn group, RowSink members) {
        out.setOffsetAndSizeFromPreviousCursor(ordinal, ((UnsafeRowSink) members).previousCursor);
    }

    /** A sink for the top-level row of {@code columns} plus {@code extra} columns written by the caller. */
    static Struct top(List<RowColumn> columns, int extra) {
        return new Struct(new UnsafeRowWriter(columns.size() + extra, 1024), columns);
    }

    static boolean wide(RowColumn c) {
        return c.kind() == ValueKind.DECIMAL && c.precision() > MAX_LONG_DIGITS;
    }

    /** Bytes of one array element in its fixed part. */
    static int elementSize(RowColumn c) {
        return c.kind() == ValueKind.INT || c.kind() == ValueKind.FLOAT ? 4 : 8;
    }

    static UnsafeRowSink child(UnsafeWriter parent, RowColumn c) {
        switch (c.kind()) {
            case GROUP:
                return new Struct(new UnsafeRowWriter(parent, c.children().size()), c.children());
            case ARRAY:
                return new Array(new UnsafeArrayWriter(parent, elementSize(c.element())), c.element());
            default:
                return null;
        }
    }

    /** The members of a struct (or the top-level row): ordinals are the columns'. */
    static final class Struct extends UnsafeRowSink {
        final UnsafeRowWriter writer;
        private final RowColumn[] columns;
        private final UnsafeRowSink[] children;

        Struct(UnsafeRowWriter writer, List<RowColumn> columns) {
            super(writer);
            this.writer = writer;
            this.columns = columns.toArray(new RowColumn[0]);
            this.children = new UnsafeRowSink[this.columns.length];
            for (int i = 0; i < children.length; i++) {
                children[i] = child(writer, this.columns[i]);
            }
        }

        /** Starts a top-level row: the buffer is rewound and every null bit cleared. */
        void startRow() {
            writer.reset();
            writer.zeroOutNullBytes();
        }

        /** Every column of this struct is null (a bad record kept as a row of nulls). */
        void setAllNull() {
            for (int i = 0; i < columns.length; i++) {
                setNull(i);
            }
        }

        @Override
        int scale(int ordinal) {
            return columns[ordinal].scale();
        }

        @Override
        public void setNull(int ordinal) {
            RowColumn c = columns[ordinal];
            if (wide(c)) {
                writer.write(ordinal, (Decimal) null, c.precision(), c.scale()); // keeps its 16-byte slot
            } else {
                writer.setNullAt(ordinal);
            }
        }

        @Override
        public RowSink startGroup(int ordinal, RowColumn group) {
            Struct members = (Struct) children[ordinal];
            members.previousCursor = writer.cursor();
            members.writer.resetRowWriter();
            return members;
        }

        @Override
        public RowSink startArray(int ordinal, RowColumn array, int length) {
            Array elements = (Array) children[ordinal];
            elements.previousCursor = writer.cursor();
            elements.writer.initialize(length);
            return elements;
        }

        @Override
        public void endArray(int ordinal, RowColumn array, RowSink elements) {
            writer.setOffsetAndSizeFromPreviousCursor(ordinal, ((UnsafeRowSink) elements).previousCursor);
        }
    }

    /** The elements of an array (OCCURS): ordinals are element indices, all of the one element column. */
    static final class Array extends UnsafeRowSink {
        final UnsafeArrayWriter writer;
        private final RowColumn element;
        private final UnsafeRowSink members;

        Array(UnsafeArrayWriter writer, RowColumn element) {
            super(writer);
            this.writer = writer;
            this.element = element;
            this.members = child(writer, element);
        }

        @Override
        int scale(int ordinal) {
            return element.scale();
        }

        @Override
        public void setNull(int ordinal) {
            if (wide(element)) {
                writer.write(ordinal, (Decimal) null, element.precision(), element.scale());
            } else if (elementSize(element) == 4) {
                writer.setNull4Bytes(ordinal);
            } else {
                writer.setNull8Bytes(ordinal);
            }
        }

        @Override
        public RowSink startGroup(int ordinal, RowColumn group) {
            members.previousCursor = writer.cursor();
            ((Struct) members).writer.resetRowWriter();
            return members;
        }

        @Override
        public RowSink startArray(int ordinal, RowColumn array, int length) {
            throw new IllegalStateException("an array element is a value or a group, not an array");
        }

        @Override
        public void endArray(int ordinal, RowColumn array, RowSink elements) {
            throw new IllegalStateException("an array element is a value or a group, not an array");
        }
    }
}
