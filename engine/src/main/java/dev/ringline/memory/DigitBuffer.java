package dev.ringline.memory;

/**
 * A small growable byte vector for the digits of one numeric field, with 32 bytes preallocated: enough for any
 * COBOL numeric of up to 31 digits plus sign and point, so the common case never grows.
 */
public final class DigitBuffer extends ByteVector {
    /** Bytes preallocated by {@link #DigitBuffer()}. */
    public static final int INLINE_CAPACITY = 32;

    /** An empty buffer with room for 32 digits. */
    public DigitBuffer() {
        super(INLINE_CAPACITY);
    }
}
