package dev.ringline.cobol;

/**
 * The host's {@link DecodeMetrics} for one run, plus what that run published and delivered, so a run that stops
 * early can report what it left in flight ({@link DecodeMetrics#abandoned}) and the host's gauges return to zero.
 */
final class RunMetrics implements DecodeMetrics {
    private final DecodeMetrics host;
    /** Producer thread. */
    private long publishedBatches;
    private long publishedRecords;
    private long publishedBytes;
    /** Ordered-stage thread; read by the producer once the stage has ended (volatile: once per batch). */
    private volatile long deliveredBatches;
    private volatile long deliveredRecords;
    private volatile long deliveredBytes;

    private RunMetrics(DecodeMetrics host) {
        this.host = host;
    }

    /** Null when the host has none: the decode skips every metrics call then. */
    static RunMetrics of(DecodeMetrics host) {
        return host == null ? null : new RunMetrics(host);
    }

    @Override
    public void started(int capacity, long maxInputBytesInFlight) {
        host.started(capacity, maxInputBytesInFlight);
    }

    @Override
    public void published(int records, long inputBytes) {
        publishedBatches++;
        publishedRecords += records;
        publishedBytes += inputBytes;
        host.published(records, inputBytes);
    }

    @Override
    public void delivered(int written, int withFieldErrors, int rejected, long inputBytes, long latencyNanos) {
        // the batch's published records and bytes, which is what the host's in-flight state holds for it
        deliveredBatches++;
        deliveredRecords += written + withFieldErrors + rejected;
        deliveredBytes += inputBytes;
        host.delivered(written, withFieldErrors, rejected, inputBytes, latencyNanos);
    }

    /** After the run's threads ended: tells the host what was published and never delivered, if anything. */
    void ended() {
        long batches = publishedBatches - deliveredBatches;
        if (batches > 0) {
            host.abandoned((int) batches, publishedRecords - deliveredRecords, publishedBytes - deliveredBytes);
        }
    }
}
