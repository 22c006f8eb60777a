package dev.ringline.cobol.json;

import dev.ringline.buffer.ByteVector;

import java.util.ArrayList;
import java.util.List;

/**
 * A record layout whose items all sit at fixed offsets (no OCCURS DEPENDING ON, no segment selection, no metadata),
 * compiled by {@link RecordDecoder} into one flat list of operations: for each elementary value, the JSON text
 * before it (separators, keys, the braces and brackets of groups and tables, merged into one copy) and how to write
 * it (kind, record offset, length, scale, sign). Tables are unrolled. Writing a record is one loop over primitive
 * arrays that calls the direct text and number writers without per-field virtual dispatch; a value they decline
 * (bad nibble, blank, record too short, a kind without a direct writer) goes to the field's general writer, so
 * validation, errors and the lenient policy are exactly the tree's.
 */
final class FlatPlan implements PlanWriter {
    /** Most values a plan unrolls; a layout with more (large tables) keeps the tree. */
    static final int MAX_VALUES = 4096;

    static final byte GENERAL = 0;
    static final byte TEXT = 1;
    static final byte PACKED = 2;
    static final byte ZONED = 3;
    static final byte BINARY_BIG = 4;
    static final byte BINARY_LITTLE = 5;

    /** A value's general writer: sets the table indices for error paths, then writes as the tree would. */
    interface General {
        void write(RecordDecoder.Context ctx, ByteVector out);
    }

    private final byte[][] before;
    private final byte[] kinds;
    private final int[] offsets;
    private final int[] lengths;
    private final int[] scales;
    private final boolean[] signed;
    private final General[] general;
    private final byte[] after;
    private final JsonText text;
    private final Trim trim;
    private final boolean quoted;
    /** Room for the longest line the direct writers can produce (values left to general writers not counted). */
    private final int maxBytes;

    private FlatPlan(Builder b, byte[] after) {
        int n = b.kinds.size();
        before = b.before.toArray(new byte[0][]);
        kinds = new byte[n];
        offsets = new int[n];
        lengths = new int[n];
        scales = new int[n];
        signed = new boolean[n];
        general = b.general.toArray(new General[0]);
        for (int i = 0; i < n; i++) {
            kinds[i] = b.kinds.get(i);
            offsets[i] = b.offsets.get(i);
            lengths[i] = b.lengths.get(i);
            scales[i] = b.scales.get(i);
            signed[i] = b.signed.get(i);
        }
        this.after = after;
        int room = after.length;
        for (int i = 0; i < n; i++) {
            room += before[i].length + (kinds[i] == TEXT ? JsonText.maxBytes(lengths[i]) : DirectNumbers.MAX_TEXT);
        }
        this.maxBytes = room;
        this.text = b.text;
        this.trim = b.trim;
        this.quoted = b.quoted;
    }

    /**
     * Appends the record set in {@code ctx} as one JSON object and a newline. Room for the longest line is made once,
     * and the position is kept in a local between values: the direct writers return it instead of setting the
     * vector's length.
     */
    @Override
    public void write(RecordDecoder.Context ctx, ByteVector out) {
        writeFrom(0, ctx, out, out.length());
    }

    /**
     * Writes value {@code i} with its general writer, {@code out} ending at {@code p} (the value's literal written);
     * then the rest of the record as {@link #write} does. Generated code calls this for a value its direct writer
     * declined.
     */
    void finishFrom(int i, RecordDecoder.Context ctx, ByteVector out, int p) {
        writeFrom(i + 1, ctx, out, general(i, ctx, out, p));
    }

    /**
     * Writes value {@code i} with its general writer at {@code p} and makes room for the longest line after it;
     * returns the position after the value ({@code out}'s array may have changed).
     */
    int general(int i, RecordDecoder.Context ctx, ByteVector out, int p) {
        out.setLength(p);
        general[i].write(ctx, out);
        int end = out.length();
        out.ensureCapacity(end + maxBytes);
        return end;
    }

