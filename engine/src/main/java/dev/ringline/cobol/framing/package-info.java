/**
 * Input to records: {@link dev.ringline.cobol.framing.RecordReader} cuts a byte channel into fixed-length, RDW
 * (variable) or VB (blocked) records as {@link dev.ringline.cobol.framing.FramingOptions} say, or by a
 * {@link dev.ringline.cobol.framing.RecordLengthFunction} for OCCURS DEPENDING ON. Bad descriptors and truncated
 * input are {@code FramingException}s.
 *
 * <p>May use: {@code dev.ringline.cobol.error}, the lower cobol packages (it needs none today) and
 * {@code dev.ringline.memory} (buffers).
 */
package dev.ringline.cobol.framing;
