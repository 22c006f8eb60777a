package dev.ringline.cobol.schema;

import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.copybook.FieldType;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.copybook.UniqueKeys;
import dev.ringline.cobol.json.JsonOptions;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An Avro schema of the records a decode produces, member for member like the JSON lines ({@link JsonLineSchema}):
 * groups are records (named by their path, so every name is unique), OCCURS are arrays, text is {@code string},
 * COMP-1/COMP-2 are {@code float}/{@code double}; numbers of scale 0 are {@code int} (up to 9 digits) or
 * {@code long} (up to 18; binary fields count the digits their bytes can hold, as the decoder writes any value
 * the bytes hold), others the {@code decimal} logical type on {@code bytes} with the declared precision and
 * scale (a negative scale, {@code PIC 9(3)PP}, is a decimal of scale 0 with the extra digits). A member that can be
 * null or absent is a union with {@code "null"} first, default null. Names are the JSON keys with every character
 * outside {@code [A-Za-z0-9_]} replaced by {@code _} (made unique again if that merges two).
 */
public final class AvroSchema {
    private final String namespace;

    private AvroSchema(String namespace) {
        this.namespace = namespace;
    }

    /**
     * The schema as JSON text.
     *
     * @param layout       the record layout
     * @param options      the JSON settings of the decode ({@code DecodeOptions.jsonOptions()})
     * @param shortRecords records may end before the layout does (RDW or VB framing)
     * @param namespace    the Avro namespace of every named type, for example {@code com.example.cobol}
     * @return the schema, indented, ending with a newline; a union of records when segments select among the
     *         records of a union layout
     */
    public static String of(RecordLayout layout, JsonOptions options, boolean shortRecords, String namespace) {
        List<Shape> roots = Shape.roots(layout, options, shortRecords);
        AvroSchema writer = new AvroSchema(namespace);
        if (roots.size() == 1) {
            return JsonWriter.write(writer.record(name(layout.name()), roots.get(0), options.emitMeta()));
        }
        List<Object> union = new ArrayList<>();
        for (int i = 0; i < roots.size(); i++) {
            String name = i < layout.fields().size() ? layout.fields().get(i).name() : layout.name() + "-COMMON";
            union.add(writer.record(name(name), roots.get(i), options.emitMeta()));
        }
        return JsonWriter.write(union);
    }

    private Map<String, Object> record(String name, Shape shape, boolean meta) {
        List<Object> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (meta) {
            names.addAll(List.of("_record", "_offset", "_length"));
        }
        for (Shape.Member m : shape.members) {
            names.add(name(m.key()));
        }
        List<String> unique = UniqueKeys.assign(names);
        int k = 0;
        if (meta) {
            for (int i = 0; i < 3; i++) {
                fields.add(field(unique.get(k++), "long", false));
            }
        }
        for (Shape.Member m : shape.members) {
            String fieldName = unique.get(k++);
            fields.add(field(fieldName, type(name + "_" + fieldName, m.value()),
                    !m.required() || m.value().nullable));
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", "record");
        record.put("name", name);
        if (namespace != null && !namespace.isEmpty()) {
            record.put("namespace", namespace);
        }
        record.put("fields", fields);
        return record;
    }

    private static Map<String, Object> field(String name, Object type, boolean nullable) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("name", name);
        if (nullable) {
            field.put("type", List.of("null", type));
            field.put("default", null);
        } else {
            field.put("type", type);
        }
        return field;
    }

    private Object type(String name, Shape shape) {
        switch (shape.kind) {
            case OBJECT:
                return record(name, shape, false);
            case ARRAY:
                Object items = type(name, shape.element);
                Map<String, Object> array = new LinkedHashMap<>();
                array.put("type", "array");
                array.put("items", shape.element.nullable ? List.of("null", items) : items);
                return array;
            case TEXT:
                return "string";
            case FLOAT:
                return shape.field.type() == FieldType.FLOAT_SINGLE ? "float" : "double";
            default:
                return number(shape);
        }
    }

    private static Object number(Shape shape) {
        NumericFormat format = shape.numeric();
        int digits = format.digits();
        if (shape.field.type() == FieldType.NATIVE_BINARY || shape.field.type() == FieldType.BINARY) {
            // the decoder writes the value the bytes hold, even past the picture's digits
            int bits = 8 * shape.field.length() - (format.signed() ? 1 : 0);
            digits = Math.max(digits, BigInteger.ONE.shiftLeft(bits).toString().length());
        }
        int scale = format.scale();
        int precision = scale < 0 ? digits - scale : digits;
        if (scale <= 0 && precision <= 9) {
            return "int";
        }
        if (scale <= 0 && precision <= 18) {
            return "long";
        }
        Map<String, Object> decimal = new LinkedHashMap<>();
        decimal.put("type", "bytes");
        decimal.put("logicalType", "decimal");
        decimal.put("precision", Math.max(precision, Math.max(scale, 1)));
        decimal.put("scale", Math.max(scale, 0));
        return decimal;
    }

    /** An Avro name: letters, digits and underscores, not starting with a digit. */
    static String name(String key) {
        StringBuilder sb = new StringBuilder(key.length() + 1);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (c >= '0' && c <= '9');
            sb.append(ok ? c : '_');
        }
        if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) {
            sb.insert(0, '_');
        }
        return sb.toString();
    }
}
