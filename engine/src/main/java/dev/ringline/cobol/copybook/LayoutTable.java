package dev.ringline.cobol.copybook;

import dev.ringline.cobol.codec.NumericFormat;

import java.util.ArrayList;
import java.util.List;

/** Renders {@link RecordLayout#toTable()}: the Cobrix layout columns plus type, digits, scale and occurs. */
final class LayoutTable {
    private LayoutTable() {
    }

    static String render(RecordLayout layout) {
        List<String[]> rows = new ArrayList<>();
        collect(layout.root(), 0, rows);
        String[] header = {"LEVEL/NAME", "ATTRIBS", "START", "END", "LENGTH", "TYPE", "DIGITS", "SCALE", "OCCURS"};
        int[] widths = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            widths[c] = header[c].length();
        }
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, header, widths);
        for (String[] row : rows) {
            appendRow(out, row, widths);
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, String[] row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < row.length; c++) {
            boolean left = c <= 1 || c == 5;
            if (c > 0) {
                line.append("  ");
            }
            String cell = row[c];
            if (left) {
                line.append(cell).append(" ".repeat(widths[c] - cell.length()));
            } else {
                line.append(" ".repeat(widths[c] - cell.length())).append(cell);
            }
        }
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        out.append(line, 0, end).append('\n');
    }

    private static void collect(Field field, int depth, List<String[]> rows) {
        String attributes = (field.redefines() != null ? "R" : "") + (field.redefined() ? "r" : "")
                + (field.odoCounter() ? "D" : "") + (field.isArray() ? "[]" : "");
        NumericFormat numeric = field.numeric();
        rows.add(new String[] {
            "  ".repeat(depth) + field.level() + " " + field.name(),
            attributes,
            Integer.toString(field.offset() + 1),
            Integer.toString(field.offset() + field.length()),
            Integer.toString(field.length()),
            field.type().name(),
            numeric == null ? "" : Integer.toString(numeric.digits()),
            numeric == null ? "" : Integer.toString(numeric.scale()),
            !field.isArray() ? "" : field.dependingOn() != null
                    ? field.occursMin() + ".." + field.occursMax() + " ON " + field.dependingOn().name()
                    : field.occursMin() == field.occursMax() ? Integer.toString(field.occursMax())
                    : field.occursMin() + ".." + field.occursMax()
        });
        for (Field child : field.children()) {
            collect(child, depth + 1, rows);
        }
    }
}
