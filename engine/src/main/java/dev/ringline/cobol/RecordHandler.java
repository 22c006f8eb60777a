package dev.ringline.cobol;

/**
 * Receives each written record of a decode, in input order, on one thread (the pipeline's ordered stage): see
 * {@link CobolDecoder#decode(java.nio.channels.ReadableByteChannel, dev.ringline.cobol.copybook.RecordLayout,
 * DecodeOptions, RecordHandler)}. Rejected records go to the options' rejects sink as usual. The record is a
 * reusable cursor, valid only during the call: keep {@link DecodedRecord#snapshot()} for later. A handler that
 * blocks holds the ring, which holds the reader: memory stays bounded. An exception stops the decode and is thrown
 * by {@code decode}.
 */
@FunctionalInterface
public interface RecordHandler {
    /**
     * One record that was decoded and not rejected.
     *
     * @param record the current record (its sequence, input offset, JSON and raw bytes)
     */
    void record(DecodedRecord record);
}
