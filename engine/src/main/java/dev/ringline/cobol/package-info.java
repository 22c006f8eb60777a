/**
 * The decoder's front door: {@link dev.ringline.cobol.CobolDecoder} reads a record stream and writes one JSON line
 * per record, in input order, on the ordered pipeline; {@link dev.ringline.cobol.DecodeOptions} says how, with an
 * {@link dev.ringline.cobol.ErrorPolicy} for bad data and a {@link dev.ringline.cobol.DecodeProgress} listener; the
 * run ends with a {@link dev.ringline.cobol.DecodeSummary} or a {@link dev.ringline.cobol.DecodeAbortedException}.
 * A layout comes from {@link dev.ringline.cobol.copybook.Copybook}. Embedding hosts get records one by one instead:
 * a {@link dev.ringline.cobol.RecordHandler} callback with a {@link dev.ringline.cobol.DecodedRecord} cursor, or a
 * {@link dev.ringline.cobol.RecordPublisher} ({@code Flow.Publisher}) or {@code Stream} of
 * {@link dev.ringline.cobol.RecordSnapshot}s; both read typed values by a {@link dev.ringline.cobol.FieldPath} resolved
 * once on a {@link dev.ringline.cobol.TypedLayout} ({@link dev.ringline.cobol.TypedRecord}).
 *
 * <p>The sub-packages, lowest first, follow the data: {@code error} (codes and the base exception),
 * {@code codec} (bytes of one field to a value), {@code copybook} (text to a record layout), {@code framing}
 * (input to records), {@code json} (a record to a JSON line), {@code row} (a record to typed values), {@code encode}
 * (a JSON line back to a record, which {@link dev.ringline.cobol.CobolEncoder} runs with
 * {@link dev.ringline.cobol.EncodeOptions}) and {@code schema} (the JSON Schema and Avro schema of what a decode
 * writes, exported by {@link dev.ringline.cobol.CobolDecoder}). {@link dev.ringline.cobol.DecodeMetrics} reports
 * each batch to a metrics binding such as {@code dev.ringline.micrometer.RinglineMetrics}. Each may use only the
 * ones before it ({@code row}, {@code encode} and {@code schema} not each other); this package uses them all, plus
 * {@code dev.ringline.pipeline}, {@code dev.ringline.memory}
 * and {@code dev.ringline.buffer} (checked by {@code ArchitectureTest}).
 */
package dev.ringline.cobol;
