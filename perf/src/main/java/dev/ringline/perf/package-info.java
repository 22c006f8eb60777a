/**
 * Measurements: JMH benchmarks (codecs, engine overhead, rings, worker pool) and the end-to-end harness that
 * decodes generated files with each variant (bare, pipeline, executor, ceiling) and reports throughput, latency,
 * memory and idle CPU.
 *
 * <p>May use: the engine module (public API) and JMH; nothing depends on it.
 */
package dev.ringline.perf;
