package dev.ringline.cobol.copybook;

/**
 * How a copybook's text is read. {@link #defaults()}: standard fixed columns (indicator in column 7, code in 8-72)
 * or free form when detected, strict comment rules.
 *
 * @param lenient     also treat a line whose first non-blank character is {@code *} in columns 1-8 as a comment
 *                    (copybooks exported by some tools shift the indicator)
 * @param firstColumn 1-based column of the indicator area in fixed format (7 by default); code starts after it.
 *                    Setting the columns turns free-form detection off.
 * @param lastColumn  1-based last column of code in fixed format (72 by default); the rest of a line is ignored
 */
public record CopybookOptions(boolean lenient, int firstColumn, int lastColumn) {
    /** Standard columns. */
    public static final int FIRST_COLUMN = 7;
    /** Standard end of the code area. */
    public static final int LAST_COLUMN = 72;

    /** Checks the columns: {@code 1 <= firstColumn < lastColumn}. */
    public CopybookOptions {
        if (firstColumn < 1 || lastColumn <= firstColumn) {
            throw new IllegalArgumentException("copybook columns must be 1 <= FIRST < LAST: " + firstColumn + "-"
                    + lastColumn);
        }
    }

    /** Standard columns, strict comments. */
    public static CopybookOptions defaults() {
        return new CopybookOptions(false, FIRST_COLUMN, LAST_COLUMN);
    }

    /** The same with lenient comment lines. */
    public CopybookOptions withLenient(boolean lenient) {
        return new CopybookOptions(lenient, firstColumn, lastColumn);
    }

    /** The same with the fixed-format columns FIRST-LAST. */
    public CopybookOptions withColumns(int firstColumn, int lastColumn) {
        return new CopybookOptions(lenient, firstColumn, lastColumn);
    }

    boolean standardColumns() {
        return firstColumn == FIRST_COLUMN && lastColumn == LAST_COLUMN;
    }
}
