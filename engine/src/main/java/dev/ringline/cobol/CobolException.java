package dev.ringline.cobol;

import java.util.Objects;

/**
 * Base of every error the COBOL codec reports: an {@link ErrorCode}, a location (added by subclasses) and a
 * message. Unchecked, so decoding lambdas stay plain functions.
 */
public class CobolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public CobolException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public CobolException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** What went wrong, as a stable code. */
    public ErrorCode code() {
        return code;
    }
}
