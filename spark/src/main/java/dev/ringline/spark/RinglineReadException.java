package dev.ringline.spark;

import dev.ringline.cobol.error.ErrorCode;

/**
 * A read that cannot go on: a bad record under {@code on_error = fail}, a framing error, or a split whose records do
 * not end where the next split starts. Says where: the file, the byte offset and, for a field, its path.
 */
public final class RinglineReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    private final ErrorCode code;
    private final String file;
    private final long offset;
    private final String field;

    RinglineReadException(ErrorCode code, String file, long offset, String field, String message, Throwable cause) {
        super("ringline: " + code + " in " + file + " at byte " + offset + (field == null ? "" : " field " + field)
                + ": " + message, cause);
        this.code = code;
        this.file = file;
        this.offset = offset;
        this.field = field;
    }

    /** The error's code. */
    public ErrorCode code() {
        return code;
    }

    /** The file's path. */
    public String file() {
        return file;
    }

    /** The byte offset in the file. */
    public long offset() {
        return offset;
    }

    /** The field's path, or null for a record-level error. */
    public String field() {
        return field;
    }
}
