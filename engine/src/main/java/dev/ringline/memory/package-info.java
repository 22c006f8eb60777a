/**
 * Memory-bounded building blocks around the engine: reusable byte buffers ({@code ByteVector},
 * {@code DigitBuffer}, per-worker {@code ScratchBuffers}), the byte accounting that bounds a stream
 * ({@code StreamingProcessor}), an ordered worker pool over the pipeline ({@code WorkerPool}) and a standalone
 * reordering ring ({@code SequenceRing}), with their statistics records.
 *
 * <p>May use: the JDK and {@code dev.ringline.pipeline} ({@code WorkerPool} is built on it; the engine-faults
 * issue is removing the remaining pipeline/memory cycle). Must not use {@code dev.ringline.cobol} (checked by
 * {@code ArchitectureTest}).
 */
package dev.ringline.memory;
