package dev.ringline.cobol.copybook;

import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.ErrorCode;

/**
 * A copybook could not be parsed: the code says why ({@link ErrorCode#COPYBOOK_SYNTAX},
 * {@link ErrorCode#COPYBOOK_REFERENCE}, {@link ErrorCode#COPYBOOK_LIMIT}, {@link ErrorCode#COPYBOOK_UNSUPPORTED}),
 * the location says where. The message reads {@code customer.cpy:14:23: expected ...}, with the 1-based line and
 * column of the offending token in the original text (a TAB counts as one column).
 */
public final class CopybookException extends CobolException {
    private static final long serialVersionUID = 1L;

    private final String sourceName;
    private final int line;
    private final int column;

    CopybookException(ErrorCode code, String sourceName, int line, int column, String detail) {
        super(code, sourceName + ":" + line + ":" + column + ": " + detail);
        this.sourceName = sourceName;
        this.line = line;
        this.column = column;
    }

    /** The name the copybook was parsed under (the file name for {@link Copybook#parse(java.nio.file.Path)}). */
    public String sourceName() {
        return sourceName;
    }

    /** 1-based line of the offending token; 0 when the error has no position (an unknown record name). */
    public int line() {
        return line;
    }

    /** 1-based column of the offending token. */
    public int column() {
        return column;
    }
}
