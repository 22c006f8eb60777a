package dev.ringline.cobol.copybook;

import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.codec.SignPosition;
import dev.ringline.cobol.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Clause-by-clause behaviour of {@link Copybook#parse(String, String)} on small fixed- and free-form sources. */
class CopybookParserTest {
    /** Fixed format: each line gets a blank sequence area and indicator, so code starts in column 8. */
    static String fixed(String... lines) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append("       ").append(line).append('\n');
        }
        return sb.toString();
    }

    static RecordLayout layout(String text) {
        return Copybook.parse(text, "t.cpy").firstRecord();
    }

    static Field field(String text, String name) {
        return layout(text).find(name).orElseThrow();
    }

    @Test
    void pictureRepetitionSignAndImpliedPoint() {
        Field f = field(fixed("01 R.", "   05 AMOUNT PIC s9(5)v99."), "AMOUNT");
        assertEquals(FieldType.ZONED, f.type());
        assertEquals("S9(5)V99", f.picture());
        assertEquals(7, f.length());
        assertEquals(new NumericFormat(7, 2, true, SignPosition.TRAILING, false, false), f.numeric());
        assertEquals(Usage.DISPLAY, f.usage());
    }

    @Test
    void pScalingDigitsAndScale() {
        String text = fixed("01 R.", "   05 A PIC PPP9(5).", "   05 B PIC 9(5)PPP.", "   05 C PIC SV9(7).",
                "   05 D PIC 9(5)PPP COMP-3.");
        RecordLayout r = layout(text);
        assertNumeric(r.find("A").orElseThrow(), 8, 8, 5);
        assertNumeric(r.find("B").orElseThrow(), 8, -3, 5);
        assertNumeric(r.find("C").orElseThrow(), 7, 7, 7);
        assertNumeric(r.find("D").orElseThrow(), 8, -3, 3);
        assertEquals(20, r.length());
    }

    private static void assertNumeric(Field f, int digits, int scale, int length) {
        assertEquals(digits, f.numeric().digits(), f.name());
        assertEquals(scale, f.numeric().scale(), f.name());
        assertEquals(length, f.length(), f.name());
    }

    @Test
    void usageSpellingsAndSizes() {
        RecordLayout r = layout(fixed("01 R.",
                "   05 A PIC S9(4) USAGE IS COMPUTATIONAL.",
                "   05 B PIC 9(9) COMP-4.",
                "   05 C PIC 9(10) BINARY.",
                "   05 D PIC S9(7)V99 COMPUTATIONAL-3.",
                "   05 E PIC 9(4) PACKED-DECIMAL.",
                "   05 F PIC 9(19) COMP.",
                "   05 G PIC 9(37) COMP-5.",
                "   05 H USAGE COMP-1.",
                "   05 I COMPUTATIONAL-2.",
                "   05 J PIC 9(3) COMP-0."));
        assertEquals(List.of(2, 4, 8, 5, 3, 9, 16, 4, 8, 2),
                r.fields().stream().map(Field::length).toList());
        assertEquals(List.of(FieldType.BINARY, FieldType.BINARY, FieldType.BINARY, FieldType.PACKED,
                FieldType.PACKED, FieldType.BINARY, FieldType.NATIVE_BINARY, FieldType.FLOAT_SINGLE,
                FieldType.FLOAT_DOUBLE, FieldType.BINARY), r.fields().stream().map(Field::type).toList());
        assertEquals(List.of(Usage.COMP, Usage.COMP_4, Usage.BINARY, Usage.COMP_3, Usage.PACKED_DECIMAL,
                Usage.COMP, Usage.COMP_5, Usage.COMP_1, Usage.COMP_2, Usage.COMP_0),
                r.fields().stream().map(Field::usage).toList());
        assertNull(r.find("H").orElseThrow().numeric());
    }

    @Test
    void usageOnGroupAppliesToElementaryChildren() {
        RecordLayout r = layout(fixed("01 R.", "   05 G COMP-3.", "      10 A PIC 9(5).", "      10 B PIC S9(3).",
                "      10 C PIC 9(4) COMP.", "   05 D PIC 9(5)."));
        assertEquals(FieldType.PACKED, r.find("A").orElseThrow().type());
        assertEquals(3, r.find("A").orElseThrow().length());
        assertEquals(2, r.find("B").orElseThrow().length());
        assertEquals(FieldType.BINARY, r.find("C").orElseThrow().type());
        assertEquals(FieldType.ZONED, r.find("D").orElseThrow().type());
        assertEquals(7, r.find("G").orElseThrow().length());
        assertEquals(Usage.COMP_3, r.find("G").orElseThrow().usage());
        assertEquals(12, r.length());
    }

    @Test
    void signClauses() {
        RecordLayout r = layout(fixed("01 R.",
                "   05 A PIC S9(3) SIGN IS LEADING SEPARATE CHARACTER.",
                "   05 B PIC S9(3) SIGN TRAILING SEPARATE.",
                "   05 C PIC S9(3) LEADING.",
                "   05 D PIC 99V99 SIGN LEADING SEPARATE."));
        Field a = r.find("A").orElseThrow();
        assertEquals(4, a.length());
        assertEquals(SignPosition.LEADING, a.numeric().signPosition());
        assertTrue(a.numeric().signSeparate());
        assertEquals(SignPosition.TRAILING, r.find("B").orElseThrow().numeric().signPosition());
        Field c = r.find("C").orElseThrow();
        assertEquals(3, c.length());
        assertFalse(c.numeric().signSeparate());
        assertEquals(SignPosition.LEADING, c.numeric().signPosition());
        Field d = r.find("D").orElseThrow();
        assertEquals(5, d.length());
        assertTrue(d.numeric().signed());
    }

    @Test
    void numericEditedPictures() {
        RecordLayout r = layout(fixed("01 R.",
                "   05 A PIC ZZ,ZZ9.99CR.",
                "   05 B PIC --,--9.99.",
                "   05 C PIC $$$,$$9.99 BLANK WHEN ZERO.",
                "   05 D PIC ***9.",
                "   05 E PIC 9(8).9(2).",
                "   05 F PIC +9(6)V99.",
                "   05 G PIC 9(6)DB."));
        assertEdited(r.find("A").orElseThrow(), 7, 2, true, 11);
        assertEdited(r.find("B").orElseThrow(), 6, 2, true, 9);
        assertEdited(r.find("C").orElseThrow(), 7, 2, false, 10);
        assertTrue(r.find("C").orElseThrow().numeric().blankWhenZero());
        assertEdited(r.find("D").orElseThrow(), 4, 0, false, 4);
        assertEdited(r.find("E").orElseThrow(), 10, 2, false, 11);
        assertEdited(r.find("F").orElseThrow(), 8, 2, true, 9);
        assertEdited(r.find("G").orElseThrow(), 6, 0, true, 8);
        assertEquals("9(8).99", r.find("E").orElseThrow().picture());
    }

    private static void assertEdited(Field f, int digits, int scale, boolean signed, int length) {
        assertEquals(FieldType.NUMERIC_EDITED, f.type(), f.name());
        assertEquals(digits, f.numeric().digits(), f.name() + " digits");
        assertEquals(scale, f.numeric().scale(), f.name() + " scale");
        assertEquals(signed, f.numeric().signed(), f.name() + " signed");
        assertEquals(length, f.length(), f.name() + " length");
    }

    @Test
    void insertionPicturesAndTextTypes() {
        RecordLayout r = layout(fixed("01 R.", "   05 A PIC 99/99/99.", "   05 B PIC 999B999.",
                "   05 C PIC 9(3)00.", "   05 D PIC A(4).", "   05 E PIC X(3)9(2).", "   05 F PIC AAB."));
        assertEquals(FieldType.ALPHANUMERIC, r.find("A").orElseThrow().type());
        assertEquals(8, r.find("A").orElseThrow().length());
        assertEquals(7, r.find("B").orElseThrow().length());
        assertEquals(5, r.find("C").orElseThrow().length());
        assertNull(r.find("C").orElseThrow().numeric());
        assertEquals(FieldType.ALPHABETIC, r.find("D").orElseThrow().type());
        assertEquals(FieldType.ALPHANUMERIC, r.find("E").orElseThrow().type());
        assertEquals(FieldType.ALPHANUMERIC, r.find("F").orElseThrow().type());
    }

    @Test
    void occursFixedAndNested() {
        RecordLayout r = layout(fixed("01 R.", "   05 N PIC 9(2).",
                "   05 T OCCURS 3 TIMES INDEXED BY I1 I2.",
                "      10 K PIC X(2).",
                "      10 U OCCURS 4 ASCENDING KEY IS K INDEXED BY J.",
                "         15 V PIC 9(3).",
                "   05 W OCCURS 1 TO 5 TIMES DEPENDING ON N PIC X."));
        Field t = r.find("T").orElseThrow();
        assertEquals(2, t.offset());
        assertEquals(14, t.length());
        assertEquals(3, t.occursMin());
        assertEquals(3, t.occursMax());
        Field u = r.find("T.U").orElseThrow();
        assertEquals(4, u.offset());
        assertEquals(3, u.length());
        assertEquals("T.U.V", r.find("V").orElseThrow().path());
        Field w = r.find("W").orElseThrow();
        assertEquals(44, w.offset());
        assertEquals(1, w.occursMin());
        assertEquals(5, w.occursMax());
        assertEquals("N", w.dependingOn().name());
        assertTrue(r.find("N").orElseThrow().odoCounter());
        assertEquals(49, r.length());
        assertTrue(r.hasDependingOn());
    }

    @Test
    void occursOneIsStillAnArray() {
        Field f = field(fixed("01 R.", "   05 A PIC X OCCURS 1."), "A");
        assertTrue(f.isArray());
        Field g = field(fixed("01 R.", "   05 A PIC X."), "A");
        assertFalse(g.isArray());
        assertEquals(1, g.occursMin());
        assertEquals(1, g.occursMax());
    }

    @Test
    void redefinesTakesTheLargestView() {
        RecordLayout r = layout(fixed("01 R.", "   05 A PIC X(4).", "   05 B REDEFINES A PIC X(6).",
                "   05 C REDEFINES A PIC 9(2).", "   05 D PIC X."));
        assertEquals(0, r.find("B").orElseThrow().offset());
        assertEquals(0, r.find("C").orElseThrow().offset());
        assertEquals(6, r.find("D").orElseThrow().offset());
        assertEquals(7, r.length());
        assertTrue(r.find("A").orElseThrow().redefined());
        assertEquals("A", r.find("C").orElseThrow().redefines());
    }

    @Test
    void fillerAndUnnamedItems() {
        RecordLayout r = layout(fixed("01 R.", "   05 FILLER PIC X(2).", "   05 PIC X(3).", "   05 A PIC X."));
        assertEquals(List.of("FILLER", "FILLER", "A"), r.fields().stream().map(Field::name).toList());
        assertTrue(r.fields().get(1).filler());
        assertEquals(5, r.find("A").orElseThrow().offset());
    }

    @Test
    void valuesJustifiedSyncGlobal() {
        Copybook c = Copybook.parse(fixed("01 R GLOBAL.", "   05 A PIC X(5) VALUE IS 'it''s' JUST RIGHT.",
                "   05 B PIC X(5) VALUE \"a\"\"b\".", "   05 C PIC 9(3) VALUE ZEROS.",
                "   05 D PIC X(3) VALUE ALL '*'.", "   05 E PIC S9(3)V9 VALUE -12.5 SYNC.",
                "   05 F PIC S9(4) COMP SYNCHRONIZED LEFT EXTERNAL.", "   05 G PIC X VALUE HIGH-VALUES."),
                "v.cpy");
        RecordLayout r = c.firstRecord();
        assertTrue(r.find("A").orElseThrow().justifiedRight());
        assertTrue(r.find("E").orElseThrow().sync());
        assertEquals(5, r.find("F").orElseThrow().offset() - r.find("E").orElseThrow().offset() + 1);
        assertEquals(1, c.warnings().size());
        assertTrue(c.warnings().get(0).startsWith("v.cpy:6: SYNCHRONIZED"), c.warnings().get(0));
    }

    @Test
    void conditionNames() {
        Field f = field(fixed("01 R.", "   05 STATUS-CODE PIC X.", "      88 ACTIVE VALUE 'A'.",
                "      88 CLOSED VALUES ARE 'C' 'X', 'Z'.", "      88 IN-RANGE VALUE 'D' THRU 'F'.",
                "      88 BLANKED VALUE SPACES.", "   05 N PIC 9."), "STATUS-CODE");
        assertEquals(List.of(new ConditionName("ACTIVE", List.of("A")),
                new ConditionName("CLOSED", List.of("C", "X", "Z")),
                new ConditionName("IN-RANGE", List.of("D THRU F")),
                new ConditionName("BLANKED", List.of("SPACES"))), f.conditions());
        assertEquals(1, f.length());
    }

    @Test
    void multipleRecordsAndLevel77() {
        Copybook c = Copybook.parse(fixed("01 HEADER.", "   05 H-TYPE PIC X.", "   05 H-DATE PIC 9(8).",
                "01 DETAIL.", "   05 D-TYPE PIC X.", "   05 D-AMT PIC S9(7) COMP-3.",
                "77 COUNTER PIC 9(4) COMP."), "m.cpy");
        assertEquals(List.of("HEADER", "DETAIL", "COUNTER"), c.records().stream().map(RecordLayout::name).toList());
        assertEquals(9, c.record("header").length());
        assertEquals(5, c.record("DETAIL").length());
        RecordLayout counter = c.record("COUNTER");
        assertEquals(2, counter.length());
        assertEquals(1, counter.fields().size());
        assertEquals(77, counter.fields().get(0).level());
        assertEquals(FieldType.BINARY, counter.fields().get(0).type());
        CopybookException e = assertThrows(CopybookException.class, () -> c.record("NOPE"));
        assertEquals(ErrorCode.COPYBOOK_REFERENCE, e.code());
    }

    @Test
    void itemsWithoutAnO1AreWrappedInRecord() {
        Copybook c = Copybook.parse(fixed("05 A PIC X(2).", "05 B.", "   10 C PIC 9."), "w.cpy");
        RecordLayout r = c.firstRecord();
        assertEquals("RECORD", r.name());
        assertEquals(2, r.fields().size());
        assertEquals(3, r.length());
        assertEquals("B.C", r.find("C").orElseThrow().path());
    }

    @Test
    void higherLevelNumbersNestLowerOnesClose() {
        RecordLayout r = layout(fixed("01 R.", "   03 A.", "      07 B PIC X.", "   05 C PIC X.", "   03 D PIC X."));
        assertEquals(List.of("A", "D"), r.fields().stream().map(Field::name).toList());
        assertEquals(List.of("B", "C"), r.find("A").orElseThrow().children().stream().map(Field::name).toList());
    }

    @Test
    void commentsContinuationSequenceAreaAndTabs() {
        String text = "000100 01  REC.                                                         IGNORED1\n"
                + "000200* 05 NOT-A-FIELD PIC X.\n"
                + "000300/ page eject comment\n"
                + "\t\t\t     05 A PIC X(4)\n"
                + "000500     VALUE 'ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFG\n"
                + "000600-    'HIJ'.\n"
                + "000700     05 B PIC 9(3).                                               X(99).\n";
        RecordLayout r = layout(text);
        assertEquals(List.of("A", "B"), r.fields().stream().map(Field::name).toList());
        assertEquals(7, r.length());
    }

    @Test
    void continuedWord() {
        RecordLayout r = layout(fixed("01 R.", "   05 LONG-NA").replace("\n", "\n")
                + "      -    ME PIC X.\n");
        assertTrue(r.find("LONG-NAME").isPresent());
    }

    @Test
    void freeFormSource() {
        Copybook c = Copybook.parse("01 CUSTOMER.\n  05 ID PIC 9(6). *> the key\n* a comment line\n"
                + "  05 NAME PIC X(30).\n", "free.cpy");
        RecordLayout r = c.firstRecord();
        assertEquals(36, r.length());
        assertEquals(6, r.find("NAME").orElseThrow().offset());
    }

    @Test
    void renamesIsIgnoredWithWarning() {
        Copybook c = Copybook.parse(fixed("01 R.", "   05 A PIC X.", "   05 B PIC X.", "66 AB RENAMES A THRU B."),
                "customer.cpy");
        assertEquals(List.of("customer.cpy:4: RENAMES (level 66) ignored"), c.warnings());
        assertEquals(2, c.firstRecord().length());
    }

    @Test
    void toTableListsEveryFieldAligned() {
        RecordLayout r = layout(fixed("01 R.", "   05 N PIC 9.", "   05 A PIC X(4).", "   05 B REDEFINES A.",
                "      10 C PIC S9(5)V99 COMP-3.", "   05 T OCCURS 0 TO 3 DEPENDING ON N PIC X(2)."));
        String[] lines = r.toTable().split("\n");
        assertEquals(r.flatten().size() + 1, lines.length);
        assertTrue(lines[0].startsWith("LEVEL/NAME"));
        assertTrue(lines[2].matches("\\s+5 N\\s+D\\s+1\\s+1\\s+1\\s+ZONED\\s+1\\s+0"), lines[2]);
        assertTrue(lines[3].matches("\\s+5 A\\s+r\\s+2\\s+5\\s+4\\s+ALPHANUMERIC"), lines[3]);
        assertTrue(lines[5].matches("\\s+10 C\\s+6\\s+.*") || lines[5].matches("\\s+10 C\\s+2\\s+5\\s+4\\s+PACKED\\s+7\\s+2"),
                lines[5]);
        assertTrue(lines[6].matches("\\s+5 T\\s+\\[]\\s+6\\s+7\\s+2\\s+ALPHANUMERIC\\s+0\\.\\.3 ON N"), lines[6]);
        int start = lines[0].indexOf("START");
        for (String line : lines) {
            assertTrue(line.length() > start + 5, line);
        }
    }
}
