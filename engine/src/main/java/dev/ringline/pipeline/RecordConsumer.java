package dev.ringline.pipeline;

/**
 * Receives records strictly in sequence order, after their worker finished. {@code failure} is what the
 * {@link RecordProcessor} threw for this record, or {@code null} on success; the slot is reused after the call
 * returns, so copy out what must outlive it. An exception thrown here stops the pipeline.
 *
 * @param <E> the slot type
 */
@FunctionalInterface
public interface RecordConsumer<E> {
    /** Takes record {@code sequence}; {@code failure} is what its processor threw, or null. */
    void accept(long sequence, E slot, Throwable failure) throws Exception;
}
