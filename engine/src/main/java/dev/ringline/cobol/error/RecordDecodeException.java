package dev.ringline.cobol.error;

import java.util.Objects;

/** A record (or one of its fields) could not be decoded; {@link #error()} says where and why. */
public final class RecordDecodeException extends CobolException {
    private static final long serialVersionUID = 1L;

    private final transient DecodeError error;

    /** The record failed as {@code error} says. */
    public RecordDecodeException(DecodeError error) {
        super(Objects.requireNonNull(error, "error").code(), error.describe());
        this.error = error;
    }

    /** The record failed as {@code error} says, because of {@code cause}. */
    public RecordDecodeException(DecodeError error, Throwable cause) {
        super(Objects.requireNonNull(error, "error").code(), error.describe(), cause);
        this.error = error;
    }

    /** Where the record failed and why. */
    public DecodeError error() {
        return error;
    }
}
