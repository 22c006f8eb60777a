package dev.ringline.cobol.codec;

import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.ErrorCode;

/**
 * A field's bytes (or, when encoding, a value) do not fit the field's format. Carries the {@link ErrorCode} and,
 * where known, the index of the offending byte within the field.
 *
 * <p>Created without a stack trace: bad data can be frequent when the caller skips bad records, and the trace
 * would cost more than the decode. The message and {@link #byteIndex()} locate the problem instead.
 */
public final class FieldDecodeException extends CobolException {
    private static final long serialVersionUID = 1L;

    /** {@link #byteIndex()} when no single byte is to blame. */
    public static final int NO_BYTE_INDEX = -1;

    private final int byteIndex;

    FieldDecodeException(ErrorCode code, String message) {
        this(code, message, NO_BYTE_INDEX);
    }

    FieldDecodeException(ErrorCode code, String message, int byteIndex) {
        super(code, message, null, false, false);
        this.byteIndex = byteIndex;
    }

    /** Index of the offending byte within the field (0-based), or {@link #NO_BYTE_INDEX}. */
    public int byteIndex() {
        return byteIndex;
    }

    /** {@code 0x4F}-style hex of the low 8 bits. */
    static String hex(int b) {
        String digits = Integer.toHexString(b & 0xFF).toUpperCase(java.util.Locale.ROOT);
        return digits.length() == 1 ? "0x0" + digits : "0x" + digits;
    }

    /** An error blamed on byte {@code index} of a field, with its value in the message. */
    static FieldDecodeException atByte(ErrorCode code, String what, byte[] src, int off, int index) {
        return new FieldDecodeException(code, what + " in byte " + index + " (" + hex(src[off + index]) + ")", index);
    }
}
