package dev.ringline.cobol.json;

import dev.ringline.cobol.error.DecodeError;

/** {@link RejectsSink#discarding()}: counts and forgets. */
final class CountingRejectsSink implements RejectsSink {
    private long count;

    @Override
    public void reject(DecodeError error, byte[] raw, int off, int len) {
        count++;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public void close() {
        // nothing held
    }
}
