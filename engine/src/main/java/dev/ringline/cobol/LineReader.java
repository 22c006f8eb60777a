package dev.ringline.cobol;

import dev.ringline.buffer.ByteVector;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Cuts a channel into lines ({@code \n}, an optional {@code \r} before it dropped; the last line needs no newline)
 * and appends each one to a caller's buffer, so a line's bytes are copied once. A line longer than the limit is
 * skipped up to its newline and reported as too long, so one bad line cannot exhaust memory. One thread.
 */
final class LineReader {
    private final ReadableByteChannel channel;
    private final int maxLineLength;
    private final ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
    private boolean eof;
    private long offset;
    private long lineOffset;
    private boolean tooLong;

    LineReader(ReadableByteChannel channel, int maxLineLength) {
        this.channel = channel;
        this.maxLineLength = maxLineLength;
        buf.flip();
    }

    /**
     * Appends the next line to {@code out}; false at the end of the input. After it, {@link #lineOffset()} is the
     * line's input offset and {@link #tooLong()} says whether it was skipped (nothing appended) for its length.
     */
    boolean appendNext(ByteVector out) throws IOException {
        lineOffset = offset;
        tooLong = false;
        int mark = out.length();
        long length = 0;
        boolean any = false;
        while (true) {
            if (!buf.hasRemaining()) {
                if (!fill()) {
                    if (!any) {
                        return false;
                    }
                    break;
                }
            }
            any = true;
            byte[] a = buf.array();
            int from = buf.position();
            int to = buf.limit();
            int nl = from;
            while (nl < to && a[nl] != '\n') {
                nl++;
            }
            int n = nl - from;
            if (!tooLong) {
                if (length + n > maxLineLength) {
                    tooLong = true;
                    out.truncate(mark);
                } else {
                    out.append(a, from, n);
                }
            }
            length += n;
            offset += n;
            if (nl < to) {
                buf.position(nl + 1);
                offset++;
                break;
            }
            buf.position(to);
        }
        if (!tooLong && out.length() > mark && out.byteAt(out.length() - 1) == '\r') {
            out.truncate(out.length() - 1);
        }
        return true;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        buf.clear();
        int n;
        do {
            n = channel.read(buf);
        } while (n == 0);
        buf.flip();
        if (n < 0) {
            eof = true;
            return false;
        }
        return true;
    }

    /** Input offset of the line last returned. */
    long lineOffset() {
        return lineOffset;
    }

    /** The line last returned was longer than the limit and skipped. */
    boolean tooLong() {
        return tooLong;
    }

    /** Bytes consumed so far, newlines included. */
    long bytesRead() {
        return offset;
    }
}
