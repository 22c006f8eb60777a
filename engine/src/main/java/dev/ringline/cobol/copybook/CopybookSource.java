package dev.ringline.cobol.copybook;

import dev.ringline.cobol.error.ErrorCode;

import java.util.ArrayList;
import java.util.List;

/**
 * The code of a copybook as one character stream, each character remembering its original line and column, so
 * the lexer never needs to know about source formats.
 *
 * <p>Fixed format (the default): columns 1-6 are the sequence area and are skipped, column 7 is the indicator
 * ({@code *} or {@code /} comment, {@code -} continuation, {@code D} followed by a blank is a debugging line and
 * skipped), code is columns 8-72 and 73-80 are ignored. Like Cobrix, any other character in column 7 is kept as
 * code. A TAB counts as one column and is whitespace. {@code *>} (outside a literal) starts a comment to the end
 * of the line. {@link CopybookOptions} can move the columns (the indicator column and the last code column) and,
 * leniently, treat lines whose first non-blank character is {@code *} in columns 1-8 as comments.
 *
 * <p>Free format: chosen when some line that is not a comment has a level number (1 or 2 digits followed by a
 * blank or a period) starting in columns 1-6; six-digit sequence numbers never look like that. Code then runs
 * from column 1 to the end of the line; a line whose first non-blank is {@code *} is a comment, and {@code *>}
 * starts a comment to the end of the line. Continuation lines are a fixed-format feature only.
 */
final class CopybookSource {
    private static final int SEQUENCE_END = 6;

    final String sourceName;
    final boolean freeForm;
    /** 0-based index of the indicator column, and the exclusive end of the code area, in fixed format. */
    private final int indicator;
    private final int codeEnd;
    private final boolean lenient;
    private char[] text = new char[256];
    private int[] lines = new int[256];
    private int[] columns = new int[256];
    private int length;
    private int lastLine = 1;
    private int lastColumn = 0;

    private CopybookSource(String sourceName, boolean freeForm, CopybookOptions options) {
        this.sourceName = sourceName;
        this.freeForm = freeForm;
        this.indicator = options.firstColumn() - 1;
        this.codeEnd = options.lastColumn();
        this.lenient = options.lenient();
    }

    static CopybookSource of(String raw, String sourceName) {
        return of(raw, sourceName, CopybookOptions.defaults());
    }

    static CopybookSource of(String raw, String sourceName, CopybookOptions options) {
        List<String> rawLines = splitLines(raw);
        boolean free = options.standardColumns() && looksFreeForm(rawLines);
        CopybookSource source = new CopybookSource(sourceName, free, options);
        if (free) {
            source.readFree(rawLines);
        } else {
            source.readFixed(rawLines);
        }
        return source;
    }

    int length() {
        return length;
    }

    char charAt(int index) {
        return text[index];
    }

    /** 1-based line of the character at {@code index}; {@code index == length()} gives the end position. */
    int line(int index) {
        return index < length ? lines[index] : lastLine;
    }

    int column(int index) {
        return index < length ? columns[index] : lastColumn + 1;
    }

    CopybookException error(ErrorCode code, int index, String detail) {
        return new CopybookException(code, sourceName, line(index), column(index), detail);
    }

    static boolean isBlank(char c) {
        // TAB, CR, form feed, the DOS end-of-file 0x1A and other controls are all just separators here.
        return c <= ' ';
    }

    private static List<String> splitLines(String raw) {
        List<String> result = new ArrayList<>();
        int start = 0;
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c == '\n' || c == '\r') {
                result.add(raw.substring(start, i));
                if (c == '\r' && i + 1 < n && raw.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            result.add(raw.substring(start));
        }
        return result;
    }

    private static boolean looksFreeForm(List<String> rawLines) {
        for (String line : rawLines) {
            int first = 0;
            while (first < line.length() && isBlank(line.charAt(first))) {
                first++;
            }
            if (first >= SEQUENCE_END || first >= line.length()) {
                continue;
            }
            char indicator = line.length() > SEQUENCE_END ? line.charAt(SEQUENCE_END) : ' ';
            if (line.charAt(first) == '*' || indicator == '*' || indicator == '/') {
                continue;
            }
            int end = first;
            while (end < line.length() && Character.isDigit(line.charAt(end))) {
                end++;
            }
            int digits = end - first;
            if (digits >= 1 && digits <= 2 && (end == line.length() || isBlank(line.charAt(end))
                    || line.charAt(end) == '.')) {
                return true;
            }
        }
        return false;
    }