    /** Values {@code from} to the last (each with its literal) and the text after them, from position {@code p}. */
    private void writeFrom(int from, RecordDecoder.Context ctx, ByteVector out, int p) {
        byte[] src = ctx.src;
        int off = ctx.off;
        int recordLength = ctx.len;
        out.ensureCapacity(p + maxBytes);
        byte[] a = out.array();
        for (int i = from; i < kinds.length; i++) {
            byte[] literal = before[i];
            System.arraycopy(literal, 0, a, p, literal.length);
            p += literal.length;
            int at = offsets[i];
            int len = lengths[i];
            int end = -1;
            if (at + len <= recordLength) {
                switch (kinds[i]) {
                    case TEXT:
                        end = text.appendSingleByte(src, off + at, len, trim, a, p);
                        break;
                    case PACKED:
                        end = DirectNumbers.packed(src, off + at, len, scales[i], signed[i], quoted, a, p);
                        break;
                    case ZONED:
                        end = DirectNumbers.zoned(src, off + at, len, scales[i], signed[i], quoted, a, p);
                        break;
                    case BINARY_BIG:
                        end = DirectNumbers.binary(src, off + at, len, signed[i], true, quoted, a, p);
                        break;
                    case BINARY_LITTLE:
                        end = DirectNumbers.binary(src, off + at, len, signed[i], false, quoted, a, p);
                        break;
                    default:
                        break;
                }
            }
            if (end >= 0) {
                p = end;
                continue;
            }
            p = general(i, ctx, out, p);
            a = out.array();
        }
        System.arraycopy(after, 0, a, p, after.length);
        out.setLength(p + after.length);
    }

    /** How many values the plan writes. */
    int size() {
        return kinds.length;
    }

    /** The JSON text before value {@code i}. */
    byte[] before(int i) {
        return before[i];
    }

    /** The JSON text after the last value. */
    byte[] after() {
        return after;
    }

    /** How value {@code i} is written: {@link #TEXT}, {@link #PACKED}, ..., or {@link #GENERAL}. */
    byte kind(int i) {
        return kinds[i];
    }

    /** Value {@code i}'s offset in the record. */
    int offset(int i) {
        return offsets[i];
    }

    /** Value {@code i}'s length in the record. */
    int length(int i) {
        return lengths[i];
    }

    /** Value {@code i}'s scale (numbers). */
    int scale(int i) {
        return scales[i];
    }

    /** Whether value {@code i} is a signed number. */
    boolean signed(int i) {
        return signed[i];
    }

    /** The text writer of TEXT values. */
    JsonText text() {
        return text;
    }

    /** The trim of TEXT values. */
    Trim trim() {
        return trim;
    }

    /** Whether numbers are written as JSON strings. */
    boolean quoted() {
        return quoted;
    }

    /** Room {@link #write} makes for a line: the longest line the direct writers can produce. */
    int maxBytes() {
        return maxBytes;
    }

    /** Collects the JSON text and the values in record order. */
    static final class Builder {
        private final JsonText text;
        private final Trim trim;
        private final boolean quoted;
        private final ByteVector pending = new ByteVector(64);
        private final List<byte[]> before = new ArrayList<>();
        private final List<Byte> kinds = new ArrayList<>();
        private final List<Integer> offsets = new ArrayList<>();
        private final List<Integer> lengths = new ArrayList<>();
        private final List<Integer> scales = new ArrayList<>();
        private final List<Boolean> signed = new ArrayList<>();
        private final List<General> general = new ArrayList<>();

        Builder(JsonText text, Trim trim, boolean quoted) {
            this.text = text;
            this.trim = trim;
            this.quoted = quoted;
        }

        /** JSON text written before the next value. */
        Builder literal(byte[] bytes, int from) {
            pending.append(bytes, from, bytes.length - from);
            return this;
        }

        /** One JSON punctuation byte. */
        Builder literal(char c) {
            pending.append((byte) c);
            return this;
        }

        /** The next value; false once the plan holds {@link #MAX_VALUES}. */
        boolean value(byte kind, int offset, int length, int scale, boolean isSigned, General writer) {
            if (kinds.size() == MAX_VALUES) {
                return false;
            }
            before.add(pending.toByteArray());
            pending.clear();
            kinds.add(kind);
            offsets.add(offset);
            lengths.add(length);
            scales.add(scale);
            signed.add(isSigned);
            general.add(writer);
            return true;
        }

        /** The plan, with the pending text written after the last value. */
        FlatPlan build() {
            return new FlatPlan(this, pending.toByteArray());
        }
    }
}
