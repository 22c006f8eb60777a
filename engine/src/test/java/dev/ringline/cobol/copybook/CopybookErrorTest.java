package dev.ringline.cobol.copybook;

import dev.ringline.cobol.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static dev.ringline.cobol.copybook.CopybookParserTest.fixed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rejected input gives a {@link CopybookException} with the code and the line:column of the culprit. */
class CopybookErrorTest {
    private static CopybookException error(String text) {
        return assertThrows(CopybookException.class, () -> Copybook.parse(text, "customer.cpy"));
    }

    private static void assertError(String text, ErrorCode code, int line, int column, String fragment) {
        CopybookException e = error(text);
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertEquals("customer.cpy", e.sourceName());
        assertTrue(e.getMessage().startsWith("customer.cpy:" + line + ":" + column + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void missingPicture() {
        // code starts in column 8, so index i of a line given to fixed() is column 8 + i
        assertError(fixed("01 R.", "   05 CUST-ID."), ErrorCode.COPYBOOK_SYNTAX, 2, 21,
                "expected PIC clause after CUST-ID");
    }

    @Test
    void pictureWordWithoutString() {
        assertError(fixed("01 R.", "   05 A PIC."), ErrorCode.COPYBOOK_SYNTAX, 2, 19, "expected a picture string");
    }

    @Test
    void unterminatedLiteral() {
        assertError(fixed("01 R.", "   05 A PIC X VALUE 'ABC."), ErrorCode.COPYBOOK_SYNTAX, 2, 28,
                "unterminated literal");
    }

    @Test
    void occursWithoutNumber() {
        assertError(fixed("01 R.", "   05 A PIC X OCCURS TIMES."), ErrorCode.COPYBOOK_SYNTAX, 2, 29,
                "expected an integer after OCCURS");
    }

    @Test
    void dependingOnUnknownField() {
        assertError(fixed("01 R.", "   05 A PIC X OCCURS 1 TO 5 DEPENDING ON NOPE."), ErrorCode.COPYBOOK_REFERENCE,
                2, 49, "NOPE");
    }

    @Test
    void dependingOnLaterOrNonNumericField() {
        assertError(fixed("01 R.", "   05 A PIC X OCCURS 5 DEPENDING ON N.", "   05 N PIC 9."),
                ErrorCode.COPYBOOK_REFERENCE, 2, 44, "no such field earlier");
        assertError(fixed("01 R.", "   05 N PIC X.", "   05 A PIC X OCCURS 5 DEPENDING ON N."),
                ErrorCode.COPYBOOK_REFERENCE, 3, 44, "numeric");
    }

    @Test
    void redefinesUnknownOrNonSibling() {
        assertError(fixed("01 R.", "   05 A PIC X.", "   05 B REDEFINES NOPE PIC X."), ErrorCode.COPYBOOK_REFERENCE,
                3, 26, "REDEFINES NOPE");
        assertError(fixed("01 R.", "   05 G.", "      10 A PIC X.", "   05 B REDEFINES A PIC X."),
                ErrorCode.COPYBOOK_REFERENCE, 4, 26, "same level");
        assertError(fixed("01 R.", "   05 A PIC X.", "   05 C PIC X.", "   05 B REDEFINES A PIC X."),
                ErrorCode.COPYBOOK_REFERENCE, 4, 26, "just before");
    }

    @Test
    void badLevelNumbers() {
        assertError(fixed("01 R.", "   50 A PIC X."), ErrorCode.COPYBOOK_SYNTAX, 2, 11, "bad level number 50");
        assertError(fixed("01 R.", "   005 A PIC X."), ErrorCode.COPYBOOK_SYNTAX, 2, 11, "bad level number 005");
        assertError(fixed("01 R.", "   A PIC X."), ErrorCode.COPYBOOK_SYNTAX, 2, 11, "expected a level number");
        assertError(fixed("77 A PIC X.", "   05 B PIC X."), ErrorCode.COPYBOOK_SYNTAX, 2, 11, "level 77");
    }

    @Test
    void missingPeriodBeforeNextEntry() {
        assertError(fixed("01 R.", "   05 A PIC X", "   05 B PIC X."), ErrorCode.COPYBOOK_SYNTAX, 3, 11,
                "'.' missing");
    }

    @Test
    void garbage() {
        assertError(fixed("01 R.", "   05 A PIC X ( )."), ErrorCode.COPYBOOK_SYNTAX, 2, 22, "unexpected character");
        assertError(fixed("01 R.", "   05 A PIC X(3 ."), ErrorCode.COPYBOOK_SYNTAX, 2, 21, "repeat count");
        assertError(fixed("01 R.", "   05 A PIC XQ."), ErrorCode.COPYBOOK_SYNTAX, 2, 21, "invalid character 'Q'");
        assertError(fixed("01 R.", "   05 A PIC X(2) FROBNICATE."), ErrorCode.COPYBOOK_SYNTAX, 2, 25, "FROBNICATE");
        assertError("", ErrorCode.COPYBOOK_SYNTAX, 1, 1, "no data description entries");
    }

    @Test
    void clauseConflicts() {
        assertError(fixed("01 R.", "   05 A PIC X COMP-3."), ErrorCode.COPYBOOK_SYNTAX, 2, 22, "numeric PICTURE");
        assertError(fixed("01 R.", "   05 G PIC X.", "      10 A PIC X."), ErrorCode.COPYBOOK_SYNTAX, 2, 20,
                "group item G");
        assertError(fixed("01 R.", "   05 A PIC 9 COMP-1."), ErrorCode.COPYBOOK_SYNTAX, 2, 20, "no PICTURE");
        assertError(fixed("01 R.", "   05 A PIC S9V9V9."), ErrorCode.COPYBOOK_SYNTAX, 2, 20, "more than one");
        assertError(fixed("01 R.", "   05 A PIC 9P9."), ErrorCode.COPYBOOK_SYNTAX, 2, 20, "P must");
        assertError(fixed("01 R.", "   05 A PIC 9(5) NATIONAL."), ErrorCode.COPYBOOK_UNSUPPORTED, 2, 25,
                "national numbers");
        assertError(fixed("01 R.", "   05 A PIC 9E9."), ErrorCode.COPYBOOK_UNSUPPORTED, 2, 21, "'E'");
        assertError(fixed("01 R.", "   05 A POINTER."), ErrorCode.COPYBOOK_UNSUPPORTED, 2, 16, "POINTER");
        assertError(fixed("01 R.", "   COPY OTHER."), ErrorCode.COPYBOOK_UNSUPPORTED, 2, 11, "COPY");
    }

    @Test
    void continuationOfLiteralMustStartWithQuote() {
        String text = "       01 R.\n       05 A PIC X(80) VALUE 'ABC\n      -    DEF'.\n";
        assertError(text, ErrorCode.COPYBOOK_SYNTAX, 3, 12, "quote");
    }

    @Test
    void limits() {
        assertError(fixed("01 R.", "   05 A PIC 9(39)."), ErrorCode.COPYBOOK_LIMIT, 2, 20, "39 digits");
        assertError(fixed("01 R.", "   05 A PIC S9(30)V9(9) COMP-3."), ErrorCode.COPYBOOK_LIMIT, 2, 20, "digits");
        assertError(fixed("01 R.", "   05 A PIC X(16777217)."), ErrorCode.COPYBOOK_LIMIT, 2, 20, "16777216");
        assertError(fixed("01 R.", "   05 A PIC X(99999999999999999999)."), ErrorCode.COPYBOOK_LIMIT, 2, 20,
                "limit");
        assertError(fixed("01 R.", "   05 A PIC X OCCURS 1000001."), ErrorCode.COPYBOOK_LIMIT, 2, 22, "1000001");
        assertError(fixed("01 R.", "   05 A OCCURS 1000000.", "      10 B OCCURS 1000000.", "         15 C PIC X."),
                ErrorCode.COPYBOOK_LIMIT, 2, 11, "longer than the limit");
        // 16 MiB * 17 elements: 272 MiB, over the record limit though each piece is allowed
        assertError(fixed("01 R.", "   05 A PIC X(16777216) OCCURS 17."), ErrorCode.COPYBOOK_LIMIT, 2, 11,
                "longer than the limit");
        // exactly at the limits is fine
        assertEquals(16 * 16777216, Copybook.parse(fixed("01 R.", "   05 A PIC X(16777216) OCCURS 16."), "ok")
                .firstRecord().length());
        assertEquals(38, Copybook.parse(fixed("01 R.", "   05 A PIC 9(38)."), "ok").firstRecord().length());
    }

    @Test
    void fortyNineLevelsAreTheDeepestNesting() {
        StringBuilder text = new StringBuilder();
        for (int level = 1; level <= 49; level++) {
            text.append("       ").append(String.format("%02d", level)).append(" L").append(level)
                    .append(level == 49 ? " PIC X." : ".").append('\n');
        }
        RecordLayout r = Copybook.parse(text.toString(), "deep").firstRecord();
        assertEquals(1, r.length());
        assertEquals(49, r.flatten().size());
        assertTrue(r.find("L49").orElseThrow().path().startsWith("L2.L3."));
    }
}
