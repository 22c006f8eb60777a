/**
 * The engine: {@link dev.ringline.pipeline.OrderedPipeline} runs a record function on N workers over the
 * preallocated slots of a Disruptor ring and hands results to one consumer strictly in input order, with a bounded
 * number of records (and, with a {@link dev.ringline.pipeline.MemoryBudget}, bytes) in flight. Here live the
 * pipeline, its worker and slot types, the idle strategy ({@code Backoff}, {@code WakeSignal}), the user-facing
 * callbacks ({@code SlotWriter}, {@code RecordProcessor}, {@code RecordConsumer}) and the errors it throws.
 *
 * <p>May use: the Disruptor, HdrHistogram and {@code dev.ringline.buffer} (the workers' scratch buffers). Must not
 * use {@code dev.ringline.memory} (the port of the Rust API is built on the engine, not the other way round) nor
 * {@code dev.ringline.cobol}: the engine knows nothing about the records it moves (checked by
 * {@code ArchitectureTest}).
 */
package dev.ringline.pipeline;
