package dev.ringline.cobol.codec;

import dev.ringline.cobol.codec.FloatingPoint.Format;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.memory.ByteVector;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FloatingPointTest {
    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void ibmSingleVectors() {
        assertEquals(1.0f, FloatingPoint.decodeSingle(bytes(0x41, 0x10, 0, 0), 0, Format.IBM_HEX));
        assertEquals(-118.625f, FloatingPoint.decodeSingle(bytes(0xC2, 0x76, 0xA0, 0), 0, Format.IBM_HEX));
        assertEquals(100.0f, FloatingPoint.decodeSingle(bytes(0x42, 0x64, 0, 0), 0, Format.IBM_HEX));
        assertEquals(0.0f, FloatingPoint.decodeSingle(bytes(0, 0, 0, 0), 0, Format.IBM_HEX));
        // Largest IBM single, 16^63 * (1 - 16^-6): beyond float, exact as double.
        byte[] max = bytes(0x7F, 0xFF, 0xFF, 0xFF);
        assertEquals(ErrorCode.BAD_FLOAT, assertThrows(FieldDecodeException.class,
                () -> FloatingPoint.decodeSingle(max, 0, Format.IBM_HEX)).code());
        assertEquals(Math.scalb((double) 0xFFFFFF, 4 * 63 - 24), FloatingPoint.decodeSingleAsDouble(max, 0,
                Format.IBM_HEX));
    }

    @Test
    void ibmDoubleVectors() {
        assertEquals(1.0, FloatingPoint.decodeDouble(bytes(0x41, 0x10, 0, 0, 0, 0, 0, 0), 0, Format.IBM_HEX));
        assertEquals(-118.625, FloatingPoint.decodeDouble(bytes(0xC2, 0x76, 0xA0, 0, 0, 0, 0, 0), 0,
                Format.IBM_HEX));
        // 0.1 in IBM double is 0x40 1999999999999A; the nearest double is 0.1 itself.
        assertEquals(0.1, FloatingPoint.decodeDouble(bytes(0x40, 0x19, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9A), 0,
                Format.IBM_HEX));
        byte[] dst = new byte[8];
        FloatingPoint.encodeDouble(-118.625, Format.IBM_HEX, dst, 0);
        assertArrayEquals(bytes(0xC2, 0x76, 0xA0, 0, 0, 0, 0, 0), dst);
        byte[] dst4 = new byte[4];
        FloatingPoint.encodeSingle(100.0f, Format.IBM_HEX, dst4, 0);
        assertArrayEquals(bytes(0x42, 0x64, 0, 0), dst4);
    }

    @Test
    void ieeeVectorsAndRejects() {
        assertEquals(1.0f, FloatingPoint.decodeSingle(bytes(0x3F, 0x80, 0, 0), 0, Format.IEEE_754));
        assertEquals(-2.0, FloatingPoint.decodeDouble(bytes(0xC0, 0, 0, 0, 0, 0, 0, 0), 0, Format.IEEE_754));
        assertEquals(ErrorCode.BAD_FLOAT, assertThrows(FieldDecodeException.class,
                () -> FloatingPoint.decodeSingle(bytes(0x7F, 0xC0, 0, 0), 0, Format.IEEE_754)).code());
        assertEquals(ErrorCode.BAD_FLOAT, assertThrows(FieldDecodeException.class,
                () -> FloatingPoint.encodeDouble(Double.NaN, Format.IBM_HEX, new byte[8], 0)).code());
        assertEquals(ErrorCode.BAD_FLOAT, assertThrows(FieldDecodeException.class,
                () -> FloatingPoint.encodeDouble(1e300, Format.IBM_HEX, new byte[8], 0)).code());
        assertEquals(ErrorCode.BAD_FLOAT, assertThrows(FieldDecodeException.class,
                () -> FloatingPoint.encodeDouble(1e-300, Format.IBM_HEX, new byte[8], 0)).code());
        assertEquals(ErrorCode.BAD_FLOAT, assertThrows(FieldDecodeException.class,
                () -> FloatingPoint.appendShortest(Double.POSITIVE_INFINITY, new ByteVector(8))).code());
    }

    @Test
    void shortestText() {
        ByteVector out = new ByteVector(8);
        FloatingPoint.appendShortest(-3.0503932576762E9, out);
        assertEquals("-3.0503932576762E9", new String(out.toByteArray(), StandardCharsets.US_ASCII));
        out.clear();
        FloatingPoint.appendShortest(-30503.93f, out);
        assertEquals("-30503.93", new String(out.toByteArray(), StandardCharsets.US_ASCII));
    }
}
