package dev.ringline.cobol;

import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.ErrorCode;

/**
 * A typed getter or a {@link TypedLayout#path} failed: {@link ErrorCode#UNKNOWN_FIELD_PATH},
 * {@link ErrorCode#WRONG_FIELD_TYPE}, {@link ErrorCode#NULL_VALUE}, or {@link ErrorCode#COPYBOOK_UNSUPPORTED} when
 * the decode's options have no typed form. The location is the field path as given.
 */
public final class FieldAccessException extends CobolException {
    private static final long serialVersionUID = 1L;

    private final String path;

    FieldAccessException(ErrorCode code, String path, String message) {
        super(code, path + ": " + message);
        this.path = path;
    }

    /** The field path as the caller wrote it. */
    public String path() {
        return path;
    }
}
