package dev.ringline.perf;

import java.io.OutputStream;
import java.util.zip.CRC32C;

/** Discards the JSON output, counting its bytes and, when asked, folding them into a CRC32C to compare variants. */
final class OutputSink extends OutputStream {
    private final CRC32C crc;
    private long bytes;

    OutputSink(boolean checksum) {
        this.crc = checksum ? new CRC32C() : null;
    }

    @Override
    public void write(int b) {
        bytes++;
        if (crc != null) {
            crc.update(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        bytes += len;
        if (crc != null) {
            crc.update(b, off, len);
        }
    }

    /** Counts bytes produced elsewhere without passing them through (the ceiling variant). */
    void count(long produced) {
        bytes += produced;
    }

    long bytes() {
        return bytes;
    }

    long checksum() {
        return crc == null ? 0 : crc.getValue();
    }
}
