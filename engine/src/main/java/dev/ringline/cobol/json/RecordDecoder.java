package dev.ringline.cobol.json;

import dev.ringline.cobol.codec.BinaryInteger;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.DecodedNumber;
import dev.ringline.cobol.codec.FieldDecodeException;
import dev.ringline.cobol.codec.FloatingPoint;
import dev.ringline.cobol.codec.NumericEdited;
import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.codec.PackedDecimal;
import dev.ringline.cobol.codec.ZonedDecimal;
import dev.ringline.cobol.copybook.Field;
import dev.ringline.cobol.copybook.FieldType;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.DecodeError;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.cobol.error.RecordDecodeException;
import dev.ringline.cobol.framing.RecordLengthFunction;
import dev.ringline.memory.ByteVector;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns one record's bytes into one JSON object (a line), following a {@link RecordLayout}. Compiled once per
 * layout into a tree of field writers with pre-encoded keys, so decoding a record walks arrays, not the layout, and
 * allocates nothing (except for COMP-1/COMP-2 fields and binary fields wider than 8 bytes).
 *
 * <p>The JSON: keys are the copybook names as written, in copybook order; the 01 level is not a wrapper; groups are
 * nested objects; OCCURS are arrays (OCCURS DEPENDING ON: as many elements as the counter says); FILLER items are
 * omitted; every REDEFINES view is emitted, each decoded from the same bytes. Numbers keep the declared scale
 * ({@code PIC S9(5)V99} 12.3 is {@code 12.30}). A field that lies beyond the end of a short (variable-length) record
 * is {@code null}; a text field cut by the end keeps the bytes present.
 *
 * <p>Thread-safe once compiled: each thread decodes with its own {@link Context}.
 */
