/**
 * The Spark connector: {@code spark.read.format("ringline")} reads COBOL files as DataFrames through DataSource V2
 * ({@link dev.ringline.spark.RinglineSource}). The schema comes from the copybook, rows are decoded by the engine's
 * typed {@link dev.ringline.cobol.row.RowDecoder} straight into Spark's row types, only the selected columns are
 * decoded, and files are split without a serial pre-pass (fixed: whole records; RDW/VB: each split finds its first
 * boundary with {@link dev.ringline.cobol.framing.RecordReader#boundaryAfter} and verifies that its last record
 * ends exactly where the next split starts). {@code split_strategy = index} lists true boundaries in one pass per
 * file on the driver instead ({@link dev.ringline.spark.SplitIndex}); fixed-format records as long as their content
 * ({@code variable_occurs}) are always split that way, or read whole. Each executor JVM compiles a read's layout and
 * decoder once ({@link dev.ringline.spark.CompiledReads}). Rows are written into reused
 * {@code UnsafeRow}s, with no object per record; bad records can go to per-task rejects files published when the
 * task succeeds, and to an opt-in raw-bytes column.
 *
 * <p>Uses only Java interfaces of Spark (no Scala collections), so one jar serves Spark 3.5 and 4.x; uses the
 * engine's public API.
 */
package dev.ringline.spark;
