package dev.ringline.cobol.encode;

import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.DecodeError;

import java.util.Objects;

/**
 * A JSON line could not be encoded; {@link #error()} gives the line (as record sequence, 0-based), its input
 * offset, the JSON path of the value and the reason. No stack trace: bad lines can be frequent.
 */
public final class RecordEncodeException extends CobolException {
    private static final long serialVersionUID = 1L;

    private final transient DecodeError error;

    /** The line failed as {@code error} says. */
    public RecordEncodeException(DecodeError error) {
        super(Objects.requireNonNull(error, "error").code(), error.describe(), null, false, false);
        this.error = error;
    }

    /** Where the line failed and why. */
    public DecodeError error() {
        return error;
    }
}
