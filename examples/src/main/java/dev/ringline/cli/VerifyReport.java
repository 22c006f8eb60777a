package dev.ringline.cli;

import dev.ringline.cobol.copybook.Field;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.error.DecodeError;
import dev.ringline.cobol.json.RejectsSink;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code ringline verify} found: every error the lenient decode reported (they arrive here in record order on
 * the ordered stage), counted by field path (table indices dropped) and error code, with the first examples of each
 * field: record, offsets and the field's raw bytes in hex. Rendered as text or JSON.
 */
final class VerifyReport implements RejectsSink {
    /** One example of an error. */
    record Example(long record, long recordOffset, long fieldOffset, String path, String code, String message,
                   String hex) {
    }

    /** Errors of one field (path without indices), by code, with the first examples. */
    static final class FieldErrors {
        final Map<String, Long> byCode = new TreeMap<>();
        final List<Example> examples = new ArrayList<>();
        long count;
    }

    private final RecordLayout layout;
    private final int examplesPerField;
    private final Map<String, FieldErrors> fields = new TreeMap<>();
    private boolean variableRecords;
    private long errors;
    private long recordsWithErrors;
    private long lastRecord = -1;

    VerifyReport(RecordLayout layout, int examplesPerField) {
        this.layout = layout;
        this.examplesPerField = examplesPerField;
    }

    @Override
    public void reject(DecodeError error, byte[] raw, int off, int len) {
        errors++;
        if (error.recordSequence() != lastRecord) {
            recordsWithErrors++;
            lastRecord = error.recordSequence();
        }
        String path = error.fieldPath() == null ? "(record)" : error.fieldPath().replaceAll("\\[\\d+]", "[]");
        FieldErrors f = fields.computeIfAbsent(path, k -> new FieldErrors());
        f.count++;
        f.byCode.merge(error.code().name(), 1L, Long::sum);
        if (f.examples.size() < examplesPerField) {
            int[] span = span(error.fieldPath());
            String hex;
            long fieldOffset;
            if (span == null || span[0] + span[1] > len) {
                hex = HexFormat.of().formatHex(raw, off, off + Math.min(len, 64));
                fieldOffset = error.fieldByteOffset();
            } else {
                hex = HexFormat.of().formatHex(raw, off + span[0], off + span[0] + span[1]);
                fieldOffset = error.byteOffset() + (variableRecords ? 4 : 0) + span[0];
            }
            f.examples.add(new Example(error.recordSequence(), error.byteOffset(), fieldOffset,
                    error.fieldPath(), error.code().name(), error.message(), hex));
        }
    }

    /** RDW or VB input: a record's offset is its RDW's, 4 bytes before the payload the raw bytes hold. */
    void variableRecords(boolean variable) {
        this.variableRecords = variable;
    }

    /** Offset in the record payload and length of the field a path like {@code A[2].B} names, or null. */
    private int[] span(String path) {
        if (path == null) {
            return null;
        }
        String plain = path.replaceAll("\\[\\d+]", "");
        Field target = null;
        for (Field f : layout.flatten()) {
            if (f.path().equals(plain)) {
                target = f;
                break;
            }
        }
        if (target == null) {
            return null;
        }
        int offset = target.offset();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([^.\\[]+)\\[(\\d+)]").matcher(path);
        while (m.find()) {
            String prefix = path.substring(0, m.end(1)).replaceAll("\\[\\d+]", "");
            for (Field f : layout.flatten()) {
                if (f.path().equals(prefix)) {
                    offset += Integer.parseInt(m.group(2)) * f.length();
                    break;
                }
            }
        }
        return new int[] {offset, target.length()};
    }

    @Override
    public long count() {
        return errors;
    }

    @Override
    public void close() {
    }

    long errors() {
        return errors;
    }

    long recordsWithErrors() {
        return recordsWithErrors;
    }

    Map<String, FieldErrors> fields() {
        return fields;
    }

    /** The report as text lines. */
    String text(Map<String, Object> checks) {
        StringBuilder sb = new StringBuilder();
        checks.forEach((k, v) -> {
            if (v instanceof Map) { // a group of checks: one indented line each
                sb.append(k).append(":\n");
                ((Map<?, ?>) v).forEach((k2, v2) -> sb.append("  ").append(k2).append(": ").append(v2).append('\n'));
            } else {
                sb.append(k).append(": ").append(v).append('\n');
            }
        });
        sb.append(String.format(Locale.ROOT, "errors: %,d in %,d records%n", errors, recordsWithErrors));
        fields.forEach((path, f) -> {
            sb.append(String.format(Locale.ROOT, "  %s: %,d %s%n", path, f.count, f.byCode));
            for (Example e : f.examples) {
                sb.append(String.format(Locale.ROOT, "    record %d at byte %d (field at byte %d): %s: %s; bytes %s%n",
                        e.record(), e.recordOffset(), e.fieldOffset(), e.code(), e.message(), e.hex()));
            }
        });
        return sb.toString();
    }

    /** The report as one JSON object. */
    String json(Map<String, Object> checks) {
        Map<String, Object> root = new LinkedHashMap<>(checks);
        root.put("errors", errors);
        root.put("recordsWithErrors", recordsWithErrors);
        Map<String, Object> byField = new LinkedHashMap<>();
        fields.forEach((path, f) -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("count", f.count);
            o.put("byCode", f.byCode);
            List<Object> examples = new ArrayList<>();
            for (Example e : f.examples) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("record", e.record());
                x.put("recordOffset", e.recordOffset());
                x.put("fieldOffset", e.fieldOffset());
                x.put("field", e.path());
                x.put("code", e.code());
                x.put("message", e.message());
                x.put("hex", e.hex());
                examples.add(x);
            }
            o.put("examples", examples);
            byField.put(path, o);
        });
        root.put("fields", byField);
        StringBuilder sb = new StringBuilder();
        write(root, sb);
        return sb.append('\n').toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(Object v, StringBuilder sb) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(e.getKey(), sb);
                sb.append(':');
                write(e.getValue(), sb);
            }
            sb.append('}');
        } else if (v instanceof List) {
            sb.append('[');
            boolean first = true;
            for (Object o : (List<Object>) v) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                write(o, sb);
            }
            sb.append(']');
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else {
            string(v.toString(), sb);
        }
    }

    private static void string(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }
}
