package dev.ringline.cobol.error;

/**
 * The input cannot be cut into records at some point: a trailing partial record ({@link ErrorCode#TRUNCATED_RECORD}),
 * a malformed descriptor word ({@link ErrorCode#BAD_RDW}, {@link ErrorCode#BAD_BDW}) or a length above the
 * configured maximum ({@link ErrorCode#RECORD_TOO_LONG}).
 */
public final class FramingException extends CobolException {
    private static final long serialVersionUID = 1L;

    private final long recordIndex;
    private final long byteOffset;
    private final String detail;

    /**
     * @param detail what is wrong, without the location; the message is
     *               {@code record N at byte X: CODE: detail}, as {@link DecodeError#describe()} writes it
     */
    public FramingException(ErrorCode code, String detail, long recordIndex, long byteOffset) {
        super(code, "record " + recordIndex + " at byte " + byteOffset + ": " + code + ": " + detail);
        this.recordIndex = recordIndex;
        this.byteOffset = byteOffset;
        this.detail = detail;
    }

    /** What is wrong, without the location (the {@link DecodeError#message()} of {@link DecodeError#of}). */
    public String detail() {
        return detail;
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
