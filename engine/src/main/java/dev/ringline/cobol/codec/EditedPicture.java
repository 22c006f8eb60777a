package dev.ringline.cobol.codec;

import dev.ringline.cobol.error.ErrorCode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A numeric-edited picture parsed for encoding: the symbols in order, which of them hold digits, and the floating
 * insertion symbol if any. Test-data path; allocates.
 */
final class EditedPicture {
    /** Symbol kinds; CR and DB are single tokens. */
    private static final char CR = 'C';
    private static final char DB = 'D';

    private final char[] symbols;
    private final boolean[] digitPosition;
    private final char floating; // '$', '+', '-' or 0
    private final int digitCount;
    private final int scale;
    private final boolean signed;
    private final boolean starFill;
    private final int length;

    private EditedPicture(char[] symbols, char floating) {
        this.symbols = symbols;
        this.floating = floating;
        digitPosition = new boolean[symbols.length];
        boolean firstFloatingSeen = false;
        int digits = 0;
        int fraction = 0;
        boolean point = false;
        boolean sign = false;
        boolean star = false;
        int printed = 0;
        for (int i = 0; i < symbols.length; i++) {
            char c = symbols[i];
            boolean digit = c == '9' || c == 'Z' || c == '*';
            if (c == floating && floating != 0) {
                digit = firstFloatingSeen;
                firstFloatingSeen = true;
            }
            digitPosition[i] = digit;
            if (digit) {
                digits++;
                if (point) {
                    fraction++;
                }
            }
            point |= c == '.' || c == 'V';
            sign |= c == '+' || c == '-' || c == CR || c == DB || c == 'S';
            star |= c == '*';
            printed += c == 'V' || c == 'S' ? 0 : c == CR || c == DB ? 2 : 1;
        }
        this.digitCount = digits;
        this.scale = fraction;
        this.signed = sign;
        this.starFill = star;
        this.length = printed;
    }

    static EditedPicture parse(String picture) {
        String p = picture.toUpperCase(java.util.Locale.ROOT);
        List<Character> out = new ArrayList<>();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if ((c == 'C' && i + 1 < p.length() && p.charAt(i + 1) == 'R')
                    || (c == 'D' && i + 1 < p.length() && p.charAt(i + 1) == 'B')) {
                out.add(c);
                i++;
                continue;
            }
            if (c == '(') {
                int close = p.indexOf(')', i);
                if (close < 0 || out.isEmpty()) {
                    throw new IllegalArgumentException("bad repeat count in picture " + picture);
                }
                int count = Integer.parseInt(p.substring(i + 1, close).trim());
                char last = out.get(out.size() - 1);
                for (int k = 1; k < count; k++) {
                    out.add(last);
                }
                i = close;
                continue;
            }
            if ("9Z*+-.,$VS".indexOf(c) < 0) {
                throw new IllegalArgumentException("unsupported symbol '" + c + "' in picture " + picture);
            }
            out.add(c);
        }
        char[] symbols = new char[out.size()];
        int dollars = 0;
        int plus = 0;
        int minus = 0;
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = out.get(i);
            dollars += symbols[i] == '$' ? 1 : 0;
            plus += symbols[i] == '+' ? 1 : 0;
            minus += symbols[i] == '-' ? 1 : 0;
        }
        char floating = dollars > 1 ? '$' : plus > 1 ? '+' : minus > 1 ? '-' : 0;
        return new EditedPicture(symbols, floating);
    }

    int digitCount() {
        return digitCount;
    }

    int scale() {
        return scale;
    }

    boolean signed() {
        return signed;
    }

    int length() {
        return length;
    }

    /** A {@code +}, {@code -}, {@code CR} or {@code DB} shows the sign. */
    private boolean printsSign() {
        for (char c : symbols) {
            if (c == '+' || c == '-' || c == CR || c == DB) {
                return true;
            }
        }
        return false;
    }

    /** {@code S} and no printed sign symbol: the sign is overpunched on the last digit (EBCDIC), as decoding reads. */
    boolean overpunched() {
        if (printsSign()) {
            return false;
        }
        for (char c : symbols) {
            if (c == 'S') {
                return true;
            }
        }
        return false;
    }

    String render(BigDecimal value) {
        boolean negative = value.signum() < 0;
        if (negative && !printsSign() && !overpunched()) {
            throw new FieldDecodeException(ErrorCode.VALUE_OUT_OF_RANGE,
                    "picture cannot show the sign of " + value.toPlainString());
        }
        String digits = NumericEdited.digitsFor(value, scale, digitCount);
        boolean hasNine = false;
        for (char c : symbols) {
            hasNine |= c == '9';
        }
        StringBuilder text = new StringBuilder(length);
        if (value.signum() == 0 && !hasNine) {
            // Zero in an all-suppressing picture shows as blanks (or all stars, keeping the point).
            for (char c : symbols) {
                if (c == 'V' || c == 'S') {
                    continue;
                }
                String blank = c == CR || c == DB ? "  " : " ";
                text.append(starFill ? (c == '.' ? "." : blank.replace(' ', '*')) : blank);
            }
            return text.toString();
        }
        boolean significant = false;
        int lastSuppressed = -1;
        int k = 0;
        for (int i = 0; i < symbols.length; i++) {
            char c = symbols[i];
            if (digitPosition[i]) {
                char d = digits.charAt(k++);
                if (significant || d != '0' || c == '9') {
                    if (!significant) {
                        significant = true;
                        placeFloating(text, lastSuppressed, negative);
                    }
                    text.append(d);
                } else {
                    if (c == floating) {
                        lastSuppressed = text.length();
                    }
                    text.append(c == '*' ? '*' : ' ');
                }
                continue;
            }
            switch (c) {
                case '.', 'V' -> {
                    if (!significant) {
                        significant = true;
                        placeFloating(text, lastSuppressed, negative);
                    }
                    if (c == '.') {
                        text.append('.');
                    }
                }
                case ',' -> {
                    if (significant) {
                        text.append(',');
                    } else {
                        if (floating != 0) {
                            lastSuppressed = text.length();
                        }
                        text.append(starFill ? '*' : ' ');
                    }
                }
                case '+' -> {
                    if (c == floating) {
                        lastSuppressed = text.length();
                        text.append(' ');
                    } else {
                        text.append(negative ? '-' : '+');
                    }
                }
                case '-' -> {
                    if (c == floating) {
                        lastSuppressed = text.length();
                        text.append(' ');
                    } else {
                        text.append(negative ? '-' : ' ');
                    }
                }
                case '$' -> {
                    if (c == floating) {
                        lastSuppressed = text.length();
                        text.append(' ');
                    } else {
                        text.append('$');
                    }
                }
                case CR -> text.append(negative ? "CR" : "  ");
                case DB -> text.append(negative ? "DB" : "  ");
                case 'S' -> {
                    // S only says the value is signed; it prints nothing.
                }
                default -> throw new IllegalStateException("symbol " + c);
            }
        }
        return text.toString();
    }

    private void placeFloating(StringBuilder text, int at, boolean negative) {
        if (floating == 0 || at < 0) {
            return;
        }
        char shown = floating == '$' ? '$' : negative ? '-' : floating == '+' ? '+' : ' ';
        text.setCharAt(at, shown);
    }
}
