package dev.ringline.cobol;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The output side shared by the ordered stages of encode and decode: writes to the stream counting bytes, and
 * remembers what stopped the stage (an abort, an I/O error, an internal failure) so the caller can rethrow the real
 * cause once the pipeline has ended. Confined to the ordered-stage thread until then.
 */
final class OrderedOutput {
    private final OutputStream out;
    private long bytesWritten;
    private DecodeAbortedException aborted;
    private IOException ioFailure;
    private Throwable failure;

    OrderedOutput(OutputStream out) {
        this.out = out;
    }

    /** Writes bytes; an I/O error is remembered and thrown unchecked, as the ordered stage cannot throw it. */
    void emit(byte[] bytes, int off, int len) {
        try {
            out.write(bytes, off, len);
            bytesWritten += len;
        } catch (IOException e) {
            ioFailure = e;
            throw new UncheckedIOException(e);
        }
    }

    long bytesWritten() {
        return bytesWritten;
    }

    /** Remembers the abort that stops the run and returns it, for {@code throw output.abort(...)}. */
    DecodeAbortedException abort(DecodeAbortedException abort) {
        aborted = abort;
        return abort;
    }

    /** Remembers the first failure of the ordered stage, to be rethrown by {@link #throwIfFailed}. */
    void remember(Throwable e) {
        if (failure == null) {
            failure = e;
        }
    }

    /** Rethrows what stopped the ordered stage, if anything: an abort, an I/O error, or an internal failure. */
    void throwIfFailed() throws IOException {
        if (aborted != null) {
            flushQuietly();
            throw aborted;
        }
        if (ioFailure != null) {
            throw ioFailure;
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
    }

    void flush() throws IOException {
        out.flush();
    }

    private void flushQuietly() {
        try {
            out.flush();
        } catch (IOException ignored) {
            // the original failure is what the caller needs to see
        }
    }
}
