package dev.ringline.cobol;

import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.DecodeError;

/**
 * A decode stopped early because the error policy said so (fail fast, or more errors than allowed). The output
 * holds every record before the failing one; {@link #summary()} counts what was read, written and rejected.
 */
public final class DecodeAbortedException extends CobolException {
    private static final long serialVersionUID = 1L;

    private final transient DecodeError error;
    private final transient DecodeSummary summary;

    /** The run stopped at {@code error}; {@code summary} counts what was done before. */
    public DecodeAbortedException(DecodeError error, DecodeSummary summary) {
        super(error.code(), "decoding stopped: " + error.describe());
        this.error = error;
        this.summary = summary;
    }

    /** The error that stopped the run. */
    public DecodeError error() {
        return error;
    }

    /** Counts up to the stop. */
    public DecodeSummary summary() {
        return summary;
    }
}
