package dev.ringline.cobol.json;

import dev.ringline.buffer.ByteVector;
import dev.ringline.cobol.codec.BinaryInteger;
import dev.ringline.cobol.codec.DecodedNumber;
import dev.ringline.cobol.codec.FieldDecodeException;
import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.codec.PackedDecimal;
import dev.ringline.cobol.codec.ZonedDecimal;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The direct packed and zoned paths against the general codecs on random fields: the same text whenever the codec
 * accepts the field, and nothing written (so the general path reports the error) whenever it rejects it.
 */
class DirectNumbersTest {
    private static final int CASES = 200_000;

    @Test
    void packedMatchesTheCodecOrDeclines() {
        SplittableRandom random = new SplittableRandom(12);
        for (int c = 0; c < CASES; c++) {
            int len = 1 + random.nextInt(10);
            int digits = 2 * len - 1;
            int scale = random.nextInt(digits + 1);
            boolean signed = random.nextBoolean();
            byte[] field = new byte[len];
            for (int i = 0; i < len; i++) {
                field[i] = (byte) packedByte(random);
            }
            check(field, NumericFormat.of(digits, scale, signed), true, random.nextBoolean());
        }
    }

    @Test
    void zonedMatchesTheCodecOrDeclines() {
        SplittableRandom random = new SplittableRandom(13);
        for (int c = 0; c < CASES; c++) {
            int len = 1 + random.nextInt(12);
            int scale = random.nextInt(len + 1);
            boolean signed = random.nextBoolean();
            byte[] field = new byte[len];
            for (int i = 0; i < len; i++) {
                int r = random.nextInt(40);
                // mostly F0-F9 with leading zeros; sometimes a sign zone, a space or any byte
                field[i] = (byte) (r < 12 ? 0xF0 : r < 34 ? 0xF0 | random.nextInt(10)
                        : r < 37 ? random.nextInt(0xA, 0x10) << 4 | random.nextInt(10) : r < 38 ? 0x40
                        : random.nextInt(256));
            }
            check(field, NumericFormat.of(len, scale, signed), false, random.nextBoolean());
        }
    }

    @Test
    void binaryMatchesTheCodec() {
        SplittableRandom random = new SplittableRandom(14);
        for (int c = 0; c < CASES; c++) {
            boolean signed = random.nextBoolean();
            int len = 1 + random.nextInt(signed ? 8 : 7);
            boolean bigEndian = random.nextBoolean();
            byte[] field = new byte[len];
            for (int i = 0; i < len; i++) {
                int r = random.nextInt(4);
                field[i] = (byte) (r == 0 ? 0 : r == 1 ? 0xFF : random.nextInt(256));
            }
            NumericFormat fmt = NumericFormat.of(18, 0, signed);
            DecodedNumber number = new DecodedNumber();
            BinaryInteger.decode(field, 0, len, fmt, bigEndian, number);
            ByteVector expected = new ByteVector(32);
            number.appendPlainText(expected);
            ByteVector actual = new ByteVector(1);
            DirectNumbers.appendBinary(field, 0, len, signed, bigEndian, false, actual);
            assertEquals(text(expected), text(actual), () -> hex(field) + " signed " + signed + " big " + bigEndian);
        }
    }

    @Test
    void placesThePointAndTheSignAsTheCodecDoes() {
        assertEquals("-12.30", direct(new byte[]{0x01, 0x23, 0x0D}, NumericFormat.of(5, 2, true), true, false));
        assertEquals("0.05", direct(new byte[]{0x00, 0x00, 0x5C}, NumericFormat.of(5, 2, true), true, false));
        assertEquals("0.00", direct(new byte[]{0x00, 0x00, 0x0D}, NumericFormat.of(5, 2, true), true, false));
        assertEquals("\"0\"", direct(new byte[]{0x0F}, NumericFormat.of(1, 0, false), true, true));
        assertEquals("-1.5", direct(new byte[]{(byte) 0xF1, (byte) 0xD5}, NumericFormat.of(2, 1, true), false,
                false));
    }

    private static int packedByte(SplittableRandom random) {
        int r = random.nextInt(30);
        if (r < 8) {
            return 0;
        }
        if (r < 28) {
            return random.nextInt(10) << 4 | random.nextInt(10);
        }
        if (r < 29) {
            return random.nextInt(10) << 4 | random.nextInt(0xA, 0x10); // a sign nibble: fine only in the last byte
        }
        return random.nextInt(256);
    }

    private static void check(byte[] field, NumericFormat fmt, boolean packed, boolean quoted) {
        String expected;
        try {
            DecodedNumber number = new DecodedNumber();
            if (packed) {
                PackedDecimal.decode(field, 0, field.length, fmt, number);
            } else {
                ZonedDecimal.decode(field, 0, field.length, fmt, true, false, number);
            }
            ByteVector text = new ByteVector(64);
            if (quoted) {
                text.append('"');
            }
            number.appendPlainText(text);
            if (quoted) {
                text.append('"');
            }
            expected = new String(text.array(), 0, text.length(), StandardCharsets.US_ASCII);
        } catch (FieldDecodeException e) {
            expected = null;
        }
        String actual = direct(field, fmt, packed, quoted);
        // null on both sides: declined what the codec rejects (blanks are rejected too with allowBlanks false)
        assertEquals(expected, actual, () -> hex(field) + " " + fmt);
    }

    /** The direct path's text with a prefix in the buffer (which must stay untouched), or null if it declined. */
    private static String direct(byte[] field, NumericFormat fmt, boolean packed, boolean quoted) {
        ByteVector out = new ByteVector(4);
        out.append('x');
        boolean done = packed
                ? DirectNumbers.appendPacked(field, 0, field.length, fmt.scale(), fmt.signed(), quoted, out)
                : DirectNumbers.appendZoned(field, 0, field.length, fmt.scale(), fmt.signed(), quoted, out);
        String all = new String(out.array(), 0, out.length(), StandardCharsets.US_ASCII);
        assertEquals('x', all.charAt(0));
        if (!done) {
            assertEquals(1, out.length(), "declined but wrote");
            return null;
        }
        return all.substring(1);
    }

    private static String text(ByteVector v) {
        return new String(v.array(), 0, v.length(), StandardCharsets.US_ASCII);
    }

    private static String hex(byte[] field) {
        StringBuilder s = new StringBuilder();
        for (byte b : field) {
            s.append(String.format("%02X", b & 0xFF));
        }
        return s.toString();
    }
}
