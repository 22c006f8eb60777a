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
final class FlatPlan {
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
    void write(RecordDecoder.Context ctx, ByteVector out) {
        byte[] src = ctx.src;
        int off = ctx.off;
        int recordLength = ctx.len;
        int p = out.length();
        out.ensureCapacity(p + maxBytes);
        byte[] a = out.array();
        for (int i = 0; i < kinds.length; i++) {
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
            out.setLength(p);
            general[i].write(ctx, out);
            p = out.length();
            out.ensureCapacity(p + maxBytes);
            a = out.array();
        }
        System.arraycopy(after, 0, a, p, after.length);
        out.setLength(p + after.length);
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
