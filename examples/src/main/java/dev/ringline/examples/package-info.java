/**
 * Small runnable programs that show how to embed the engine: ordered worker pools, memory-bounded streaming,
 * scratch reuse, latency reports and a service-style ETL loop. Each has a {@code main}; the tests run them.
 *
 * <p>May use: the public API of the engine module only, so they stay honest examples.
 */
package dev.ringline.examples;
