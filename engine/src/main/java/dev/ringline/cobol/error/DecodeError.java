package dev.ringline.cobol.error;

import java.util.Objects;

/**
 * One piece of bad data: where it is and what is wrong with it.
 *
 * @param recordSequence  0-based index of the record in the input
 * @param byteOffset      input offset of the record's first byte: its RDW for variable records (the same value as
 *                        the record's {@code _offset} in the data lines); for a framing failure, the offset of the
 *                        descriptor word or partial record that could not be framed
 * @param fieldPath       dotted path of the field ({@code CUSTOMER.BALANCE}), or {@code null} for a whole-record
 *                        (framing) error
 * @param code            the stable error code
 * @param message         what is wrong, without the location
 * @param fieldByteOffset input offset of the failing field's bad byte, or -1 when the error has no field
 */
public record DecodeError(long recordSequence, long byteOffset, String fieldPath, ErrorCode code, String message,
                          long fieldByteOffset) {
    /** Checks the code and message. */
    public DecodeError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** An error of a whole record (no field, {@link #fieldByteOffset()} -1). */
    public DecodeError(long recordSequence, long byteOffset, String fieldPath, ErrorCode code, String message) {
        this(recordSequence, byteOffset, fieldPath, code, message, -1);
    }

    /** The error of a framing failure (no field). */
    public static DecodeError of(FramingException e) {
        return new DecodeError(e.recordIndex(), e.byteOffset(), null, e.code(), e.detail());
    }

    /**
     * {@code record 12 at byte 5400, field CUSTOMER.BALANCE: BAD_PACKED_SIGN: bad packed sign nibble 0x3}
     * (without the {@code , field ...} part when there is no field). Allocates: for reporting only.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder(64 + message.length());
        sb.append("record ").append(recordSequence).append(" at byte ").append(byteOffset);
        if (fieldPath != null) {
            sb.append(", field ").append(fieldPath);
        }
        return sb.append(": ").append(code).append(": ").append(message).toString();
    }
}
