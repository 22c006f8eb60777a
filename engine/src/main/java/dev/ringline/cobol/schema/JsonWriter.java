package dev.ringline.cobol.schema;

import java.util.List;
import java.util.Map;

/** Writes a tree of maps, lists, strings, numbers, booleans and nulls as indented JSON text. */
final class JsonWriter {
    private JsonWriter() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, 0, out);
        return out.append('\n').toString();
    }

    private static void write(Object value, int indent, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "\n" : ",\n");
                first = false;
                pad(indent + 1, out);
                string((String) e.getKey(), out);
                out.append(": ");
                write(e.getValue(), indent + 1, out);
            }
            out.append('\n');
            pad(indent, out);
            out.append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            boolean simple = list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
            out.append('[');
            boolean first = true;
            for (Object v : list) {
                out.append(first ? "" : ",");
                if (!simple) {
                    out.append('\n');
                    pad(indent + 1, out);
                } else if (!first) {
                    out.append(' ');
                }
                first = false;
                write(v, indent + 1, out);
            }
            if (!simple) {
                out.append('\n');
                pad(indent, out);
            }
            out.append(']');
        } else if (value instanceof String s) {
            string(s, out);
        } else {
            out.append(value); // numbers (BigDecimal plain), booleans, null
        }
    }

    private static void pad(int indent, StringBuilder out) {
        out.append("  ".repeat(indent));
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
