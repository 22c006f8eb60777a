package dev.ringline.buffer;

/**
 * Reusable buffers owned by one worker thread, so decoding a record allocates nothing once the buffers have
 * grown to the largest record seen. The pipeline clears them before each record.
 *
 * <pre>{@code
 * ScratchBuffers scratch = new ScratchBuffers();
 * scratch.digitBuffer.append('5');
 * scratch.byteBuffer.append("data".getBytes(US_ASCII));
 * scratch.stringBuffer.append("text");
 * scratch.clear();   // lengths reset, capacity kept
 * }</pre>
 *
 * <p>Not thread-safe: one instance per worker.
 */
public final class ScratchBuffers {
    /** Initial capacity of {@link #byteBuffer}. */
    public static final int INITIAL_BYTE_CAPACITY = 1024;
    /** Initial capacity of {@link #stringBuffer}. */
    public static final int INITIAL_STRING_CAPACITY = 512;

    /** Digits of the numeric field being decoded (32 bytes preallocated). */
    public final DigitBuffer digitBuffer = new DigitBuffer();
    /** General-purpose bytes, e.g. a record's encoded output. */
    public final ByteVector byteBuffer = new ByteVector(INITIAL_BYTE_CAPACITY);
    /** Text being assembled. */
    public final StringBuilder stringBuffer = new StringBuilder(INITIAL_STRING_CAPACITY);

    /** Resets every buffer's length to 0 and keeps its capacity. */
    public void clear() {
        digitBuffer.clear();
        byteBuffer.clear();
        stringBuffer.setLength(0);
    }

    /** Grows {@link #byteBuffer} to hold at least {@code capacity} bytes; never shrinks. */
    public void ensureByteCapacity(int capacity) {
        byteBuffer.ensureCapacity(capacity);
    }

    /** Grows {@link #stringBuffer} to hold at least {@code capacity} chars; never shrinks. */
    public void ensureStringCapacity(int capacity) {
        stringBuffer.ensureCapacity(capacity);
    }
}
