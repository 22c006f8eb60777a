/**
 * JSON lines to records, the inverse of {@code dev.ringline.cobol.json}: {@link
 * dev.ringline.cobol.encode.RecordEncoder} compiles a layout once and encodes each JSON object with the field codecs,
 * strictly (a value that does not fit its PICTURE rejects the line with its JSON path), as {@link
 * dev.ringline.cobol.encode.EncoderOptions} say; the JSON is read by a small package-private cursor over the bytes.
 *
 * <p>May use: {@code error}, {@code codec}, {@code copybook}, {@code framing} and {@code json} of
 * {@code dev.ringline.cobol}, and {@code dev.ringline.memory}. Not the facade above it.
 */
package dev.ringline.cobol.encode;
