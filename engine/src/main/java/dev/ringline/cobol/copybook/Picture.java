package dev.ringline.cobol.copybook;

import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.error.ErrorCode;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed PICTURE string: its category, digit count, scale and display size, computed from runs of symbols
 * (never expanded, so {@code X(16000000)} costs nothing).
 *
 * <p>Categories: only {@code A} is alphabetic; any {@code X}, or {@code A}/{@code 9} mixed, is alphanumeric;
 * {@code 9 S V P} alone is numeric; with any of {@code Z * + - . , CR DB $} it is numeric-edited, except that a
 * picture with an insertion {@code B}, {@code 0} or {@code /} is treated as alphanumeric text (such pictures are
 * dates and codes far more often than amounts).
 */
final class Picture {
    /** Largest PIC X/A field: 16 MiB. */
    static final long MAX_TEXT_LENGTH = 16L * 1024 * 1024;

    enum Category { ALPHABETIC, ALPHANUMERIC, NUMERIC, EDITED, NATIONAL, DBCS }

    final String normalized;
    final Category category;
    /** Digit positions including P (numeric and edited). */
    final int digits;
    /** Digit positions taking bytes: 9 only (numeric); used for binary and packed sizes. */
    final int storedDigits;
    final int scale;
    final boolean signed;
    /** Bytes as DISPLAY: text length, stored digits, or edited character count (no sign-separate byte). */
    final long displayLength;

    private Picture(String normalized, Category category, int digits, int storedDigits, int scale,
                    boolean signed, long displayLength) {
        this.normalized = normalized;
        this.category = category;
        this.digits = digits;
        this.storedDigits = storedDigits;
        this.scale = scale;
        this.signed = signed;
        this.displayLength = displayLength;
    }

