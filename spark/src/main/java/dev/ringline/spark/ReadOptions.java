package dev.ringline.spark;

import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.FloatingPoint;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.CopybookOptions;
import dev.ringline.cobol.copybook.Segments;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.framing.FramingOptions;
import dev.ringline.cobol.json.BlankNumerics;
import dev.ringline.cobol.json.EmptyText;
import dev.ringline.cobol.json.Fillers;
import dev.ringline.cobol.json.JsonOptions;
import dev.ringline.cobol.json.RecordDecoder;
import dev.ringline.cobol.json.Trim;
import dev.ringline.cobol.row.RowOptions;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reader's options, parsed once on the driver and shipped to the executors (which parse the copybook text
 * again: layouts are not serializable). Names follow the command line's ({@code --record-length} is
 * {@code record_length}).
 */
record ReadOptions(String copybookText, String record, String format, int recordLength, String codepage,
                   String trim, String onError, String floatFormat, boolean rdwLittleEndian,
                   boolean rdwExcludesHeader, long splitBytes, String splitStrategy, boolean underscoreNames,
                   String segmentField, String segments, List<String> paths, Values values) implements Serializable {
    private static final long serialVersionUID = 1L;
    static final long MIB = 1L << 20;

    /**
     * The value and copybook options of the command line's {@code decode} under its names: {@code blank_numerics},
     * {@code empty_text}, {@code binary_order}, {@code filler}, {@code variable_occurs}, {@code unknown_segment},
     * {@code copybook_format}, {@code copybook_columns}; and {@code max_record_length} (0: the layout's length).
     */
    record Values(BlankNumerics blankNumerics, EmptyText emptyText, boolean binaryBigEndian, Fillers fillers,
                  boolean variableOccurs, boolean emitUnknownSegment, boolean lenientCopybook, int firstColumn,
                  int lastColumn, int maxRecordLength) implements Serializable {
        private static final long serialVersionUID = 1L;

        static Values parse(Map<String, String> options) {
            int first = CopybookOptions.FIRST_COLUMN;
            int last = CopybookOptions.LAST_COLUMN;
            String columns = get(options, "copybook_columns", null);
            if (columns != null) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(\\d+)\\s*-\\s*(\\d+)\\s*")
                        .matcher(columns);
                if (!m.matches()) {
                    throw new IllegalArgumentException("ringline: copybook_columns takes FIRST-LAST, e.g. 7-72, not '"
                            + columns + "'");
                }
                first = Integer.parseInt(m.group(1));
                last = Integer.parseInt(m.group(2));
            }
            Values values = new Values(
                    BlankNumerics.valueOf(oneOf(options, "blank_numerics", "reject", "reject", "null", "zero")
                            .toUpperCase(Locale.ROOT)),
                    EmptyText.valueOf(oneOf(options, "empty_text", "string", "string", "null").toUpperCase(Locale.ROOT)),
                    oneOf(options, "binary_order", "big", "big", "little").equals("big"),
                    Fillers.valueOf(oneOf(options, "filler", "omit", "omit", "keep").toUpperCase(Locale.ROOT)),
                    strictBool(options, "variable_occurs"),
                    oneOf(options, "unknown_segment", "reject", "reject", "emit").equals("emit"),
                    oneOf(options, "copybook_format", "standard", "standard", "lenient").equals("lenient"),
                    first, last, Integer.parseInt(get(options, "max_record_length", "0").trim()));
            if (values.maxRecordLength() < 0 || values.maxRecordLength() > FramingOptions.MAX_RECORD_LENGTH_LIMIT) {
                throw new IllegalArgumentException("ringline: max_record_length must be 1.."
                        + FramingOptions.MAX_RECORD_LENGTH_LIMIT + ": " + values.maxRecordLength());
            }
            values.copybookOptions(); // fails early on bad columns
            return values;
        }

        CopybookOptions copybookOptions() {
            try {
                return CopybookOptions.defaults().withLenient(lenientCopybook).withColumns(firstColumn, lastColumn);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ringline: copybook_columns: " + e.getMessage(), e);
            }
        }
    }

    /** Parses Spark's case-insensitive options; {@code copybookReader} reads the {@code copybook} path. */
    static ReadOptions parse(Map<String, String> options, java.util.function.Function<String, String> copybookReader) {
        String text = get(options, "copybook_text", null);
        String copybook = get(options, "copybook", null);
        if ((text == null) == (copybook == null)) {
            throw new IllegalArgumentException("ringline: give exactly one of the options copybook (a path) and "
                    + "copybook_text");
        }
        if (text == null) {
            text = copybookReader.apply(copybook);
        }
        String format = oneOf(options, "format", "fixed", "fixed", "rdw", "vb");
        String lengthText = get(options, "record_length", null);
        int recordLength = lengthText == null ? 0 : Integer.parseInt(lengthText.trim());
        if (recordLength != 0 && !format.equals("fixed")) {
            throw new IllegalArgumentException("ringline: record_length applies to format fixed only");
        }
        String codepage = get(options, "codepage", "cp037");
        CodePage.of(codepage); // fails early on an unknown name
        double splitMb = Double.parseDouble(get(options, "split_size_mb", "128"));
        long splitBytes = Math.max(1, (long) (splitMb * MIB));
        String splitBytesText = get(options, "split_size_bytes", null); // exact sizes, for tests and tuning
        if (splitBytesText != null) {
            splitBytes = Math.max(1, Long.parseLong(splitBytesText.trim()));
        }
        ReadOptions parsed = new ReadOptions(text, get(options, "record", null), format, recordLength, codepage,
                oneOf(options, "trim", "right", "none", "left", "right", "both"),
                oneOf(options, "on_error", "skip", "skip", "fail", "null"),
                oneOf(options, "float", "ibm", "ibm", "ieee"),
                bool(options, "rdw_little_endian"), bool(options, "rdw_excludes_header"), splitBytes,
                oneOf(options, "split_strategy", "offset", "offset", "index", "file"),
                oneOf(options, "column_names", "as_written", "as_written", "underscore").equals("underscore"),
                get(options, "segment_field", null), get(options, "segment", null), paths(options),
                Values.parse(options));
        if ((parsed.segmentField() == null) != (parsed.segments() == null)) {
            throw new IllegalArgumentException("ringline: segment_field and segment go together");
        }
        parsed.rowOptions(); // fails early on a bad segment mapping
        parsed.layout(); // fails early on a bad copybook or record name
        return parsed;
    }

    /**
     * The record layout (parses the copybook text): the union of the copybook's records when the segment views
     * name its 01 records and no {@code record} is given (as the command line does), else the record (or the first).
     */
    RecordLayout layout() {
        Copybook copybook = Copybook.parse(copybookText, "copybook", values.copybookOptions());
        if (record == null && segmentField != null && copybook.records().size() > 1) {
            boolean allRecords = true;
            for (String view : segmentSelection().viewNames()) {
                allRecords &= copybook.records().stream().anyMatch(r -> r.name().equalsIgnoreCase(view));
            }
            if (allRecords) {
                return copybook.union();
            }
        }
        return record == null ? copybook.firstRecord() : copybook.record(record);
    }

    /**
     * Whether the records of a fixed-format file are as long as their content ({@code variable_occurs} over a layout
     * with OCCURS DEPENDING ON, as the command line reads them): such a file has no record boundary at a computable
     * byte offset, so it is split by {@link SplitIndex}'s sequential pass ({@code offset} and {@code index}) or read
     * whole ({@code file}).
     */
    boolean contentLength(RecordLayout layout) {
        return format.equals("fixed") && values.variableOccurs() && layout.hasDependingOn();
    }

    /**
     * The decoder whose {@link RecordDecoder#recordLengthFunction()} frames content-length records (the one the
     * command line uses: the DEPENDING ON counters, segments and byte order decide a record's length), or null when
     * the records have one length.
     */
    RecordDecoder lengthDecoder(RecordLayout layout) {
        if (!contentLength(layout)) {
            return null;
        }
        RowOptions row = rowOptions();
        return RecordDecoder.compile(layout, new JsonOptions(row.codePage(), row.trim(), false, false,
                row.nullOnFieldError(), row.blankNumerics(), row.emptyText(), row.fillers(), true, row.segments(),
                row.binaryBigEndian(), row.floatFormat()));
    }

    /**
     * These options without the ones that only place the read (paths, split size and strategy, column names): the
     * part that shapes the layout, the decoder and the framing, as a cache key.
     */
    ReadOptions shape() {
        return new ReadOptions(copybookText, record, format, recordLength, codepage, trim, onError, floatFormat,
                rdwLittleEndian, rdwExcludesHeader, 0, "", false, segmentField, segments, List.of(), values);
    }

    /** The framing of the files, as the command line builds it. */
    FramingOptions framing(RecordLayout layout) {
        switch (format) {
            case "fixed":
                return FramingOptions.fixed(recordLength > 0 ? recordLength : layout.length());
            case "rdw":
                return variant(FramingOptions.rdw(), layout);
            default:
                return variant(FramingOptions.vb(), layout);
        }
    }

    /**
     * RDW/VB records are at most {@code max_record_length} bytes, by default the layout's length: the bound lets a
     * split find its first true record near its start (without it a false header such as EBCDIC spaces, 0x4040,
     * reads as a 16 KiB record and a false chain can run far past the next split's start).
     */
    private FramingOptions variant(FramingOptions base, RecordLayout layout) {
        FramingOptions f = rdwLittleEndian ? base.withLittleEndian() : base;
        f = rdwExcludesHeader ? f.withLengthExcludingHeader() : f;
        return f.withMaxRecordLength(values.maxRecordLength() > 0 ? values.maxRecordLength() : layout.length());
    }

    /** The typed-decode settings; {@code on_error = null} makes bad fields null. */
    RowOptions rowOptions() {
        return new RowOptions(CodePage.of(codepage), Trim.valueOf(trim.toUpperCase(Locale.ROOT)),
                onError.equals("null"), values.blankNumerics(), values.emptyText(), values.binaryBigEndian(),
                floatFormat.equals("ieee") ? FloatingPoint.Format.IEEE_754 : FloatingPoint.Format.IBM_HEX,
                segmentSelection(), values.fillers(), values.variableOccurs());
    }

    /**
     * {@code segment_field} with {@code segment}: the command line's {@code --segment} entries
     * ({@code VALUE[,VALUE...]=VIEW}) separated by {@code ;}, e.g. {@code C=CUSTOMER;O,P=ORDER-DATA}.
     */
    private Segments segmentSelection() {
        if (segmentField == null) {
            return null;
        }
        Segments selection = Segments.on(segmentField).emitUnknown(values.emitUnknownSegment());
        for (String entry : segments.split(";")) {
            int eq = entry.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("ringline: segment entry must be VALUE[,VALUE...]=VIEW: " + entry);
            }
            for (String value : entry.substring(0, eq).split(",")) {
                selection = selection.map(value, entry.substring(eq + 1));
            }
        }
        return selection;
    }

    /** The column name of a copybook name under {@code column_names}. */
    String columnName(String copybookName) {
        return underscoreNames ? copybookName.replace('-', '_') : copybookName;
    }

    private static String get(Map<String, String> options, String key, String fallback) {
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return fallback;
    }

    private static boolean bool(Map<String, String> options, String key) {
        return Boolean.parseBoolean(get(options, key, "false").trim());
    }

    /** {@code true} or {@code false} (case ignored); anything else is refused rather than read as false. */
    private static boolean strictBool(Map<String, String> options, String key) {
        return oneOf(options, key, "false", "false", "true").equals("true");
    }

    private static String oneOf(Map<String, String> options, String key, String fallback, String... allowed) {
        String value = get(options, key, fallback).trim().toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new IllegalArgumentException("ringline: option " + key + " must be one of " + String.join("|", allowed)
                + ", not " + value);
    }

    /** {@code path}, or {@code paths} as Spark writes it for {@code load(a, b)}: a JSON array of strings. */
    private static List<String> paths(Map<String, String> options) {
        List<String> paths = new ArrayList<>();
        String one = get(options, "path", null);
        if (one != null) {
            paths.add(one);
        }
        String many = get(options, "paths", null);
        if (many != null) {
            paths.addAll(jsonStrings(many));
        }
        return List.copyOf(paths);
    }

    static List<String> jsonStrings(String json) {
        List<String> out = new ArrayList<>();
        int i = json.indexOf('[') + 1;
        while (i > 0 && i < json.length()) {
            int q = json.indexOf('"', i);
            if (q < 0) {
                break;
            }
            StringBuilder s = new StringBuilder();
            int j = q + 1;
            for (; j < json.length() && json.charAt(j) != '"'; j++) {
                char c = json.charAt(j);
                if (c == '\\' && j + 1 < json.length()) {
                    char e = json.charAt(++j);
                    if (e == 'u' && j + 4 < json.length()) {
                        s.append((char) Integer.parseInt(json.substring(j + 1, j + 5), 16));
                        j += 4;
                    } else {
                        s.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'b' ? '\b'
                                : e == 'f' ? '\f' : e);
                    }
                } else {
                    s.append(c);
                }
            }
            out.add(s.toString());
            i = j + 1;
        }
        return out;
    }
}
