/**
 * Reusable byte buffers, a leaf that depends on nothing else in Ringline: {@code ByteVector}, {@code DigitBuffer}
 * and the per-worker {@code ScratchBuffers} that every pipeline worker owns and clears before each record.
 *
 * <p>May use: the JDK only (checked by {@code ArchitectureTest}).
 */
package dev.ringline.buffer;
