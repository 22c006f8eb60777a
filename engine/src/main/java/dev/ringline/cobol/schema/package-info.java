/**
 * Schemas of what a decode writes: {@link dev.ringline.cobol.schema.JsonLineSchema} (JSON Schema draft 2020-12 of
 * the JSON lines, exactly as {@code RecordDecoder} writes them for a layout and a set of
 * {@link dev.ringline.cobol.json.JsonOptions}) and {@link dev.ringline.cobol.schema.AvroSchema} (the same records as
 * an Avro schema with decimal logical types). Both follow one package-private walk of the layout, {@code Shape},
 * that applies the JSON writer's key rules (FILLER, unique keys, segments, metadata). Uses {@code error},
 * {@code codec}, {@code copybook} and {@code json}; only the facade uses it (checked by {@code ArchitectureTest}).
 */
package dev.ringline.cobol.schema;
