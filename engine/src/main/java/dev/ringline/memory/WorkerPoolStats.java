package dev.ringline.memory;

/**
 * A snapshot of a {@link WorkerPool}.
 *
 * @param numWorkers        worker threads
 * @param nextInputSequence sequence ID the next submitted input gets (= inputs submitted)
 * @param inFlight          submitted but not yet received
 * @param completed         results received, failures included
 * @param failed            results that were failures
 * @param channelCapacity   as constructed: the most inputs in flight
 * @param maxWindowSize     as constructed: the most results held out of order
 */
public record WorkerPoolStats(int numWorkers, long nextInputSequence, long inFlight, long completed, long failed,
                              int channelCapacity, int maxWindowSize) {
}
