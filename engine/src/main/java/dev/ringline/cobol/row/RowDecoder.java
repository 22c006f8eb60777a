package dev.ringline.cobol.row;

import dev.ringline.buffer.ByteVector;
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
import dev.ringline.cobol.copybook.SegmentSelector;
import dev.ringline.cobol.copybook.UniqueKeys;
import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.DecodeError;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.cobol.error.RecordDecodeException;
import dev.ringline.cobol.copybook.Usage;
import dev.ringline.cobol.json.BlankNumerics;
import dev.ringline.cobol.json.EmptyText;
import dev.ringline.cobol.json.Trim;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Decodes one record's bytes into typed values handed to a {@link RowSink}, following a {@link RecordLayout}.
 * Compiled once per layout (and column selection) into {@link #columns()}; decoding a record walks that tree and
 * allocates nothing, except for decimals wider than 18 digits.
 *
 * <p>Values follow the JSON writer's conventions: copybook order, column names made unique as its keys are, FILLER
 * items omitted but FILLER groups transparent (their named items are columns of the enclosing struct; a FILLER table
 * is omitted), every REDEFINES view decoded from
 * the same bytes, OCCURS DEPENDING ON arrays as long as the counter says, a field beyond the end of a short record
 * null (a text field cut by the end keeps the bytes present). Types: a number with a scale is an exact
 * {@link ValueKind#DECIMAL} at its declared scale; an integer of at most 9 digits is {@link ValueKind#INT}, of at
 * most 18 {@link ValueKind#LONG}, else a decimal of scale 0; binary fields are typed by the range of their bytes
 * (a 4-byte unsigned field is a long, an 8-byte unsigned one a 20-digit decimal) and packed fields by their nibbles
 * ({@code PIC S9(4) COMP-3} holds 5 digits), so every value the JSON writer prints fits its column; COMP-1/COMP-2
 * are float/double;
 * text is UTF-8 written straight from the code page's table.
 *
 * <pre>{@code
 * RowDecoder decoder = RowDecoder.compile(layout, options, field -> true);
 * RowDecoder.Context ctx = decoder.newContext();
 * decoder.decode(bytes, 0, bytes.length, recordIndex, offset, ctx, mySink);
 * }</pre>
 *
 * <p>Thread-safe once compiled: each thread decodes with its own {@link Context}.
 */
public final class RowDecoder {
    private static final int MAX_LONG_DIGITS = 18;

    private final RecordLayout layout;
    private final RowOptions options;
    private final Utf8Table text;
    private final CodePage codePage;
    private final Node[] members;
    private final List<RowColumn> columns;
    private final SegmentSelector segments;

    private RowDecoder(RecordLayout layout, RowOptions options, Predicate<Field> selected) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.options = Objects.requireNonNull(options, "options");
        this.codePage = options.codePage();
        this.text = new Utf8Table(codePage.toCharTable());
        if (options.segments() != null && layout.multiRecord()) {
            throw new CobolException(ErrorCode.COPYBOOK_UNSUPPORTED, "the typed decode selects REDEFINES views by "
                    + "segment, not the records of a multi-record copybook, yet");
        }
        this.segments = options.segments() == null ? null
                : options.segments().compile(layout, codePage, options.binaryBigEndian());
        this.members = compileMembers(layout.fields(), Objects.requireNonNull(selected, "selected"));
        List<RowColumn> top = new ArrayList<>();
        for (Node node : members) {
            top.add(node.column);
        }
        this.columns = List.copyOf(top);
    }

    /**
     * Compiles a decoder of the fields of {@code layout} that {@code selected} accepts: an item it rejects is not a
     * column and is never decoded; a group it accepts has as columns those of its members it accepts.
     *
     * @throws CobolException COPYBOOK_UNSUPPORTED for a number of more than 38 digits with its scale
     */
    public static RowDecoder compile(RecordLayout layout, RowOptions options, Predicate<Field> selected) {
        return new RowDecoder(layout, options, selected);
    }

    /** Compiles a decoder of every field of {@code layout} (FILLER excepted). */
    public static RowDecoder compile(RecordLayout layout, RowOptions options) {
        return new RowDecoder(layout, options, field -> true);
    }

    /** The layout this decoder follows. */
    public RecordLayout layout() {
        return layout;
    }

    /** The settings it was compiled with. */
    public RowOptions options() {
        return options;
    }

    /** The top-level columns, in copybook order (ordinal = index). */
    public List<RowColumn> columns() {
        return columns;
    }

    /** Fresh per-thread decoding state. */
    public Context newContext() {
        return new Context();
    }

    /**
     * Hands every column of the record {@code src[off, off + len)} to {@code sink}.
     *
     * @param sequence    the record's 0-based index in the input (for errors)
     * @param inputOffset the record's byte offset in the input (for errors)
     * @throws RecordDecodeException for a bad field, unless the options null it (then the error goes to
     *                               {@link Context#fieldErrors()})
     */
    public void decode(byte[] src, int off, int len, long sequence, long inputOffset, Context ctx, RowSink sink) {
        Objects.checkFromIndexSize(off, len, src.length);
        ctx.start(src, off, len, sequence, inputOffset);
        if (segments != null) {
            long mask = segments.select(src, off, len, ctx.number);
            if (mask == 0 && !segments.emitUnknown()) {
                Field d = segments.discriminator();
                throw new RecordDecodeException(new DecodeError(sequence, inputOffset + d.offset(), d.path(),
                        ErrorCode.UNKNOWN_SEGMENT, "segment value " + segments.describe(src, off, len) + " of "
                        + d.path() + " maps to no view"));
            }
            ctx.mask = mask;
        }
        writeMembers(members, ctx, 0, sink);
    }

    /** Writes each member, or null for a REDEFINES view that the record's segment does not select. */
    private void writeMembers(Node[] nodes, Context ctx, int delta, RowSink sink) {
        for (Node node : nodes) {
            if (node.viewBit != 0 && (node.viewBit & ctx.mask) == 0) {
                sink.setNull(node.column.ordinal());
            } else {
                node.write(this, ctx, delta, sink);
            }
        }
    }

    // ------------------------------------------------------------------ compilation

    /**
     * The columns of one struct: FILLER groups are transparent (their named items are members here, as in the JSON
     * writer), other FILLER items are omitted, names are made unique by {@link UniqueKeys} over every member before
     * the selection, so a column keeps its name whatever is pruned.
     */
    private Node[] compileMembers(List<Field> fields, Predicate<Field> selected) {
        List<Field> all = new ArrayList<>();
        List<Long> bits = new ArrayList<>();
        collect(fields, 0, all, bits);
        List<String> names = new ArrayList<>();
        for (Field f : all) {
            names.add(f.name());
        }
        List<String> unique = UniqueKeys.assign(names);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Field f = all.get(i);
            if (!selected.test(f)) {
                continue; // an ODO counter that is not selected is still read by its table
            }
            int ordinal = nodes.size();
            Node value = compileValue(f, unique.get(i), ordinal, selected);
            if (f.isArray()) {
                RowColumn column = new RowColumn(unique.get(i), f, ordinal, ValueKind.ARRAY, 0, 0, List.of(),
                        value.column);
                value = new ArrayNode(column, value);
            }
            value.viewBit = bits.get(i);
            nodes.add(value);
        }
        return nodes.toArray(new Node[0]);
    }

    private void collect(List<Field> fields, long viewBit, List<Field> out, List<Long> bits) {
        for (Field f : fields) {
            long bit = viewBit | (segments == null ? 0 : segments.viewBit(f));
            if (f.filler() && f.isGroup() && !f.isArray()) {
                collect(f.children(), bit, out, bits);
            } else if (!f.filler()) {
                out.add(f);
                bits.add(bit);
            }
        }
    }

    private Node compileValue(Field f, String name, int ordinal, Predicate<Field> selected) {
        switch (f.type()) {
            case GROUP: {
                Node[] children = compileMembers(f.children(), selected);
                List<RowColumn> columns = new ArrayList<>();
                for (Node child : children) {
                    columns.add(child.column);
                }
                return new GroupNode(new RowColumn(name, f, ordinal, ValueKind.GROUP, 0, 0, columns, null),
                        children);
            }
            case ALPHANUMERIC:
            case ALPHABETIC:
                return new TextNode(new RowColumn(name, f, ordinal, ValueKind.TEXT, 0, 0, List.of(), null));
            case NATIONAL:
                return new NationalNode(new RowColumn(name, f, ordinal, ValueKind.TEXT, 0, 0, List.of(), null));
            case DBCS:
                throw new CobolException(ErrorCode.COPYBOOK_UNSUPPORTED, f.path()
                        + ": PIC G (double-byte) text is not supported by the typed decode yet");
            case FLOAT_SINGLE:
                return new FloatNode(new RowColumn(name, f, ordinal, ValueKind.FLOAT, 0, 0, List.of(), null));
            case FLOAT_DOUBLE:
                return new FloatNode(new RowColumn(name, f, ordinal, ValueKind.DOUBLE, 0, 0, List.of(), null));
            default:
                return new NumberNode(numberColumn(f, name, ordinal));
        }
    }

    /** The type of a numeric item: by its picture, or for binary by the range its bytes can hold. */
    private static RowColumn numberColumn(Field f, String name, int ordinal) {
        NumericFormat fmt = f.numeric();
        int scale = Math.max(fmt.scale(), 0);
        int digits = fmt.digits() + Math.max(0, -fmt.scale()); // trailing P positions are zeros
        boolean binary = f.type() == FieldType.BINARY || f.type() == FieldType.NATIVE_BINARY;
        if (binary) {
            digits = Math.max(digits, binaryDigits(f.length(), fmt.signed()));
        } else if (f.type() == FieldType.PACKED) {
            digits = Math.max(digits, 2 * f.length() - 1 + Math.max(0, -fmt.scale())); // an even picture's spare nibble
        }
        int precision = Math.max(digits, scale);
        ValueKind kind;
        if (scale > 0) {
            kind = ValueKind.DECIMAL;
        } else if (binary) {
            int bytes = f.length();
            if (bytes <= 2 || (bytes <= 4 && fmt.signed())) {
                kind = ValueKind.INT;
            } else if (bytes <= 4 || (bytes <= 8 && fmt.signed())) {
                kind = ValueKind.LONG;
            } else {
                kind = ValueKind.DECIMAL;
            }
        } else if (digits <= 9) {
            kind = ValueKind.INT;
        } else if (digits <= MAX_LONG_DIGITS) {
            kind = ValueKind.LONG;
        } else {
            kind = ValueKind.DECIMAL;
        }
        if (kind == ValueKind.DECIMAL) {
            if (precision > NumericFormat.MAX_DIGITS) {
                if (!binary) {
                    throw new CobolException(ErrorCode.COPYBOOK_UNSUPPORTED, f.path() + ": " + precision
                            + " digits with its scale, more than a decimal of " + NumericFormat.MAX_DIGITS + " holds");
                }
                precision = NumericFormat.MAX_DIGITS; // wider values are reported as out of range
            }
            return new RowColumn(name, f, ordinal, kind, precision, scale, List.of(), null);
        }
        return new RowColumn(name, f, ordinal, kind, 0, 0, List.of(), null);
    }

    /** Decimal digits of the largest magnitude {@code bytes} binary bytes hold. */
    private static int binaryDigits(int bytes, boolean signed) {
        BigInteger max = BigInteger.ONE.shiftLeft(bytes * 8 - (signed ? 1 : 0));
        return max.toString().length();
    }

    // ------------------------------------------------------------------ per-thread state

    /** Per-thread decoding state: the reusable number and text buffers, table indices, lenient field errors. */
    public static final class Context {
        final DecodedNumber number = new DecodedNumber();
        final ByteVector utf8 = new ByteVector(256);
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
        /** The views the record's segment selects (all when there is no segment selection). */
        long mask = -1L;

        private Context() {
        }

        /**
         * Bytes between a record's start ({@code inputOffset} of {@link RowDecoder#decode}) and its payload: 4 for
         * RDW records, 0 for fixed ones; used for the input offset of a bad field's byte.
         */
        public Context headerBytes(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("headerBytes must be >= 0: " + bytes);
            }
            this.headerBytes = bytes;
            return this;
        }

        /** Field errors nulled by a lenient decode since the last {@link #clearFieldErrors()}, in field order. */
        public List<DecodeError> fieldErrors() {
            return fieldErrors;
        }

        /** Forgets the field errors collected so far. */
        public void clearFieldErrors() {
            fieldErrors.clear();
        }

        void start(byte[] src, int off, int len, long sequence, long inputOffset) {
            this.src = src;
            this.off = off;
            this.len = len;
            this.sequence = sequence;
            this.inputOffset = inputOffset;
            this.depth = 0;
        }

        void enter(Field array) {
            if (depth == arrays.length) {
                arrays = java.util.Arrays.copyOf(arrays, depth * 2);
                indices = java.util.Arrays.copyOf(indices, depth * 2);
            }
            arrays[depth] = array;
            indices[depth++] = 0;
        }

        void setIndex(int index) {
            indices[depth - 1] = index;
        }

        void exit() {
            depth--;
        }

        /** The field's path with the current table indices, e.g. {@code ORDERS[2].AMOUNT}. Error path only. */
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

    /** A bad field: null under a lenient policy, otherwise the record fails. */
    private void fieldError(Context ctx, Field field, int start, ErrorCode code, String message, int byteIndex,
                            int ordinal, RowSink sink) {
        int recordByte = start + Math.max(0, byteIndex);
        DecodeError error = new DecodeError(ctx.sequence, ctx.inputOffset, ctx.pathOf(field), code,
                message + " (record byte " + recordByte + ")", ctx.inputOffset + ctx.headerBytes + recordByte);
        if (!options.nullOnFieldError()) {
            throw new RecordDecodeException(error);
        }
        ctx.fieldErrors.add(error);
        sink.setNull(ordinal);
    }

    /**
     * Decodes a numeric field at record offset {@code start} into {@code ctx.number}, as the JSON writer does.
     *
     * @return true when the field is blank and {@link BlankNumerics#ZERO} applies (the number is not set)
     */
    private boolean decodeNumber(Field f, Context ctx, int start) {
        byte[] src = ctx.src;
        int at = ctx.off + start;
        NumericFormat fmt = f.numeric();
        DecodedNumber number = ctx.number;
        BlankNumerics blanks = options.blankNumerics();
        switch (f.type()) {
            case ZONED:
                ZonedDecimal.decode(src, at, f.length(), fmt, codePage.isEbcdic(), blanks != BlankNumerics.REJECT,
                        number);
                return blanks == BlankNumerics.ZERO && number.isBlank();
            case PACKED:
                if (blanks != BlankNumerics.REJECT && blank(src, at, f.length(), codePage.space())) {
                    number.setBlank(fmt.scale());
                    return blanks == BlankNumerics.ZERO;
                }
                PackedDecimal.decode(src, at, f.length(), fmt, number);
                return false;
            case BINARY:
                BinaryInteger.decode(src, at, f.length(), fmt,
                        options.binaryBigEndian() && f.usage() != Usage.COMP_9, number);
                return false;
            case NATIVE_BINARY:
                BinaryInteger.decode(src, at, f.length(), fmt, options.binaryBigEndian(), number);
                return false;
            case NUMERIC_EDITED:
                NumericEdited.decode(src, at, f.length(), fmt, codePage, number);
                return false;
            default:
                throw new IllegalStateException("not a numeric field: " + f);
        }
    }

    /** All bytes spaces, or all low-values (the JSON writer's blank test). */
    private static boolean blank(byte[] src, int at, int len, byte space) {
        byte b0 = src[at];
        if (b0 != space && b0 != 0) {
            return false;
        }
        for (int i = 1; i < len; i++) {
            if (src[at + i] != b0) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ value writers

    private abstract static class Node {
        final RowColumn column;
        final Field field;
        /** Non-zero: a view of a governed REDEFINES set, decoded only when the record's segment selects it. */
        long viewBit;

        Node(RowColumn column) {
            this.column = column;
            this.field = column.field();
        }

        /** Hands the value to {@code sink} at {@code ordinal}, enclosing tables shifting it by {@code delta}. */
        abstract void write(RowDecoder d, Context ctx, int delta, int ordinal, RowSink sink);

        final void write(RowDecoder d, Context ctx, int delta, RowSink sink) {
            write(d, ctx, delta, column.ordinal(), sink);
        }
    }

    private static final class GroupNode extends Node {
        private final Node[] members;

        GroupNode(RowColumn column, Node[] members) {
            super(column);
            this.members = members;
        }

        @Override
        void write(RowDecoder d, Context ctx, int delta, int ordinal, RowSink sink) {
            RowSink inner = sink.startGroup(ordinal, column);
            d.writeMembers(members, ctx, delta, inner);
            sink.endGroup(ordinal, column, inner);
        }
    }

    private static final class ArrayNode extends Node {
        private final Node element;

        ArrayNode(RowColumn column, Node element) {
            super(column);
            this.element = element;
        }

        /** Elements present: the counter's value for DEPENDING ON (-1 if it is bad), else the maximum. */
        private long count(RowDecoder d, Context ctx) {
            Field counter = field.dependingOn();
            if (counter == null) {
                return field.occursMax();
            }
            int start = counter.offset();
            if (start + counter.length() > ctx.len) {
                return -1;
            }
            try {
                boolean zero = d.decodeNumber(counter, ctx, start);
                long value = zero ? 0 : ctx.number.isBlank() ? -1 : ctx.number.toLong();
                return value < field.occursMin() || value > field.occursMax() ? -1 : value;
            } catch (FieldDecodeException e) {
                return -1;
            }
        }

        @Override
        void write(RowDecoder d, Context ctx, int delta, int ordinal, RowSink sink) {
            long count = count(d, ctx);
            if (count < 0) {
                d.fieldError(ctx, field, field.dependingOn().offset(), ErrorCode.ODO_OUT_OF_RANGE,
                        "OCCURS DEPENDING ON counter " + field.dependingOn().path() + " is not a count in "
                                + field.occursMin() + ".." + field.occursMax(), -1, ordinal, sink);
                return;
            }
            int n = (int) count;
            RowSink elements = sink.startArray(ordinal, column, n);
            ctx.enter(field);
            for (int i = 0; i < n; i++) {
                ctx.setIndex(i);
                element.write(d, ctx, delta + i * field.length(), i, elements);
            }
            ctx.exit();
            sink.endArray(ordinal, column, elements);
        }
    }

    private static final class TextNode extends Node {
        TextNode(RowColumn column) {
            super(column);
        }

        @Override
        void write(RowDecoder d, Context ctx, int delta, int ordinal, RowSink sink) {
            int start = field.offset() + delta;
            int available = Math.min(field.length(), ctx.len - start);
            if (available <= 0) {
                sink.setNull(ordinal);
                return;
            }
            byte[] src = ctx.src;
            int from = ctx.off + start;
            int to = from + available;
            if (d.options.emptyText() == EmptyText.NULL && blank(src, from, available, d.codePage.space())) {
                sink.setNull(ordinal);
                return;
            }
            Trim trim = d.options.trim();
            if (trim == Trim.LEFT || trim == Trim.BOTH) {
                while (from < to && d.text.charOf(src[from]) <= ' ') {
                    from++;
                }
            }
            if (trim == Trim.RIGHT || trim == Trim.BOTH) {
                while (to > from && d.text.charOf(src[to - 1]) <= ' ') {
                    to--;
                }
            }
            d.text.encode(src, from, to, ctx.utf8);
            sink.setText(ordinal, ctx.utf8.array(), 0, ctx.utf8.length());
        }
    }

    /** PIC N: UTF-16 big-endian text, trimmed of chars up to U+0020 and U+3000 as the JSON writer does. */
    private static final class NationalNode extends Node {
        NationalNode(RowColumn column) {
            super(column);
        }

        @Override
        void write(RowDecoder d, Context ctx, int delta, int ordinal, RowSink sink) {
            int start = field.offset() + delta;
            int available = Math.min(field.length(), ctx.len - start) & ~1;
            if (available <= 0) {
                sink.setNull(ordinal);
                return;
            }
            byte[] src = ctx.src;
            int from = ctx.off + start;
            int to = from + available;
            if (d.options.emptyText() == EmptyText.NULL && nationalBlank(src, from, to)) {
                sink.setNull(ordinal);
                return;
            }
            Trim trim = d.options.trim();
            if (trim == Trim.LEFT || trim == Trim.BOTH) {
                while (from < to && wideBlank(charAt(src, from))) {
                    from += 2;
                }
            }
            if (trim == Trim.RIGHT || trim == Trim.BOTH) {
                while (to > from && wideBlank(charAt(src, to - 2))) {
                    to -= 2;
                }
            }
            ByteVector out = ctx.utf8;
            out.setLength((to - from) / 2 * 3);
            byte[] a = out.array();
            int at = 0;
            for (int i = from; i < to; i += 2) {
                char c = charAt(src, i);
                if (c < 0x80) {
                    a[at++] = (byte) c;
                } else if (c < 0x800) {
                    a[at++] = (byte) (0xC0 | c >> 6);
                    a[at++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 2 < to && Character.isLowSurrogate(charAt(src, i + 2))) {
                    int cp = Character.toCodePoint(c, charAt(src, i + 2));
                    i += 2;
                    a[at++] = (byte) (0xF0 | cp >> 18);
                    a[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    a[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    a[at++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    char e = Character.isSurrogate(c) ? '\uFFFD' : c; // a lone surrogate has no UTF-8
                    a[at++] = (byte) (0xE0 | e >> 12);
                    a[at++] = (byte) (0x80 | e >> 6 & 0x3F);
                    a[at++] = (byte) (0x80 | e & 0x3F);
                }
            }
            out.truncate(at);
            sink.setText(ordinal, a, 0, at);
        }

        private static char charAt(byte[] src, int i) {
            return (char) (((src[i] & 0xFF) << 8) | (src[i + 1] & 0xFF));
        }

        private static boolean wideBlank(char c) {
            return c <= ' ' || c == '\u3000';
        }

        /** All low-values or all U+0020. */
        private static boolean nationalBlank(byte[] src, int from, int to) {
            boolean zeros = true;
            boolean spaces = true;
            for (int i = from; i < to; i += 2) {
                zeros &= src[i] == 0 && src[i + 1] == 0;
                spaces &= src[i] == 0 && src[i + 1] == 0x20;
            }
            return zeros || spaces;
        }
    }

    private static final class FloatNode extends Node {
        FloatNode(RowColumn column) {
            super(column);
        }

        @Override
        void write(RowDecoder d, Context ctx, int delta, int ordinal, RowSink sink) {
            int start = field.offset() + delta;
            if (start + field.length() > ctx.len) {
                sink.setNull(ordinal);
                return;
            }
            try {
                if (column.kind() == ValueKind.FLOAT) {
                    sink.setFloat(ordinal, FloatingPoint.decodeSingle(ctx.src, ctx.off + start,
                            d.options.floatFormat()));
                } else {
                    sink.setDouble(ordinal, FloatingPoint.decodeDouble(ctx.src, ctx.off + start,
                            d.options.floatFormat()));
                }
            } catch (FieldDecodeException e) {
                d.fieldError(ctx, field, start, e.code(), e.getMessage(), e.byteIndex(), ordinal, sink);
            }
        }
    }

    private static final class NumberNode extends Node {
        NumberNode(RowColumn column) {
            super(column);
        }

        @Override
        void write(RowDecoder d, Context ctx, int delta, int ordinal, RowSink sink) {
            int start = field.offset() + delta;
            if (start + field.length() > ctx.len) {
                sink.setNull(ordinal);
                return;
            }
            DecodedNumber number = ctx.number;
            boolean zero;
            try {
                zero = d.decodeNumber(field, ctx, start);
            } catch (FieldDecodeException e) {
                d.fieldError(ctx, field, start, e.code(), e.getMessage(), e.byteIndex(), ordinal, sink);
                return;
            }
            if (zero) {
                switch (column.kind()) {
                    case INT -> sink.setInt(ordinal, 0);
                    case LONG -> sink.setLong(ordinal, 0);
                    default -> sink.setDecimal(ordinal, 0, column.precision(), column.scale());
                }
                return;
            }
            if (number.isBlank()) {
                sink.setNull(ordinal);
                return;
            }
            // The unscaled value at the column's scale: the digits, then zeros for trailing P positions.
            int targetScale = column.scale();
            int zeros = targetScale - number.scale();
            byte[] digits = number.digits().array();
            int n = number.digits().length();
            int first = 0;
            while (first < n && digits[first] == '0') {
                first++;
            }
            int significant = n - first;
            if (zeros < 0) {
                // more fraction digits than the column keeps: only an edited value can do that; exact or error
                for (int i = n + zeros; i < n; i++) {
                    if (i >= first && digits[i] != '0') {
                        d.fieldError(ctx, field, start, ErrorCode.VALUE_OUT_OF_RANGE,
                                "value has more fraction digits than scale " + targetScale, -1, ordinal, sink);
                        return;
                    }
                }
                n += zeros;
                significant = Math.max(0, n - first);
                zeros = 0;
            }
            int width = significant == 0 ? 0 : significant + zeros;
            int limit = column.kind() == ValueKind.DECIMAL ? column.precision()
                    : column.kind() == ValueKind.INT ? 10 : 19;
            if (width > limit) {
                d.fieldError(ctx, field, start, ErrorCode.VALUE_OUT_OF_RANGE, "value has " + width
                        + " digits, more than the column's " + limit, -1, ordinal, sink);
                return;
            }
            if (width > MAX_LONG_DIGITS && (column.kind() == ValueKind.DECIMAL || width > 19)) {
                BigInteger unscaled = new BigInteger(new String(digits, first, n - first, StandardCharsets.US_ASCII))
                        .multiply(BigInteger.TEN.pow(zeros));
                sink.setBigDecimal(ordinal, new BigDecimal(number.negative() ? unscaled.negate() : unscaled,
                        targetScale), column.precision());
                return;
            }
            long v = 0;
            boolean overflow = false;
            for (int i = first; i < n; i++) {
                long next = v * 10 + (digits[i] - '0');
                overflow |= next < v;
                v = next;
            }
            for (int i = 0; i < zeros && width > 0; i++) {
                long next = v * 10;
                overflow |= next < v;
                v = next;
            }
            boolean negative = number.negative();
            if (overflow || (column.kind() == ValueKind.INT && v > (negative ? 2147483648L : Integer.MAX_VALUE))) {
                d.fieldError(ctx, field, start, ErrorCode.VALUE_OUT_OF_RANGE, "value does not fit a "
                        + column.kind().name().toLowerCase(java.util.Locale.ROOT), -1, ordinal, sink);
                return;
            }
            if (negative) {
                v = -v;
            }
            switch (column.kind()) {
                case INT:
                    sink.setInt(ordinal, (int) v);
                    break;
                case LONG:
                    sink.setLong(ordinal, v);
                    break;
                default:
                    sink.setDecimal(ordinal, v, column.precision(), targetScale);
            }
        }
    }
}
