package dev.ringline.cobol.framing;

/**
 * Computes the real length of a fixed-format record whose size varies with its content (for example a record
 * ending in an {@code OCCURS DEPENDING ON} table), given its first bytes.
 *
 * <p>Called once or more per record on the reader's thread with a view into the reader's buffer; it must not
 * keep the array nor allocate.
 */
@FunctionalInterface
public interface RecordLengthFunction {
    /** Returned when {@code available} bytes are not enough to know the length. */
    int NEED_MORE_BYTES = -1;

    /**
     * @param buf       the reader's buffer; the record starts at {@code off}
     * @param off       index of the record's first byte
     * @param available bytes of the record present from {@code off} (at least 1; less than the record only when
     *                  the input or the buffer ends first)
     * @return the record's length in bytes (header-less, &gt;= 1), or {@link #NEED_MORE_BYTES}
     */
    int lengthOf(byte[] buf, int off, int available);
}
