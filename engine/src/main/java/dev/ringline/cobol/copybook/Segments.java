package dev.ringline.cobol.copybook;

import dev.ringline.cobol.codec.CodePage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Segment selection for multi-layout files: a discriminator field whose (trimmed) value names, per record, the
 * REDEFINES view to decode. Immutable; each method returns a new instance.
 *
 * <pre>{@code
 * Segments segments = Segments.on("REC-TYPE")
 *         .map("C", "CUSTOMER-DATA").map("c", "CUSTOMER-DATA")
 *         .map("O", "ORDER-DATA");
 * }</pre>
 *
 * <p>Rules: a view is an item of a REDEFINES set (an item that redefines, or is redefined by, another), or a record
 * of a multi-record copybook ({@link Copybook#union()}), where the records redefine each other implicitly. A set
 * is <em>governed</em> when one of its views is mapped. Per record, of each governed set only the views its value
 * maps to are decoded and written; the set's other views are omitted. Items outside governed sets are always
 * written. A value that maps to no view makes the record an {@code UNKNOWN_SEGMENT} reject, or, with
 * {@link #emitUnknown(boolean)}, a record with only the items outside governed sets (for records of a union: the
 * leading items every record shares). Text values are compared with the field's bytes after trimming, at both
 * ends, the bytes whose char is U+0020 or below (spaces, low-values); a numeric discriminator (integer DISPLAY, packed or binary) is compared by value.
 */
public final class Segments {
    private final String field;
    private final Map<String, List<String>> views;
    private final boolean emitUnknown;

    private Segments(String field, Map<String, List<String>> views, boolean emitUnknown) {
        this.field = field;
        this.views = views;
        this.emitUnknown = emitUnknown;
    }

    /** Selection by the value of {@code field} (a name or dotted path), with no mapping yet. */
    public static Segments on(String field) {
        Objects.requireNonNull(field, "field");
        if (field.isBlank()) {
            throw new IllegalArgumentException("the segment field name is empty");
        }
        return new Segments(field.trim(), Map.of(), false);
    }

    /** Adds: records whose discriminator is {@code value} (trimmed) decode {@code view}. A value may name several views. */
    public Segments map(String value, String view) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(view, "view");
        if (view.isBlank()) {
            throw new IllegalArgumentException("the view name for segment value '" + value + "' is empty");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        views.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        copy.computeIfAbsent(value.trim(), k -> new ArrayList<>()).add(view.trim());
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        copy.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new Segments(field, java.util.Collections.unmodifiableMap(frozen), emitUnknown);
    }

    /** True: a record with an unmapped value is written with the common items only; false (default): rejected. */
    public Segments emitUnknown(boolean emit) {
        return new Segments(field, views, emit);
    }

    /** The discriminator's name or path. */
    public String field() {
        return field;
    }

    /** Trimmed values to the view names they select, in the order given. */
    public Map<String, List<String>> views() {
        return views;
    }

    /** Whether records with an unmapped value are written (with the common items) rather than rejected. */
    public boolean emitUnknown() {
        return emitUnknown;
    }

    /** Every view name that some value maps to. */
    public List<String> viewNames() {
        List<String> names = new ArrayList<>();
        for (List<String> list : views.values()) {
            for (String v : list) {
                if (names.stream().noneMatch(v::equalsIgnoreCase)) {
                    names.add(v);
                }
            }
        }
        return names;
    }

    /**
     * Resolves the names against {@code layout}; set-up time.
     *
     * @throws dev.ringline.cobol.error.CobolException COPYBOOK_REFERENCE when the field or a view does not exist or
     *                                                 cannot serve
     */
    public SegmentSelector compile(RecordLayout layout, CodePage codePage) {
        return compile(layout, codePage, true);
    }

    /**
     * Resolves the names against {@code layout}, reading a binary discriminator in {@code binaryBigEndian} order
     * (COMP-9 is little-endian either way); set-up time.
     *
     * @throws dev.ringline.cobol.error.CobolException COPYBOOK_REFERENCE when the field or a view does not exist or
     *                                                 cannot serve
     */
    public SegmentSelector compile(RecordLayout layout, CodePage codePage, boolean binaryBigEndian) {
        return new SegmentSelector(this, layout, codePage, binaryBigEndian);
    }

    @Override
    public String toString() {
        return "Segments[" + field + " " + views + (emitUnknown ? ", emit unknown" : "") + "]";
    }
}
