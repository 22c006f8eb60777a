package dev.ringline.cobol.codec;

import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.memory.ByteVector;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecodedNumberTest {
    private static DecodedNumber number(String digits, boolean negative, int scale) {
        DecodedNumber n = new DecodedNumber();
        n.digits().appendAscii(digits);
        n.set(negative, scale);
        return n;
    }

    private static String plain(DecodedNumber n) {
        ByteVector out = new ByteVector(4);
        n.appendPlainText(out);
        return new String(out.toByteArray(), StandardCharsets.US_ASCII);
    }

    @Test
    void plainTextExamplesFromTheContract() {
        assertEquals("12.30", plain(number("0001230", false, 2)));
        assertEquals("0.000", plain(number("0", false, 3)));
        assertEquals("5000", plain(number("5", false, -3)));
        assertEquals("0.00030503", plain(number("30503", false, 8)));
        assertEquals("-0.00030503", plain(number("30503", true, 8)));
        assertEquals("0.05", plain(number("005", false, 2)));
        assertEquals("0.5", plain(number("5", false, 1)));
        assertEquals("123", plain(number("000123", false, 0)));
    }

    @Test
    void negativeZeroIsPrintedWithoutSign() {
        assertEquals("0", plain(number("000", true, 0)));
        assertEquals("0.00", plain(number("000", true, 2)));
        assertEquals("0", plain(number("0", true, -3)));
        assertFalse(number("00", true, 1).negative());
        assertTrue(number("00", true, 1).isZero());
    }

    @Test
    void toBigDecimalKeepsScale() {
        assertEquals(new BigDecimal("-12.30"), number("0001230", true, 2).toBigDecimal());
        assertEquals(new BigDecimal("5E+3"), number("5", false, -3).toBigDecimal());
    }

    @Test
    void toLongAcceptsIntegersThatFit() {
        assertEquals(9223372036854775807L, number("9223372036854775807", false, 0).toLong());
        assertEquals(-42L, number("004200", true, 2).toLong());
        assertEquals(7000L, number("7", false, -3).toLong());
        FieldDecodeException tooBig = assertThrows(FieldDecodeException.class,
                () -> number("9223372036854775808", false, 0).toLong());
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE, tooBig.code());
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE,
                assertThrows(FieldDecodeException.class, () -> number("125", false, 1).toLong()).code());
    }

    @Test
    void unsignedLongDigitsAreExact() {
        DecodedNumber n = new DecodedNumber();
        n.setUnsigned(-1L, false, 0);
        assertEquals("18446744073709551615", plain(n));
        n.setUnsigned(Long.MIN_VALUE, true, 0);
        assertEquals("-9223372036854775808", plain(n));
        n.setUnsigned(0, true, 2);
        assertEquals("0.00", plain(n));
    }

    @Test
    void clearResetsBlankFlag() {
        DecodedNumber n = new DecodedNumber();
        n.setBlank(2);
        assertTrue(n.isBlank());
        n.clear();
        assertFalse(n.isBlank());
        assertEquals(0, n.digits().length());
    }
}
