package dev.ringline.cobol.copybook;

import dev.ringline.cobol.error.ErrorCode;

/**
 * Splits a {@link CopybookSource} into tokens, one token of look-ahead. Context matters in one place only: the
 * word after {@code PIC}/{@code PICTURE} [{@code IS}] is a picture string, read up to the next blank, where a
 * final period is the entry terminator ({@code 9(8).9(2).} is the picture {@code 9(8).9(2)} then a period).
 * Commas and semicolons outside literals and pictures are separators, as in COBOL.
 */
final class CopybookLexer {
    private final CopybookSource source;
    private int pos;
    private CopybookToken peeked;
    private CopybookToken pendingPeriod;
    private int pictureState; // 0 none, 1 after PIC, 2 after PIC IS

    CopybookLexer(CopybookSource source) {
        this.source = source;
    }

    CopybookToken peek() {
        if (peeked == null) {
            peeked = lex();
        }
        return peeked;
    }

    CopybookToken next() {
        CopybookToken token = peek();
        peeked = null;
        return token;
    }

    private CopybookToken lex() {
        if (pendingPeriod != null) {
            CopybookToken period = pendingPeriod;
            pendingPeriod = null;
            return period;
        }
        skipBlanks();
        int n = source.length();
        if (pos >= n) {
            return new CopybookToken(CopybookToken.Kind.EOF, "", n);
        }
        if (pictureState != 0) {
            if (pictureState == 1 && isWordAt("IS")) {
                pictureState = 2;
                int start = pos;
                pos += 2;
                return new CopybookToken(CopybookToken.Kind.WORD, "IS", start);
            }
            pictureState = 0;
            if (!(source.charAt(pos) == '.' && endsToken(pos + 1))) {
                return lexPicture();
            }
        }
        int start = pos;
        char c = source.charAt(pos);
        if (c == '.' && endsToken(pos + 1)) {
            pos++;
            return new CopybookToken(CopybookToken.Kind.PERIOD, ".", start);
        }
        if (c == '\'' || c == '"') {
            return lexLiteral(start, pos);
        }
        if (isWordChar(c) && pos + 1 < n && isQuote(source.charAt(pos + 1)) && "XxNnGgZzBb".indexOf(c) >= 0) {
            return lexLiteral(start, pos + 1);
        }
        if (isDigit(c) || ((c == '+' || c == '-') && pos + 1 < n && (isDigit(source.charAt(pos + 1))
                || source.charAt(pos + 1) == '.' && pos + 2 < n && isDigit(source.charAt(pos + 2))))
                || (c == '.' && pos + 1 < n && isDigit(source.charAt(pos + 1)))) {
            CopybookToken number = tryNumber(start);
            if (number != null) {
                return number;
            }
        }
        if (isWordChar(c)) {
            while (pos < n && isWordChar(source.charAt(pos))) {
                pos++;
            }
            String word = text(start, pos);
            if (word.equalsIgnoreCase("PIC") || word.equalsIgnoreCase("PICTURE")) {
                pictureState = 1;
            }
            return new CopybookToken(CopybookToken.Kind.WORD, word, start);
        }
        throw source.error(ErrorCode.COPYBOOK_SYNTAX, start, "unexpected character '" + printable(c) + "'");
    }

    /** A numeric literal: optional sign, digits, optional fraction; null if it is really a word like 1ST-ITEM. */
    private CopybookToken tryNumber(int start) {
        int n = source.length();
        int p = start;
        if (source.charAt(p) == '+' || source.charAt(p) == '-') {
            p++;
        }
        while (p < n && isDigit(source.charAt(p))) {
            p++;
        }
        if (p + 1 < n && source.charAt(p) == '.' && isDigit(source.charAt(p + 1))) {
            p++;
            while (p < n && isDigit(source.charAt(p))) {
                p++;
            }
        }
        if (p < n && isWordChar(source.charAt(p)) && source.charAt(start) != '+' && source.charAt(start) != '-'
                && source.charAt(start) != '.') {
            return null;
        }
        pos = p;
        return new CopybookToken(CopybookToken.Kind.NUMBER, text(start, p), start);
    }

    private CopybookToken lexLiteral(int start, int quoteAt) {
        char quote = source.charAt(quoteAt);
        StringBuilder value = new StringBuilder();
        if (quoteAt > start) {
            value.append(Character.toUpperCase(source.charAt(start))).append(quote);
        }
        int p = quoteAt + 1;
        int n = source.length();
        while (true) {
            if (p >= n || source.charAt(p) == '\n') {
                throw source.error(ErrorCode.COPYBOOK_SYNTAX, start, "unterminated literal");
            }
            char c = source.charAt(p);
            if (c == quote) {
                if (p + 1 < n && source.charAt(p + 1) == quote) {
                    value.append(quote);
                    p += 2;
                    continue;
                }
                p++;
                break;
            }
            value.append(c);
            p++;
        }
        if (quoteAt > start) {
            value.append(quote);
        }
        pos = p;
        return new CopybookToken(CopybookToken.Kind.LITERAL, value.toString(), start);
    }

    private CopybookToken lexPicture() {
        int start = pos;
        int n = source.length();
        while (pos < n && !CopybookSource.isBlank(source.charAt(pos))) {
            pos++;
        }
        int end = pos;
        char last = source.charAt(end - 1);
        if (end - start > 1 && (last == '.' || last == ',' || last == ';')) {
            end--;
            if (last == '.') {
                pendingPeriod = new CopybookToken(CopybookToken.Kind.PERIOD, ".", end);
            }
        }
        return new CopybookToken(CopybookToken.Kind.PICTURE, text(start, end), start);
    }

    private void skipBlanks() {
        int n = source.length();
        while (pos < n) {
            char c = source.charAt(pos);
            if (CopybookSource.isBlank(c) || ((c == ',' || c == ';') && endsToken(pos + 1))) {
                pos++;
            } else {
                break;
            }
        }
    }

    private boolean isWordAt(String word) {
        int n = source.length();
        if (pos + word.length() > n) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.toUpperCase(source.charAt(pos + i)) != word.charAt(i)) {
                return false;
            }
        }
        return endsToken(pos + word.length());
    }

    private boolean endsToken(int index) {
        return index >= source.length() || CopybookSource.isBlank(source.charAt(index));
    }

    private String text(int start, int end) {
        StringBuilder sb = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            sb.append(source.charAt(i));
        }
        return sb.toString();
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isWordChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || isDigit(c) || c == '-' || c == '_'
                || c == ':' || c == '#' || c == '@' || c == '$';
    }

    private static String printable(char c) {
        return c < ' ' || c > '~' ? String.format("\\u%04X", (int) c) : String.valueOf(c);
    }
}
