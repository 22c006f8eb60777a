package dev.ringline.cli;

import dev.ringline.cobol.codec.BinaryInteger;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.codec.PackedDecimal;
import dev.ringline.cobol.codec.ZonedDecimal;
import dev.ringline.cobol.copybook.Field;
import dev.ringline.cobol.copybook.FieldType;
import dev.ringline.cobol.copybook.RecordLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fills fixed-length records of a parsed layout with pseudo-random values from a seeded {@link SplittableRandom},
 * field by field, with the codec's encoders. Every element of every OCCURS table is filled; items that
 * REDEFINES another are left to the item they overlay. Text is letters, digits and spaces; numbers use every
 * stored digit (at most 18) and, when signed, both signs.
 *
 * <p>The same layout, code page and seed give the same records, and after each {@link #fill} the values of that
 * record can be read back with {@link #unscaled(int)} and {@link #text(int)}, which is how tests know what a
 * decoder must return. No allocation per record.
 */
final class RecordGenerator {
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789  ".toCharArray();
    private static final int MAX_DIGITS = 18;

    private final CodePage codePage;
    private final SplittableRandom random;
    private final int recordLength;
    private final Field[] fields;
    private final int[] offsets;
    private final long[] bounds;
    private final long[] values;
    private final StringBuilder[] texts;

    RecordGenerator(RecordLayout layout, CodePage codePage, long seed) {
        if (layout.hasDependingOn()) {
            throw new IllegalArgumentException("record " + layout.name()
                    + " has OCCURS DEPENDING ON; the generator writes fixed-length records only");
        }
        this.codePage = codePage;
        this.random = new SplittableRandom(seed);
        this.recordLength = layout.length();
        List<Field> slotFields = new ArrayList<>();
        List<Integer> slotOffsets = new ArrayList<>();
        collect(layout.root(), 0, slotFields, slotOffsets);
        int n = slotFields.size();
        fields = slotFields.toArray(new Field[0]);
        offsets = new int[n];
        bounds = new long[n];
        values = new long[n];
        texts = new StringBuilder[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = slotOffsets.get(i);
            Field field = fields[i];
            if (isText(field)) {
                texts[i] = new StringBuilder(field.length());
            } else {
                bounds[i] = bound(field);
            }
        }
    }

    /** Walks the layout, expanding each OCCURS; {@code shift} is the byte shift of the enclosing elements. */
    private static void collect(Field field, int shift, List<Field> out, List<Integer> offsets) {
        if (field.redefines() != null) {
            return;
        }
        int count = field.isArray() ? field.occursMax() : 1;
        for (int i = 0; i < count; i++) {
            int elementShift = shift + i * field.length();
            if (field.isGroup()) {
                for (Field child : field.children()) {
                    collect(child, elementShift, out, offsets);
                }
            } else {
                check(field);
                out.add(field);
                offsets.add(field.offset() + elementShift);
            }
        }
    }

    private static void check(Field field) {
        switch (field.type()) {
            case ALPHANUMERIC:
            case ALPHABETIC:
            case ZONED:
            case PACKED:
            case BINARY:
            case NATIVE_BINARY:
                return;
            default:
                throw new IllegalArgumentException("the generator cannot fill field " + field.path() + " of type "
                        + field.type());
        }
    }

    private static boolean isText(Field field) {
        return field.type() == FieldType.ALPHANUMERIC || field.type() == FieldType.ALPHABETIC;
    }

    /** One more than the largest unscaled value the field gets: 10^stored digits, capped at 18 digits. */
    private static long bound(Field field) {
        NumericFormat fmt = field.numeric();
        int digits = Math.min(MAX_DIGITS, fmt.digits() - Math.max(0, -fmt.scale()));
        long bound = 1;
        for (int i = 0; i < digits; i++) {
            bound *= 10;
        }
        return bound;
    }

    /** Bytes of one record. */
    int recordLength() {
        return recordLength;
    }

    /** Number of elementary values per record (OCCURS elements counted one by one). */
    int valueCount() {
        return fields.length;
    }

    /** The field of value {@code i}. */
    Field field(int i) {
        return fields[i];
    }

    /** The record offset of value {@code i}. */
    int offset(int i) {
        return offsets[i];
    }

    /** The unscaled value (value times 10^scale) of numeric value {@code i} in the last record filled. */
    long unscaled(int i) {
        return values[i];
    }

    /** The text of text value {@code i} in the last record filled; null for numbers. Overwritten by fill. */
    CharSequence text(int i) {
        return texts[i];
    }

    /** Fills {@code record[0, recordLength)} with the next record. */
    void fill(byte[] record) {
        for (int i = 0; i < fields.length; i++) {
            Field field = fields[i];
            int off = offsets[i];
            if (texts[i] != null) {
                StringBuilder text = texts[i];
                fillText(text, field.length());
                codePage.encode(text, record, off, field.length());
                continue;
            }
            NumericFormat fmt = field.numeric();
            long v = random.nextLong(bounds[i]);
            if (fmt.signed() && random.nextBoolean()) {
                v = -v;
            }
            values[i] = v;
            switch (field.type()) {
                case ZONED:
                    ZonedDecimal.encodeUnscaled(v, fmt, codePage.isEbcdic(), record, off);
                    break;
                case PACKED:
                    PackedDecimal.encodeUnscaled(v, fmt, record, off);
                    break;
                default:
                    BinaryInteger.encodeUnscaled(v, fmt, true, record, off, field.length());
                    break;
            }
        }
    }

    /** Letters, digits and spaces, ten chars per random long. */
    private void fillText(StringBuilder text, int length) {
        text.setLength(0);
        long bits = 0;
        for (int k = 0; k < length; k++) {
            if (k % 10 == 0) {
                bits = random.nextLong();
            }
            text.append(ALPHABET[(int) (bits & 63)]);
            bits >>>= 6;
        }
    }
}
