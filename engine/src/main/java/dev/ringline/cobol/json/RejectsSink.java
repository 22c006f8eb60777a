package dev.ringline.cobol.json;

import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.DecodeError;
import dev.ringline.cobol.error.ErrorCode;

/**
 * Where bad records go, with the error that sent them there. Called from one thread (the one that keeps input
 * order); implementations need not be thread-safe.
 */
public interface RejectsSink extends AutoCloseable {
    /**
     * Takes one error and the raw bytes of its record ({@code raw[off, off+len)}, header excluded, or for a
     * truncated tail every byte left). The bytes are only valid during the call.
     */
    void reject(DecodeError error, byte[] raw, int off, int len);

    /** Number of {@link #reject} calls so far. */
    long count();

    /** Flushes and releases the sink; failures surface as {@link CobolException} with {@link ErrorCode#IO_ERROR}. */
    @Override
    void close();

    /** A sink that keeps nothing and only counts. */
    static RejectsSink discarding() {
        return new CountingRejectsSink();
    }
}
