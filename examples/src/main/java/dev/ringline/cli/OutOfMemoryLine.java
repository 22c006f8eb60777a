package dev.ringline.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The one line printed when the heap ran out, rendered before any work: building it at that moment allocates, the
 * allocation fails again, and the user got exit 5 with nothing on stderr. If even printing the ready line through
 * the command's writer fails, its bytes go straight to file descriptor 2, which allocates nothing on the heap.
 */
final class OutOfMemoryLine {
    private static final String LINE = "ringline: " + Failures.outOfMemoryMessage();
    private static final byte[] BYTES = (LINE + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
    private static final FileOutputStream STDERR = new FileOutputStream(FileDescriptor.err);

    private OutOfMemoryLine() {
    }

    /** Renders the line now, while there is memory (loading this class does it). */
    static void prepare() {
        // class initialization above did the work
    }

    /** Prints the line to {@code err}, or to file descriptor 2 if that fails; returns the exit code. */
    static int print(PrintWriter err) {
        try {
            err.println(LINE);
            err.flush();
            if (!err.checkError()) {
                return ExitCodes.INTERNAL;
            }
        } catch (OutOfMemoryError stillNone) {
            // fall through to the descriptor
        }
        try {
            STDERR.write(BYTES);
        } catch (IOException ignored) {
            // nothing left to tell the user with: the exit code says it
        }
        return ExitCodes.INTERNAL;
    }
}
