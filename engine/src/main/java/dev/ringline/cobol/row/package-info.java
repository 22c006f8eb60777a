/**
 * A record to typed values: {@link dev.ringline.cobol.row.RowDecoder} compiles a layout once into
 * {@link dev.ringline.cobol.row.RowColumn}s (int, long, exact decimal, float, double, UTF-8 text, group, array) and
 * hands each record's values to a {@link dev.ringline.cobol.row.RowSink} the caller implements: a Spark row, a
 * Parquet writer, an ETL object. It is the typed sibling of the JSON writer: same codecs, same conventions (FILLER
 * omitted or kept, every REDEFINES view, OCCURS DEPENDING ON at the counter's count, variable positions after it when
 * asked), no text formatting in between.
 *
 * <p>May use: {@code error}, {@code codec}, {@code copybook}, {@code framing} and {@code json} (for
 * {@link dev.ringline.cobol.json.Trim}) of {@code dev.ringline.cobol}, and {@code dev.ringline.buffer}. Not the
 * facade above it.
 */
package dev.ringline.cobol.row;
