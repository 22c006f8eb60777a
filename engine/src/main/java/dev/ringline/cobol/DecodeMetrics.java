package dev.ringline.cobol;

/**
 * Told about every batch a decode moves through its ring: when the producer publishes it and when the ordered stage
 * has delivered it. Primitive arguments only, once per batch (about 64 KiB of input), never per record, so a
 * listener costs nothing on the hot path. A Micrometer binding is {@code dev.ringline.micrometer.RinglineMetrics};
 * a latency histogram is a few lines over {@link #delivered}.
 *
 * <p>A run that stops early (an error policy's abort, a failure, a cancelled publisher, a closed stream) tells
 * {@link #abandoned} what it published and never delivered, so in-flight state returns to zero.
 *
 * <p>{@link #started}, {@link #published} and {@link #abandoned} run on the thread that calls {@link CobolDecoder#decode},
 * {@link #delivered} on the ordered-stage thread (the caller's for {@link CobolDecoder#decodeSequential}): an
 * implementation that keeps counts read elsewhere must publish them safely (atomics, volatile fields).
 */
public interface DecodeMetrics {
    /**
     * A decode starts.
     *
     * @param capacity             batches the ring holds at most ({@link DecodeOptions#capacity()})
     * @param maxInputBytesInFlight input bytes in flight at most ({@link DecodeOptions#maxInputBytesInFlight()})
     */
    default void started(int capacity, long maxInputBytesInFlight) {
    }

    /**
     * A batch entered the ring (it is counted as in flight until {@link #delivered}).
     *
     * @param records    records framed into it
     * @param inputBytes their input bytes
     */
    void published(int records, long inputBytes);

    /**
     * A batch left the ring, in input order: its JSON was written and its rejects handed to the sinks. The three
     * record counts are disjoint and add up to the records of the batch (a truncated last record and skipped ranges
     * included in {@code rejected} and {@code inputBytes}).
     *
     * @param written          records written with every field decoded
     * @param withFieldErrors  records written with at least one field nulled by a lenient policy
     * @param rejected         records rejected
     * @param inputBytes       input bytes the batch accounted for (decoded and rejected)
     * @param latencyNanos     from the producer's claim of the batch to its delivery
     */
    void delivered(int written, int withFieldErrors, int rejected, long inputBytes, long latencyNanos);

    /**
     * The run stopped early and will never deliver these batches (published, not delivered): once, after its
     * threads ended, only when something was left in flight. Their records are neither written nor rejected.
     *
     * @param batches    batches published and not delivered
     * @param records    their records
     * @param inputBytes their input bytes, as reported by {@link #published}
     */
    default void abandoned(int batches, long records, long inputBytes) {
    }
}
