package dev.ringline.memory;

/**
 * A snapshot of a {@link SequenceRing}.
 *
 * @param nextSequenceId    the ID the receiver delivers next
 * @param reorderBufferSize records received out of order and waiting for an earlier ID
 * @param maxWindowSize     how far past {@code nextSequenceId} a sender may run before it blocks
 * @param channelCapacity   how many records may wait in the ring at most
 */
public record SequenceRingStats(long nextSequenceId, int reorderBufferSize, int maxWindowSize, int channelCapacity) {
}
