package dev.ringline.memory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A growable byte array that is reused rather than reallocated: {@link #clear()} resets the length and keeps
 * the capacity, so a vector that has grown to fit the largest record allocates nothing afterwards.
 *
 * <p>Not thread-safe: each worker owns its own vectors (see {@link ScratchBuffers}).
 */
public class ByteVector {
    private byte[] bytes;
    private int length;

    /** Creates an empty vector with room for {@code initialCapacity} bytes. */
    public ByteVector(int initialCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("initialCapacity must be >= 0: " + initialCapacity);
        }
        this.bytes = new byte[initialCapacity];
    }

    /** Number of bytes written. */
    public final int length() {
        return length;
    }

    /** Bytes that fit before the next growth. */
    public final int capacity() {
        return bytes.length;
    }

    /** True when the length is 0. */
    public final boolean isEmpty() {
        return length == 0;
    }

    /** Resets the length to 0; keeps the capacity (no deallocation). */
    public final void clear() {
        length = 0;
    }

    /** Grows the backing array to at least {@code minCapacity}; never shrinks. */
    public final void ensureCapacity(int minCapacity) {
        if (minCapacity > bytes.length) {
            grow(minCapacity);
        }
    }

    private void grow(int minCapacity) {
        // Doubling keeps appends amortised O(1); the cap guards against int overflow.
        long doubled = Math.max(16L, (long) bytes.length << 1);
        int newCapacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(doubled, minCapacity));
        if (newCapacity < minCapacity) {
            throw new OutOfMemoryError("ByteVector cannot hold " + minCapacity + " bytes");
        }
        bytes = Arrays.copyOf(bytes, newCapacity);
    }

    /** Appends one byte, growing if needed; returns this. */
    public final ByteVector append(byte b) {
        if (length == bytes.length) {
            grow(length + 1);
        }
        bytes[length++] = b;
        return this;
    }

    /** Appends the low 8 bits of {@code b}. */
    public final ByteVector append(int b) {
        return append((byte) b);
    }

    /** Appends all of {@code src}, growing if needed; returns this. */
    public final ByteVector append(byte[] src) {
        return append(src, 0, src.length);
    }

    /** Appends {@code src[offset, offset + count)}, growing if needed; returns this. */
    public final ByteVector append(byte[] src, int offset, int count) {
        ensureCapacity(length + count);
        System.arraycopy(src, offset, bytes, length, count);
        length += count;
        return this;
    }

    /** Appends the content of another vector. */
    public final ByteVector append(ByteVector other) {
        return append(other.bytes, 0, other.length);
    }

    /** Appends each char's low 8 bits; meant for ASCII text such as JSON punctuation. */
    public final ByteVector appendAscii(CharSequence text) {
        int n = text.length();
        ensureCapacity(length + n);
        for (int i = 0; i < n; i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    /** The byte at {@code index} (0 to {@code length() - 1}). */
    public final byte byteAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + ", length " + length);
        }
        return bytes[index];
    }

    /** Replaces the byte at {@code index} (0 to {@code length() - 1}). */
    public final void setByteAt(int index, byte value) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + ", length " + length);
        }
        bytes[index] = value;
    }

    /** Truncates to {@code newLength} (which must not exceed the current length). */
    public final void truncate(int newLength) {
        if (newLength < 0 || newLength > length) {
            throw new IndexOutOfBoundsException("newLength " + newLength + ", length " + length);
        }
        length = newLength;
    }

    /**
     * Sets the length, growing if needed; bytes between the old and new length are whatever the array held.
     * For callers that write straight into {@link #array()}.
     */
    public final void setLength(int newLength) {
        if (newLength < 0) {
            throw new IndexOutOfBoundsException("newLength " + newLength);
        }
        ensureCapacity(newLength);
        length = newLength;
    }

    /**
     * The backing array, valid up to {@link #length()}. Zero-copy access for hot paths; the array is replaced
     * when the vector grows, so do not keep the reference across appends.
     */
    public final byte[] array() {
        return bytes;
    }

    /** A copy of the content. Allocates: not for per-record hot paths. */
    public final byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    /** A read-only view of the content, valid until the next append. */
    public final ByteBuffer asByteBuffer() {
        return ByteBuffer.wrap(bytes, 0, length).asReadOnlyBuffer();
    }

    /** Writes the content to {@code out} (no copy). */
    public final void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    /** True when the content is exactly {@code other}. */
    public final boolean contentEquals(byte[] other) {
        return Arrays.equals(bytes, 0, length, other, 0, other.length);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[length=" + length + ", capacity=" + bytes.length + "]";
    }
}
