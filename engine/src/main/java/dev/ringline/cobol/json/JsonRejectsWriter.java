package dev.ringline.cobol.json;

import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.DecodeError;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.memory.ByteVector;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes each rejected record as one JSON line (UTF-8, {@code \n}-terminated):
 * <pre>{@code
 * {"_record":12,"_offset":5400,"field":"CUSTOMER.BALANCE","_field_offset":5426,"code":"BAD_PACKED_SIGN","message":"...","raw":"8PHy..."}
 * }</pre>
 * {@code _offset} is the record's start in the input (its RDW for variable records), as in the data lines;
 * {@code _field_offset}, present only for field errors, is the input offset of the bad byte. {@code field} is
 * {@code null} for whole-record errors; {@code raw} is the standard Base64 (with padding) of the
 * record's bytes, so nothing is lost.
 *
 * <p>Costs: the line is assembled in a reused buffer and written with one {@code write} call per reject; the
 * message and field strings are escaped without allocating. Wrap the stream in a buffered one for many rejects.
 * Thread-confined: call from one thread. {@link #close()} flushes and closes the stream.
 */
public final class JsonRejectsWriter implements RejectsSink {
    private static final byte[] RECORD = "{\"_record\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] OFFSET = JsonKeys.encodeKey("_offset");
    private static final byte[] FIELD = JsonKeys.encodeKey("field");
    private static final byte[] FIELD_OFFSET = JsonKeys.encodeKey("_field_offset");
    private static final byte[] CODE = JsonKeys.encodeKey("code");
    private static final byte[] MESSAGE = JsonKeys.encodeKey("message");
    private static final byte[] RAW = JsonKeys.encodeKey("raw");
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] BASE64 =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final ByteVector line = new ByteVector(1024);
    private long count;

    /** Writes one JSON line per rejected record to {@code out}; {@link #close()} closes it. */
    public JsonRejectsWriter(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void reject(DecodeError error, byte[] raw, int off, int len) {
        Objects.checkFromIndexSize(off, len, raw.length);
        line.clear();
        line.append(RECORD);
        JsonNumbers.appendLong(error.recordSequence(), line);
        line.append(',').append(OFFSET);
        JsonNumbers.appendLong(error.byteOffset(), line);
        line.append(',').append(FIELD);
        if (error.fieldPath() == null) {
            line.append(NULL);
        } else {
            appendQuoted(error.fieldPath());
        }
        if (error.fieldByteOffset() >= 0) {
            line.append(',').append(FIELD_OFFSET);
            JsonNumbers.appendLong(error.fieldByteOffset(), line);
        }
        line.append(',').append(CODE);
        appendQuoted(error.code().name());
        line.append(',').append(MESSAGE);
        appendQuoted(error.message());
        line.append(',').append(RAW).append('"');
        appendBase64(raw, off, len, line);
        line.append('"').append('}').append('\n');
        try {
            line.writeTo(out);
        } catch (IOException e) {
            throw new CobolException(ErrorCode.IO_ERROR, "writing the reject of record " + error.recordSequence()
                    + ": " + e.getMessage(), e);
        }
        count++;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public void close() {
        try (OutputStream closing = out) {
            closing.flush();
        } catch (IOException e) {
            throw new CobolException(ErrorCode.IO_ERROR, "closing the rejects output: " + e.getMessage(), e);
        }
    }

    private void appendQuoted(String text) {
        line.append('"');
        JsonEscape.append(text, line);
        line.append('"');
    }

    /** Standard Base64 with padding, written in place. */
    static void appendBase64(byte[] src, int off, int len, ByteVector dst) {
        int at = dst.length();
        dst.setLength(at + (len + 2) / 3 * 4);
        byte[] a = dst.array();
        int i = off;
        int end = off + len;
        for (; end - i >= 3; i += 3) {
            int bits = (src[i] & 0xFF) << 16 | (src[i + 1] & 0xFF) << 8 | (src[i + 2] & 0xFF);
            a[at++] = BASE64[bits >>> 18];
            a[at++] = BASE64[(bits >>> 12) & 0x3F];
            a[at++] = BASE64[(bits >>> 6) & 0x3F];
            a[at++] = BASE64[bits & 0x3F];
        }
        int left = end - i;
        if (left > 0) {
            int bits = (src[i] & 0xFF) << 16 | (left == 2 ? (src[i + 1] & 0xFF) << 8 : 0);
            a[at++] = BASE64[bits >>> 18];
            a[at++] = BASE64[(bits >>> 12) & 0x3F];
            a[at++] = left == 2 ? BASE64[(bits >>> 6) & 0x3F] : (byte) '=';
            a[at] = '=';
        }
    }
}
