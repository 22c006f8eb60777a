package dev.ringline.cobol.codec;

import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.memory.ByteVector;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-written byte vectors for zoned, packed and binary fields. */
class NumericCodecVectorsTest {
    private final DecodedNumber out = new DecodedNumber();

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private String plain() {
        ByteVector text = new ByteVector(8);
        out.appendPlainText(text);
        return new String(text.toByteArray(), StandardCharsets.US_ASCII);
    }

    private static NumericFormat fmt(int digits, int scale, boolean signed) {
        return NumericFormat.of(digits, scale, signed);
    }

    private static NumericFormat separate(int digits, int scale, SignPosition position) {
        return new NumericFormat(digits, scale, true, position, true, false);
    }

    // ---- packed

    @Test
    void packedSignedAndUnsigned() {
        PackedDecimal.decode(bytes(0x12, 0x34, 0x5C), 0, 3, fmt(5, 0, true), out);
        assertEquals("12345", plain());
        PackedDecimal.decode(bytes(0x12, 0x34, 0x5D), 0, 3, fmt(5, 0, true), out);
        assertEquals("-12345", plain());
        PackedDecimal.decode(bytes(0x01, 0x23, 0x4F), 0, 3, fmt(5, 0, false), out);
        assertEquals("1234", plain());
        PackedDecimal.decode(bytes(0x01, 0x23, 0x4C), 0, 3, fmt(5, 0, false), out);
        assertEquals("1234", plain());
        PackedDecimal.decode(bytes(0x12, 0x34, 0x5B), 0, 3, fmt(5, 2, true), out);
        assertEquals("-123.45", plain());
        PackedDecimal.decode(bytes(0x00, 0x00, 0x0D), 0, 3, fmt(5, 2, true), out);
        assertEquals("0.00", plain());
    }

    @Test
    void packedBadNibbles() {
        FieldDecodeException sign = assertThrows(FieldDecodeException.class,
                () -> PackedDecimal.decode(bytes(0x00, 0x12, 0x34, 0x56, 0x43), 0, 5, fmt(9, 0, true), out));
        assertEquals(ErrorCode.BAD_PACKED_SIGN, sign.code());
        assertEquals(4, sign.byteIndex());
        assertEquals("bad packed sign nibble 0x3 in byte 4 (0x43)", sign.getMessage());
        FieldDecodeException digit = assertThrows(FieldDecodeException.class,
                () -> PackedDecimal.decode(bytes(0x1A, 0x34, 0x5C), 0, 3, fmt(5, 0, true), out));
        assertEquals(ErrorCode.BAD_PACKED_DIGIT, digit.code());
        assertEquals(0, digit.byteIndex());
        FieldDecodeException lastHigh = assertThrows(FieldDecodeException.class,
                () -> PackedDecimal.decode(bytes(0x12, 0xFC), 0, 2, fmt(3, 0, true), out));
        assertEquals(ErrorCode.BAD_PACKED_DIGIT, lastHigh.code());
        assertEquals(1, lastHigh.byteIndex());
        assertEquals(ErrorCode.BAD_PACKED_SIGN, assertThrows(FieldDecodeException.class,
                () -> PackedDecimal.decode(bytes(0x12, 0x34, 0x5D), 0, 3, fmt(5, 0, false), out)).code());
        assertEquals(ErrorCode.BAD_PACKED_SIGN, assertThrows(FieldDecodeException.class,
                () -> PackedDecimal.decode(bytes(0x00, 0x00, 0x00), 0, 3, fmt(5, 0, true), out)).code());
    }

