package dev.ringline.cobol.copybook;

import dev.ringline.cobol.codec.BinaryInteger;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.DecodedNumber;
import dev.ringline.cobol.codec.FieldDecodeException;
import dev.ringline.cobol.codec.PackedDecimal;
import dev.ringline.cobol.codec.ZonedDecimal;
import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.ErrorCode;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Segments} resolved against one layout: gives every view of a governed REDEFINES set a bit and tells, per
 * record, which bits are selected. Immutable and thread-safe; {@link #select} allocates nothing. Every output
 * (the JSON writer, a typed view) asks this one class which views a record has.
 */
public final class SegmentSelector {
    private final Field discriminator;
    private final boolean text;
    private final boolean emitUnknown;
    private final Map<Field, Long> bits = new IdentityHashMap<>();
    private final byte[][] textKeys;
    private final long[] numberKeys;
    private final long[] masks;
    /** Bytes trimmed from a text discriminator: those whose char is U+0020 or below (spaces, low-values). */
    private final boolean[] blank = new boolean[256];
    private final CodePage codePage;
    private final boolean bigEndian;

    SegmentSelector(Segments segments, RecordLayout layout, CodePage codePage, boolean binaryBigEndian) {
        this.codePage = codePage;
        this.bigEndian = binaryBigEndian;
        for (int b = 0; b < 256; b++) {
            blank[b] = codePage.toChar(b) <= ' ';
        }
        this.emitUnknown = segments.emitUnknown();
        Map<Field, Field> parents = new IdentityHashMap<>();
        parents(layout.root(), parents);
        Field disc = layout.find(segments.field()).orElseThrow(() -> reference("segment field "
                + segments.field() + " is not in record " + layout.name()));
        if (disc.isGroup() || disc.type() == FieldType.FLOAT_SINGLE || disc.type() == FieldType.FLOAT_DOUBLE) {
            throw reference("segment field " + disc.path() + " must be an elementary text or integer field");
        }
        // in a union the discriminator is read in the first record: every record has it at the same place
        for (Field p = disc; p != null; p = parents.get(p)) {
            if (p.isArray()) {
                throw reference("segment field " + disc.path() + " is inside a table (" + p.path() + ")");
            }
        }
        this.discriminator = disc;
        this.text = disc.type() == FieldType.ALPHANUMERIC || disc.type() == FieldType.ALPHABETIC;
        if (!text && (disc.numeric() == null || disc.numeric().scale() != 0
                || disc.type() == FieldType.NUMERIC_EDITED)) {
            throw reference("segment field " + disc.path() + " must be text or an integer, not " + disc.type());
        }

        // each mapped view, and every member of its REDEFINES set, gets a bit
        Map<String, Field> viewsByName = new java.util.HashMap<>();
        int nextBit = 0;
        for (String name : segments.viewNames()) {
            Field view = findView(layout, name, parents);
            viewsByName.put(name.toUpperCase(java.util.Locale.ROOT), view);
            for (Field member : redefinesSet(layout, view, parents)) {
                if (!bits.containsKey(member)) {
                    if (nextBit == 63) {
                        throw reference("more than 63 views in governed REDEFINES sets");
                    }
                    bits.put(member, 1L << nextBit++);
                }
            }
        }
        for (Field view : bits.keySet()) {
            if (!layout.multiRecord() && contains(view, disc)) {
                throw reference("segment field " + disc.path() + " is inside view " + view.path()
                        + ": it must be common to every view");
            }
        }
        int n = segments.views().size();
        textKeys = new byte[n][];
        numberKeys = new long[n];
        masks = new long[n];
        int i = 0;
        for (Map.Entry<String, List<String>> e : segments.views().entrySet()) {
            long mask = 0;
            for (String v : e.getValue()) {
                mask |= bits.get(viewsByName.get(v.toUpperCase(java.util.Locale.ROOT)));
            }
            masks[i] = mask;
            if (text) {
                byte[] key = new byte[e.getKey().length()];
                try {
                    codePage.encode(e.getKey(), key, 0, key.length);
                } catch (FieldDecodeException ex) {
                    throw reference("segment value '" + e.getKey() + "': " + ex.getMessage());
                }
                textKeys[i] = key;
            } else {
                try {
                    numberKeys[i] = Long.parseLong(e.getKey());
                } catch (NumberFormatException ex) {
                    throw reference("segment value '" + e.getKey() + "' is not an integer, but " + disc.path()
                            + " is numeric");
                }
            }
            i++;
        }
    }

    private static CobolException reference(String message) {
        return new CobolException(ErrorCode.COPYBOOK_REFERENCE, message);
    }

    private static void parents(Field field, Map<Field, Field> out) {
        for (Field child : field.children()) {
            out.put(child, field);
            parents(child, out);
        }
    }

    private static boolean contains(Field ancestor, Field field) {
        if (ancestor == field) {
            return true;
        }
        for (Field child : ancestor.children()) {
            if (contains(child, field)) {
                return true;
            }
        }
        return false;
    }

    private static Field findView(RecordLayout layout, String name, Map<Field, Field> parents) {
        List<Field> candidates = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (Field f : layout.flatten()) {
            boolean view = f != layout.root() && (f.redefines() != null || f.redefined()
                    || (layout.multiRecord() && parents.get(f) == layout.root()));
            if (view && !f.filler()) {
                known.add(f.name());
                if (f.name().equalsIgnoreCase(name) || f.path().equalsIgnoreCase(name)) {
                    candidates.add(f);
                }
            }
        }
        if (candidates.isEmpty()) {
            throw reference("segment view " + name + " is not a REDEFINES view" + (layout.multiRecord()
                    ? " or record" : "") + " of " + layout.name() + "; views: "
                    + (known.isEmpty() ? "none" : String.join(", ", known)));
        }
        if (candidates.size() > 1) {
            throw reference("segment view " + name + " is ambiguous; use a path such as " + candidates.get(0).path());
        }
        return candidates.get(0);
    }

    /** The view and every item of its REDEFINES set, in copybook order. */
    private static List<Field> redefinesSet(RecordLayout layout, Field view, Map<Field, Field> parents) {
        Field parent = parents.get(view);
        List<Field> siblings = parent.children();
        if (layout.multiRecord() && parent == layout.root()) {
            return siblings;
        }
        int at = siblings.indexOf(view);
        int first = at;
        while (siblings.get(first).redefines() != null) {
            first--;
        }
        int last = first;
        while (last + 1 < siblings.size() && siblings.get(last + 1).redefines() != null) {
            last++;
        }
        return siblings.subList(first, last + 1);
    }

    /** The discriminator field. */
    public Field discriminator() {
        return discriminator;
    }

    /** Whether a record with an unmapped value is written with its common items (else it is rejected). */
    public boolean emitUnknown() {
        return emitUnknown;
    }

    /** The bit of {@code field} if it is a view of a governed set, else 0. */
    public long viewBit(Field field) {
        Long bit = bits.get(field);
        return bit == null ? 0 : bit;
    }

    /** The view bits of each mapped value, in the order of {@link Segments#views()} (a copy). */
    public long[] masks() {
        return masks.clone();
    }

    /** The views of governed sets, in no particular order. */
    public java.util.Set<Field> views() {
        return java.util.Collections.unmodifiableSet(bits.keySet());
    }

    /**
     * The bits of the views the record {@code src[off, off + len)} selects; 0 when its value maps to none (also
     * when the record is too short to hold the discriminator or a numeric one does not decode).
     *
     * @param scratch a per-thread number buffer, used for numeric discriminators
     */
    public long select(byte[] src, int off, int len, DecodedNumber scratch) {
        Field f = discriminator;
        int start = f.offset();
        int end = start + f.length();
        if (end > len) {
            return 0;
        }
        if (text) {
            int from = off + start;
            int to = off + end;
            while (from < to && blank[src[from] & 0xFF]) {
                from++;
            }
            while (to > from && blank[src[to - 1] & 0xFF]) {
                to--;
            }
            int n = to - from;
            for (int i = 0; i < textKeys.length; i++) {
                byte[] key = textKeys[i];
                if (key.length == n && java.util.Arrays.equals(key, 0, n, src, from, to)) {
                    return masks[i];
                }
            }
            return 0;
        }
        long value;
        try {
            switch (f.type()) {
                case ZONED:
                    ZonedDecimal.decode(src, off + start, f.length(), f.numeric(), codePage.isEbcdic(), true, scratch);
                    break;
                case PACKED:
                    PackedDecimal.decode(src, off + start, f.length(), f.numeric(), scratch);
                    break;
                default:
                    BinaryInteger.decode(src, off + start, f.length(), f.numeric(),
                            bigEndian && f.usage() != Usage.COMP_9, scratch);
                    break;
            }
            if (scratch.isBlank()) {
                return 0;
            }
            value = scratch.toLong();
        } catch (FieldDecodeException e) {
            return 0;
        }
        for (int i = 0; i < numberKeys.length; i++) {
            if (numberKeys[i] == value) {
                return masks[i];
            }
        }
        return 0;
    }

    /** The discriminator's value as text, for error messages (allocates). */
    public String describe(byte[] src, int off, int len) {
        Field f = discriminator;
        if (f.offset() + f.length() > len) {
            return "(record of " + len + " bytes ends before " + f.path() + ")";
        }
        StringBuilder sb = new StringBuilder();
        if (text) {
            codePage.decode(src, off + f.offset(), f.length(), sb);
            return "'" + sb.toString().trim() + "'";
        }
        for (int i = 0; i < f.length(); i++) {
            sb.append(String.format("%02X", src[off + f.offset() + i] & 0xFF));
        }
        return "0x" + sb;
    }
}
