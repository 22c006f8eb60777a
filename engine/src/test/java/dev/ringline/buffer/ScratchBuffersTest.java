package dev.ringline.buffer;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScratchBuffersTest {

    @Test
    void initialCapacitiesMatchTheOriginal() {
        ScratchBuffers s = new ScratchBuffers();
        assertEquals(32, s.digitBuffer.capacity());
        assertEquals(1024, s.byteBuffer.capacity());
        assertTrue(s.stringBuffer.capacity() >= 512);
    }

    @Test
    void clearResetsLengthsAndKeepsCapacity() {
        ScratchBuffers s = new ScratchBuffers();
        s.digitBuffer.append('5');
        s.byteBuffer.append("data".getBytes(StandardCharsets.US_ASCII));
        s.stringBuffer.append("text");
        s.ensureByteCapacity(5000);
        s.ensureStringCapacity(3000);
        byte[] before = s.byteBuffer.array();
        s.clear();
        assertEquals(0, s.digitBuffer.length());
        assertEquals(0, s.byteBuffer.length());
        assertEquals(0, s.stringBuffer.length());
        assertTrue(s.byteBuffer.capacity() >= 5000);
        assertTrue(s.stringBuffer.capacity() >= 3000);
        assertTrue(before == s.byteBuffer.array(), "no reallocation on clear");
    }

    @Test
    void ensureCapacityOnlyGrows() {
        ScratchBuffers s = new ScratchBuffers();
        s.ensureByteCapacity(10);
        assertEquals(1024, s.byteBuffer.capacity());
        s.ensureStringCapacity(10);
        assertTrue(s.stringBuffer.capacity() >= 512);
    }

    @Property(tries = 200)
    void appendsAccumulateExactlyAcrossGrowth(@ForAll byte[] a, @ForAll byte[] b) {
        ByteVector v = new ByteVector(0);
        v.append(a).append(b);
        byte[] expected = new byte[a.length + b.length];
        System.arraycopy(a, 0, expected, 0, a.length);
        System.arraycopy(b, 0, expected, a.length, b.length);
        assertArrayEquals(expected, v.toByteArray());
        assertTrue(v.contentEquals(expected));
    }

    @Test
    void boundsAreChecked() {
        ByteVector v = new ByteVector(4);
        v.append(1);
        assertThrows(IndexOutOfBoundsException.class, () -> v.byteAt(1));
        assertThrows(IndexOutOfBoundsException.class, () -> v.truncate(2));
        assertThrows(IllegalArgumentException.class, () -> new ByteVector(-1));
    }
}
