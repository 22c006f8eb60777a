package dev.ringline.cobol.json;

import dev.ringline.buffer.ByteVector;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.FloatingPoint;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.error.DecodeError;
import dev.ringline.cobol.error.RecordDecodeException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The flat plan writes what the tree writes: the same line, or the same error, for records of every kind of field
 * (valid, invalid, blank, cut short), under several JSON options; interpreted and as code generated for the layout.
 */
class FlatPlanTest {
    private static final String COPYBOOK = String.join("\n",
            "       01  REC.",
            "           05  NAME            PIC X(12).",
            "           05  ID              PIC 9(6).",
            "           05  AMOUNT          PIC S9(7)V99.",
            "           05  LONG-ZONED      PIC 9(16).",
            "           05  PACKED-A        PIC S9(7)V99 COMP-3.",
            "           05  PACKED-B        PIC 9(4) COMP-3.",
            "           05  PACKED-LONG     PIC S9(15)V99 COMP-3.",
            "           05  FRACTION        PIC SV99 COMP-3.",
            "           05  SMALL-BIN       PIC S9(4) COMP.",
            "           05  BIN             PIC 9(9) COMP.",
            "           05  WIDE-BIN        PIC S9(18) COMP.",
            "           05  RATE            COMP-1.",
            "           05  NATIONAL-NAME   PIC N(3).",
            "           05  PARTS.",
            "               10  PART-A      PIC X(2).",
            "               10  FILLER      PIC X(1).",
            "               10  PART-B      PIC S9(3) COMP-3.",
            "           05  PARTS-AGAIN REDEFINES PARTS PIC X(5).",
            "           05  LINES OCCURS 3 TIMES.",
            "               10  LINE-NO     PIC 9(2).",
            "               10  LINE-AMOUNT PIC S9(5)V9 COMP-3.",
            "               10  CODES       PIC X(1) OCCURS 2 TIMES.",
            "           05  TAIL            PIC X(3).",
            "");

    /**
     * Many values of every direct kind in a table: the generated code is split over several methods; the literal
     * before the first value is long enough to be copied, not stored as constants.
     */
    private static final String WIDE = String.join("\n",
            "       01  REC.",
            "           05  A-GROUP-WITH-A-LONG-NAME-12345.",
            "               10  A-MEMBER-WITH-A-LONG-NAME-1234 PIC X(3).",
            "           05  ROWS OCCURS 40 TIMES.",
            "               10  AMOUNT      PIC S9(7)V99 COMP-3.",
            "               10  COUNT       PIC S9(5).",
            "               10  CODE        PIC X(4).",
            "               10  BIN         PIC S9(9) COMP.",
            "               10  RATE        COMP-1.",
            "");

    @Test
    void writesWhatTheTreeWritesUnderEveryOption() {
        RecordLayout layout = Copybook.parse(COPYBOOK, "flat.cpy").firstRecord();
        for (JsonOptions o : optionSets()) {
            compareWithTree(layout, o, new SplittableRandom(21), 60);
        }
    }

    @Test
    void aLayoutOfManyValuesIsSplitOverSeveralGeneratedMethodsAndWritesWhatTheTreeWrites() {
        RecordLayout layout = Copybook.parse(WIDE, "wide.cpy").firstRecord();
        for (JsonOptions o : optionSets()) {
            compareWithTree(layout, o, new SplittableRandom(7), 12);
        }
        PlanWriter code = RecordDecoder.compile(layout, JsonOptions.defaults(CodePage.of("cp037"))).planWriter();
        long parts = Arrays.stream(code.getClass().getDeclaredMethods()).filter(m -> m.getName().startsWith("part"))
                .count();
        assertTrue(parts >= 10, "generated methods: " + parts);
    }

    private static List<JsonOptions> optionSets() {
        List<JsonOptions> options = new ArrayList<>();
        JsonOptions base = JsonOptions.defaults(CodePage.of("cp037"));
        options.add(base);
        options.add(with(base, true, false, Trim.RIGHT, EmptyText.STRING, true, "cp037"));
        options.add(with(base, false, true, Trim.BOTH, EmptyText.STRING, true, "cp037"));
        options.add(with(base, true, true, Trim.NONE, EmptyText.NULL, false, "cp037"));
        options.add(with(base, true, false, Trim.LEFT, EmptyText.STRING, false, "ascii"));
        options.add(with(base, true, false, Trim.RIGHT, EmptyText.STRING, true, "utf8"));
        return options;
    }

