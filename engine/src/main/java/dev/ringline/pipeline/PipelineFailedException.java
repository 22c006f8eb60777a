package dev.ringline.pipeline;

/**
 * The pipeline stopped because its consumer (or, for an engine bug, a worker thread) failed. Thrown to the
 * producer and to pulling callers so that no thread stays blocked; the cause is the original failure.
 */
public final class PipelineFailedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The pipeline stopped; {@code cause} is the original failure. */
    public PipelineFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