    /** Parses {@code text}; errors point into the source at {@code index} (the picture token's start). */
    static Picture parse(String text, CopybookSource source, int index) {
        List<char[]> runsSymbols = new ArrayList<>();
        List<Long> runsCounts = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = Character.toUpperCase(text.charAt(i));
            char symbol;
            if ((c == 'C' && i + 1 < n && Character.toUpperCase(text.charAt(i + 1)) == 'R')
                    || (c == 'D' && i + 1 < n && Character.toUpperCase(text.charAt(i + 1)) == 'B')) {
                symbol = c == 'C' ? 'C' : 'D';
                i += 2;
                add(runsSymbols, runsCounts, symbol, 1);
                continue;
            }
            if ("AX9SVPZ*+-.,$B0/NG".indexOf(c) >= 0) {
                symbol = c;
            } else if ("E1U".indexOf(c) >= 0) {
                throw source.error(ErrorCode.COPYBOOK_UNSUPPORTED, index + i,
                        "PICTURE symbol '" + c + "' is not supported");
            } else if (c == '(') {
                throw source.error(ErrorCode.COPYBOOK_SYNTAX, index + i, "'(' without a symbol to repeat in PICTURE");
            } else {
                throw source.error(ErrorCode.COPYBOOK_SYNTAX, index + i,
                        "invalid character '" + printable(c) + "' in PICTURE " + text);
            }
            i++;
            long count = 1;
            if (i < n && text.charAt(i) == '(') {
                int open = i;
                i++;
                long value = 0;
                int digitCount = 0;
                while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    if (value < 1_000_000_000_000L) {
                        value = value * 10 + (text.charAt(i) - '0');
                    }
                    digitCount++;
                    i++;
                }
                if (i >= n || text.charAt(i) != ')' || digitCount == 0) {
                    throw source.error(ErrorCode.COPYBOOK_SYNTAX, index + open,
                            "expected a repeat count like (5) in PICTURE " + text);
                }
                if (value == 0) {
                    throw source.error(ErrorCode.COPYBOOK_SYNTAX, index + open, "repeat count must be positive");
                }
                i++;
                count = value;
            }
            add(runsSymbols, runsCounts, symbol, count);
        }
        if (runsSymbols.isEmpty()) {
            throw source.error(ErrorCode.COPYBOOK_SYNTAX, index, "empty PICTURE");
        }
        return classify(text, runsSymbols, runsCounts, source, index);
    }

    private static void add(List<char[]> symbols, List<Long> counts, char symbol, long count) {
        int last = symbols.size() - 1;
        if (last >= 0 && symbols.get(last)[0] == symbol) {
            counts.set(last, Math.min(counts.get(last) + count, 1_000_000_000_000L));
        } else {
            symbols.add(new char[] {symbol});
            counts.add(count);
        }
    }

    private static Picture classify(String text, List<char[]> symbols, List<Long> counts, CopybookSource source,
                                    int index) {
        long[] totals = new long[128];
        for (int r = 0; r < symbols.size(); r++) {
            totals[symbols.get(r)[0]] += counts.get(r);
        }
        String normalized = normalize(symbols, counts);
        long wide = totals['N'] + totals['G'];
        if (wide > 0) {
            // N: UTF-16 (national) or DBCS with USAGE DISPLAY-1; G: DBCS. Two bytes a character either way.
            if (totals['N'] > 0 && totals['G'] > 0 || symbols.size() != 1) {
                throw source.error(ErrorCode.COPYBOOK_SYNTAX, index, "PICTURE " + text
                        + " mixes N or G with other symbols");
            }
            checkTextLength(2 * wide, source, index);
            return new Picture(normalized, totals['N'] > 0 ? Category.NATIONAL : Category.DBCS, 0, 0, 0, false,
                    2 * wide);
        }
        long text9 = totals['X'] + totals['A'];
        if (text9 > 0) {
            for (char bad : "SVPZ*+-.,CD$".toCharArray()) {
                if (totals[bad] > 0) {
                    throw source.error(ErrorCode.COPYBOOK_SYNTAX, index,
                            "PICTURE " + text + " mixes text and numeric symbols");
                }
            }
            long length = text9 + totals['9'] + totals['B'] + totals['0'] + totals['/'];
            checkTextLength(length, source, index);
            boolean alphabetic = totals['A'] == length;
            return new Picture(normalized, alphabetic ? Category.ALPHABETIC : Category.ALPHANUMERIC, 0, 0, 0,
                    false, length);
        }
        if (totals['S'] > 1 || totals['V'] > 1 || totals['.'] > 1 || totals['V'] + totals['.'] > 1) {
            throw source.error(ErrorCode.COPYBOOK_SYNTAX, index,
                    "PICTURE " + text + " has more than one S, V or decimal point");
        }
        if (totals['S'] == 1 && symbols.get(0)[0] != 'S') {
            throw source.error(ErrorCode.COPYBOOK_SYNTAX, index, "S must be the first symbol of PICTURE " + text);
        }
        boolean edited = false;
        for (char e : "Z*+-.,CD$".toCharArray()) {
            edited |= totals[e] > 0;
        }
        boolean insertion = totals['B'] + totals['0'] + totals['/'] > 0;
        long allSymbols = 0;
        for (int r = 0; r < symbols.size(); r++) {
            char s = symbols.get(r)[0];
            if (s != 'S' && s != 'V' && s != 'P') {
                allSymbols += (s == 'C' || s == 'D') ? 2 * counts.get(r) : counts.get(r);
            }
        }
        if (insertion) {
            checkTextLength(allSymbols, source, index);
            return new Picture(normalized, Category.ALPHANUMERIC, 0, 0, 0, false, allSymbols);
        }
        if (!edited) {
            return numeric(text, symbols, counts, totals, normalized, source, index);
        }
        // numeric-edited: digit positions are 9 Z * P and every floating + - $ after the first of its kind
        long digits = 0;
        long fraction = 0;
        boolean afterPoint = false;
        boolean seenPlus = false;
        boolean seenMinus = false;
        boolean seenDollar = false;
        for (int r = 0; r < symbols.size(); r++) {
            char s = symbols.get(r)[0];
            long c = counts.get(r);
            long positions = 0;
            if (s == '9' || s == 'Z' || s == '*' || s == 'P') {
                positions = c;
            } else if (s == '+' || s == '-' || s == '$') {
                boolean seen = s == '+' ? seenPlus : s == '-' ? seenMinus : seenDollar;
                long total = totals[s];
                positions = total > 1 ? (seen ? c : c - 1) : 0;
                if (s == '+') {
                    seenPlus = true;
                } else if (s == '-') {
                    seenMinus = true;
                } else {
                    seenDollar = true;
                }
            } else if (s == '.' || s == 'V') {
                afterPoint = true;
            }
            digits += positions;
            if (afterPoint) {
                fraction += positions;
            }
        }
        if (digits == 0) {
            throw source.error(ErrorCode.COPYBOOK_SYNTAX, index, "PICTURE " + text + " has no digit positions");
        }
        checkDigits(digits, text, source, index);
        checkTextLength(allSymbols, source, index);
        boolean signed = totals['S'] + totals['+'] + totals['-'] + totals['C'] + totals['D'] > 0;
        return new Picture(normalized, Category.EDITED, (int) digits, (int) digits, (int) fraction, signed,
                allSymbols);
    }

    private static Picture numeric(String text, List<char[]> symbols, List<Long> counts, long[] totals,
                                   String normalized, CopybookSource source, int index) {
        long nines = totals['9'];
        long ps = totals['P'];
        if (nines == 0) {
            throw source.error(ErrorCode.COPYBOOK_SYNTAX, index, "PICTURE " + text + " has no digit positions");
        }
        checkDigits(nines + ps, text, source, index);
        // P must sit before the first 9 or after the last one
        int first9 = -1;
        int last9 = -1;
        for (int r = 0; r < symbols.size(); r++) {
            if (symbols.get(r)[0] == '9') {
                if (first9 < 0) {
                    first9 = r;
                }
                last9 = r;
            }
        }
        long leadingP = 0;
        long trailingP = 0;
        long fraction = 0;
        boolean afterV = false;
        for (int r = 0; r < symbols.size(); r++) {
            char s = symbols.get(r)[0];
            long c = counts.get(r);
            if (s == 'P') {
                if (r < first9) {
                    leadingP += c;
                } else if (r > last9) {
                    trailingP += c;
                } else {
                    throw source.error(ErrorCode.COPYBOOK_SYNTAX, index,
                            "P must lead or trail the digits in PICTURE " + text);
                }
            } else if (s == 'V') {
                afterV = true;
            } else if (s == '9' && afterV) {
                fraction += c;
            }
        }
        long scale;
        if (trailingP > 0) {
            if (fraction > 0) {
                throw source.error(ErrorCode.COPYBOOK_SYNTAX, index,
                        "trailing P cannot follow fraction digits in PICTURE " + text);
            }
            scale = -trailingP;
        } else if (leadingP > 0) {
            scale = leadingP + nines;
        } else {
            scale = fraction;
        }
        return new Picture(normalized, Category.NUMERIC, (int) (nines + ps), (int) nines, (int) scale,
                totals['S'] > 0, nines);
    }

    private static void checkDigits(long digits, String text, CopybookSource source, int index) {
        if (digits > NumericFormat.MAX_DIGITS) {
            throw source.error(ErrorCode.COPYBOOK_LIMIT, index, "PICTURE " + text + " has " + digits
                    + " digits; at most " + NumericFormat.MAX_DIGITS + " are supported");
        }
    }

    private static void checkTextLength(long length, CopybookSource source, int index) {
        if (length > MAX_TEXT_LENGTH) {
            throw source.error(ErrorCode.COPYBOOK_LIMIT, index,
                    "PICTURE of " + length + " characters exceeds the limit of " + MAX_TEXT_LENGTH);
        }
    }

    private static String normalize(List<char[]> symbols, List<Long> counts) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < symbols.size(); r++) {
            char s = symbols.get(r)[0];
            long c = counts.get(r);
            String unit = s == 'C' ? "CR" : s == 'D' ? "DB" : String.valueOf(s);
            if (c >= 4 && unit.length() == 1) {
                sb.append(unit).append('(').append(c).append(')');
            } else {
                for (long k = 0; k < c; k++) {
                    sb.append(unit);
                }
            }
        }
        return sb.toString();
    }

    private static String printable(char c) {
        return c < ' ' || c > '~' ? String.format("\\u%04X", (int) c) : String.valueOf(c);
    }
}
