/**
 * The Java port of the original Rust memory module's API, built on the engine: the byte accounting that bounds a
 * stream ({@code StreamingProcessor}, a {@link dev.ringline.pipeline.MemoryBudget}), an ordered worker pool over
 * the pipeline ({@code WorkerPool}) and a standalone reordering ring ({@code SequenceRing}), with their statistics
 * records. The reusable buffers of the original ({@code ScratchBuffers}, {@code DigitBuffer}) live in
 * {@code dev.ringline.buffer}.
 *
 * <p>May use: the JDK, {@code dev.ringline.buffer} and {@code dev.ringline.pipeline}. Must not use
 * {@code dev.ringline.cobol} (checked by {@code ArchitectureTest}).
 */
package dev.ringline.memory;