    /**
     * Random records (valid, invalid, blank, cut short) through the tree, the interpreted plan and the plan's
     * generated code: the same lines, errors and field errors.
     */
    private static void compareWithTree(RecordLayout layout, JsonOptions o, SplittableRandom random, int rounds) {
        RecordDecoder tree = RecordDecoder.compileTree(layout, o);
        RecordDecoder interpreted = RecordDecoder.compileInterpreted(layout, o);
        RecordDecoder generated = RecordDecoder.compile(layout, o);
        assertFalse(tree.flat());
        assertTrue(interpreted.flat() && !interpreted.generated(), "a layout of fixed offsets is compiled to a plan");
        assertTrue(generated.flat() && generated.generated(), "the plan runs as generated code");
        RecordDecoder[] decoders = {interpreted, generated};
        RecordDecoder.Context treeContext = tree.newContext();
        RecordDecoder.Context[] contexts = {interpreted.newContext(), generated.newContext()};
        // several records in one buffer, so fields sit at every offset, and some lines follow others
        int length = layout.length();
        byte[] records = new byte[length * 64];
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < records.length; i++) {
                records[i] = (byte) (round % 3 == 0 ? interestingByte(random)
                        : round % 3 == 1 ? zonedMostly(random) : packedMostly(random));
            }
            ByteVector treeOut = new ByteVector(16);
            ByteVector[] outs = {new ByteVector(16), new ByteVector(16)};
            for (int r = 0; r < 64; r++) {
                int len = r % 16 == 15 ? random.nextInt(length) : length; // some records end early
                String treeLine = line(tree, treeContext, records, r * length, len, r, treeOut);
                for (int d = 0; d < decoders.length; d++) {
                    String line = line(decoders[d], contexts[d], records, r * length, len, r, outs[d]);
                    int which = d;
                    assertEquals(treeLine, line, () -> (which == 0 ? "interpreted" : "generated") + ", options " + o);
                    assertEquals(errors(treeContext), errors(contexts[d]));
                    contexts[d].clearFieldErrors();
                }
                treeContext.clearFieldErrors();
            }
            for (ByteVector out : outs) {
                assertEquals(new String(treeOut.toByteArray(), StandardCharsets.UTF_8),
                        new String(out.toByteArray(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void layoutsWhoseOffsetsVaryKeepTheTree() {
        RecordLayout odo = Copybook.parse(String.join("\n",
                "       01  REC.",
                "           05  N       PIC 9(1).",
                "           05  ITEMS   PIC X(2) OCCURS 1 TO 5 TIMES DEPENDING ON N.",
                ""), "odo.cpy").firstRecord();
        assertFalse(RecordDecoder.compile(odo, JsonOptions.defaults(CodePage.of("cp037"))).flat());
        RecordLayout big = Copybook.parse(String.join("\n",
                "       01  REC.",
                "           05  ITEMS   PIC X(1) OCCURS 5000 TIMES.",
                ""), "big.cpy").firstRecord();
        assertFalse(RecordDecoder.compile(big, JsonOptions.defaults(CodePage.of("cp037"))).flat(),
                "more values than a plan holds");
    }

    /** The line, or the error of a failed record (then nothing must have been written). */
    private static String line(RecordDecoder decoder, RecordDecoder.Context ctx, byte[] src, int off, int len,
                               long sequence, ByteVector out) {
        int mark = out.length();
        try {
            decoder.decode(src, off, len, sequence, off, ctx, out);
            return new String(out.array(), mark, out.length() - mark, StandardCharsets.UTF_8);
        } catch (RecordDecodeException e) {
            assertEquals(mark, out.length(), "a failed record leaves nothing");
            return "error " + e.error();
        }
    }

    private static String errors(RecordDecoder.Context ctx) {
        StringBuilder s = new StringBuilder();
        for (DecodeError e : ctx.fieldErrors()) {
            s.append(e).append('\n');
        }
        return s.toString();
    }

    /** Digits, zones, signs, spaces, zeros, quote and backslash in EBCDIC and ASCII, and any byte. */
    private static int interestingByte(SplittableRandom random) {
        int r = random.nextInt(40);
        if (r < 10) {
            return random.nextInt(10) << 4 | random.nextInt(10); // a packed digit pair
        }
        if (r < 20) {
            return 0xF0 | random.nextInt(10); // an EBCDIC digit
        }
        if (r < 24) {
            return random.nextInt(0xA, 0x10) << 4 | random.nextInt(10); // a sign zone or a sign nibble
        }
        if (r < 27) {
            return r == 24 ? 0x40 : r == 25 ? 0x00 : 0x20; // blanks
        }
        if (r < 29) {
            return r == 27 ? 0x7F : 0x5C; // '"' in cp037, '\' in ASCII
        }
        return random.nextInt(256);
    }

    /** Mostly EBCDIC digits: zoned fields (and text) valid, sometimes with a sign zone or something else. */
    private static int zonedMostly(SplittableRandom random) {
        int r = random.nextInt(20);
        return r < 16 ? 0xF0 | random.nextInt(10) : r < 18 ? 0xC0 | random.nextInt(0x1E) : interestingByte(random);
    }

    /** Mostly digit pairs, a quarter of them ending in a sign nibble: many packed fields valid. */
    private static int packedMostly(SplittableRandom random) {
        int r = random.nextInt(8);
        return r < 5 ? random.nextInt(10) << 4 | random.nextInt(10)
                : r < 7 ? random.nextInt(10) << 4 | 0x0C | random.nextInt(2) : interestingByte(random);
    }

    private static JsonOptions with(JsonOptions base, boolean lenient, boolean numbersAsStrings, Trim trim,
                                    EmptyText emptyText, boolean bigEndian, String codePage) {
        return new JsonOptions(CodePage.of(codePage), trim, numbersAsStrings, false, lenient, BlankNumerics.NULL,
                emptyText, Fillers.OMIT, false, null, bigEndian, FloatingPoint.Format.IBM_HEX);
    }
}
