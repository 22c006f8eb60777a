package dev.ringline.cobol.schema;

import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.copybook.Field;
import dev.ringline.cobol.copybook.FieldType;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.copybook.SegmentSelector;
import dev.ringline.cobol.copybook.UniqueKeys;
import dev.ringline.cobol.json.BlankNumerics;
import dev.ringline.cobol.json.EmptyText;
import dev.ringline.cobol.json.Fillers;
import dev.ringline.cobol.json.JsonOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * One value of a decoded record as the JSON writer produces it: an object of members, an array, a string, a number
 * or a float, with whether it can be null. Built by the same rules as {@code RecordDecoder}'s compilation (FILLER
 * groups transparent, elementary FILLER omitted unless kept, ODO counters declared FILLER silent, keys made unique
 * per object, REDEFINES views optional when segments select them).
 */
final class Shape {
    enum Kind { OBJECT, ARRAY, TEXT, NUMBER, FLOAT }

    /** An object member: its key, its value, and whether every record has it. */
    record Member(String key, Shape value, boolean required) {
    }

    final Kind kind;
    final Field field;
    final boolean nullable;
    final List<Member> members;
    final Shape element;
    final int minItems;
    final int maxItems;

    private Shape(Kind kind, Field field, boolean nullable, List<Member> members, Shape element, int minItems,
                  int maxItems) {
        this.kind = kind;
        this.field = field;
        this.nullable = nullable;
        this.members = members;
        this.element = element;
        this.minItems = minItems;
        this.maxItems = maxItems;
    }

    /** The numeric format of a NUMBER. */
    NumericFormat numeric() {
        return field.numeric();
    }

    /**
     * The top-level objects a record can be written as: one, or with segments over the records of a union, one per
     * record plus (if unknown segments are emitted) the common leading fields alone.
     *
     * @param shortRecords records may end before the layout does (RDW or VB framing): any field can be null
     */
    static List<Shape> roots(RecordLayout layout, JsonOptions options, boolean shortRecords) {
        Walk walk = new Walk(layout, options, shortRecords);
        List<Shape> roots = new ArrayList<>();
        if (walk.segments != null && layout.multiRecord()) {
            for (Field record : layout.fields()) {
                roots.add(walk.object(null, record.children(), true));
            }
            if (walk.segments.emitUnknown()) {
                roots.add(walk.object(null, layout.commonLeadingFields(), true));
            }
        } else {
            roots.add(walk.object(null, layout.fields(), false));
        }
        return roots;
    }

    private static final class Walk {
        final JsonOptions options;
        final boolean shortRecords;
        final SegmentSelector segments;
        final boolean lenient;

        Walk(RecordLayout layout, JsonOptions options, boolean shortRecords) {
            this.options = options;
            this.shortRecords = shortRecords;
            this.segments = options.segments() == null ? null
                    : options.segments().compile(layout, options.codePage(), options.binaryBigEndian());
            this.lenient = options.nullOnFieldError();
        }

        /** @param allViews inside a record chosen by segment every view is written */
        Shape object(Field group, List<Field> fields, boolean allViews) {
            List<Field> emitted = new ArrayList<>();
            List<Boolean> optional = new ArrayList<>();
            collect(fields, false, emitted, optional);
            List<String> names = new ArrayList<>();
            for (Field f : emitted) {
                names.add(f.filler() ? "FILLER" : f.name());
            }
            List<String> keys = UniqueKeys.assign(names);
            List<Member> members = new ArrayList<>();
            for (int i = 0; i < emitted.size(); i++) {
                Field f = emitted.get(i);
                members.add(new Member(keys.get(i), f.isArray() ? array(f, allViews) : value(f, allViews),
                        allViews || !optional.get(i)));
            }
            return new Shape(Kind.OBJECT, group, false, members, null, 0, 0);
        }

        private void collect(List<Field> fields, boolean inView, List<Field> out, List<Boolean> optional) {
            for (Field f : fields) {
                boolean view = inView || (segments != null && segments.viewBit(f) != 0);
                if (f.filler() && f.isGroup() && !f.isArray()) {
                    collect(f.children(), view, out, optional);
                    continue;
                }
                boolean written = !f.filler() || options.fillers() == Fillers.KEEP
                        || (f.isArray() && f.isGroup() && f.hasNamedItems())
                        || (options.variableOccurs() && f.variableSize());
                if (written) {
                    out.add(f);
                    optional.add(view);
                }
            }
        }

        private Shape array(Field f, boolean allViews) {
            Shape element = value(f, allViews);
            int min = f.dependingOn() == null ? f.occursMax() : f.occursMin();
            return new Shape(Kind.ARRAY, f, lenient && f.dependingOn() != null, List.of(), element, min,
                    f.occursMax());
        }

        private Shape value(Field f, boolean allViews) {
            switch (f.type()) {
                case GROUP:
                    return object(f, f.children(), allViews);
                case ALPHANUMERIC:
                case ALPHABETIC:
                case NATIONAL:
                case DBCS:
                    return new Shape(Kind.TEXT, f, shortRecords || options.emptyText() == EmptyText.NULL,
                            List.of(), null, 0, 0);
                case FLOAT_SINGLE:
                case FLOAT_DOUBLE:
                    return new Shape(Kind.FLOAT, f, shortRecords || lenient, List.of(), null, 0, 0);
                default:
                    boolean nullable = shortRecords || lenient || f.type() == FieldType.NUMERIC_EDITED
                            || (options.blankNumerics() == BlankNumerics.NULL
                            && (f.type() == FieldType.ZONED || f.type() == FieldType.PACKED));
                    return new Shape(Kind.NUMBER, f, nullable, List.of(), null, 0, 0);
            }
        }
    }
}
