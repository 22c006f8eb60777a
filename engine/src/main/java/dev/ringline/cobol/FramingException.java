package dev.ringline.cobol;

/**
 * The input cannot be cut into records at some point: a trailing partial record ({@link ErrorCode#TRUNCATED_RECORD}),
 * a malformed descriptor word ({@link ErrorCode#BAD_RDW}, {@link ErrorCode#BAD_BDW}) or a length above the
 * configured maximum ({@link ErrorCode#RECORD_TOO_LONG}).
 */
public final class FramingException extends CobolException {
    private static final long serialVersionUID = 1L;

    private final long recordIndex;
    private final long byteOffset;

    public FramingException(ErrorCode code, String message, long recordIndex, long byteOffset) {
        super(code, message);
        this.recordIndex = recordIndex;
        this.byteOffset = byteOffset;
    }

    /** 0-based index the failing record would have had. */
    public long recordIndex() {
        return recordIndex;
    }

    /** Offset in the input of the failing record's (or block's) first byte, header included. */
    public long byteOffset() {
        return byteOffset;
    }
}
