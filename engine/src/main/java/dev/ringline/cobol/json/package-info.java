/**
 * A record to a JSON line: {@link dev.ringline.cobol.json.RecordDecoder} compiles a layout once and writes each
 * record with the codecs, without allocating, as {@link dev.ringline.cobol.json.JsonOptions} say. Also the JSON
 * text, key, number and escape helpers (package-private), the text {@link dev.ringline.cobol.json.Trim}, and the
 * rejects output ({@link dev.ringline.cobol.json.RejectsSink}, {@link dev.ringline.cobol.json.JsonRejectsWriter}).
 *
 * <p>A layout of fixed offsets is compiled to a flat plan and the plan to a hidden class per layout, generated with
 * ASM ({@code PlanCompiler}); the plan's interpreter handles what the generated code leaves (short records, values
 * the direct writers decline).
 *
 * <p>May use: {@code error}, {@code codec}, {@code copybook} and {@code framing} of {@code dev.ringline.cobol},
 * and {@code dev.ringline.buffer}. Not the facade above it.
 */
package dev.ringline.cobol.json;
