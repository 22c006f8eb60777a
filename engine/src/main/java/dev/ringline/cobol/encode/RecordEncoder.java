package dev.ringline.cobol.encode;

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
import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.DecodeError;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.buffer.ByteVector;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns one JSON line into one record's bytes, following a {@link RecordLayout}: the inverse of
 * {@code RecordDecoder}, accepting what it writes. Compiled once per layout into a tree of field writers with
 * pre-encoded keys and a default record image; encoding a line copies the image, then writes each value the line
 * gives straight into place while the JSON is read. No allocation per line on the common path (text, zoned, packed
 * and binary values of up to 18 digits).
 *
 * <p>The JSON: one object; keys are the copybook names as written (case-sensitive), groups nested objects, OCCURS
 * arrays, numbers JSON numbers or strings holding one ({@code "12.30"}); {@code _record}, {@code _offset} and
 * {@code _length} are ignored at the top; keys may come in any order. Strict: a number with more digits than its
 * PICTURE, with fraction digits beyond its scale (other than zeros), negative in an unsigned field, text longer than
 * its field or with a character the code page lacks, a value of the wrong kind, an unknown key (unless
 * {@link EncoderOptions#ignoreUnknown()}) or a duplicate key rejects the line. A missing or {@code null} field is
 * filled as {@link Fill} says; an array with fewer elements than its OCCURS leaves the rest filled.
 *
 * <p>REDEFINES: a line may give any of the views of a redefined area; each view is encoded on its own and the
 * bytes they set must agree (else {@link ErrorCode#REDEFINES_MISMATCH} naming both views); bytes no view sets are
 * those of the first view given. OCCURS DEPENDING ON: the counter is written from the array's length (and a counter
 * value given in the line must equal it); missing, the array has the counter's value, else its minimum; the
 * elements past the count are fill bytes.
 *
 * <p>Thread-safe once compiled: each thread encodes with its own {@link Context}.
 */
public final class RecordEncoder {
    private static final byte[][] META_KEYS = {utf8("_record"), utf8("_offset"), utf8("_length")};

    private final RecordLayout layout;
    private final CodePage codePage;
    private final boolean ebcdic;
    private final boolean ignoreUnknown;
    private final boolean lowValues;
    private final FloatingPoint.Format floatFormat;
    private final byte fillByte;
    private final GroupNode root;
    private final byte[] defaultImage;
    private final List<GroupNode> groups = new ArrayList<>();
    private final List<Area> areas = new ArrayList<>();
    private final List<View> views = new ArrayList<>();
    private final List<ArrayNode> dependingArrays = new ArrayList<>();
    private final List<Field> counters = new ArrayList<>();
    private final boolean variableLength;
    /** RDW or VB output: a record of a union is as long as that record, not the longest. */
    private final boolean variableFraming;
    /** {@link #dependingArrays} as an array: the per-line loops must not allocate iterators. */
    private final ArrayNode[] depending;
    /** Segment selection, or null: which view of each governed REDEFINES set a line encodes. */
    private final SegmentSelector selector;
    /** With a selector: the keys from the top object down to the discriminator's value. */
    private final byte[][] discriminatorKeys;
    private final String[] discriminatorNames;
    private final Node discriminatorNode;
    /** With a selector: each mapped value's view bits, and the record image of missing values for those views. */
    private final long[] segmentMasks;
    private final byte[][] segmentImages;
    /**
     * Segments among the 01 records of {@link dev.ringline.cobol.copybook.Copybook#union()}: per record its fields
     * at the top of the line (as the decoder writes them), its view bit, image and length; last, the leading fields
     * every record shares (an unmapped value emitted). Null otherwise.
     */
    private final GroupNode[] recordNodes;
    private final long[] recordBits;
    private final byte[][] recordImages;
    private final int[] recordLengths;

    private RecordEncoder(RecordLayout layout, EncoderOptions options) {
        this.layout = layout;
        this.codePage = options.codePage();
        this.ebcdic = codePage.isEbcdic();
        this.ignoreUnknown = options.ignoreUnknown();
        this.lowValues = options.fill() == Fill.LOW_VALUES;
        this.floatFormat = options.floatFormat();
        this.fillByte = options.fill().byteIn(codePage);
        this.root = compileGroup(layout.root(), false);
        if (options.segments() != null) {
            this.selector = options.segments().compile(layout, codePage, true);
            for (View v : views) {
                v.bit = selector.viewBit(v.node.field);
            }
            Field disc = selector.discriminator();
            List<Field> chain = new ArrayList<>();
            if (!pathTo(layout.root(), disc, chain)) {
                throw new IllegalStateException("discriminator outside its layout: " + disc);
            }
            if (layout.multiRecord()) {
                chain.remove(0); // the record: its fields are at the top of the line
                List<Field> records = layout.fields();
                this.recordNodes = new GroupNode[records.size() + 1];
                this.recordBits = new long[records.size()];
                this.recordLengths = new int[records.size() + 1];
                for (int r = 0; r < records.size(); r++) {
                    Field rec = records.get(r);
                    sameDiscriminator(rec, chain, disc);
                    recordNodes[r] = compileGroup(rec, rec.children(), false);
                    recordBits[r] = selector.viewBit(rec);
                    recordLengths[r] = rec.length();
                }
                recordNodes[records.size()] = compileGroup(layout.root(), layout.commonLeadingFields(), false);
                recordLengths[records.size()] = layout.length();
                for (Field view : selector.views()) {
                    if (!records.contains(view)) {
                        throw new CobolException(ErrorCode.COPYBOOK_UNSUPPORTED, "segment view " + view.path()
                                + ": with 01 records as views, every view must be a record for encoding");
                    }
                }
                if (!dependingArrays.isEmpty()) {
                    throw new CobolException(ErrorCode.COPYBOOK_UNSUPPORTED, "segment selection among 01 records "
                            + "with OCCURS DEPENDING ON is not supported for encoding");
                }
            } else {
                this.recordNodes = null;
                this.recordBits = null;
                this.recordLengths = null;
            }
            this.discriminatorKeys = new byte[chain.size()][];
            this.discriminatorNames = new String[chain.size()];
            for (int i = 0; i < chain.size(); i++) {
                if (chain.get(i).filler()) {
                    throw new CobolException(ErrorCode.COPYBOOK_UNSUPPORTED, "segment field " + disc.path()
                            + " is inside a FILLER: a JSON line cannot give it");
                }
                discriminatorKeys[i] = utf8(chain.get(i).name());
                discriminatorNames[i] = chain.get(i).name();
            }
            this.discriminatorNode = find(root, disc);
            this.segmentMasks = selector.masks();
        } else {
            this.selector = null;
            this.discriminatorKeys = null;
            this.discriminatorNames = null;
            this.discriminatorNode = null;
            this.segmentMasks = new long[0];
            this.recordNodes = null;
            this.recordBits = null;
            this.recordLengths = null;
        }
        for (ArrayNode a : dependingArrays) {
            if (counters.indexOf(a.field.dependingOn()) < 0) {
                counters.add(a.field.dependingOn());
            }
        }
        for (int i = 0; i < counters.size(); i++) {
            numberNodeOf(counters.get(i), root).counterId = i;
        }
        for (ArrayNode a : dependingArrays) {
            a.counterId = counters.indexOf(a.field.dependingOn());
        }
        this.variableFraming = options.variableLength();
        this.variableLength = options.variableLength() && !dependingArrays.isEmpty() && dependingArrays.stream()
                .allMatch(a -> !a.nested && (long) a.field.offset() + a.field.totalLength() == layout.length());
        this.depending = dependingArrays.toArray(new ArrayNode[0]);
        this.defaultImage = new byte[layout.length()];
        Arrays.fill(defaultImage, fillByte);
        root.writeDefault(this, defaultImage, 0, 0, -1L);
        for (View v : views) {
            v.image = Arrays.copyOfRange(defaultImage, v.area.offset, v.area.offset + v.area.length);
            Arrays.fill(v.image, fillByte);
            v.node.writeDefault(this, v.image, -v.area.offset, 0, -1L);
        }
        // per mapped value, and last for an unmapped one (no view): the image with those views' missing values
        this.segmentImages = new byte[segmentMasks.length + 1][];
        for (int i = 0; i <= segmentMasks.length; i++) {
            byte[] image = new byte[layout.length()];
            Arrays.fill(image, fillByte);
            root.writeDefault(this, image, 0, 0, i < segmentMasks.length ? segmentMasks[i] : 0L);
            segmentImages[i] = image;
        }
        if (recordNodes != null) {
            this.recordImages = new byte[recordNodes.length][];
            for (int r = 0; r < recordNodes.length; r++) {
                byte[] image = new byte[layout.length()];
                Arrays.fill(image, fillByte);
                recordNodes[r].writeDefault(this, image, 0, 0, -1L);
                recordImages[r] = image;
            }
        } else {
            this.recordImages = null;
        }
    }

    /** Compiles an encoder for {@code layout}. */
    public static RecordEncoder compile(RecordLayout layout, EncoderOptions options) {
        return new RecordEncoder(layout, options);
    }

    /** The layout this encoder follows. */
    public RecordLayout layout() {
        return layout;
    }

    /** Fresh per-thread encoding state. */
    public Context newContext() {
        return new Context(this);
    }

    /**
     * Encodes the JSON line {@code src[off, off + len)} (without its newline) and appends the record's bytes to
     * {@code out}.
     *
     * @param lineIndex   the line's 0-based index in the input (the record sequence of errors; messages say
     *                    {@code line lineIndex + 1})
     * @param inputOffset the line's byte offset in the input
     * @return the record's length
     * @throws RecordEncodeException for a line that is not valid JSON or does not fit the layout
     */
    public int encode(byte[] src, int off, int len, long lineIndex, long inputOffset, Context ctx, ByteVector out) {
        ctx.start(src, off, len);
        try {
            if (selector != null) {
                selectSegment(ctx);
                ctx.cursor.reset(src, off, len);
            }
            ctx.top.parseTop(this, ctx);
            ctx.cursor.expectEnd();
            finishDependingOn(ctx);
        } catch (JsonCursor.JsonSyntaxException e) {
            throw reject(ctx, lineIndex, inputOffset, ErrorCode.BAD_JSON, e.getMessage());
        } catch (FieldDecodeException e) {
            throw reject(ctx, lineIndex, inputOffset, e.code(), e.getMessage());
        } catch (Reject e) {
            throw reject(ctx, lineIndex, inputOffset, e.code(), e.getMessage());
        }
        int length = variableLength ? variableLength(ctx)
                : variableFraming && ctx.recordLength > 0 ? ctx.recordLength : layout.length();
        out.append(ctx.record, 0, length);
        return length;
    }

    private static RecordEncodeException reject(Context ctx, long lineIndex, long inputOffset, ErrorCode code,
                                                String message) {
        String path = ctx.path();
        return new RecordEncodeException(new DecodeError(lineIndex, inputOffset, path.isEmpty() ? null : path, code,
                message + " (line " + (lineIndex + 1) + ")"));
    }

    /**
     * Finds the discriminator's value in the line (keys may come in any order), encodes it as the record would hold
     * it, asks the selector which views that value selects and starts the record from that segment's image.
     */
    private void selectSegment(Context ctx) {
        Field disc = selector.discriminator();
        byte[] probe = ctx.probe;
        System.arraycopy(defaultImage, disc.offset(), probe, disc.offset(), disc.length());
        if (seek(ctx.cursor, 0)) {
            for (String name : discriminatorNames) {
                ctx.push(name); // the path of an error in the value; parse pops nothing
            }
            ctx.target = probe;
            discriminatorNode.parse(this, ctx, 0);
            ctx.target = ctx.record;
            ctx.depth = 0;
        }
        long mask = selector.select(probe, 0, probe.length, ctx.decoded);
        if (mask == 0 && !selector.emitUnknown()) {
            ctx.push(disc.path());
            throw new Reject(ErrorCode.UNKNOWN_SEGMENT, "segment value " + selector.describe(probe, 0, probe.length)
                    + " of " + disc.path() + " maps to no view");
        }
        int image = segmentMasks.length;
        for (int i = 0; i < segmentMasks.length; i++) {
            if (segmentMasks[i] == mask) {
                image = i;
                break;
            }
        }
        if (recordNodes != null) {
            int r = recordBits.length; // unmapped, emitted: the shared leading fields
            for (int i = 0; i < recordBits.length; i++) {
                if ((recordBits[i] & mask) != 0) {
                    r = i;
                    break;
                }
            }
            ctx.top = recordNodes[r];
            ctx.recordLength = recordLengths[r];
            System.arraycopy(recordImages[r], 0, ctx.record, 0, ctx.record.length);
            return; // inside the record every view is encoded, as the decoder writes every one
        }
        ctx.segment = mask;
        System.arraycopy(segmentImages[image], 0, ctx.record, 0, ctx.record.length);
    }

    /** Refuses a record whose discriminator, at the same place, has another key chain than the first record's. */
    private static void sameDiscriminator(Field record, List<Field> chain, Field disc) {
        Field f = record;
        for (Field link : chain) {
            Field next = null;
            for (Field child : f.children()) {
                if (child.name().equals(link.name())) {
                    next = child;
                    break;
                }
            }
            if (next == null) {
                f = null;
                break;
            }
            f = next;
        }
        if (f == null || f.offset() != disc.offset() || f.length() != disc.length()) {
            throw new CobolException(ErrorCode.COPYBOOK_UNSUPPORTED, "record " + record.name() + " does not name "
                    + "the segment field " + disc.name() + " as the first record does (same name, same bytes): "
                    + "needed to find it in a JSON line");
        }
    }

    /** Moves the cursor to the value of the discriminator's key {@code level} deep; false when the line has none. */
    private boolean seek(JsonCursor cursor, int level) {
        if (cursor.peek() != '{') {
            return false; // not an object: the main pass says why
        }
        cursor.expect('{');
        if (cursor.consume('}')) {
            return false;
        }
        do {
            cursor.readKey();
            if (cursor.keyEquals(discriminatorKeys[level])) {
                if (level == discriminatorKeys.length - 1) {
                    return !cursor.consumeNull();
                }
                return seek(cursor, level + 1);
            }
            cursor.skipValue();
        } while (cursor.consume(','));
        return false;
    }

    /** Collects the fields from {@code from}'s children down to {@code field}; false when it is not below. */
    private static boolean pathTo(Field from, Field field, List<Field> chain) {
        for (Field child : from.children()) {
            chain.add(child);
            if (child == field || pathTo(child, field, chain)) {
                return true;
            }
            chain.remove(chain.size() - 1);
        }
        return false;
    }

    private int variableLength(Context ctx) {
        long length = layout.length();
        for (ArrayNode a : depending) {
            length -= (a.field.occursMax() - ctx.odoCount[a.odoId]) * (long) a.field.length();
        }
        return (int) length;
    }

    /** Resolves each OCCURS DEPENDING ON count, checks it against given counters, writes the counters. */
    private void finishDependingOn(Context ctx) {
        Arrays.fill(ctx.counterResolved, -1);
        ctx.depth = 0;
        for (ArrayNode a : depending) {
            Field f = a.field;
            int c = a.counterId;
            long count = ctx.odoCount[a.odoId];
            ctx.push(f.path());
            if (count < 0) {
                count = ctx.counterGiven[c] ? ctx.counterValue[c] : f.occursMin();
                if (count < f.occursMin() || count > f.occursMax()) {
                    throw new Reject(ErrorCode.ODO_OUT_OF_RANGE, "counter " + f.dependingOn().path() + " is "
                            + count + ", outside " + f.occursMin() + ".." + f.occursMax());
                }
                ctx.odoCount[a.odoId] = (int) count;
            } else if (ctx.counterGiven[c] && ctx.counterValue[c] != count) {
                throw new Reject(ErrorCode.ODO_OUT_OF_RANGE, "counter " + f.dependingOn().path() + " is "
                        + ctx.counterValue[c] + " but the array has " + count + " elements");
            }
            if (ctx.counterResolved[c] >= 0 && ctx.counterResolved[c] != count) {
                throw new Reject(ErrorCode.ODO_OUT_OF_RANGE, "arrays depending on " + f.dependingOn().path()
                        + " have different lengths (" + ctx.counterResolved[c] + " and " + count + ")");
            }
            ctx.counterResolved[c] = count;
            ctx.pop();
            // Elements past the count are not part of the record: fill, like any byte the line does not give.
            Arrays.fill(ctx.record, f.offset() + (int) count * f.length(), f.offset() + f.occursMax() * f.length(),
                    fillByte);
        }
        for (int c = 0; c < counters.size(); c++) {
            if (ctx.counterResolved[c] >= 0) {
                Field counter = counters.get(c);
                writeCount(counter, ctx.counterResolved[c], ctx.record, counter.offset());
            }
        }
    }

    /** Writes an OCCURS DEPENDING ON count into its counter, without allocating for the usual counter pictures. */
    private void writeCount(Field counter, long count, byte[] dst, int at) {
        NumericFormat fmt = counter.numeric();
        boolean plain = fmt.scale() == 0;
        switch (counter.type()) {
            case ZONED:
                if (plain && zonedDigits(counter) == declaredDigits(fmt)) {
                    ZonedDecimal.encodeUnscaled(count, fmt, ebcdic, dst, at);
                } else {
                    ZonedDecimal.encode(BigDecimal.valueOf(count), fmt, zonedDigits(counter), ebcdic, dst, at);
                }
                return;
            case PACKED:
                if (plain && packedDigits(counter) == declaredDigits(fmt)) {
                    PackedDecimal.encodeUnscaled(count, fmt, dst, at);
                } else {
                    PackedDecimal.encode(BigDecimal.valueOf(count), fmt, packedDigits(counter), dst, at);
                }
                return;
            case BINARY:
            case NATIVE_BINARY:
                if (plain && counter.length() <= 8) {
                    BinaryInteger.encodeUnscaled(count, fmt, true, dst, at, counter.length());
                } else {
                    BinaryInteger.encode(BigDecimal.valueOf(count), fmt, true, dst, at, counter.length());
                }
                return;
            default:
                throw new Reject(ErrorCode.COPYBOOK_UNSUPPORTED, "counter " + counter.path() + " of type "
                        + counter.type() + " cannot be written");
        }
    }

    // ------------------------------------------------------------------ compilation

    private GroupNode compileGroup(Field group, boolean inArray) {
        return compileGroup(group, group.children(), inArray);
    }

    private GroupNode compileGroup(Field group, List<Field> children, boolean inArray) {
        List<Member> members = new ArrayList<>();
        List<Area> groupAreas = new ArrayList<>();
        Area current = null;
        for (Field f : children) {
            if (f.redefines() == null) {
                current = null;
            }
            if (f.redefined()) {
                current = new Area(areas.size(), f.offset());
                areas.add(current);
                groupAreas.add(current);
            }
            Node node = compileField(f, inArray);
            Area area = f.redefined() || f.redefines() != null ? current : null;
            if (area != null) {
                area.length = (int) Math.max(area.length, f.totalLength());
            }
            View view = null;
            if (area != null) {
                view = new View(views.size(), area, node, f.name());
                views.add(view);
                area.views.add(view);
            }
            if (!f.filler()) {
                members.add(new Member(f.name(), node, view));
            }
        }
        GroupNode node = new GroupNode(group, groups.size(), members.toArray(new Member[0]),
                groupAreas.toArray(new Area[0]));
        groups.add(node);
        return node;
    }

    private Node compileField(Field f, boolean inArray) {
        Node value;
        boolean elementInArray = inArray || f.isArray();
        switch (f.type()) {
            case GROUP:
                value = compileGroup(f, elementInArray);
                break;
            case ALPHANUMERIC:
            case ALPHABETIC:
                value = new TextNode(f);
                break;
            default:
                value = new NumberNode(f);
                break;
        }
        if (f.isArray()) {
            ArrayNode array = new ArrayNode(f, value, inArray);
            if (f.dependingOn() != null) {
                if (inArray) {
                    throw new CobolException(ErrorCode.COPYBOOK_UNSUPPORTED, f.path()
                            + ": OCCURS DEPENDING ON inside another table is not supported for encoding");
                }
                array.odoId = dependingArrays.size();
                dependingArrays.add(array);
            }
            return array;
        }
        return value;
    }

    private static NumberNode numberNodeOf(Field counter, GroupNode root) {
        Node found = find(root, counter);
        if (!(found instanceof NumberNode)) {
            throw new CobolException(ErrorCode.COPYBOOK_UNSUPPORTED, "OCCURS DEPENDING ON counter " + counter.path()
                    + " must be a numeric field outside any table");
        }
        return (NumberNode) found;
    }

    /** The node writing {@code field}, searched outside tables (counters and discriminators are not in tables). */
    private static Node find(Node node, Field field) {
        if (node.field == field && !(node instanceof ArrayNode)) {
            return node;
        }
        if (node instanceof GroupNode) {
            GroupNode g = (GroupNode) node;
            for (Member m : g.members) {
                Node n = find(m.node, field);
                if (n != null) {
                    return n;
                }
            }
            for (Area a : g.areas) {
                for (View v : a.views) {
                    Node n = find(v.node, field);
                    if (n != null) {
                        return n;
                    }
                }
            }
        }
        return null;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ per-thread state

    /** Per-thread encoding state: the record buffer, the JSON cursor and reusable value buffers. */
    public static final class Context {
        final JsonCursor cursor = new JsonCursor();
        final JsonNumber number = new JsonNumber();
        final StringBuilder text = new StringBuilder(64);
        final byte[] record;
        private final byte[] image;
        byte[] target;
        int shift;
        boolean[] mask;
        final boolean[][] seen;
        final int[][] viewOrder;
        final int[] viewCount;
        final byte[][] viewBytes;
        final boolean[][] viewMask;
        final byte[][] areaBytes;
        final boolean[][] areaMask;
        final int[] odoCount;
        final long[] counterValue;
        final boolean[] counterGiven;
        final long[] counterResolved;
        private String[] names = new String[16];
        private int[] indices = new int[16];
        int depth;
        /** The view bits the line's segment selects (all, without a selector). */
        long segment = -1L;
        /** The object the line is read as: the layout's root, or a record of a union its segment selects. */
        GroupNode top;
        private final GroupNode root;
        /** With segments among the records of a union: the selected record's length; else 0. */
        int recordLength;
        /** Where the discriminator's value is encoded, to be read as the record would hold it. */
        final byte[] probe;
        final DecodedNumber decoded = new DecodedNumber();

        private Context(RecordEncoder e) {
            root = e.root;
            record = new byte[e.layout.length()];
            probe = new byte[e.selector == null ? 0 : e.layout.length()];
            image = e.defaultImage;
            seen = new boolean[e.groups.size()][];
            for (GroupNode g : e.groups) {
                seen[g.id] = new boolean[g.members.length];
            }
            viewOrder = new int[e.areas.size()][];
            viewCount = new int[e.areas.size()];
            areaBytes = new byte[e.areas.size()][];
            areaMask = new boolean[e.areas.size()][];
            for (Area a : e.areas) {
                viewOrder[a.id] = new int[a.views.size()];
                areaBytes[a.id] = new byte[a.length];
                areaMask[a.id] = new boolean[a.length];
            }
            viewBytes = new byte[e.views.size()][];
            viewMask = new boolean[e.views.size()][];
            for (View v : e.views) {
                viewBytes[v.id] = new byte[v.area.length];
                viewMask[v.id] = new boolean[v.area.length];
            }
            odoCount = new int[e.dependingArrays.size()];
            counterValue = new long[e.counters.size()];
            counterGiven = new boolean[e.counters.size()];
            counterResolved = new long[e.counters.size()];
        }

        void start(byte[] src, int off, int len) {
            cursor.reset(src, off, len);
            System.arraycopy(image, 0, record, 0, image.length);
            target = record;
            shift = 0;
            mask = null;
            depth = 0;
            segment = -1L;
            top = root;
            recordLength = 0;
            Arrays.fill(odoCount, -1);
            Arrays.fill(counterGiven, false);
        }

        void push(String name) {
            grow();
            names[depth] = name;
            indices[depth++] = -1;
        }

        void pushIndex(int index) {
            grow();
            names[depth] = null;
            indices[depth++] = index;
        }

        void pop() {
            depth--;
        }

        private void grow() {
            if (depth == names.length) {
                names = Arrays.copyOf(names, depth * 2);
                indices = Arrays.copyOf(indices, depth * 2);
            }
        }

        /** The JSON path of the value being read ({@code ORDERS[2].AMOUNT}); error path only. */
        String path() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < depth; i++) {
                if (names[i] == null) {
                    sb.append('[').append(indices[i]).append(']');
                } else {
                    if (sb.length() > 0) {
                        sb.append('.');
                    }
                    sb.append(names[i]);
                }
            }
            return sb.toString();
        }

        /** Marks {@code [at, at + len)} of the current target as set by the line (inside a REDEFINES view). */
        void written(int at, int len) {
            if (mask != null) {
                Arrays.fill(mask, at, at + len, true);
            }
        }
    }

    private static Reject wrongType(JsonCursor cursor, String expected) {
        return new Reject(ErrorCode.WRONG_JSON_TYPE, "expected " + expected + " but found " + cursor.kindAhead());
    }

    // ------------------------------------------------------------------ the compiled tree

    /** A REDEFINES area: the bytes a base item and the items redefining it share. */
    private static final class Area {
        final int id;
        final int offset;
        int length;
        final List<View> views = new ArrayList<>();

        Area(int id, int offset) {
            this.id = id;
            this.offset = offset;
        }

        /**
         * The view whose missing values fill the area: the first one {@code segment} selects when the area is a
         * governed set (none when it selects none: the area stays fill bytes), else the first view.
         */
        View chosen(long segment) {
            boolean governed = false;
            for (View v : views) {
                if ((v.bit & segment) != 0) {
                    return v;
                }
                governed |= v.bit != 0;
            }
            return governed ? null : views.get(0);
        }
    }

    /** One item of an area (the base or a REDEFINES), with the area bytes it gives when its fields are missing. */
    private static final class View {
        final int id;
        final Area area;
        final Node node;
        final String name;
        byte[] image;
        /** The view's bit when it belongs to a set a segment mapping governs, else 0. */
        long bit;

        View(int id, Area area, Node node, String name) {
            this.id = id;
            this.area = area;
            this.node = node;
            this.name = name;
        }
    }

    /** A key of a group object. */
    private static final class Member {
        final String name;
        final byte[] key;
        final Node node;
        final View view;

        Member(String name, Node node, View view) {
            this.name = name;
            this.key = utf8(name);
            this.node = node;
            this.view = view;
        }
    }

    private abstract static class Node {
        final Field field;

        Node(Field field) {
            this.field = field;
        }

        /** Reads this field's value at the cursor and writes it, enclosing tables shifting it by {@code delta}. */
        abstract void parse(RecordEncoder e, Context ctx, int delta);

        /** Writes the field's missing-value bytes into {@code dst} at {@code offset + delta + shift}. */
        abstract void writeDefault(RecordEncoder e, byte[] dst, int shift, int delta, long segment);
    }

    private static final class GroupNode extends Node {
        final int id;
        final Member[] members;
        final Area[] areas;

        GroupNode(Field field, int id, Member[] members, Area[] areas) {
            super(field);
            this.id = id;
            this.members = members;
            this.areas = areas;
        }

        void parseTop(RecordEncoder e, Context ctx) {
            JsonCursor cursor = ctx.cursor;
            if (cursor.peek() != '{') {
                throw cursor.syntax("a line must be one JSON object, found " + cursor.kindAhead());
            }
            parseObject(e, ctx, 0, true);
        }

        @Override
        void parse(RecordEncoder e, Context ctx, int delta) {
            JsonCursor cursor = ctx.cursor;
            if (cursor.consumeNull()) {
                return;
            }
            if (cursor.peek() != '{') {
                throw wrongType(cursor, "an object for group " + field.name());
            }
            parseObject(e, ctx, delta, false);
        }

        private void parseObject(RecordEncoder e, Context ctx, int delta, boolean top) {
            JsonCursor cursor = ctx.cursor;
            cursor.expect('{');
            boolean[] seen = ctx.seen[id];
            Arrays.fill(seen, false);
            for (Area a : areas) {
                ctx.viewCount[a.id] = 0;
            }
            int hint = 0;
            if (!cursor.consume('}')) {
                do {
                    cursor.readKey();
                    int m = find(cursor, hint);
                    if (m < 0) {
                        if ((top && isMeta(cursor)) || e.ignoreUnknown) {
                            cursor.skipValue();
                            continue;
                        }
                        ctx.push(cursor.key());
                        throw new Reject(ErrorCode.UNKNOWN_KEY, "no field " + cursor.key() + " in "
                                + (!top ? "group " + field.name()
                                : "record " + (ctx.top == ctx.root ? e.layout.name() : field.name())));
                    }
                    Member member = members[m];
                    ctx.push(member.name);
                    if (seen[m]) {
                        throw new Reject(ErrorCode.BAD_JSON, "duplicate key " + member.name);
                    }
                    seen[m] = true;
                    hint = m + 1;
                    if (member.view != null && member.view.bit != 0 && (member.view.bit & ctx.segment) == 0) {
                        if (e.ignoreUnknown) {
                            cursor.skipValue();
                            ctx.pop();
                            continue;
                        }
                        throw new Reject(ErrorCode.UNSELECTED_VIEW, "REDEFINES view " + member.name
                                + " is not selected by segment value " + e.selector.describe(ctx.probe, 0,
                                ctx.probe.length) + " of " + e.selector.discriminator().path());
                    }
                    if (member.view == null) {
                        member.node.parse(e, ctx, delta);
                    } else {
                        parseView(e, ctx, member.view, delta);
                    }
                    ctx.pop();
                } while (cursor.consume(','));
                cursor.expect('}');
            }
            for (Area a : areas) {
                if (ctx.viewCount[a.id] > 0) {
                    merge(e, ctx, a, delta);
                }
            }
        }

        private int find(JsonCursor cursor, int hint) {
            int n = members.length;
            for (int k = 0; k < n; k++) {
                int m = hint + k < n ? hint + k : hint + k - n;
                if (cursor.keyEquals(members[m].key)) {
                    return m;
                }
            }
            return -1;
        }

        private static boolean isMeta(JsonCursor cursor) {
            for (byte[] key : META_KEYS) {
                if (cursor.keyEquals(key)) {
                    return true;
                }
            }
            return false;
        }

        /** Encodes one view on its own, into its scratch area, recording which bytes the line set. */
        private static void parseView(RecordEncoder e, Context ctx, View view, int delta) {
            byte[] bytes = ctx.viewBytes[view.id];
            boolean[] mask = ctx.viewMask[view.id];
            System.arraycopy(view.image, 0, bytes, 0, bytes.length);
            Arrays.fill(mask, false);
            byte[] savedTarget = ctx.target;
            int savedShift = ctx.shift;
            boolean[] savedMask = ctx.mask;
            ctx.target = bytes;
            ctx.shift = -(view.area.offset + delta);
            ctx.mask = mask;
            view.node.parse(e, ctx, delta);
            ctx.target = savedTarget;
            ctx.shift = savedShift;
            ctx.mask = savedMask;
            ctx.viewOrder[view.area.id][ctx.viewCount[view.area.id]++] = view.id;
        }

        /** Combines the views given for an area: the bytes they set must agree; the first view gives the rest. */
        private static void merge(RecordEncoder e, Context ctx, Area area, int delta) {
            int[] order = ctx.viewOrder[area.id];
            int n = ctx.viewCount[area.id];
            byte[] result = ctx.areaBytes[area.id];
            boolean[] set = ctx.areaMask[area.id];
            System.arraycopy(ctx.viewBytes[order[0]], 0, result, 0, result.length);
            System.arraycopy(ctx.viewMask[order[0]], 0, set, 0, set.length);
            for (int k = 1; k < n; k++) {
                byte[] bytes = ctx.viewBytes[order[k]];
                boolean[] mask = ctx.viewMask[order[k]];
                for (int b = 0; b < result.length; b++) {
                    if (!mask[b]) {
                        continue;
                    }
                    if (set[b] && result[b] != bytes[b]) {
                        throw new Reject(ErrorCode.REDEFINES_MISMATCH, "REDEFINES views " + firstSetter(e, ctx, area,
                                k, b) + " and " + e.views.get(order[k]).name + " disagree at byte " + b
                                + " of their area (record byte " + (area.offset + delta + b) + ")");
                    }
                    result[b] = bytes[b];
                    set[b] = true;
                }
            }
            int at = area.offset + delta + ctx.shift;
            System.arraycopy(result, 0, ctx.target, at, result.length);
            if (ctx.mask != null) {
                for (int b = 0; b < set.length; b++) {
                    ctx.mask[at + b] |= set[b];
                }
            }
        }

        private static String firstSetter(RecordEncoder e, Context ctx, Area area, int before, int b) {
            int[] order = ctx.viewOrder[area.id];
            for (int k = 0; k < before; k++) {
                if (ctx.viewMask[order[k]][b]) {
                    return e.views.get(order[k]).name;
                }
            }
            return e.views.get(order[0]).name;
        }

        @Override
        void writeDefault(RecordEncoder e, byte[] dst, int shift, int delta, long segment) {
            for (Member m : members) {
                if (m.view == null) {
                    m.node.writeDefault(e, dst, shift, delta, segment);
                }
            }
            for (Area a : areas) {
                View chosen = a.chosen(segment);
                if (chosen != null) {
                    chosen.node.writeDefault(e, dst, shift, delta, segment);
                }
            }
        }
    }

    private static final class ArrayNode extends Node {
        final Node element;
        final boolean nested;
        int odoId = -1;
        /** Index of this OCCURS DEPENDING ON table's counter among the encoder's counters. */
        int counterId = -1;

        ArrayNode(Field field, Node element, boolean nested) {
            super(field);
            this.element = element;
            this.nested = nested;
        }

        @Override
        void parse(RecordEncoder e, Context ctx, int delta) {
            JsonCursor cursor = ctx.cursor;
            if (cursor.consumeNull()) {
                return;
            }
            if (cursor.peek() != '[') {
                throw wrongType(cursor, "an array for OCCURS " + field.name());
            }
            cursor.expect('[');
            int count = 0;
            int max = field.occursMax();
            if (!cursor.consume(']')) {
                do {
                    if (count == max) {
                        throw new Reject(ErrorCode.VALUE_OUT_OF_RANGE, "more than " + max + " elements for OCCURS "
                                + field.occursMax());
                    }
                    ctx.pushIndex(count);
                    element.parse(e, ctx, delta + count * field.length());
                    ctx.pop();
                    count++;
                } while (cursor.consume(','));
                cursor.expect(']');
            }
            if (odoId >= 0) {
                if (count < field.occursMin()) {
                    throw new Reject(ErrorCode.ODO_OUT_OF_RANGE, count + " elements, fewer than the minimum "
                            + field.occursMin());
                }
                ctx.odoCount[odoId] = count;
            }
        }

        @Override
        void writeDefault(RecordEncoder e, byte[] dst, int shift, int delta, long segment) {
            for (int i = 0; i < field.occursMax(); i++) {
                element.writeDefault(e, dst, shift, delta + i * field.length(), segment);
            }
        }
    }

    private static final class TextNode extends Node {
        TextNode(Field field) {
            super(field);
        }

        @Override
        void parse(RecordEncoder e, Context ctx, int delta) {
            JsonCursor cursor = ctx.cursor;
            if (cursor.consumeNull()) {
                return;
            }
            if (cursor.peek() != '"') {
                throw wrongType(cursor, "a string for PIC " + field.picture());
            }
            cursor.readString(ctx.text);
            int at = field.offset() + delta + ctx.shift;
            e.codePage.encode(ctx.text, ctx.target, at, field.length());
            ctx.written(at, field.length());
        }

        @Override
        void writeDefault(RecordEncoder e, byte[] dst, int shift, int delta, long segment) {
            // the fill bytes are already there
        }
    }

    private static final class NumberNode extends Node {
        int counterId = -1;

        NumberNode(Field field) {
            super(field);
        }

        @Override
        void parse(RecordEncoder e, Context ctx, int delta) {
            JsonCursor cursor = ctx.cursor;
            if (cursor.consumeNull()) {
                return;
            }
            JsonNumber number = ctx.number;
            int c = cursor.peek();
            if (c == '"') {
                cursor.readString(ctx.text);
                if (!number.parse(ctx.text)) {
                    throw new Reject(ErrorCode.WRONG_JSON_TYPE, "string \"" + ctx.text + "\" is not a number");
                }
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                cursor.readNumber(number);
            } else {
                throw wrongType(cursor, "a number for " + describe(field));
            }
            int at = field.offset() + delta + ctx.shift;
            e.encodeNumber(field, number, ctx.target, at);
            ctx.written(at, field.length());
            if (counterId >= 0) {
                if (number.unscaledDigits(0, 18) >= 0) {
                    ctx.counterValue[counterId] = number.unscaledLong(0);
                    ctx.counterGiven[counterId] = true;
                }
            }
        }

        @Override
        void writeDefault(RecordEncoder e, byte[] dst, int shift, int delta, long segment) {
            if (e.lowValues) {
                Arrays.fill(dst, field.offset() + delta + shift, field.offset() + delta + shift + field.length(),
                        (byte) 0);
                return;
            }
            int at = field.offset() + delta + shift;
            switch (field.type()) {
                case NUMERIC_EDITED:
                    e.encodeEdited(field, BigDecimal.ZERO, dst, at);
                    return;
                case FLOAT_SINGLE:
                case FLOAT_DOUBLE:
                case BINARY:
                case NATIVE_BINARY:
                    Arrays.fill(dst, at, at + field.length(), (byte) 0);
                    return;
                case ZONED:
                    ZonedDecimal.encode(BigDecimal.ZERO, field.numeric(), zonedDigits(field), e.ebcdic, dst, at);
                    return;
                default:
                    PackedDecimal.encode(BigDecimal.ZERO, field.numeric(), packedDigits(field), dst, at);
            }
        }
    }

    private static String describe(Field f) {
        return "PIC " + f.picture() + (f.usage() == null ? "" : " " + f.usage().name().replace('_', '-'));
    }

    /** Digits a zoned field stores: its bytes less a separate sign. */
    private static int zonedDigits(Field f) {
        return f.length() - (f.numeric().signSeparate() ? 1 : 0);
    }

    /** Digits a packed field's picture allows (its bytes may hold one more nibble). */
    private static int packedDigits(Field f) {
        NumericFormat fmt = f.numeric();
        int declared = fmt.scale() < 0 ? fmt.digits() + fmt.scale() : fmt.digits();
        return Math.min(declared, 2 * f.length() - 1);
    }

    /** Digits the picture declares, less trailing {@code P}s (which store nothing). */
    private static int declaredDigits(NumericFormat fmt) {
        return fmt.scale() < 0 ? fmt.digits() + fmt.scale() : fmt.digits();
    }

    void encodeNumber(Field f, JsonNumber n, byte[] dst, int at) {
        NumericFormat fmt = f.numeric();
        if (f.type() == FieldType.FLOAT_SINGLE) {
            FloatingPoint.encodeSingle(n.toFloat(), floatFormat, dst, at);
            return;
        }
        if (f.type() == FieldType.FLOAT_DOUBLE) {
            FloatingPoint.encodeDouble(n.toDouble(), floatFormat, dst, at);
            return;
        }
        if (n.negative() && !fmt.signed()) {
            throw new Reject(ErrorCode.VALUE_OUT_OF_RANGE,
                    "negative value " + n.text() + " in an unsigned field");
        }
        switch (f.type()) {
            case ZONED: {
                int stored = zonedDigits(f);
                int digits = n.unscaledDigits(fmt.scale(), stored);
                if (JsonNumber.fitsLong(digits) && stored == declaredDigits(fmt)) {
                    ZonedDecimal.encodeUnscaled(n.unscaledLong(fmt.scale()), fmt, ebcdic, dst, at);
                } else {
                    ZonedDecimal.encode(n.toBigDecimal(), fmt, stored, ebcdic, dst, at);
                }
                return;
            }
            case PACKED: {
                int stored = packedDigits(f);
                int digits = n.unscaledDigits(fmt.scale(), stored);
                if (JsonNumber.fitsLong(digits) && stored == declaredDigits(fmt)) {
                    PackedDecimal.encodeUnscaled(n.unscaledLong(fmt.scale()), fmt, dst, at);
                } else {
                    PackedDecimal.encode(n.toBigDecimal(), fmt, stored, dst, at);
                }
                return;
            }
            case BINARY:
            case NATIVE_BINARY: {
                int max = f.type() == FieldType.BINARY ? declaredDigits(fmt) : 40;
                int digits = n.unscaledDigits(fmt.scale(), max);
                if (JsonNumber.fitsLong(digits) && f.length() <= 8) {
                    BinaryInteger.encodeUnscaled(n.unscaledLong(fmt.scale()), fmt, true, dst, at, f.length());
                } else {
                    BinaryInteger.encode(n.toBigDecimal(), fmt, true, dst, at, f.length());
                }
                return;
            }
            case NUMERIC_EDITED:
                n.unscaledDigits(fmt.scale(), declaredDigits(fmt));
                encodeEdited(f, n.toBigDecimal(), dst, at);
                return;
            default:
                throw new IllegalStateException("not a numeric field: " + f);
        }
    }

    void encodeEdited(Field f, BigDecimal value, byte[] dst, int at) {
        // The renderer writes exactly the picture's positions, which is the field's length.
        NumericEdited.encode(value, f.picture(), codePage, dst, at);
    }
}
