package dev.ringline.pipeline;

/**
 * Fills a claimed slot with the next record's input, on the producer's thread. Used with
 * {@link OrderedPipeline#publish(SlotWriter, Object)}, which always publishes the slot, even when this throws.
 *
 * @param <E> the slot type
 * @param <A> the argument passed through (lets a non-capturing lambda be reused: no allocation per record)
 */
@FunctionalInterface
public interface SlotWriter<E, A> {
    /** Fills {@code slot}, about to be published as {@code sequence}, from {@code arg}. */
    void write(long sequence, E slot, A arg) throws Exception;
}
