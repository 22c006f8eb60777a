package dev.ringline.spark;

import dev.ringline.buffer.ByteVector;
import dev.ringline.cobol.codec.FloatingPoint;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A Spark row as the engine's JSON line (same keys, number text and escapes), metadata columns left out. */
final class RowJson {
    private RowJson() {
    }

    static String toJson(Row row) {
        StringBuilder out = new StringBuilder();
        struct(row, row.schema(), out);
        return out.toString();
    }

    private static void struct(Row row, StructType schema, StringBuilder out) {
        out.append('{');
        boolean first = true;
        StructField[] fields = schema.fields();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].name().startsWith("_")) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            string(fields[i].name(), out);
            out.append(':');
            value(row.get(i), fields[i].dataType(), out);
        }
        out.append('}');
    }

    private static void value(Object v, DataType type, StringBuilder out) {
        if (v == null) {
            out.append("null");
        } else if (type instanceof StructType) {
            struct((Row) v, (StructType) type, out);
        } else if (type instanceof ArrayType) {
            out.append('[');
            List<?> list = scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<?>) v);
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                value(list.get(i), ((ArrayType) type).elementType(), out);
            }
            out.append(']');
        } else if (v instanceof BigDecimal) {
            out.append(((BigDecimal) v).toPlainString());
        } else if (v instanceof Float || v instanceof Double) {
            ByteVector b = new ByteVector(32);
            if (v instanceof Float) {
                FloatingPoint.appendShortest((Float) v, b);
            } else {
                FloatingPoint.appendShortest((Double) v, b);
            }
            out.append(new String(b.array(), 0, b.length(), StandardCharsets.US_ASCII));
        } else if (v instanceof String) {
            string((String) v, out);
        } else {
            out.append(v);
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
