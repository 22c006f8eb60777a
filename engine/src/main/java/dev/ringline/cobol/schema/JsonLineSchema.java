package dev.ringline.cobol.schema;

import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.json.JsonOptions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON Schema (draft 2020-12) of the JSON lines a decode writes for a layout, exactly: the keys the JSON writer
 * uses (unique per object, FILLER rules, {@code _record}/{@code _offset}/{@code _length} first when metadata is on),
 * {@code additionalProperties: false} everywhere, every member required except REDEFINES views that segments
 * select per record; numbers as {@code integer} (scale 0) or {@code number} with {@code multipleOf} the declared
 * scale, or as strings with a pattern when numbers are written as strings; OCCURS as arrays with
 * {@code minItems}/{@code maxItems} (DEPENDING ON: the declared range); {@code null} allowed where the options can
 * produce it (a lenient error policy, blank numerics or empty text as null, numeric-edited fields that are blank,
 * records shorter than the layout).
 *
 * <pre>{@code
 * String schema = JsonLineSchema.of(layout, decodeOptions.jsonOptions(), false);
 * }</pre>
 */
public final class JsonLineSchema {
    private final boolean numbersAsStrings;

    private JsonLineSchema(boolean numbersAsStrings) {
        this.numbersAsStrings = numbersAsStrings;
    }

    /**
     * The schema as JSON text.
     *
     * @param layout       the record layout
     * @param options      the JSON settings of the decode ({@code DecodeOptions.jsonOptions()})
     * @param shortRecords records may end before the layout does (RDW or VB framing): a field beyond a record's
     *                     end is written as null
     * @return the schema, indented, ending with a newline
     */
    public static String of(RecordLayout layout, JsonOptions options, boolean shortRecords) {
        List<Shape> roots = Shape.roots(layout, options, shortRecords);
        JsonLineSchema writer = new JsonLineSchema(options.numbersAsStrings());
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", layout.name());
        schema.put("description", "One JSON line of record " + layout.name() + " as ringline decode writes it");
        if (roots.size() == 1) {
            schema.putAll(writer.object(roots.get(0), options.emitMeta()));
        } else {
            schema.put("type", "object");
            List<Object> variants = new ArrayList<>();
            for (Shape root : roots) {
                variants.add(writer.object(root, options.emitMeta()));
            }
            schema.put("oneOf", variants);
        }
        return JsonWriter.write(schema);
    }

    private Map<String, Object> object(Shape shape, boolean meta) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<Object> required = new ArrayList<>();
        if (meta) {
            for (String key : List.of("_record", "_offset", "_length")) {
                Map<String, Object> count = new LinkedHashMap<>();
                count.put("type", "integer");
                count.put("minimum", 0);
                properties.put(key, count);
                required.add(key);
            }
        }
        for (Shape.Member m : shape.members) {
            properties.put(m.key(), value(m.value()));
            if (m.required()) {
                required.add(m.key());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    private Map<String, Object> value(Shape shape) {
        Map<String, Object> schema = new LinkedHashMap<>();
        String type;
        switch (shape.kind) {
            case OBJECT:
                return object(shape, false);
            case ARRAY:
                type = "array";
                schema.put("items", value(shape.element));
                schema.put("minItems", shape.minItems);
                schema.put("maxItems", shape.maxItems);
                break;
            case TEXT:
                type = "string";
                schema.put("maxLength", shape.field.length());
                break;
            case FLOAT:
                type = numbersAsStrings ? "string" : "number";
                if (numbersAsStrings) {
                    schema.put("pattern", "^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$");
                }
                break;
            default:
                type = number(shape.numeric(), numbersAsStrings, schema);
                break;
        }
        schema.put("type", shape.nullable ? List.of(type, "null") : type);
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("type", schema.remove("type"));
        ordered.putAll(schema);
        if (shape.field != null) {
            ordered.put("description", describe(shape));
        }
        return ordered;
    }

    private static String number(NumericFormat format, boolean asString, Map<String, Object> schema) {
        int scale = format.scale();
        if (asString) {
            String sign = format.signed() ? "-?" : "";
            schema.put("pattern", scale > 0 ? "^" + sign + "(0|[1-9][0-9]*)\\.[0-9]{" + scale + "}$"
                    : "^(0|" + sign + "[1-9][0-9]*)$");
            return "string";
        }
        if (!format.signed()) {
            schema.put("minimum", 0);
        }
        if (scale <= 0) {
            return "integer";
        }
        schema.put("multipleOf", BigDecimal.ONE.movePointLeft(scale));
        return "number";
    }

    private static String describe(Shape shape) {
        StringBuilder sb = new StringBuilder(shape.field.path());
        if (shape.field.picture() != null) {
            sb.append(" PIC ").append(shape.field.picture());
        }
        sb.append(' ').append(shape.field.usage().name().replace('_', '-'));
        return sb.toString();
    }
}
