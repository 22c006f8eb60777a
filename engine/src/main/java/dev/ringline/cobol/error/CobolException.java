package dev.ringline.cobol.error;

import java.util.Objects;

/**
 * Base of every error the COBOL codec reports: an {@link ErrorCode}, a location (added by subclasses) and a
 * message. Unchecked, so decoding lambdas stay plain functions.
 */
public class CobolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /** An error with its stable code and a message that says where and what. */
    public CobolException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** An error with its stable code, a message that says where and what, and the failure behind it. */
    public CobolException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * For subclasses reporting bad data, which can be frequent: lets them skip the stack trace (and suppression),
     * whose capture costs far more than the decode that failed.
     */
    protected CobolException(ErrorCode code, String message, Throwable cause, boolean enableSuppression,
                             boolean writableStackTrace) {
        super(message, cause, enableSuppression, writableStackTrace);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** What went wrong, as a stable code. */
    public ErrorCode code() {
        return code;
    }
}
