package dev.ringline.cobol.framing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.List;

/** Test-side writers of framed streams, and a channel that hands out data in small pieces. */
final class RecordStreams {
    private RecordStreams() {
    }

    static byte[] concat(List<byte[]> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        records.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** IBM RDW: big-endian length in bytes 0-1 including the header, bytes 2-3 zero. */
    static byte[] ibmRdw(List<byte[]> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] r : records) {
            int len = r.length + 4;
            out.write(len >>> 8);
            out.write(len);
            out.write(0);
            out.write(0);
            out.writeBytes(r);
        }
        return out.toByteArray();
    }

    /** Cobrix default RDW: payload-only length, little-endian, in bytes 2-3. */
    static byte[] littleEndianPayloadRdw(List<byte[]> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] r : records) {
            out.write(0);
            out.write(0);
            out.write(r.length);
            out.write(r.length >>> 8);
            out.writeBytes(r);
        }
        return out.toByteArray();
    }

    /** VB: records grouped {@code perBlock} at a time into blocks with a BDW (extended when asked). */
    static byte[] vb(List<byte[]> records, int perBlock, boolean extendedBdw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < records.size(); i += perBlock) {
            List<byte[]> block = records.subList(i, Math.min(records.size(), i + perBlock));
            byte[] body = ibmRdw(block);
            int len = body.length + 4;
            if (extendedBdw) {
                out.write(0x80 | (len >>> 24));
                out.write(len >>> 16);
                out.write(len >>> 8);
                out.write(len);
            } else {
                out.write(len >>> 8);
                out.write(len);
                out.write(0);
                out.write(0);
            }
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** A channel over {@code data} that returns at most {@code chunk} bytes per read. */
    static ReadableByteChannel chunked(byte[] data, int chunk) {
        return new ReadableByteChannel() {
            private int pos;
            private boolean open = true;

            @Override
            public int read(ByteBuffer dst) {
                if (pos == data.length) {
                    return -1;
                }
                int n = Math.min(Math.min(chunk, dst.remaining()), data.length - pos);
                dst.put(data, pos, n);
                pos += n;
                return n;
            }

            @Override
            public boolean isOpen() {
                return open;
            }

            @Override
            public void close() {
                open = false;
            }
        };
    }
}
