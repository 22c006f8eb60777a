package dev.ringline.pipeline;

import dev.ringline.memory.ScratchBuffers;

/**
 * The work done on one record by a pipeline worker, in parallel with other records. It reads the slot's input
 * and writes the slot's output in place; {@code scratch} belongs to the calling worker and was cleared before the
 * call. Anything it throws is captured and delivered to the consumer at this record's position.
 *
 * @param <E> the slot type
 */
@FunctionalInterface
public interface RecordProcessor<E> {
    /** Processes record {@code sequence} in its slot, with this worker's cleared scratch buffers. */
    void process(long sequence, E slot, ScratchBuffers scratch) throws Exception;
}
