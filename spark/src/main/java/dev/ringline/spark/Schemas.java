package dev.ringline.spark;

import dev.ringline.cobol.copybook.Field;
import dev.ringline.cobol.row.RowColumn;
import dev.ringline.cobol.row.RowDecoder;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Copybook columns to Spark types, and a pruned Spark schema back to the copybook items to decode. */
final class Schemas {
    /** The hidden metadata columns: file path, record start offset, record index (RDW/VB: with record_index = exact). */
    static final String FILE = "_file";
    static final String OFFSET = "_offset";
    static final String RECORD = "_record";

    private Schemas() {
    }

    /** The opt-in column of a bad record's raw bytes (null for good records). */
    static StructField corruptField(String name) {
        return new StructField(name, DataTypes.BinaryType, true, Metadata.empty());
    }

    /** The data schema of every column of {@code decoder}. */
    static StructType schema(RowDecoder decoder, ReadOptions options) {
        return struct(decoder.columns(), options);
    }

    private static StructType struct(List<RowColumn> columns, ReadOptions options) {
        List<StructField> fields = new ArrayList<>();
        for (RowColumn c : columns) {
            fields.add(new StructField(options.columnName(c.name()), type(c, options), true, Metadata.empty()));
        }
        return DataTypes.createStructType(fields);
    }

    private static DataType type(RowColumn c, ReadOptions options) {
        switch (c.kind()) {
            case INT:
                return DataTypes.IntegerType;
            case LONG:
                return DataTypes.LongType;
            case DECIMAL:
                return DataTypes.createDecimalType(c.precision(), c.scale());
            case FLOAT:
                return DataTypes.FloatType;
            case DOUBLE:
                return DataTypes.DoubleType;
            case TEXT:
                return DataTypes.StringType;
            case GROUP:
                return struct(c.children(), options);
            case ARRAY:
                return DataTypes.createArrayType(type(c.element(), options), true);
            default:
                throw new IllegalStateException("unknown kind " + c.kind());
        }
    }

    /**
     * The copybook items a pruned schema asks for: a top-level column by name, and within a struct (also an array
     * of structs) only the members the pruned struct keeps.
     */
    static Set<String> selectedPaths(RowDecoder full, StructType required, ReadOptions options) {
        Set<String> paths = new HashSet<>();
        select(full.columns(), required, options, paths);
        return paths;
    }

    private static void select(List<RowColumn> columns, StructType required, ReadOptions options, Set<String> out) {
        for (RowColumn c : columns) {
            String name = options.columnName(c.name());
            for (StructField f : required.fields()) {
                if (f.name().equals(name)) {
                    out.add(c.field().path());
                    RowColumn value = c.element() != null ? c.element() : c;
                    DataType t = f.dataType();
                    if (t instanceof org.apache.spark.sql.types.ArrayType) {
                        t = ((org.apache.spark.sql.types.ArrayType) t).elementType();
                    }
                    if (value.children().isEmpty()) {
                        break;
                    }
                    select(value.children(), (StructType) t, options, out);
                    break;
                }
            }
        }
    }

    /** A field filter for {@link RowDecoder#compile} from {@link #selectedPaths}. */
    static java.util.function.Predicate<Field> filter(Set<String> paths) {
        return field -> paths.contains(field.path());
    }
}
