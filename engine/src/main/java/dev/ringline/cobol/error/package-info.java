/**
 * What can go wrong, shared by every layer of the decoder: the stable {@link dev.ringline.cobol.error.ErrorCode}s,
 * the base {@link dev.ringline.cobol.error.CobolException}, the {@link dev.ringline.cobol.error.DecodeError} that
 * locates bad data (record, byte offset, field), and the record-level exceptions built from it
 * ({@code FramingException}, {@code RecordDecodeException}). Exceptions whose constructors only one layer may call
 * live in that layer ({@code CopybookException}, {@code FieldDecodeException}).
 *
 * <p>May use: the JDK only. It is the bottom layer: every other {@code dev.ringline.cobol} package may use it.
 */
package dev.ringline.cobol.error;
