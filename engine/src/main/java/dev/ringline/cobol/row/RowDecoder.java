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
import dev.ringline.cobol.codec.WideText;
import dev.ringline.cobol.codec.ZonedDecimal;
import dev.ringline.cobol.copybook.CounterSlots;
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
import dev.ringline.cobol.json.Fillers;
import dev.ringline.cobol.json.Trim;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Decodes one record's bytes into typed values handed to a {@link RowSink}, following a {@link RecordLayout}.
 * Compiled once per layout (and column selection) into {@link #columns()}; decoding a record walks that tree and
 * allocates nothing, except for decimals wider than 18 digits.
 *
 * <p>Values follow the JSON writer's conventions: copybook order, column names made unique as its keys are, FILLER
 * items omitted unless {@link RowOptions#fillers()} keeps them, FILLER groups transparent (their named items are
 * columns of the enclosing struct; a FILLER table of named items is a column named FILLER), every REDEFINES view
 * decoded from the same bytes, OCCURS DEPENDING ON arrays as long as the counter says (also a counter inside the
 * enclosing table's element), with {@link RowOptions#variableOccurs()} the items after such a table moved up, a field
 * beyond the end of a short record null (a text field cut by the end keeps the bytes present), PIC N and PIC G (with
 * a double-byte code page) as text. Types: a number with a scale is an exact
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
    private final boolean keepFiller;
    private final boolean compact;
    /** Segments over the records of a union: each record's view bit (its index is its {@link RecordNode#index}). */
    private final long[] recordBits;
    private final CounterSlots counterSlots;

    private RowDecoder(RecordLayout layout, RowOptions options, Predicate<Field> selected) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.counterSlots = new CounterSlots(layout);
        this.options = Objects.requireNonNull(options, "options");
        Objects.requireNonNull(selected, "selected");
        this.codePage = options.codePage();
        this.text = new Utf8Table(codePage.toCharTable());
        this.keepFiller = options.fillers() == Fillers.KEEP;
        this.compact = options.variableOccurs();
        this.segments = options.segments() == null ? null
                : options.segments().compile(layout, codePage, options.binaryBigEndian());
        if (segments != null && layout.multiRecord()) {
            this.members = compileRecords(selected);
            this.recordBits = new long[layout.fields().size()];
            for (int r = 0; r < recordBits.length; r++) {
                recordBits[r] = segments.viewBit(layout.fields().get(r));
            }
        } else {
            this.members = compileMembers(layout.fields(), selected, new ArrayDeque<>(), 0);
            this.recordBits = null;
        }
        List<RowColumn> top = new ArrayList<>();
        for (Node node : members) {
            if (node.column != null) {
                top.add(node.column);
            }
        }
        this.columns = List.copyOf(top);
    }

    /**
     * Compiles a decoder of the fields of {@code layout} that {@code selected} accepts: an item it rejects is not a
     * column and is never decoded (an OCCURS DEPENDING ON counter is still read, and with variable OCCURS an item
     * of variable size is still measured); a group it accepts has as columns those of its members it accepts.
     *
     * <p>With segments over the records of a multi-record layout ({@code Copybook.union()}), the columns are the
     * leading fields every record shares, then one struct per record holding its other members: the record the
     * segment selects has a value, the others are null (all are null for an unknown segment that is emitted).
     *
     * @throws CobolException COPYBOOK_UNSUPPORTED for a number of more than 38 digits with its scale, for PIC G
     *                        without a double-byte code page, for what the JSON writer refuses too
     */
    public static RowDecoder compile(RecordLayout layout, RowOptions options, Predicate<Field> selected) {
        return new RowDecoder(layout, options, selected);
    }

    /** Compiles a decoder of every field of {@code layout} (FILLER excepted, unless the options keep it). */
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
        return new Context(counterSlots.size());
    }

    /**
     * Hands every column of the record {@code src[off, off + len)} to {@code sink}.
     *
     * @param sequence    the record's 0-based index in the input (for errors)
     * @param inputOffset the record's byte offset in the input (for errors)
     * @throws RecordDecodeException for a bad field, unless the options null it (then the error goes to
     *                               {@link Context#fieldErrors()}); for an unknown segment; for an OCCURS DEPENDING
     *                               ON counter out of range when the positions of later items depend on it
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
            if (recordBits != null) {
                ctx.record = -1;
                for (int r = 0; r < recordBits.length; r++) {
                    if ((recordBits[r] & mask) != 0) {
                        ctx.record = r; // the first record the segment names; inside it every view is decoded
                        break;
                    }
                }
            } else {
                ctx.mask = mask;
            }
        }
        writeMembers(members, ctx, 0, sink);
    }

    /**
     * Writes each member, or null for a REDEFINES view that the record's segment does not select; silent members
     * (counters and variable-size items that are not columns) are read for their effect only.
     *
     * @return bytes the members take less than their maximum (variable OCCURS only)
     */
    private int writeMembers(Node[] nodes, Context ctx, int shift, RowSink sink) {
        int removed = 0;
        for (Node node : nodes) {
            if (node.viewBit != 0 && (node.viewBit & ctx.mask) == 0) {
                if (!node.silent) {
                    sink.setNull(node.ordinal);
                }
                continue;
            }
            int size = node.write(this, ctx, shift - removed, node.ordinal, node.silent ? Discard.SINK : sink);
            if (node.variable) {
                removed += node.maxSize - size;
            }
        }
        return removed;
    }

    // ------------------------------------------------------------------ compilation

    /** Segments over a union's records: the shared leading fields, then one struct per selected record. */
    private Node[] compileRecords(Predicate<Field> selected) {
        List<Field> common = layout.commonLeadingFields();
        Node[] shared = compileMembers(common, selected, new ArrayDeque<>(), 0);
        List<Node> nodes = new ArrayList<>(List.of(shared));
        List<String> names = new ArrayList<>();
        for (Node n : shared) {
            if (n.column != null) {
                names.add(n.column.name());
            }
        }
        List<Field> records = layout.fields();
        for (Field record : records) {
            names.add(record.name());
        }
        List<String> unique = UniqueKeys.assign(names);
        int firstRecordName = unique.size() - records.size();
        int ordinal = firstRecordName;
        for (int r = 0; r < records.size(); r++) {
            Field record = records.get(r);
            if (!selected.test(record)) {
                continue;
            }
            Node[] children = compileMembers(record.children(), selected, new ArrayDeque<>(), common.size());
            RowColumn column = new RowColumn(unique.get(firstRecordName + r), record, ordinal++, ValueKind.GROUP,
                    0, 0, columnsOf(children), null);
            nodes.add(new RecordNode(column, children, r));
        }
        return nodes.toArray(new Node[0]);
    }

    private static List<RowColumn> columnsOf(Node[] nodes) {
        List<RowColumn> columns = new ArrayList<>();
        for (Node n : nodes) {
            if (n.column != null) {
                columns.add(n.column);
            }
        }
        return columns;
    }

    /**
     * The columns of one struct, as the JSON writer's members of one object: FILLER groups are transparent (their
     * named items are members here), other FILLER items are omitted unless kept (then named FILLER), a FILLER table
     * of named items is a column named FILLER, and with variable OCCURS an item of variable size always is; names
     * are made unique by {@link UniqueKeys} over every member before the selection, so a column keeps its name
     * whatever is pruned.
     *
     * @param skipped leading items left out (a union record's shared fields), still counted for unique names
     */
    private Node[] compileMembers(List<Field> fields, Predicate<Field> selected, Deque<Field> arrays, int skipped) {
        List<Field> all = new ArrayList<>();
        List<Long> bits = new ArrayList<>();
        List<Boolean> emitted = new ArrayList<>();
        collect(fields, 0, all, bits, emitted);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (emitted.get(i)) {
                Field f = all.get(i);
                names.add(f.filler() ? "FILLER" : f.name());
            }
        }
        List<String> unique = UniqueKeys.assign(names);
        List<Node> nodes = new ArrayList<>();
        int ordinal = 0;
        int k = 0;
        for (int i = 0; i < all.size(); i++) {
            Field f = all.get(i);
            boolean column = emitted.get(i);
            String name = column ? unique.get(k++) : null;
            if (i < skipped) {
                continue; // a shared leading field, a column of the enclosing struct already
            }
            column &= selected.test(f);
            if (!column && !f.odoCounter() && !(compact && f.variableSize()) && !f.holdsCounter()) {
                continue;
            }
            // not a column, yet read: a DEPENDING ON counter (its tables need it) or an item that moves later ones
            Node value = compileItem(f, column ? name : null, column ? ordinal++ : -1,
                    column ? selected : field -> true, arrays);
            value.viewBit = bits.get(i);
            if (compact && value.variable && value.viewBit != 0) {
                throw new CobolException(ErrorCode.COPYBOOK_UNSUPPORTED, f.path()
                        + ": a REDEFINES view of variable size (OCCURS DEPENDING ON) cannot be selected by segment");
            }
            nodes.add(value);
        }
        return nodes.toArray(new Node[0]);
    }

    /** One item, an OCCURS table as an array of its element; {@code name} null for a silent (non-column) item. */
    private Node compileItem(Field f, String name, int ordinal, Predicate<Field> selected, Deque<Field> arrays) {
        if (!f.isArray()) {
            return compileValue(f, name, ordinal, selected, arrays);
        }
        arrays.push(f);
        Node element = compileValue(f, name, ordinal, selected, arrays);
        arrays.pop();
        RowColumn column = name == null ? null
                : new RowColumn(name, f, ordinal, ValueKind.ARRAY, 0, 0, List.of(), element.column);
        ArrayNode array = new ArrayNode(column, f, element, counterSlots.forArray(f, arrays));
        array.variable = compact && (array.counterSlot >= 0 || element.variable);
        return array;
    }

    private void collect(List<Field> fields, long viewBit, List<Field> out, List<Long> bits, List<Boolean> emitted) {
        for (Field f : fields) {
            long bit = viewBit | (segments == null ? 0 : segments.viewBit(f));
            if (f.filler() && f.isGroup() && !f.isArray()) {
                collect(f.children(), bit, out, bits, emitted); // transparent: named children land in this object
                continue;
            }
            out.add(f);
            bits.add(bit);
            emitted.add(!f.filler() || keepFiller || (f.isArray() && f.isGroup() && f.hasNamedItems())
                    || (compact && f.variableSize()));
        }
    }

    private Node compileValue(Field f, String name, int ordinal, Predicate<Field> selected, Deque<Field> arrays) {
        int counter = counterSlots.of(f);
        switch (f.type()) {
            case GROUP: {
                Node[] children = compileMembers(f.children(), selected, arrays, 0);
                RowColumn column = name == null ? null
                        : new RowColumn(name, f, ordinal, ValueKind.GROUP, 0, 0, columnsOf(children), null);
                return new GroupNode(column, f, children, compact);
            }
            case ALPHANUMERIC:
            case ALPHABETIC:
                return new TextNode(plain(name, f, ordinal, ValueKind.TEXT), f);
            case NATIONAL:
                return new WideTextNode(plain(name, f, ordinal, ValueKind.TEXT), f, true);
            case DBCS:
                if (!codePage.hasDoubleByte()) {
                    throw new CobolException(ErrorCode.COPYBOOK_UNSUPPORTED, f.path() + " is double-byte text (PIC G"
                            + " / DISPLAY-1): it needs a code page with a double-byte charset, such as cp930, cp939"
                            + " (Japanese), cp933 (Korean), cp935, cp937 (Chinese); " + codePage.name() + " has none");
                }
                return new WideTextNode(plain(name, f, ordinal, ValueKind.TEXT), f, false);
            case FLOAT_SINGLE:
                return new FloatNode(plain(name, f, ordinal, ValueKind.FLOAT), f);
            case FLOAT_DOUBLE:
                return new FloatNode(plain(name, f, ordinal, ValueKind.DOUBLE), f);
            default:
                return new NumberNode(name == null ? null : numberColumn(f, name, ordinal), f, counter);
        }
    }

    private static RowColumn plain(String name, Field f, int ordinal, ValueKind kind) {
        return name == null ? null : new RowColumn(name, f, ordinal, kind, 0, 0, List.of(), null);
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
        /** Segments over a union's records: the index of the record the segment selects, or -1. */
        int record = -1;
        /** Each DEPENDING ON counter's last value read in this record (-1: bad or not read), and where. */
        final long[] counters;
        final int[] counterAt;
        final WideText wide = new WideText();

        private Context(int counterSlots) {
            this.counters = new long[counterSlots];
            this.counterAt = new int[counterSlots];
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
            this.mask = -1L;
            this.record = -1;
            if (counters.length > 0) {
                java.util.Arrays.fill(counters, -1L);
            }
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
                if (field.path().startsWith(prefix) && (field.path().length() == prefix.length()
                        || field.path().charAt(prefix.length()) == '.')) {
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

    /** A sink for silent items (read for their counters or their size, not columns): drops every value. */
    private static final class Discard implements RowSink {
        static final Discard SINK = new Discard();

        @Override
        public void setNull(int ordinal) {
        }

        @Override
        public void setInt(int ordinal, int value) {
        }

        @Override
        public void setLong(int ordinal, long value) {
        }

        @Override
        public void setDecimal(int ordinal, long unscaled, int precision, int scale) {
        }

        @Override
        public void setBigDecimal(int ordinal, BigDecimal value, int precision) {
        }

        @Override
        public void setFloat(int ordinal, float value) {
        }

        @Override
        public void setDouble(int ordinal, double value) {
        }

        @Override
        public void setText(int ordinal, byte[] utf8, int off, int len) {
        }

        @Override
        public RowSink startGroup(int ordinal, RowColumn group) {
            return this;
        }

        @Override
        public void endGroup(int ordinal, RowColumn group, RowSink members) {
        }

        @Override
        public RowSink startArray(int ordinal, RowColumn array, int length) {
            return this;
        }

        @Override
        public void endArray(int ordinal, RowColumn array, RowSink elements) {
        }
    }

    private abstract static class Node {
        /** The column, or null for a silent item. */
        final RowColumn column;
        final Field field;
        /** Non-zero: a view of a governed REDEFINES set, decoded only when the record's segment selects it. */
        long viewBit;
        /** Bytes of the item at most (all elements of a table). */
        final int maxSize;
        /** The item can take fewer than {@link #maxSize} bytes (variable OCCURS only). */
        boolean variable;
        /** Not a column: read for its counters or its size only. */
        final boolean silent;
        /** The column's ordinal (-1 when silent), copied so the member loop reads one field. */
        final int ordinal;

        Node(RowColumn column, Field field, int maxSize) {
            this.column = column;
            this.field = field;
            this.maxSize = maxSize;
            this.silent = column == null;
            this.ordinal = column == null ? -1 : column.ordinal();
        }

        /**
         * Hands the value to {@code sink} at {@code ordinal}; the item's layout offset is moved by {@code shift}
         * bytes (by the enclosing tables' elements and, with variable OCCURS, by shorter tables before it).
         *
         * @return the bytes the item takes in this record
         */
        abstract int write(RowDecoder d, Context ctx, int shift, int ordinal, RowSink sink);
    }

    private static final class GroupNode extends Node {
        private final Node[] members;

        GroupNode(RowColumn column, Field field, Node[] members, boolean compact) {
            super(column, field, field.length());
            this.members = members;
            for (Node m : members) {
                variable |= compact && m.variable;
            }
        }

        @Override
        int write(RowDecoder d, Context ctx, int shift, int ordinal, RowSink sink) {
            RowSink inner = sink.startGroup(ordinal, column);
            int removed = d.writeMembers(members, ctx, shift, inner);
            sink.endGroup(ordinal, column, inner);
            return maxSize - removed;
        }
    }

    /** One record of a union under segments: a struct when the segment selects it, else null. */
    private static final class RecordNode extends Node {
        private final Node[] members;
        private final int index;

        RecordNode(RowColumn column, Node[] members, int index) {
            super(column, column.field(), column.field().length());
            this.members = members;
            this.index = index;
        }

        @Override
        int write(RowDecoder d, Context ctx, int shift, int ordinal, RowSink sink) {
            if (ctx.record != index) {
                sink.setNull(ordinal);
                return maxSize;
            }
            RowSink inner = sink.startGroup(ordinal, column);
            d.writeMembers(members, ctx, shift, inner);
            sink.endGroup(ordinal, column, inner);
            return maxSize;
        }
    }

    private static final class ArrayNode extends Node {
        private final Node element;
        final int counterSlot;

        ArrayNode(RowColumn column, Field field, Node element, int counterSlot) {
            super(column, field, field.length() * field.occursMax());
            this.element = element;
            this.counterSlot = counterSlot;
        }

        /** Elements present: the counter's value for DEPENDING ON (-1 if it is bad), else the maximum. */
        private long count(Context ctx) {
            if (counterSlot < 0) {
                return field.occursMax();
            }
            long value = ctx.counters[counterSlot];
            return value < field.occursMin() || value > field.occursMax() ? -1 : value;
        }

        private String badCount(Context ctx) {
            Field counter = field.dependingOn();
            long value = ctx.counters[counterSlot];
            return "OCCURS DEPENDING ON counter " + ctx.pathOf(counter) + (value < 0 ? " has no valid count"
                    : " is " + value) + ", not in " + field.occursMin() + ".." + field.occursMax()
                    + " (table " + field.path() + ")";
        }

        @Override
        int write(RowDecoder d, Context ctx, int shift, int ordinal, RowSink sink) {
            long count = count(ctx);
            if (count < 0) {
                int at = Math.max(0, ctx.counterAt[counterSlot]);
                if (variable) { // the items after the table cannot be placed: the whole record is bad
                    throw new RecordDecodeException(new DecodeError(ctx.sequence, ctx.inputOffset + at,
                            ctx.pathOf(field.dependingOn()), ErrorCode.ODO_OUT_OF_RANGE, badCount(ctx)));
                }
                d.fieldError(ctx, field.dependingOn(), at, ErrorCode.ODO_OUT_OF_RANGE, badCount(ctx), -1, ordinal,
                        sink);
                return maxSize;
            }
            int n = (int) count;
            RowSink elements = sink.startArray(ordinal, column, n);
            ctx.enter(field);
            int pos = 0;
            for (int i = 0; i < n; i++) {
                ctx.setIndex(i);
                pos += element.write(d, ctx, shift + pos, i, elements);
            }
            ctx.exit();
            sink.endArray(ordinal, column, elements);
            return variable ? pos : maxSize;
        }
    }

    private static final class TextNode extends Node {
        TextNode(RowColumn column, Field field) {
            super(column, field, field.length());
        }

        @Override
        int write(RowDecoder d, Context ctx, int shift, int ordinal, RowSink sink) {
            int start = field.offset() + shift;
            int available = Math.min(maxSize, ctx.len - start);
            if (available <= 0) {
                sink.setNull(ordinal);
                return maxSize;
            }
            byte[] src = ctx.src;
            int from = ctx.off + start;
            int to = from + available;
            if (d.options.emptyText() == EmptyText.NULL && blank(src, from, available, d.codePage.space())) {
                sink.setNull(ordinal);
                return maxSize;
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
            return maxSize;
        }
    }

    /** UTF-8 of {@code chars[from, to)} into {@code out}; a lone surrogate becomes U+FFFD. */
    private static int utf8(CharBuffer chars, int from, int to, ByteVector out) {
        out.setLength((to - from) * 3);
        byte[] a = out.array();
        int at = 0;
        for (int i = from; i < to; i++) {
            char c = chars.get(i);
            if (c < 0x80) {
                a[at++] = (byte) c;
            } else if (c < 0x800) {
                a[at++] = (byte) (0xC0 | c >> 6);
                a[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(chars.get(i + 1))) {
                int cp = Character.toCodePoint(c, chars.get(++i));
                a[at++] = (byte) (0xF0 | cp >> 18);
                a[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                a[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                a[at++] = (byte) (0x80 | cp & 0x3F);
            } else {
                char e = Character.isSurrogate(c) ? '\uFFFD' : c;
                a[at++] = (byte) (0xE0 | e >> 12);
                a[at++] = (byte) (0x80 | e >> 6 & 0x3F);
                a[at++] = (byte) (0x80 | e & 0x3F);
            }
        }
        out.truncate(at);
        return at;
    }

    /** PIC N (UTF-16 big-endian) or PIC G (double-byte EBCDIC): chars in the context, trimmed, then UTF-8. */
    private static final class WideTextNode extends Node {
        private final boolean national;

        WideTextNode(RowColumn column, Field field, boolean national) {
            super(column, field, field.length());
            this.national = national;
        }

        @Override
        int write(RowDecoder d, Context ctx, int shift, int ordinal, RowSink sink) {
            int start = field.offset() + shift;
            int available = Math.min(maxSize, ctx.len - start) & ~1;
            if (available <= 0) {
                sink.setNull(ordinal);
                return maxSize;
            }
            byte[] src = ctx.src;
            int at = ctx.off + start;
            if (d.options.emptyText() == EmptyText.NULL && WideText.blank(src, at, available, national)) {
                sink.setNull(ordinal);
                return maxSize;
            }
            Trim trim = d.options.trim();
            CharBuffer chars = ctx.wide.decode(src, at, available, national, d.codePage,
                    trim == Trim.LEFT || trim == Trim.BOTH, trim == Trim.RIGHT || trim == Trim.BOTH);
            int n = utf8(chars, chars.position(), chars.limit(), ctx.utf8);
            sink.setText(ordinal, ctx.utf8.array(), 0, n);
            return maxSize;
        }
    }

    private static final class FloatNode extends Node {
        FloatNode(RowColumn column, Field field) {
            super(column, field, field.length());
        }

        @Override
        int write(RowDecoder d, Context ctx, int shift, int ordinal, RowSink sink) {
            int start = field.offset() + shift;
            if (start + maxSize > ctx.len) {
                sink.setNull(ordinal);
                return maxSize;
            }
            try {
                if (field.type() == FieldType.FLOAT_SINGLE) {
                    sink.setFloat(ordinal, FloatingPoint.decodeSingle(ctx.src, ctx.off + start,
                            d.options.floatFormat()));
                } else {
                    sink.setDouble(ordinal, FloatingPoint.decodeDouble(ctx.src, ctx.off + start,
                            d.options.floatFormat()));
                }
            } catch (FieldDecodeException e) {
                d.fieldError(ctx, field, start, e.code(), e.getMessage(), e.byteIndex(), ordinal, sink);
            }
            return maxSize;
        }
    }

    private static final class NumberNode extends Node {
        private final int counterSlot;

        /** @param column null for a silent counter; {@code counterSlot} -1 unless the field is a counter */
        NumberNode(RowColumn column, Field field, int counterSlot) {
            super(column, field, field.length());
            this.counterSlot = counterSlot;
        }

        @Override
        int write(RowDecoder d, Context ctx, int shift, int ordinal, RowSink sink) {
            int start = field.offset() + shift;
            if (counterSlot >= 0) {
                ctx.counterAt[counterSlot] = start;
                ctx.counters[counterSlot] = -1;
            }
            if (start + maxSize > ctx.len) {
                sink.setNull(ordinal);
                return maxSize;
            }
            DecodedNumber number = ctx.number;
            boolean zero;
            try {
                zero = d.decodeNumber(field, ctx, start);
            } catch (FieldDecodeException e) {
                if (column != null) {
                    d.fieldError(ctx, field, start, e.code(), e.getMessage(), e.byteIndex(), ordinal, sink);
                }
                return maxSize;
            }
            if (counterSlot >= 0) {
                ctx.counters[counterSlot] = zero ? 0 : number.isBlank() ? -1 : toCount(number);
                if (column == null) {
                    return maxSize; // a silent counter: read for its tables only
                }
            }
            if (zero) {
                switch (column.kind()) {
                    case INT -> sink.setInt(ordinal, 0);
                    case LONG -> sink.setLong(ordinal, 0);
                    default -> sink.setDecimal(ordinal, 0, column.precision(), column.scale());
                }
                return maxSize;
            }
            if (number.isBlank()) {
                sink.setNull(ordinal);
                return maxSize;
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
                        return maxSize;
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
                return maxSize;
            }
            if (width > MAX_LONG_DIGITS && (column.kind() == ValueKind.DECIMAL || width > 19)) {
                BigInteger unscaled = new BigInteger(new String(digits, first, n - first, StandardCharsets.US_ASCII))
                        .multiply(BigInteger.TEN.pow(zeros));
                sink.setBigDecimal(ordinal, new BigDecimal(number.negative() ? unscaled.negate() : unscaled,
                        targetScale), column.precision());
                return maxSize;
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
                return maxSize;
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
            return maxSize;
        }

        private static long toCount(DecodedNumber number) {
            try {
                return number.toLong();
            } catch (FieldDecodeException e) {
                return -1;
            }
        }
    }
}
