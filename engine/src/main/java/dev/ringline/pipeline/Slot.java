package dev.ringline.pipeline;

/**
 * One preallocated ring entry: the user's reusable event plus what the engine tracks about the record in it.
 * Written by the producer, then the owning worker, then read by the ordered stage; the Disruptor's sequences
 * order those writes, so the fields need no volatile.
 */
final class Slot<E> {
    /** Marks a record skipped because the pipeline stopped; never delivered (the ordered stage stops first). */
    static final Throwable ABORTED = new java.util.concurrent.CancellationException("pipeline stopped");

    final E event;
    /** What the worker threw for this record, delivered in order instead of the result. */
    Throwable failure;
    /** Bytes accounted to the memory bound for this record, released when the slot is. */
    long bytes;
    /** {@link System#nanoTime()} at claim, for claim-to-release latency. */
    long claimNanos;

    Slot(E event) {
        this.event = event;
    }
}
