package dev.ringline.cobol.copybook;

import java.util.Locale;

/**
 * One lexical token of a copybook.
 *
 * @param kind  what it is
 * @param text  the word, number or picture as written; for literals the value without quotes
 * @param index position of its first character in the {@link CopybookSource} stream
 */
record CopybookToken(Kind kind, String text, int index) {
    enum Kind { WORD, NUMBER, LITERAL, PICTURE, PERIOD, EOF }

    boolean isWord(String upperCaseWord) {
        return kind == Kind.WORD && text.equalsIgnoreCase(upperCaseWord);
    }

    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    String describe() {
        switch (kind) {
            case EOF:
                return "end of copybook";
            case PERIOD:
                return "'.'";
            case LITERAL:
                return "literal '" + text + "'";
            default:
                return "'" + text + "'";
        }
    }
}
