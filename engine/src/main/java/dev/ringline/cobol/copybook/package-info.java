/**
 * Copybook text to record layouts: {@link dev.ringline.cobol.copybook.Copybook#parse} runs the source reader,
 * lexer and parser (package-private), then the layout builder, which resolves PICTURE, USAGE, OCCURS, REDEFINES
 * and sizes into an immutable {@link dev.ringline.cobol.copybook.RecordLayout} of
 * {@link dev.ringline.cobol.copybook.Field}s. Syntax and limit errors are
 * {@link dev.ringline.cobol.copybook.CopybookException}s with a line and column.
 * {@link dev.ringline.cobol.copybook.Segments} and its compiled {@link dev.ringline.cobol.copybook.SegmentSelector}
 * choose REDEFINES views per record; {@link dev.ringline.cobol.copybook.UniqueKeys} keeps JSON keys unique.
 *
 * <p>May use: {@code dev.ringline.cobol.error} and {@code dev.ringline.cobol.codec} (numeric formats, binary
 * sizes).
 */
package dev.ringline.cobol.copybook;
