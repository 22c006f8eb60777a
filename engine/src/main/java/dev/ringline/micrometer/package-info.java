/**
 * Micrometer metrics for a decode: {@link dev.ringline.micrometer.RinglineMetrics} is a
 * {@link dev.ringline.cobol.DecodeMetrics} listener and a Micrometer {@code MeterBinder}. Micrometer is an optional
 * dependency of the engine: only a host that uses this package needs {@code io.micrometer:micrometer-core}. Uses
 * {@code dev.ringline.cobol} (the listener interface) and nothing else of the engine; nothing in the engine uses it
 * (checked by {@code ArchitectureTest}).
 */
package dev.ringline.micrometer;