public final class RecordDecoder {
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] META_RECORD = JsonKeys.encodeKey("_record");
    private static final byte[] META_OFFSET = JsonKeys.encodeKey("_offset");
    private static final byte[] META_LENGTH = JsonKeys.encodeKey("_length");

    private final RecordLayout layout;
    private final Node[] members;
    private final JsonText text;
    private final CodePage codePage;
    private final Trim trim;
    private final boolean numbersAsStrings;
    private final boolean emitMeta;
    private final boolean lenient;
    private final boolean allowBlanks;
    private final FloatingPoint.Format floatFormat;
    private final List<ArrayNode> dependingArrays = new ArrayList<>();

    private RecordDecoder(RecordLayout layout, JsonOptions options) {
        this.layout = layout;
        this.codePage = options.codePage();
        this.text = new JsonText(codePage.toCharTable());
        this.trim = options.trim();
        this.numbersAsStrings = options.numbersAsStrings();
        this.emitMeta = options.emitMeta();
        this.lenient = options.nullOnFieldError();
        this.allowBlanks = options.allowBlankNumerics();
        this.floatFormat = options.floatFormat();
        this.members = compileMembers(layout.fields(), false, new HashSet<>());
    }

    /** Compiles a decoder for {@code layout} with the text, number and field-error settings of {@code options}. */
    public static RecordDecoder compile(RecordLayout layout, JsonOptions options) {
        return new RecordDecoder(layout, options);
    }

    /** The layout this decoder follows. */
    public RecordLayout layout() {
        return layout;
    }

    /** Fresh per-thread decoding state. */
    public Context newContext() {
        return new Context();
    }

    /**
     * Appends the record {@code src[off, off + len)} to {@code out} as one JSON object and a newline.
     *
     * @param sequence    the record's 0-based index in the input (for metadata and errors)
     * @param inputOffset the record's byte offset in the input (for metadata and errors)
     * @throws RecordDecodeException for a bad field, unless the error policy is lenient (then the field is null and
     *                               the error goes to {@link Context#fieldErrors()})
     */
    public void decode(byte[] src, int off, int len, long sequence, long inputOffset, Context ctx, ByteVector out) {
        ctx.start(src, off, len, sequence, inputOffset);
        out.append('{');
        boolean first = true;
        if (emitMeta) {
            out.append(META_RECORD);
            JsonNumbers.appendLong(sequence, out);
            out.append(',').append(META_OFFSET);
            JsonNumbers.appendLong(inputOffset, out);
            out.append(',').append(META_LENGTH);
            JsonNumbers.appendLong(len, out);
            first = false;
        }
        writeMembers(members, first, ctx, 0, out);
        out.append('}').append('\n');
    }

    /**
     * For {@code DecodeOptions.variableOccurs}: the real length of a fixed-format record from its DEPENDING ON
     * counters. Only for layouts whose OCCURS DEPENDING ON tables end the record (the COBOL rule), not nested in
     * another table. Used by one reader thread: not thread-safe.
     *
     * @throws CobolException COPYBOOK_UNSUPPORTED when the layout does not allow it
     */
    public RecordLengthFunction recordLengthFunction() {
        int needed = 0;
        for (ArrayNode a : dependingArrays) {
            Field f = a.field;
            if (a.nested || (long) f.offset() + f.totalLength() != layout.length()) {
                throw new CobolException(ErrorCode.COPYBOOK_UNSUPPORTED, "variable-length OCCURS DEPENDING ON needs "
                        + f.path() + " to end the record and not be nested in another table");
            }
            needed = Math.max(needed, f.dependingOn().offset() + f.dependingOn().length());
        }
        int counterBytes = needed;
        Context ctx = new Context();
        return (buf, off, available) -> {
            if (available < counterBytes) {
                return RecordLengthFunction.NEED_MORE_BYTES;
            }
            ctx.start(buf, off, available, 0, 0);
            long length = layout.length();
            for (ArrayNode a : dependingArrays) {
                long count = a.count(this, ctx, 0);
                if (count < 0) {
                    return 0; // a bad counter: the reader reports RECORD_TOO_SHORT at this record
                }
                length -= (a.field.occursMax() - count) * (long) a.field.length();
            }
            return (int) length;
        };
    }

    private void writeMembers(Node[] nodes, boolean first, Context ctx, int delta, ByteVector out) {
        for (Node node : nodes) {
            if (!first) {
                out.append(',');
            }
            first = false;
            out.append(node.key);
            node.write(this, ctx, delta, out);
        }
    }

    // ------------------------------------------------------------------ compilation

    private Node[] compileMembers(List<Field> fields, boolean inArray, Set<Field> countersInArrays) {
        List<Node> nodes = new ArrayList<>();
        for (Field f : fields) {
            if (inArray && f.odoCounter()) {
                countersInArrays.add(f);
            }
            if (f.filler()) {
                continue; // FILLER is never emitted; an ODO counter declared FILLER is still read by its table
            }
            Node value = compileValue(f, inArray || f.isArray(), countersInArrays);
            if (f.isArray()) {
                if (f.dependingOn() != null && countersInArrays.contains(f.dependingOn())) {
                    throw new CobolException(ErrorCode.COPYBOOK_UNSUPPORTED, f.path()
                            + ": DEPENDING ON a counter inside a table is not supported");
                }
                ArrayNode array = new ArrayNode(f, value, inArray);
                if (f.dependingOn() != null) {
                    dependingArrays.add(array);
                }
                value = array;
            }
            nodes.add(value);
        }
        return nodes.toArray(new Node[0]);
    }

    private Node compileValue(Field f, boolean inArray, Set<Field> countersInArrays) {
        switch (f.type()) {
            case GROUP:
                return new GroupNode(f, compileMembers(f.children(), inArray, countersInArrays));
            case ALPHANUMERIC:
            case ALPHABETIC:
                return new TextNode(f);
            case FLOAT_SINGLE:
            case FLOAT_DOUBLE:
                return new FloatNode(f);
            default:
                return new NumberNode(f);
        }
    }

    // ------------------------------------------------------------------ per-thread state

    /** Per-thread decoding state: reusable number buffer, table indices for error paths, lenient field errors. */
    public static final class Context {
        final DecodedNumber number = new DecodedNumber();
        private final List<DecodeError> fieldErrors = new ArrayList<>();
        private Field[] arrays = new Field[8];
        private int[] indices = new int[8];
        private int depth;
        byte[] src;
        int off;
        int len;
        long sequence;
        long inputOffset;
        int headerBytes;

        private Context() {
        }

        /**
         * Bytes between a record's start ({@code inputOffset} of {@link RecordDecoder#decode}) and its payload: 4
         * for RDW records, 0 for fixed ones; used for the input offset of a bad field's byte.
         */
        public Context headerBytes(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("headerBytes must be >= 0: " + bytes);
            }
            this.headerBytes = bytes;
            return this;
        }

        void start(byte[] src, int off, int len, long sequence, long inputOffset) {
            this.src = src;
            this.off = off;
            this.len = len;
            this.sequence = sequence;
            this.inputOffset = inputOffset;
            this.depth = 0;
        }

        void enter(Field array, int index) {
            if (depth == arrays.length) {
                arrays = java.util.Arrays.copyOf(arrays, depth * 2);
                indices = java.util.Arrays.copyOf(indices, depth * 2);
            }
            arrays[depth] = array;
            indices[depth++] = index;
        }

        void setIndex(int index) {
            indices[depth - 1] = index;
        }

        void exit() {
            depth--;
        }

        /** Field errors of lenient decoding since the last {@link #clearFieldErrors()}, in field order. */
        public List<DecodeError> fieldErrors() {
            return fieldErrors;
        }

        /** Forgets the field errors collected so far (call once they are handled). */
        public void clearFieldErrors() {
            fieldErrors.clear();
        }

        /** The field's path with the current table indices, e.g. {@code ACCOUNTS[2].BALANCE}. Error path only. */
        String pathOf(Field field) {
            StringBuilder path = new StringBuilder(field.path());
            for (int i = depth - 1; i >= 0; i--) {
                String prefix = arrays[i].path();
                if (field.path().startsWith(prefix)) {
                    path.insert(prefix.length(), "[" + indices[i] + "]");
                }
            }
            return path.toString();
        }
    }

    /** Reports a bad field: null in lenient mode, otherwise the record fails. */
    private void fieldError(Context ctx, Field field, int start, ErrorCode code, String message, int byteIndex,
                            ByteVector out) {
        int recordByte = start + Math.max(0, byteIndex);
        DecodeError error = new DecodeError(ctx.sequence, ctx.inputOffset, ctx.pathOf(field), code,
                message + " (record byte " + recordByte + ")", ctx.inputOffset + ctx.headerBytes + recordByte);
        if (!lenient) {
            throw new RecordDecodeException(error);
        }
        ctx.fieldErrors.add(error);
        out.append(NULL);
    }

    // ------------------------------------------------------------------ field writers

    private abstract static class Node {
        final Field field;
        final byte[] key;

        Node(Field field) {
            this.field = field;
            this.key = JsonKeys.encodeKey(field.name());
        }

        /**
         * The field's offset in the record, or -1 (after writing {@code null}) when the record is too short to
         * hold all of it: variable-length records may end before the layout does.
         */
        final int startIfPresent(Context ctx, int delta, ByteVector out) {
            int start = field.offset() + delta;
            if (start + field.length() > ctx.len) {
                out.append(NULL);
                return -1;
            }
            return start;
        }

        /** Writes the value (not the key) of this field with enclosing tables shifting it by {@code delta} bytes. */
        abstract void write(RecordDecoder d, Context ctx, int delta, ByteVector out);
    }

    private static final class GroupNode extends Node {
        private final Node[] members;

        GroupNode(Field field, Node[] members) {
            super(field);
            this.members = members;
        }

        @Override
        void write(RecordDecoder d, Context ctx, int delta, ByteVector out) {
            out.append('{');
            d.writeMembers(members, true, ctx, delta, out);
            out.append('}');
        }
    }

    private static final class ArrayNode extends Node {
        private final Node element;
        private final boolean nested;

        ArrayNode(Field field, Node element, boolean nested) {
            super(field);
            this.element = element;
            this.nested = nested;
        }

        /** Elements present: the counter's value for DEPENDING ON (-1 if it is bad), else the maximum. */
        long count(RecordDecoder d, Context ctx, int delta) {
            Field counter = field.dependingOn();
            if (counter == null) {
                return field.occursMax();
            }
            int start = counter.offset();
            if (start + counter.length() > ctx.len) {
                return -1;
            }
            try {
                d.decodeNumber(counter, ctx, start);
                long value = ctx.number.isBlank() ? -1 : ctx.number.toLong();
                return value < field.occursMin() || value > field.occursMax() ? -1 : value;
            } catch (FieldDecodeException e) {
                return -1;
            }
        }

        @Override
        void write(RecordDecoder d, Context ctx, int delta, ByteVector out) {
            long count = count(d, ctx, delta);
            if (count < 0) {
                d.fieldError(ctx, field, field.dependingOn().offset(), ErrorCode.ODO_OUT_OF_RANGE,
                        "OCCURS DEPENDING ON counter " + field.dependingOn().path() + " is not a count in "
                                + field.occursMin() + ".." + field.occursMax(), -1, out);
                return;
            }
            out.append('[');
            ctx.enter(field, 0);
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    out.append(',');
                }
                ctx.setIndex(i);
                element.write(d, ctx, delta + i * field.length(), out);
            }
            ctx.exit();
            out.append(']');
        }
    }

    private static final class TextNode extends Node {
        TextNode(Field field) {
            super(field);
        }

        @Override
        void write(RecordDecoder d, Context ctx, int delta, ByteVector out) {
            int start = field.offset() + delta;
            int available = Math.min(field.length(), ctx.len - start);
            if (available <= 0) {
                out.append(NULL);
                return;
            }
            d.text.appendString(ctx.src, ctx.off + start, available, d.trim, out);
        }
    }

    private static final class NumberNode extends Node {
        NumberNode(Field field) {
            super(field);
        }

        @Override
        void write(RecordDecoder d, Context ctx, int delta, ByteVector out) {
            int start = startIfPresent(ctx, delta, out);
            if (start < 0) {
                return;
            }
            try {
                d.decodeNumber(field, ctx, start);
            } catch (FieldDecodeException e) {
                d.fieldError(ctx, field, start, e.code(), e.getMessage(), e.byteIndex(), out);
                return;
            }
            DecodedNumber number = ctx.number;
            if (number.isBlank()) {
                out.append(NULL);
            } else if (d.numbersAsStrings) {
                out.append('"');
                number.appendPlainText(out);
                out.append('"');
            } else {
                number.appendPlainText(out);
            }
        }
    }

    private static final class FloatNode extends Node {
        FloatNode(Field field) {
            super(field);
        }

        @Override
        void write(RecordDecoder d, Context ctx, int delta, ByteVector out) {
            int start = startIfPresent(ctx, delta, out);
            if (start < 0) {
                return;
            }
            int mark = out.length();
            try {
                if (d.numbersAsStrings) {
                    out.append('"');
                }
                if (field.type() == FieldType.FLOAT_SINGLE) {
                    FloatingPoint.appendShortest(FloatingPoint.decodeSingle(ctx.src, ctx.off + start, d.floatFormat), out);
                } else {
                    FloatingPoint.appendShortest(FloatingPoint.decodeDouble(ctx.src, ctx.off + start, d.floatFormat), out);
                }
                if (d.numbersAsStrings) {
                    out.append('"');
                }
            } catch (FieldDecodeException e) {
                out.truncate(mark);
                d.fieldError(ctx, field, start, e.code(), e.getMessage(), e.byteIndex(), out);
            }
        }
    }

    /** Decodes a numeric field at record offset {@code start} into {@code ctx.number}. */
    void decodeNumber(Field f, Context ctx, int start) {
        byte[] src = ctx.src;
        int at = ctx.off + start;
        NumericFormat fmt = f.numeric();
        DecodedNumber number = ctx.number;
        switch (f.type()) {
            case ZONED:
                ZonedDecimal.decode(src, at, f.length(), fmt, codePage.isEbcdic(), allowBlanks, number);
                break;
            case PACKED:
                PackedDecimal.decode(src, at, f.length(), fmt, number);
                break;
            case BINARY:
            case NATIVE_BINARY:
                BinaryInteger.decode(src, at, f.length(), fmt, true, number);
                break;
            case NUMERIC_EDITED:
                NumericEdited.decode(src, at, f.length(), fmt, codePage, number);
                break;
            default:
                throw new IllegalStateException("not a numeric field: " + f);
        }
    }
}
