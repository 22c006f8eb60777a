package dev.ringline.pipeline;

import java.time.Duration;
import java.util.List;

/**
 * {@link OrderedPipeline#close()} gave up: nothing moved for the stall timeout (or the caller's own bound passed),
 * so it aborted the pipeline instead of waiting forever. Says what held the oldest record not yet delivered: a
 * worker on a sequence, the consumer, or a slot claimed and never published.
 */
public final class PipelineStalledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What was stuck; the error's code. */
    public enum Stage {
        /** A worker did not finish the record it was processing. */
        WORKER,
        /** The consumer did not return from a record (or a pulled pipeline was not taken from). */
        CONSUMER,
        /** A producer claimed the slot and never published it. */
        UNPUBLISHED_SLOT,
        /** A pipeline thread did not end after being interrupted. */
        THREAD
    }

    private final Stage stage;
    private final int worker;
    private final long sequence;
    private final Duration waited;

    PipelineStalledException(OrderedPipeline.Stuck stuck, String message, Duration waited) {
        super(message);
        this.stage = stuck.stage();
        this.worker = stuck.worker();
        this.sequence = stuck.sequence();
        this.waited = waited;
    }

    private PipelineStalledException(PipelineStalledException base, String message) {
        super(message);
        this.stage = base.stage;
        this.worker = base.worker;
        this.sequence = base.sequence;
        this.waited = base.waited;
        setStackTrace(base.getStackTrace());
    }

    PipelineStalledException withThreadsAlive(List<String> threads) {
        return threads.isEmpty() ? this
                : new PipelineStalledException(this, getMessage() + "; threads still alive after interruption: " + threads);
    }

    /**
     * What was stuck.
     *
     * @return the stage
     */
    public Stage stage() {
        return stage;
    }

    /**
     * The stuck worker's index, for {@link Stage#WORKER}.
     *
     * @return the worker index, or -1
     */
    public int worker() {
        return worker;
    }

    /**
     * The sequence of the record that was stuck, or of the slot never published.
     *
     * @return the sequence, or -1 when no record is involved
     */
    public long sequence() {
        return sequence;
    }

    /**
     * How long close() waited without progress (or in total, for its own bound).
     *
     * @return the bound that was exceeded
     */
    public Duration waited() {
        return waited;
    }
}
