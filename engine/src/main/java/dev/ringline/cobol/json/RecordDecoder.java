package dev.ringline.cobol.json;

import dev.ringline.cobol.codec.BinaryInteger;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.DecodedNumber;
import dev.ringline.cobol.codec.FieldDecodeException;
import dev.ringline.cobol.codec.FloatingPoint;
import dev.ringline.cobol.codec.NumericEdited;
import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.codec.PackedDecimal;
import dev.ringline.cobol.codec.SignPosition;
import dev.ringline.cobol.codec.WideText;
import dev.ringline.cobol.codec.ZonedDecimal;
import dev.ringline.cobol.copybook.CounterSlots;
import dev.ringline.cobol.copybook.Field;
import dev.ringline.cobol.copybook.FieldType;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.copybook.SegmentSelector;
import dev.ringline.cobol.copybook.Segments;
import dev.ringline.cobol.copybook.UniqueKeys;
import dev.ringline.cobol.copybook.Usage;
import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.DecodeError;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.cobol.error.FramingException;
import dev.ringline.cobol.error.RecordDecodeException;
import dev.ringline.cobol.framing.RecordLengthFunction;
import dev.ringline.buffer.ByteVector;

import java.nio.CharBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Turns one record's bytes into one JSON object (a line), following a {@link RecordLayout}. Compiled once per
 * layout into a tree of field writers with pre-encoded keys, so decoding a record walks arrays, not the layout, and
 * allocates nothing (except for COMP-1/COMP-2 fields and binary fields wider than 8 bytes).
 *
 * <p>The JSON: keys are the copybook names as written, in copybook order, unique in every object by the rule of
 * {@link UniqueKeys}; the 01 level is not a wrapper; groups are nested objects; OCCURS are arrays (OCCURS
 * DEPENDING ON: as many elements as the counter says, also for a counter inside the enclosing table's element);
 * elementary FILLER items are omitted unless {@link Fillers#KEEP}; a FILLER group is transparent (its named
 * children are written in the enclosing object); every REDEFINES view is emitted, each decoded from the same
 * bytes, unless {@link Segments} select one per record. Numbers keep the declared scale ({@code PIC S9(5)V99}
 * 12.3 is {@code 12.30}). A field that lies beyond the end of a short (variable-length) record is {@code null}; a
 * text field cut by the end keeps the bytes present.
 *
 * <p>Positions: by default every OCCURS DEPENDING ON table takes its maximum size (Cobrix's default), so every
 * offset is the layout's. With {@code variableOccurs} a table takes only its present elements, and the items
 * after it (and the next elements of an enclosing table) move up: offsets are computed per record.
 *
 * <p>Thread-safe once compiled: each thread decodes with its own {@link Context}.
 */
public final class RecordDecoder {
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] META_RECORD = JsonKeys.encodeKey("_record");
    private static final byte[] META_OFFSET = JsonKeys.encodeKey("_offset");
    private static final byte[] META_LENGTH = JsonKeys.encodeKey("_length");
    /** {@link Node#measure} results besides a size. */
    private static final int NEED_MORE = -1;
    private static final int BAD_COUNT = -2;

    private final RecordLayout layout;
    private final Node[] members;
    /** Segment selection among the records of a union: each record's members, with the bit of its view. */
    private final Node[][] recordMembers;
    private final long[] recordBits;
    /** Union records, unknown segment emitted: the leading items every record shares. */
    private final Node[] commonMembers;
    private final SegmentSelector segments;
    private final JsonText text;
    private final CodePage codePage;
    private final Trim trim;
    private final boolean numbersAsStrings;
    private final boolean emitMeta;
    private final boolean lenient;
    private final BlankNumerics blanks;
    private final boolean emptyTextNull;
    private final boolean keepFiller;
    private final boolean compact;
    private final boolean bigEndian;
    private final FloatingPoint.Format floatFormat;
    private final CounterSlots counterSlots;
    /** The layout as one flat list of values when every item has a fixed offset, else null (the tree is walked). */
    private final FlatPlan plan;
    /** What writes records by the plan: its generated code, or the plan itself if that could not be made. */
    private final PlanWriter planWriter;

    private RecordDecoder(RecordLayout layout, JsonOptions options, boolean flat, boolean generate) {
        this.layout = layout;
        this.counterSlots = new CounterSlots(layout);
        this.codePage = options.codePage();
        this.text = new JsonText(codePage.toCharTable(), codePage.isUtf8());
        this.trim = options.trim();
        this.numbersAsStrings = options.numbersAsStrings();
        this.emitMeta = options.emitMeta();
        this.lenient = options.nullOnFieldError();
        this.blanks = options.blankNumerics();
        this.emptyTextNull = options.emptyText() == EmptyText.NULL;
        this.keepFiller = options.fillers() == Fillers.KEEP;
        this.compact = options.variableOccurs();
        this.bigEndian = options.binaryBigEndian();
        this.floatFormat = options.floatFormat();
        this.segments = options.segments() == null ? null
                : options.segments().compile(layout, codePage, options.binaryBigEndian());
        if (segments != null && layout.multiRecord()) {
            List<Field> records = layout.fields();
            recordMembers = new Node[records.size()][];
            recordBits = new long[records.size()];
            for (int r = 0; r < records.size(); r++) {
                recordMembers[r] = object(records.get(r).children(), new ArrayDeque<>(), 0);
                recordBits[r] = segments.viewBit(records.get(r));
            }
            commonMembers = object(layout.commonLeadingFields(), new ArrayDeque<>(), 0);
            members = commonMembers;
        } else {
            recordMembers = null;
            recordBits = null;
            commonMembers = null;
            members = object(layout.fields(), new ArrayDeque<>(), 0);
        }
        plan = flat ? flatPlan() : null;
        planWriter = plan == null ? null : generate ? generated(plan) : plan;
    }

    /**
     * The plan's generated code; the plan itself should generating or defining the class fail (a bug, or a runtime
     * that refuses hidden classes): records are then interpreted, with the same output, only slower. Tests assert
     * that their layouts get generated code ({@link #generated()}), so a failure does not go unnoticed there.
     */
    private static PlanWriter generated(FlatPlan plan) {
        try {
            return PlanCompiler.compile(plan);
        } catch (RuntimeException | LinkageError e) {
            return plan;
        }
    }

    /** Compiles a decoder for {@code layout} with the text, number and field-error settings of {@code options}. */
    public static RecordDecoder compile(RecordLayout layout, JsonOptions options) {
        return new RecordDecoder(layout, options, true, true);
    }

    /** A decoder that interprets its {@link FlatPlan} without generated code: a reference for the generated code. */
    static RecordDecoder compileInterpreted(RecordLayout layout, JsonOptions options) {
        return new RecordDecoder(layout, options, true, false);
    }

    /** A decoder that always walks the tree, never a {@link FlatPlan}: the reference the plan is tested against. */
    static RecordDecoder compileTree(RecordLayout layout, JsonOptions options) {
        return new RecordDecoder(layout, options, false, false);
    }

    /** Whether records are written by a {@link FlatPlan}. */
    boolean flat() {
        return plan != null;
    }

    /** Whether records are written by code generated for the layout's {@link FlatPlan}. */
    boolean generated() {
        return planWriter != null && planWriter != plan;
    }

    /** What writes records by the plan (null without one): for tests that look at the generated class. */
    PlanWriter planWriter() {
        return planWriter;
    }

    /** The layout this decoder follows. */
    public RecordLayout layout() {
        return layout;
    }

    /** Fresh per-thread decoding state. */
    public Context newContext() {
        return new Context(counterSlots.size());
    }

    /**
     * Appends the record {@code src[off, off + len)} to {@code out} as one JSON object and a newline.
     *
     * @param sequence    the record's 0-based index in the input (for metadata and errors)
     * @param inputOffset the record's byte offset in the input (for metadata and errors)
     * @throws RecordDecodeException for a bad field, unless the error policy is lenient (then the field is null and
     *                               the error goes to {@link Context#fieldErrors()}); for an unknown segment; for an
     *                               OCCURS DEPENDING ON counter out of range when offsets depend on it
     */
    public void decode(byte[] src, int off, int len, long sequence, long inputOffset, Context ctx, ByteVector out) {
        ctx.start(src, off, len, sequence, inputOffset);
        if (planWriter != null) {
            int mark = out.length();
            try {
                planWriter.write(ctx, out);
            } catch (RecordDecodeException e) {
                out.truncate(mark);
                throw e;
            }
            return;
        }
        Node[] top = members;
        if (segments != null) {
            top = select(ctx);
        }
        int mark = out.length();
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
        try {
            writeMembers(top, first, ctx, 0, out);
        } catch (RecordDecodeException e) {
            out.truncate(mark);
            throw e;
        }
        out.append('}').append('\n');
    }

    /** Sets the record's view mask; the members to write. */
    private Node[] select(Context ctx) {
        long mask = segments.select(ctx.src, ctx.off, ctx.len, ctx.number);
        ctx.mask = mask;
        if (mask == 0 && !segments.emitUnknown()) {
            Field d = segments.discriminator();
            throw new RecordDecodeException(new DecodeError(ctx.sequence, ctx.inputOffset + d.offset(), d.path(),
                    ErrorCode.UNKNOWN_SEGMENT, "segment value " + segments.describe(ctx.src, ctx.off, ctx.len)
                    + " of " + d.path() + " maps to no view"));
        }
        if (recordMembers != null) {
            for (int r = 0; r < recordMembers.length; r++) {
                if ((recordBits[r] & mask) != 0) {
                    ctx.mask = -1L; // inside the chosen record every view is written
                    return recordMembers[r];
                }
            }
            return commonMembers;
        }
        return members;
    }

    /**
     * For {@code DecodeOptions.variableOccurs}: the real length of a fixed-format record from its DEPENDING ON
     * counters, wherever they are (also inside tables). Used by one reader thread: not thread-safe.
     */
    public RecordLengthFunction recordLengthFunction() {
        if (!compact) {
            throw new CobolException(ErrorCode.COPYBOOK_UNSUPPORTED, "a record length function needs variableOccurs");
        }
        Context ctx = newContext();
        return (buf, off, available) -> {
            ctx.start(buf, off, available, 0, 0);
            Node[] top = members;
            if (segments != null) {
                ctx.mask = segments.select(buf, off, available, ctx.number);
                if (recordMembers != null) {
                    top = commonMembers;
                    for (int r = 0; r < recordMembers.length; r++) {
                        if ((recordBits[r] & ctx.mask) != 0) {
                            top = recordMembers[r];
                            break;
                        }
                    }
                }
            }
            int removed = measureMembers(top, ctx, 0);
            if (removed == NEED_MORE) {
                return available >= layout.length() ? layout.length() : RecordLengthFunction.NEED_MORE_BYTES;
            }
            if (removed == BAD_COUNT) {
                throw new FramingException(ErrorCode.ODO_OUT_OF_RANGE, ctx.measureError, 0, 0);
            }
            return layout.length() - removed;
        };
    }

    private int writeMembers(Node[] nodes, boolean first, Context ctx, int shift, ByteVector out) {
        int removed = 0;
        for (Node node : nodes) {
            if (node.viewBit != 0 && (node.viewBit & ctx.mask) == 0) {
                continue; // a REDEFINES view this record's segment does not select
            }
            if (node.key != null) {
                byte[] key = node.key; // ",\"NAME\":" - the separator and the key in one copy
                int skip = first ? 1 : 0;
                out.append(key, skip, key.length - skip);
                first = false;
            }
            int size = node.write(this, ctx, shift - removed, out);
            if (node.variable) {
                removed += node.maxSize - size;
            }
        }
        return removed;
    }

    /** Bytes the members are short of their maximum, or NEED_MORE / BAD_COUNT. */
    private int measureMembers(Node[] nodes, Context ctx, int shift) {
        int removed = 0;
        for (Node node : nodes) {
            if (!node.variable && !node.hasCounter) {
                continue;
            }
            int size = node.measure(this, ctx, shift - removed);
            if (size < 0) {
                return size;
            }
            if (node.variable) {
                removed += node.maxSize - size;
            }
        }
        return removed;
    }

    // ------------------------------------------------------------------ compilation

    /**
     * The flat plan of the members, or null when offsets or element counts vary per record (DEPENDING ON
     * counters), segments select views, metadata is emitted, or the unrolled tables hold too many values.
     */
    private FlatPlan flatPlan() {
        if (segments != null || emitMeta || counterSlots.size() > 0) {
            return null;
        }
        FlatPlan.Builder plan = new FlatPlan.Builder(text, trim, numbersAsStrings);
        plan.literal('{');
        if (!flatten(members, 0, new ArrayList<>(), new ArrayList<>(), plan)) {
            return null;
        }
        return plan.literal('}').literal('\n').build();
    }

    /** Adds an object's members as {@link #writeMembers} writes them; false if the plan is full. */
    private boolean flatten(Node[] nodes, int shift, List<Field> tables, List<Integer> indices,
                            FlatPlan.Builder plan) {
        boolean first = true;
        for (Node node : nodes) {
            if (node.key != null) {
                plan.literal(node.key, first ? 1 : 0);
                first = false;
            }
            if (!flattenValue(node, shift, tables, indices, plan)) {
                return false;
            }
        }
        return true;
    }

    private boolean flattenValue(Node node, int shift, List<Field> tables, List<Integer> indices,
                                 FlatPlan.Builder plan) {
        if (node instanceof GroupNode) {
            plan.literal('{');
            if (!flatten(((GroupNode) node).members, shift, tables, indices, plan)) {
                return false;
            }
            plan.literal('}');
            return true;
        }
        if (node instanceof ArrayNode) {
            ArrayNode array = (ArrayNode) node;
            plan.literal('[');
            tables.add(array.field);
            for (int i = 0; i < array.field.occursMax(); i++) {
                if (i > 0) {
                    plan.literal(',');
                }
                indices.add(i);
                boolean added = flattenValue(array.element, shift + i * array.element.maxSize, tables, indices, plan);
                indices.remove(indices.size() - 1);
                if (!added) {
                    return false;
                }
            }
            tables.remove(tables.size() - 1);
            plan.literal(']');
            return true;
        }
        Field[] inTables = tables.toArray(new Field[0]);
        int[] at = indices.stream().mapToInt(Integer::intValue).toArray();
        FlatPlan.General general = (ctx, out) -> {
            for (int k = 0; k < inTables.length; k++) {
                ctx.enter(inTables[k], at[k]);
            }
            node.write(this, ctx, shift, out);
            for (int k = 0; k < inTables.length; k++) {
                ctx.exit();
            }
        };
        byte kind = FlatPlan.GENERAL;
        int scale = 0;
        boolean signed = false;
        if (node instanceof TextNode && !emptyTextNull && text.singleByte()) {
            kind = FlatPlan.TEXT;
        } else if (node instanceof NumberNode) {
            NumberNode number = (NumberNode) node;
            kind = number.flatKind();
            scale = number.scale;
            signed = number.signed;
        }
        return plan.value(kind, node.offset + shift, node.maxSize, scale, signed, general);
    }

    /** The members of one JSON object, with their keys made unique. */
    private Node[] object(List<Field> fields, Deque<Field> arrays, long viewBit) {
        List<Node> nodes = new ArrayList<>();
        collect(fields, arrays, viewBit, nodes);
        List<String> names = new ArrayList<>();
        for (Node n : nodes) {
            if (n.name != null) {
                names.add(n.name);
            }
        }
        List<String> keys = UniqueKeys.assign(names);
        int k = 0;
        for (Node n : nodes) {
            if (n.name != null) {
                byte[] key = JsonKeys.encodeKey(keys.get(k++));
                n.key = new byte[key.length + 1];
                n.key[0] = ',';
                System.arraycopy(key, 0, n.key, 1, key.length);
            }
        }
        return nodes.toArray(new Node[0]);
    }

    private void collect(List<Field> fields, Deque<Field> arrays, long viewBit, List<Node> out) {
        for (Field f : fields) {
            long bit = viewBit | (segments == null ? 0 : segments.viewBit(f));
            if (f.filler() && f.isGroup() && !f.isArray()) {
                collect(f.children(), arrays, bit, out); // transparent: named children land in this object
                continue;
            }
            boolean emitted = !f.filler() || keepFiller || (f.isArray() && f.isGroup() && f.hasNamedItems())
                    || (compact && f.variableSize());
            if (!emitted) {
                if (f.odoCounter()) {
                    Node counter = new NumberNode(f, null, counterSlots.of(f), NumberNode.DIRECT_NONE);
                    counter.viewBit = bit;
                    out.add(counter); // silent: read for its table, not written
                }
                continue;
            }
            Node value;
            if (f.isArray()) {
                arrays.push(f);
                Node element = value(f, arrays);
                arrays.pop();
                ArrayNode array = new ArrayNode(f, element, counterSlots.forArray(f, arrays));
                array.variable(compact);
                value = array;
            } else {
                value = value(f, arrays);
            }
            value.name = f.filler() ? "FILLER" : f.name();
            value.viewBit = bit;
            if (compact && value.variable && bit != 0) {
                throw new CobolException(ErrorCode.COPYBOOK_UNSUPPORTED, f.path()
                        + ": a REDEFINES view of variable size (OCCURS DEPENDING ON) cannot be selected by segment");
            }
            out.add(value);
        }
    }

    private Node value(Field f, Deque<Field> arrays) {
        int slot = counterSlots.of(f);
        switch (f.type()) {
            case GROUP:
                return new GroupNode(f, object(f.children(), arrays, 0), compact);
            case ALPHANUMERIC:
            case ALPHABETIC:
                return new TextNode(f);
            case NATIONAL:
                return new WideTextNode(f, true);
            case DBCS:
                if (!codePage.hasDoubleByte()) {
                    throw new CobolException(ErrorCode.COPYBOOK_UNSUPPORTED, f.path() + " is double-byte text (PIC G"
                            + " / DISPLAY-1): it needs a code page with a double-byte charset, such as cp930, cp939"
                            + " (Japanese), cp933 (Korean), cp935, cp937 (Chinese); " + codePage.name() + " has none"
                            + " (the JDK ships no IBM1390/IBM1399)");
                }
                return new WideTextNode(f, false);
            case FLOAT_SINGLE:
            case FLOAT_DOUBLE:
                return new FloatNode(f);
            default:
                return new NumberNode(f, f.name(), slot, directKind(f));
        }
    }

    /** Which {@link DirectNumbers} path a numeric field can take first, if any. */
    private byte directKind(Field f) {
        NumericFormat fmt = f.numeric();
        if (f.type() == FieldType.PACKED && f.length() >= 1
                && DirectNumbers.supportsScale(fmt.scale(), 2 * f.length() - 1)) {
            return NumberNode.DIRECT_PACKED;
        }
        if (f.type() == FieldType.ZONED && codePage.isEbcdic() && !fmt.signSeparate()
                && fmt.signPosition() == SignPosition.TRAILING && DirectNumbers.supportsScale(fmt.scale(), f.length())) {
            return NumberNode.DIRECT_ZONED;
        }
        boolean binary = f.type() == FieldType.BINARY || f.type() == FieldType.NATIVE_BINARY;
        if (binary && fmt.scale() == 0 && f.length() <= (fmt.signed() ? 8 : 7)) {
            boolean big = bigEndian && (f.type() == FieldType.NATIVE_BINARY || f.usage() != Usage.COMP_9);
            return big ? NumberNode.DIRECT_BINARY_BIG : NumberNode.DIRECT_BINARY_LITTLE;
        }
        return NumberNode.DIRECT_NONE;
    }

    // ------------------------------------------------------------------ per-thread state

    /** Per-thread decoding state: reusable number buffer, table indices for error paths, lenient field errors. */
    public static final class Context {
        final DecodedNumber number = new DecodedNumber();
        private final List<DecodeError> fieldErrors = new ArrayList<>();
        private Field[] arrays = new Field[8];
        private int[] indices = new int[8];
        private int depth;
        /** Each DEPENDING ON counter's last value read in this record (-1: bad or not read), and where. */
        final long[] counters;
        final int[] counterAt;
        long mask = -1L;
        String measureError;
        final WideText wide = new WideText();
        byte[] src;
        int off;
        int len;
        long sequence;
        long inputOffset;
        int headerBytes;

        private Context(int counterSlots) {
            this.counters = new long[counterSlots];
            this.counterAt = new int[counterSlots];
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
            this.mask = -1L;
            if (counters.length > 0) {
                java.util.Arrays.fill(counters, -1L);
            }
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
                if (field.path().startsWith(prefix)
                        && (field.path().length() == prefix.length() || field.path().charAt(prefix.length()) == '.')) {
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
        /** The key's name before uniqueness, or null for a silent node (an ODO counter declared FILLER). */
        String name;
        /** The pre-encoded key preceded by its separator: {@code ,"NAME":}. */
        byte[] key;
        /** Non-zero: a view of a governed REDEFINES set, written only when the record's segment selects it. */
        long viewBit;
        /** Bytes of the item at most (all elements of a table). */
        final int maxSize;
        /** The field's layout offset, copied from the {@link Field} so the hot path reads a final int. */
        final int offset;
        /** The item can take fewer than {@link #maxSize} bytes (variableOccurs only). */
        boolean variable;
        /** The item is or holds an ODO counter (read while measuring a record). */
        boolean hasCounter;

        Node(Field field, int maxSize) {
            this.field = field;
            this.maxSize = maxSize;
            this.offset = field.offset();
        }

        /**
         * The field's offset in the record, or -1 (after writing {@code null}) when the record is too short to
         * hold all of it: variable-length records may end before the layout does.
         */
        final int startIfPresent(Context ctx, int shift, ByteVector out) {
            int start = field.offset() + shift;
            if (start + field.length() > ctx.len) {
                out.append(NULL);
                return -1;
            }
            return start;
        }

        /**
         * Writes the value (not the key) of this field, whose layout offset is moved by {@code shift} bytes (by the
         * enclosing tables' elements and, with variableOccurs, by shorter tables before it); returns the bytes it
         * takes in this record.
         */
        abstract int write(RecordDecoder d, Context ctx, int shift, ByteVector out);

        /** The bytes this item takes in this record, reading ODO counters; NEED_MORE or BAD_COUNT. */
        int measure(RecordDecoder d, Context ctx, int shift) {
            return maxSize;
        }
    }

    private static final class GroupNode extends Node {
        private final Node[] members;

        GroupNode(Field field, Node[] members, boolean compact) {
            super(field, field.length());
            this.members = members;
            for (Node m : members) {
                variable |= compact && m.variable;
                hasCounter |= m.hasCounter;
            }
        }

        @Override
        int write(RecordDecoder d, Context ctx, int shift, ByteVector out) {
            out.append('{');
            int removed = d.writeMembers(members, true, ctx, shift, out);
            out.append('}');
            return maxSize - removed;
        }

        @Override
        int measure(RecordDecoder d, Context ctx, int shift) {
            int removed = d.measureMembers(members, ctx, shift);
            return removed < 0 ? removed : maxSize - removed;
        }
    }

    private static final class ArrayNode extends Node {
        private final Node element;
        private final int counterSlot;

        ArrayNode(Field field, Node element, int counterSlot) {
            super(field, field.length() * field.occursMax());
            this.element = element;
            this.counterSlot = counterSlot;
            this.hasCounter = element.hasCounter;
        }

        void variable(boolean compact) {
            variable = compact && (counterSlot >= 0 || element.variable);
        }

        /** Elements present: the counter's value for DEPENDING ON (-1 if it is bad), else the maximum. */
        long count(Context ctx) {
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
        int write(RecordDecoder d, Context ctx, int shift, ByteVector out) {
            long count = count(ctx);
            if (count < 0) {
                Field counter = field.dependingOn();
                int at = ctx.counterAt[counterSlot];
                if (variable) { // the items after the table cannot be placed: the whole record is bad
                    throw new RecordDecodeException(new DecodeError(ctx.sequence, ctx.inputOffset + at,
                            ctx.pathOf(counter), ErrorCode.ODO_OUT_OF_RANGE, badCount(ctx)));
                }
                d.fieldErrorAt(ctx, ctx.pathOf(counter), at, ErrorCode.ODO_OUT_OF_RANGE, badCount(ctx), out);
                return maxSize;
            }
            out.append('[');
            ctx.enter(field, 0);
            int pos = 0;
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    out.append(',');
                }
                ctx.setIndex(i);
                pos += element.write(d, ctx, shift + pos, out);
            }
            ctx.exit();
            out.append(']');
            return variable ? pos : maxSize;
        }

        @Override
        int measure(RecordDecoder d, Context ctx, int shift) {
            long count = count(ctx);
            if (count < 0) {
                if (ctx.counters[counterSlot] < 0 && ctx.counterAt[counterSlot] < 0) {
                    return NEED_MORE;
                }
                ctx.measureError = badCount(ctx);
                return BAD_COUNT;
            }
            if (!element.variable && !element.hasCounter) {
                return variable ? (int) count * field.length() : maxSize;
            }
            ctx.enter(field, 0);
            int pos = 0;
            for (int i = 0; i < count; i++) {
                ctx.setIndex(i);
                int size = element.measure(d, ctx, shift + pos);
                if (size < 0) {
                    ctx.exit();
                    return size;
                }
                pos += size;
            }
            ctx.exit();
            return variable ? pos : maxSize;
        }
    }

    private static final class TextNode extends Node {
        TextNode(Field field) {
            super(field, field.length());
        }

        @Override
        int write(RecordDecoder d, Context ctx, int shift, ByteVector out) {
            int start = offset + shift;
            int available = Math.min(maxSize, ctx.len - start);
            if (available <= 0) {
                out.append(NULL);
                return maxSize;
            }
            if (d.emptyTextNull && blank(ctx.src, ctx.off + start, available, d.codePage.space())) {
                out.append(NULL);
                return maxSize;
            }
            d.text.appendString(ctx.src, ctx.off + start, available, d.trim, out);
            return maxSize;
        }
    }

    /** PIC N (UTF-16 big-endian) or PIC G (double-byte EBCDIC): decoded to chars in the context, then escaped. */
    private static final class WideTextNode extends Node {
        private final boolean national;

        WideTextNode(Field field, boolean national) {
            super(field, field.length());
            this.national = national;
        }

        @Override
        int write(RecordDecoder d, Context ctx, int shift, ByteVector out) {
            int start = field.offset() + shift;
            int available = Math.min(field.length(), ctx.len - start) & ~1;
            if (available <= 0) {
                out.append(NULL);
                return maxSize;
            }
            byte[] src = ctx.src;
            int at = ctx.off + start;
            if (d.emptyTextNull && WideText.blank(src, at, available, national)) {
                out.append(NULL);
                return maxSize;
            }
            CharBuffer chars = ctx.wide.decode(src, at, available, national, d.codePage,
                    d.trim == Trim.LEFT || d.trim == Trim.BOTH, d.trim == Trim.RIGHT || d.trim == Trim.BOTH);
            out.append('"');
            JsonEscape.append(chars, out);
            out.append('"');
            return maxSize;
        }
    }

    /** All bytes spaces, or all low-values. */
    static boolean blank(byte[] src, int at, int len, byte space) {
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

    private static final class NumberNode extends Node {
        static final byte DIRECT_NONE = 0;
        static final byte DIRECT_PACKED = 1;
        static final byte DIRECT_ZONED = 2;
        static final byte DIRECT_BINARY_BIG = 3;
        static final byte DIRECT_BINARY_LITTLE = 4;
        private final int counterSlot;
        /** The {@link DirectNumbers} path tried first (not for counters, whose value is needed as a number). */
        private final byte direct;
        private final int scale;
        private final boolean signed;

        /** @param name null for a silent counter (read, not written) */
        NumberNode(Field field, String name, int counterSlot, byte direct) {
            super(field, field.length());
            this.name = name;
            this.counterSlot = counterSlot;
            this.hasCounter = counterSlot >= 0;
            this.direct = counterSlot >= 0 ? DIRECT_NONE : direct;
            this.scale = direct == DIRECT_NONE ? 0 : field.numeric().scale();
            this.signed = direct != DIRECT_NONE && field.numeric().signed();
        }

        /** The kind of this field's value in a {@link FlatPlan}. */
        byte flatKind() {
            switch (direct) {
                case DIRECT_PACKED:
                    return FlatPlan.PACKED;
                case DIRECT_ZONED:
                    return FlatPlan.ZONED;
                case DIRECT_BINARY_BIG:
                    return FlatPlan.BINARY_BIG;
                case DIRECT_BINARY_LITTLE:
                    return FlatPlan.BINARY_LITTLE;
                default:
                    return FlatPlan.GENERAL;
            }
        }

        @Override
        int write(RecordDecoder d, Context ctx, int shift, ByteVector out) {
            // the common case first and small enough to be inlined; counters and silent nodes are never direct
            int start = offset + shift;
            if (direct != DIRECT_NONE && start + maxSize <= ctx.len) {
                int at = ctx.off + start;
                if (direct == DIRECT_PACKED) {
                    if (DirectNumbers.appendPacked(ctx.src, at, maxSize, scale, signed, d.numbersAsStrings, out)) {
                        return maxSize;
                    }
                } else if (direct == DIRECT_ZONED) {
                    if (DirectNumbers.appendZoned(ctx.src, at, maxSize, scale, signed, d.numbersAsStrings, out)) {
                        return maxSize;
                    }
                } else {
                    DirectNumbers.appendBinary(ctx.src, at, maxSize, signed, direct == DIRECT_BINARY_BIG,
                            d.numbersAsStrings, out);
                    return maxSize;
                }
            }
            return writeGeneral(d, ctx, shift, out);
        }

        /** Counters, silent nodes, fields cut by the record's end and whatever the direct path declined. */
        private int writeGeneral(RecordDecoder d, Context ctx, int shift, ByteVector out) {
            if (name == null) {
                measure(d, ctx, shift);
                return maxSize;
            }
            int start = offset + shift;
            if (counterSlot >= 0) {
                ctx.counterAt[counterSlot] = start;
                ctx.counters[counterSlot] = -1;
            }
            if (start + maxSize > ctx.len) {
                out.append(NULL);
                return maxSize;
            }
            DecodedNumber number = ctx.number;
            try {
                if (d.decodeNumber(field, ctx, start)) {
                    if (counterSlot >= 0) {
                        ctx.counters[counterSlot] = 0;
                    }
                    d.appendZero(field, out);
                    return maxSize;
                }
            } catch (FieldDecodeException e) {
                d.fieldError(ctx, field, start, e.code(), e.getMessage(), e.byteIndex(), out);
                return maxSize;
            }
            if (number.isBlank()) {
                out.append(NULL);
                return maxSize;
            }
            if (counterSlot >= 0) {
                ctx.counters[counterSlot] = toCount(number);
            }
            if (d.numbersAsStrings) {
                out.append('"');
                number.appendPlainText(out);
                out.append('"');
            } else {
                number.appendPlainText(out);
            }
            return maxSize;
        }

        @Override
        int measure(RecordDecoder d, Context ctx, int shift) {
            if (counterSlot < 0) {
                return maxSize;
            }
            int start = field.offset() + shift;
            ctx.counterAt[counterSlot] = -1;
            ctx.counters[counterSlot] = -1;
            if (start + field.length() > ctx.len) {
                return NEED_MORE;
            }
            ctx.counterAt[counterSlot] = start;
            try {
                if (d.decodeNumber(field, ctx, start)) {
                    ctx.counters[counterSlot] = 0;
                } else if (!ctx.number.isBlank()) {
                    ctx.counters[counterSlot] = toCount(ctx.number);
                }
            } catch (FieldDecodeException e) {
                // stays -1: the table reports the bad counter
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

    private static final class FloatNode extends Node {
        FloatNode(Field field) {
            super(field, field.length());
        }

        @Override
        int write(RecordDecoder d, Context ctx, int shift, ByteVector out) {
            int start = startIfPresent(ctx, shift, out);
            if (start < 0) {
                return maxSize;
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
            return maxSize;
        }
    }

    /** Reports a bad table count: null in lenient mode, otherwise the record fails. */
    private void fieldErrorAt(Context ctx, String path, int at, ErrorCode code, String message, ByteVector out) {
        DecodeError error = new DecodeError(ctx.sequence, ctx.inputOffset + Math.max(0, at), path, code,
                message + " (record byte " + Math.max(0, at) + ")");
        if (!lenient) {
            throw new RecordDecodeException(error);
        }
        ctx.fieldErrors.add(error);
        out.append(NULL);
    }

    /** Zero at the field's scale, for {@link BlankNumerics#ZERO}. */
    private void appendZero(Field f, ByteVector out) {
        if (numbersAsStrings) {
            out.append('"');
        }
        out.append('0');
        int scale = f.numeric().scale();
        if (scale > 0) {
            out.append('.');
            for (int i = 0; i < scale; i++) {
                out.append('0');
            }
        }
        if (numbersAsStrings) {
            out.append('"');
        }
    }

    /**
     * Decodes a numeric field at record offset {@code start} into {@code ctx.number}.
     *
     * @return true when the field is blank and {@link BlankNumerics#ZERO} applies (the number is not set)
     */
    boolean decodeNumber(Field f, Context ctx, int start) {
        byte[] src = ctx.src;
        int at = ctx.off + start;
        NumericFormat fmt = f.numeric();
        DecodedNumber number = ctx.number;
        BlankNumerics blankMode = blanks;
        switch (f.type()) {
            case ZONED:
                ZonedDecimal.decode(src, at, f.length(), fmt, codePage.isEbcdic(), blankMode != BlankNumerics.REJECT,
                        number);
                return blankMode == BlankNumerics.ZERO && number.isBlank();
            case PACKED:
                if (blankMode != BlankNumerics.REJECT && blank(src, at, f.length(), codePage.space())) {
                    number.setBlank(fmt.scale());
                    return blankMode == BlankNumerics.ZERO;
                }
                PackedDecimal.decode(src, at, f.length(), fmt, number);
                return false;
            case BINARY:
                BinaryInteger.decode(src, at, f.length(), fmt, bigEndian && f.usage() != Usage.COMP_9, number);
                return false;
            case NATIVE_BINARY:
                BinaryInteger.decode(src, at, f.length(), fmt, bigEndian, number);
                return false;
            case NUMERIC_EDITED:
                NumericEdited.decode(src, at, f.length(), fmt, codePage, number);
                return false;
            default:
                throw new IllegalStateException("not a numeric field: " + f);
        }
    }
}
