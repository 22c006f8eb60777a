package dev.ringline.cobol.copybook;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

/** Whatever the text, parsing either succeeds or throws a {@link CopybookException}; nothing else escapes. */
class CopybookProperties {
    private static final List<String> TOKENS = List.of("01", "05", "10", "49", "50", "66", "77", "88", "5", "0",
            "A", "B", "FILLER", "PIC", "PICTURE", "IS", "X(5)", "9(3)", "S9(4)V99", "9(8).9(2)", "PPP9", "ZZ9.99-",
            "X(0)", "9(", "X(99999999999)", "9(40)", "COMP", "COMP-3", "COMP-1", "BINARY", "USAGE", "DISPLAY",
            "OCCURS", "3", "1", "TO", "1000001", "TIMES", "DEPENDING", "ON", "REDEFINES", "VALUE", "VALUES", "'x'",
            "'unterminated", "\"q\"\"q\"", "THRU", "ZEROS", "ALL", "SIGN", "LEADING", "TRAILING", "SEPARATE",
            "JUST", "RIGHT", "BLANK", "WHEN", "ZERO", "SYNC", "INDEXED", "BY", "ASCENDING", "KEY", "RENAMES", ".",
            ". ", "\n", "\n      *", "\n      -", "\t", "(", ")", ",", "-1.5", "GLOBAL", "COPY", "*>");

    @Property(tries = 400)
    void randomTextOnlyFailsWithCopybookException(@ForAll("garbage") String text) {
        parse(text);
    }

    @Property(tries = 800)
    void randomTokenSequencesOnlyFailWithCopybookException(@ForAll("tokenText") String text) {
        parse(text);
        parse(text.replace("\n", "\n       "));
    }

    private static void parse(String text) {
        try {
            Copybook copybook = Copybook.parse(text, "fuzz.cpy");
            for (RecordLayout record : copybook.records()) {
                record.toTable();
                if (record.length() < 0) {
                    throw new AssertionError("negative length");
                }
            }
        } catch (CopybookException expected) {
            if (expected.line() < 1 || expected.column() < 1) {
                throw new AssertionError("location missing: " + expected.getMessage());
            }
        }
    }

    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.strings().withCharRange('\u0000', '\u007f').withChars("\t\n\r'\".()-*")
                .ofMaxLength(300);
    }

    @Provide
    Arbitrary<String> tokenText() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(60).map(tokens -> String.join(" ", tokens));
    }
}
