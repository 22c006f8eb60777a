package dev.ringline.cobol.encode;

import dev.ringline.cobol.error.ErrorCode;

/**
 * A bad value with its code, thrown while a line is read; {@link RecordEncoder} adds the line and the JSON path and
 * rethrows it as a {@link RecordEncodeException}. No stack trace: bad lines can be frequent.
 */
final class Reject extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ErrorCode code;

    Reject(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