    @Test
    void packedEncodeWritesCdf() {
        byte[] dst = new byte[3];
        PackedDecimal.encode(new BigDecimal("-123.45"), fmt(5, 2, true), dst, 0);
        assertArrayEquals(bytes(0x12, 0x34, 0x5D), dst);
        PackedDecimal.encode(new BigDecimal("1234"), fmt(4, 0, false), dst, 0);
        assertArrayEquals(bytes(0x01, 0x23, 0x4F), dst);
        PackedDecimal.encodeUnscaled(12345, fmt(5, 0, true), dst, 0);
        assertArrayEquals(bytes(0x12, 0x34, 0x5C), dst);
        PackedDecimal.encodeUnscaled(-1234, fmt(4, 0, true), dst, 0);
        assertArrayEquals(bytes(0x01, 0x23, 0x4D), dst);
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE, assertThrows(FieldDecodeException.class,
                () -> PackedDecimal.encode(new BigDecimal("100000"), fmt(5, 0, true), dst, 0)).code());
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE, assertThrows(FieldDecodeException.class,
                () -> PackedDecimal.encode(new BigDecimal("1.234"), fmt(5, 2, true), dst, 0)).code());
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE, assertThrows(FieldDecodeException.class,
                () -> PackedDecimal.encodeUnscaled(-1, fmt(5, 0, false), dst, 0)).code());
    }

    // ---- zoned

    @Test
    void zonedEbcdicOverpunch() {
        ZonedDecimal.decode(bytes(0xF1, 0xF2, 0xC3), 0, 3, fmt(3, 0, true), true, false, out);
        assertEquals("123", plain());
        ZonedDecimal.decode(bytes(0xF1, 0xF2, 0xD3), 0, 3, fmt(3, 0, true), true, false, out);
        assertEquals("-123", plain());
        ZonedDecimal.decode(bytes(0xF1, 0xF2, 0xB3), 0, 3, fmt(3, 1, true), true, false, out);
        assertEquals("-12.3", plain());
        ZonedDecimal.decode(bytes(0xF1, 0xF2, 0xF3), 0, 3, fmt(3, 0, false), true, false, out);
        assertEquals("123", plain());
        NumericFormat leading = new NumericFormat(3, 0, true, SignPosition.LEADING, false, false);
        ZonedDecimal.decode(bytes(0xD1, 0xF2, 0xF3), 0, 3, leading, true, false, out);
        assertEquals("-123", plain());
    }

    @Test
    void zonedAsciiOverpunch() {
        ZonedDecimal.decode("12C".getBytes(StandardCharsets.US_ASCII), 0, 3, fmt(3, 0, true), false, false, out);
        assertEquals("123", plain());
        ZonedDecimal.decode("12L".getBytes(StandardCharsets.US_ASCII), 0, 3, fmt(3, 0, true), false, false, out);
        assertEquals("-123", plain());
        ZonedDecimal.decode("12}".getBytes(StandardCharsets.US_ASCII), 0, 3, fmt(3, 0, true), false, false, out);
        assertEquals("-120", plain());
        ZonedDecimal.decode("12{".getBytes(StandardCharsets.US_ASCII), 0, 3, fmt(3, 0, true), false, false, out);
        assertEquals("120", plain());
        ZonedDecimal.decode("12s".getBytes(StandardCharsets.US_ASCII), 0, 3, fmt(3, 0, true), false, false, out);
        assertEquals("-123", plain());
    }

    @Test
    void zonedSeparateSign() {
        ZonedDecimal.decode(bytes(0x60, 0xF1, 0xF2, 0xF3), 0, 4, separate(3, 2, SignPosition.LEADING), true, false,
                out);
        assertEquals("-1.23", plain());
        ZonedDecimal.decode("123+".getBytes(StandardCharsets.US_ASCII), 0, 4, separate(3, 0, SignPosition.TRAILING),
                false, false, out);
        assertEquals("123", plain());
        FieldDecodeException bad = assertThrows(FieldDecodeException.class, () -> ZonedDecimal.decode(
                bytes(0xF1, 0xF2, 0xF3, 0xC1), 0, 4, separate(3, 0, SignPosition.TRAILING), true, false, out));
        assertEquals(ErrorCode.BAD_SIGN, bad.code());
        assertEquals(3, bad.byteIndex());
    }

    @Test
    void zonedErrors() {
        FieldDecodeException unsigned = assertThrows(FieldDecodeException.class, () -> ZonedDecimal.decode(
                bytes(0xF1, 0xF2, 0xD3), 0, 3, fmt(3, 0, false), true, false, out));
        assertEquals(ErrorCode.BAD_SIGN, unsigned.code());
        assertEquals(ErrorCode.BAD_SIGN, assertThrows(FieldDecodeException.class, () -> ZonedDecimal.decode(
                "12L".getBytes(StandardCharsets.US_ASCII), 0, 3, fmt(3, 0, false), false, false, out)).code());
        FieldDecodeException zone = assertThrows(FieldDecodeException.class, () -> ZonedDecimal.decode(
                bytes(0xF1, 0xC2, 0xF3), 0, 3, fmt(3, 0, true), true, false, out));
        assertEquals(ErrorCode.BAD_ZONE, zone.code());
        assertEquals(1, zone.byteIndex());
        assertTrue(zone.getMessage().contains("0xC2"), zone.getMessage());
        assertEquals(ErrorCode.BAD_ZONE, assertThrows(FieldDecodeException.class, () -> ZonedDecimal.decode(
                bytes(0xF1, 0xFA, 0xF3), 0, 3, fmt(3, 0, true), true, false, out)).code());
        assertEquals(ErrorCode.BAD_ZONE, assertThrows(FieldDecodeException.class, () -> ZonedDecimal.decode(
                bytes(0x40, 0x40, 0x40), 0, 3, fmt(3, 0, true), true, false, out)).code());
        assertEquals(ErrorCode.BAD_ZONE, assertThrows(FieldDecodeException.class, () -> ZonedDecimal.decode(
                "1 3".getBytes(StandardCharsets.US_ASCII), 0, 3, fmt(3, 0, true), false, true, out)).code());
    }

    @Test
    void zonedBlanks() {
        NumericFormat bwz = new NumericFormat(3, 1, false, SignPosition.TRAILING, false, true);
        ZonedDecimal.decode(bytes(0x40, 0x40, 0x40), 0, 3, bwz, true, false, out);
        assertFalse(out.isBlank());
        assertEquals("0.0", plain());
        ZonedDecimal.decode(bytes(0x40, 0x00, 0x40), 0, 3, fmt(3, 0, false), true, true, out);
        assertTrue(out.isBlank());
        ZonedDecimal.decode(bytes(0x40, 0xF1, 0xF2, 0x00), 0, 4, fmt(4, 0, false), true, true, out);
        assertFalse(out.isBlank());
        assertEquals("12", plain());
        ZonedDecimal.decode(bytes(0x40, 0xF1, 0xD2, 0x00), 0, 4, fmt(4, 0, true), true, true, out);
        assertEquals("-12", plain());
    }

    @Test
    void zonedPScaling() {
        // PPP9(5): 5 stored digits, scale 8; 9(5)PPP: 5 stored digits, scale -3.
        byte[] digits = bytes(0xF3, 0xF0, 0xF5, 0xF0, 0xF3);
        ZonedDecimal.decode(digits, 0, 5, fmt(8, 8, false), true, false, out);
        assertEquals("0.00030503", plain());
        ZonedDecimal.decode(digits, 0, 5, fmt(8, -3, false), true, false, out);
        assertEquals("30503000", plain());
        byte[] dst = new byte[5];
        ZonedDecimal.encode(new BigDecimal("30503000"), fmt(8, -3, false), true, dst, 0);
        assertArrayEquals(digits, dst);
        ZonedDecimal.encode(new BigDecimal("0.00030503"), fmt(8, 8, false), 5, true, dst, 0);
        assertArrayEquals(digits, dst);
    }

    @Test
    void zonedEncode() {
        byte[] dst = new byte[3];
        ZonedDecimal.encode(new BigDecimal("-12.3"), fmt(3, 1, true), true, dst, 0);
        assertArrayEquals(bytes(0xF1, 0xF2, 0xD3), dst);
        ZonedDecimal.encodeUnscaled(123, fmt(3, 0, true), true, dst, 0);
        assertArrayEquals(bytes(0xF1, 0xF2, 0xC3), dst);
        ZonedDecimal.encodeUnscaled(123, fmt(3, 0, false), false, dst, 0);
        assertArrayEquals("123".getBytes(StandardCharsets.US_ASCII), dst);
        ZonedDecimal.encodeUnscaled(-123, fmt(3, 0, true), false, dst, 0);
        assertArrayEquals("12L".getBytes(StandardCharsets.US_ASCII), dst);
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE, assertThrows(FieldDecodeException.class,
                () -> ZonedDecimal.encodeUnscaled(1000, fmt(3, 0, true), true, dst, 0)).code());
    }

    // ---- binary

    @Test
    void binaryVectors() {
        BinaryInteger.decode(bytes(0xFF, 0xFF), 0, 2, fmt(4, 0, true), true, out);
        assertEquals("-1", plain());
        BinaryInteger.decode(bytes(0xFF, 0xFF), 0, 2, fmt(4, 0, false), true, out);
        assertEquals("65535", plain());
        byte[] ff8 = bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);
        BinaryInteger.decode(ff8, 0, 8, fmt(18, 0, false), true, out);
        assertEquals("18446744073709551615", plain());
        BinaryInteger.decode(bytes(0x80, 0, 0, 0, 0, 0, 0, 0), 0, 8, fmt(18, 0, true), true, out);
        assertEquals("-9223372036854775808", plain());
        BinaryInteger.decode(bytes(0x30, 0x39), 0, 2, fmt(4, 2, true), true, out);
        assertEquals("123.45", plain());
        BinaryInteger.decode(bytes(0x39, 0x30), 0, 2, fmt(4, 2, true), false, out);
        assertEquals("123.45", plain());
        BinaryInteger.decode(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE), 0, 9, fmt(20, 0, true),
                true, out);
        assertEquals("-2", plain());
        BinaryInteger.decode(bytes(0x01, 0, 0, 0, 0, 0, 0, 0, 0), 0, 9, fmt(20, 0, false), true, out);
        assertEquals("18446744073709551616", plain());
    }

    @Test
    void binaryByteLength() {
        assertEquals(2, BinaryInteger.byteLength(1));
        assertEquals(2, BinaryInteger.byteLength(4));
        assertEquals(4, BinaryInteger.byteLength(5));
        assertEquals(4, BinaryInteger.byteLength(9));
        assertEquals(8, BinaryInteger.byteLength(10));
        assertEquals(8, BinaryInteger.byteLength(18));
        assertEquals(9, BinaryInteger.byteLength(19));
        assertEquals(9, BinaryInteger.byteLength(20));
        assertEquals(12, BinaryInteger.byteLength(28));
        assertEquals(16, BinaryInteger.byteLength(37));
        assertEquals(16, BinaryInteger.byteLength(38));
    }

    @Test
    void binaryEncode() {
        byte[] dst = new byte[2];
        BinaryInteger.encode(new BigDecimal("-1"), fmt(4, 0, true), true, dst, 0, 2);
        assertArrayEquals(bytes(0xFF, 0xFF), dst);
        BinaryInteger.encode(new BigDecimal("123.45"), fmt(4, 2, true), false, dst, 0, 2);
        assertArrayEquals(bytes(0x39, 0x30), dst);
        BinaryInteger.encodeUnscaled(65535, fmt(4, 0, false), true, dst, 0, 2);
        assertArrayEquals(bytes(0xFF, 0xFF), dst);
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE, assertThrows(FieldDecodeException.class,
                () -> BinaryInteger.encode(new BigDecimal("32768"), fmt(4, 0, true), true, dst, 0, 2)).code());
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE, assertThrows(FieldDecodeException.class,
                () -> BinaryInteger.encodeUnscaled(65536, fmt(4, 0, false), true, dst, 0, 2)).code());
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE, assertThrows(FieldDecodeException.class,
                () -> BinaryInteger.encode(new BigDecimal("-1"), fmt(4, 0, false), true, dst, 0, 2)).code());
    }
}
