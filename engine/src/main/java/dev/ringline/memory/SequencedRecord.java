package dev.ringline.memory;

/**
 * A record tagged with its 0-based sequence ID, the position at which {@link SequenceRing} delivers it.
 *
 * @param sequenceId the record's position in the output order
 * @param data       the record; never null
 */
public record SequencedRecord<T>(long sequenceId, T data) {
    public SequencedRecord {
        if (sequenceId < 0) {
            throw new IllegalArgumentException("sequenceId must be >= 0: " + sequenceId);
        }
        if (data == null) {
            throw new NullPointerException("data");
        }
    }
}
