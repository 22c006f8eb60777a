/**
 * The engine: {@link dev.ringline.pipeline.OrderedPipeline} runs a record function on N workers over the
 * preallocated slots of a Disruptor ring and hands results to one consumer strictly in input order, with a bounded
 * number of records (and, with a {@link dev.ringline.memory.StreamingProcessor}, bytes) in flight. Here live the
 * pipeline, its worker and slot types, the idle strategy ({@code Backoff}, {@code WakeSignal}) and the user-facing
 * callbacks ({@code SlotWriter}, {@code RecordProcessor}, {@code RecordConsumer}).
 *
 * <p>May use: the Disruptor and {@code dev.ringline.memory} (scratch buffers, the memory bound). Must not use
 * {@code dev.ringline.cobol}: the engine knows nothing about the records it moves (checked by
 * {@code ArchitectureTest}).
 */
package dev.ringline.pipeline;
