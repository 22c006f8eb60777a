package dev.ringline.cobol.error;

import java.util.Objects;

/**
 * One piece of bad data: where it is and what is wrong with it.
 *
 * @param recordSequence 0-based index of the record in the input
 * @param byteOffset     input offset of the record's first byte (header included)
 * @param fieldPath      dotted path of the field ({@code CUSTOMER.BALANCE}), or {@code null} for a whole-record
 *                       (framing) error
 * @param code           the stable error code
 * @param message        what is wrong, without the location
 */
public record DecodeError(long recordSequence, long byteOffset, String fieldPath, ErrorCode code, String message) {
    public DecodeError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
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