    private void readFixed(List<String> rawLines) {
        char openQuote = 0;
        boolean haveCode = false;
        for (int li = 0; li < rawLines.size(); li++) {
            String line = rawLines.get(li);
            int lineNo = li + 1;
            final int indicatorAt = this.indicator;
            char indicator = line.length() > indicatorAt ? line.charAt(indicatorAt) : ' ';
            int end = Math.min(line.length(), codeEnd);
            if (indicator == '*' || indicator == '/') {
                continue;
            }
            if (lenient && starCommentInMargin(line)) {
                continue;
            }
            if ((indicator == 'D' || indicator == 'd') && (line.length() <= indicatorAt + 1
                    || isBlank(line.charAt(indicatorAt + 1)))) {
                continue;
            }
            int start = indicatorAt + 1;
            if (indicator == '-') {
                int first = start;
                while (first < end && isBlank(line.charAt(first))) {
                    first++;
                }
                if (first >= end) {
                    continue; // an empty continuation line continues nothing
                }
                if (!haveCode) {
                    throw new CopybookException(ErrorCode.COPYBOOK_SYNTAX, sourceName, lineNo, indicatorAt + 1,
                            "continuation line with nothing to continue");
                }
                length--; // drop the newline that ended the continued line
                if (openQuote != 0) {
                    // the open literal runs to column 72, then resumes after the quote on this line
                    int pad = lastColumn;
                    while (pad < codeEnd) {
                        append(' ', lastLine, ++pad);
                    }
                    char c = line.charAt(first);
                    if (c != '\'' && c != '"') {
                        throw new CopybookException(ErrorCode.COPYBOOK_SYNTAX, sourceName, lineNo, first + 1,
                                "continuation of a literal must start with a quote");
                    }
                    start = first + 1;
                } else {
                    while (length > 0 && isBlank(text[length - 1])) {
                        length--;
                    }
                    start = first;
                }
            } else if (!isBlank(indicator)) {
                start = indicatorAt; // Cobrix keeps column 7 as code
            }
            for (int i = start; i < end; i++) {
                char c = line.charAt(i);
                if (openQuote == 0 && c == '*' && i + 1 < end && line.charAt(i + 1) == '>') {
                    break; // a *> comment (COBOL 2002) runs to the end of the line
                }
                append(c, lineNo, i + 1);
                if (openQuote == 0) {
                    if (c == '\'' || c == '"') {
                        openQuote = c;
                    }
                } else if (c == openQuote) {
                    openQuote = 0;
                }
            }
            append('\n', lineNo, Math.max(end, indicatorAt) + 1);
            lastLine = lineNo;
            lastColumn = Math.max(end, indicatorAt);
            haveCode = true;
        }
    }

    /** Lenient comments: the first non-blank character of the line is {@code *}, in columns 1-8. */
    private static boolean starCommentInMargin(String line) {
        int first = 0;
        while (first < line.length() && isBlank(line.charAt(first))) {
            first++;
        }
        return first < 8 && first < line.length() && line.charAt(first) == '*';
    }

    private void readFree(List<String> rawLines) {
        for (int li = 0; li < rawLines.size(); li++) {
            String line = rawLines.get(li);
            int lineNo = li + 1;
            int first = 0;
            while (first < line.length() && isBlank(line.charAt(first))) {
                first++;
            }
            if (first < line.length() && line.charAt(first) == '*') {
                continue;
            }
            char openQuote = 0;
            int end = line.length();
            for (int i = 0; i < end; i++) {
                char c = line.charAt(i);
                if (openQuote == 0 && c == '*' && i + 1 < end && line.charAt(i + 1) == '>') {
                    end = i;
                    break;
                }
                if (openQuote == 0) {
                    if (c == '\'' || c == '"') {
                        openQuote = c;
                    }
                } else if (c == openQuote) {
                    openQuote = 0;
                }
            }
            for (int i = 0; i < end; i++) {
                append(line.charAt(i), lineNo, i + 1);
            }
            append('\n', lineNo, end + 1);
            lastLine = lineNo;
            lastColumn = end;
        }
    }

    private void append(char c, int line, int column) {
        if (length == text.length) {
            int capacity = text.length * 2;
            text = java.util.Arrays.copyOf(text, capacity);
            lines = java.util.Arrays.copyOf(lines, capacity);
            columns = java.util.Arrays.copyOf(columns, capacity);
        }
        text[length] = c;
        lines[length] = line;
        columns[length] = column;
        length++;
    }
}
