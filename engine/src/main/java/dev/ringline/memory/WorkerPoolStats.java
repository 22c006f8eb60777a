package dev.ringline.memory;

/**
 * A snapshot of a {@link WorkerPool}.
 *
 * @param numWorkers        worker threads
 * @param nextInputSequence sequence ID the next submitted input gets (= inputs submitted)
 * @param inFlight          submitted but not yet received
 * @param completed         results received, failures included
 * @param failed            results that were failures
 * @param channelCapacity   as constructed
 * @param maxWindowSize     as constructed
 * @param inFlightBound     the enforced bound: min(channelCapacity, maxWindowSize)
 */
public record WorkerPoolStats(int numWorkers, long nextInputSequence, long inFlight, long completed, long failed,
                              int channelCapacity, int maxWindowSize, int inFlightBound) {
}
