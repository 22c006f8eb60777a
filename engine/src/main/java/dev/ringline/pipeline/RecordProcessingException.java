package dev.ringline.pipeline;

/** A record's processing function threw; carries the record's sequence ID and the original cause. */
public final class RecordProcessingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long sequenceId;

    /** Record {@code sequenceId} failed with {@code cause}. */
    public RecordProcessingException(long sequenceId, Throwable cause) {
        super("record " + sequenceId + " failed: " + cause, cause);
        this.sequenceId = sequenceId;
    }

    /** The 0-based sequence ID of the failed record. */
    public long sequenceId() {
        return sequenceId;
    }
}
