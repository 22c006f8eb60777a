package dev.ringline.pipeline;

/**
 * Claim-to-release latency of the records an {@link OrderedPipeline} released so far, in nanoseconds: a plain
 * copy of its histogram's percentiles ({@link OrderedPipeline#latency()}), so the public API needs no histogram
 * type. {@link OrderedPipeline#writeLatencyDistribution} writes the whole distribution.
 *
 * @param count     records measured
 * @param p50Nanos  median
 * @param p90Nanos  90th percentile
 * @param p99Nanos  99th percentile
 * @param p999Nanos 99.9th percentile
 * @param maxNanos  the slowest
 */
public record LatencySnapshot(long count, long p50Nanos, long p90Nanos, long p99Nanos, long p999Nanos,
                              long maxNanos) {
}
