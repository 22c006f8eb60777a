package dev.ringline.pipeline;

/**
 * A snapshot of a pipeline's counters. Peaks are observed by the producer at each publish.
 *
 * @param workers            worker threads
 * @param capacity           the in-flight bound in records
 * @param published          records published (the next sequence ID to claim)
 * @param delivered          records handed to the consumer, successes and failures
 * @param failed             records whose processing threw
 * @param inFlight           published but not yet released
 * @param peakInFlight       the most records ever in flight
 * @param bytesInFlight      bytes accounted to records in flight
 * @param peakBytesInFlight  the most bytes ever in flight
 * @param maxBytesInFlight   the byte bound (the memory limit), or 0 when bytes are not bounded
 */
public record PipelineStats(int workers, int capacity, long published, long delivered, long failed, long inFlight,
                            long peakInFlight, long bytesInFlight, long peakBytesInFlight, long maxBytesInFlight) {
}
