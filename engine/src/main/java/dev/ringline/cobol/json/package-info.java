/**
 * A record to a JSON line: {@link dev.ringline.cobol.json.RecordDecoder} compiles a layout once and writes each
 * record with the codecs, without allocating, as {@link dev.ringline.cobol.json.JsonOptions} say. Also the JSON
 * text, key, number and escape helpers (package-private), the text {@link dev.ringline.cobol.json.Trim}, and the
 * rejects output ({@link dev.ringline.cobol.json.RejectsSink}, {@link dev.ringline.cobol.json.JsonRejectsWriter}).
 *
 * <p>May use: {@code error}, {@code codec}, {@code copybook} and {@code framing} of {@code dev.ringline.cobol},
 * and {@code dev.ringline.memory}. Not the facade above it.
 */
package dev.ringline.cobol.json;
