package dev.ringline.cobol.codec;

import dev.ringline.cobol.codec.FloatingPoint.Format;
import dev.ringline.memory.ByteVector;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Encode → decode round trips for every numeric codec, and random bytes into every decoder. */
class FieldCodecProperties {
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final DecodedNumber out = new DecodedNumber();

    /** A random unscaled value of up to {@code maxDigits} digits (all nines and zero included now and then). */
    static BigInteger randomUnscaled(long seed, int maxDigits, boolean signed) {
        Random random = new Random(seed);
        int shape = random.nextInt(8);
        StringBuilder text = new StringBuilder();
        if (shape == 0) {
            text.append('0');
        } else if (shape == 1) {
            text.append("9".repeat(maxDigits));
        } else {
            int length = 1 + random.nextInt(maxDigits);
            for (int i = 0; i < length; i++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
        }
        BigInteger value = new BigInteger(text.toString());
        return signed && random.nextBoolean() ? value.negate() : value;
    }

    /** The text {@link DecodedNumber#appendPlainText} must produce, computed independently with BigDecimal. */
    static String expectedPlain(BigDecimal value, int scale) {
        String text = value.setScale(Math.max(scale, 0)).toPlainString();
        return text.startsWith("-") && value.signum() == 0 ? text.substring(1) : text;
    }

    private String plain() {
        ByteVector text = new ByteVector(8);
        out.appendPlainText(text);
        return new String(text.toByteArray(), StandardCharsets.US_ASCII);
    }

    private void assertDecoded(BigDecimal value, NumericFormat fmt) {
        assertEquals(value.setScale(fmt.scale()), out.toBigDecimal());
        assertEquals(fmt.scale(), out.scale());
        assertEquals(expectedPlain(value, fmt.scale()), plain());
    }

    private static int scaleFor(int digits, int scaleSeed) {
        // Trailing P (negative scale) down to one stored digit, V scales up to all digits.
        return Math.floorMod(scaleSeed, 2 * digits) - (digits - 1);
    }

    @Property(tries = 400)
    void zonedRoundTrip(@ForAll @IntRange(min = 1, max = 38) int digits, @ForAll int scaleSeed,
                        @ForAll boolean signed, @ForAll boolean leading, @ForAll boolean separate,
                        @ForAll boolean ebcdic, @ForAll long seed) {
        int scale = scaleFor(digits, scaleSeed);
        NumericFormat fmt = new NumericFormat(digits, scale, signed || separate,
                leading ? SignPosition.LEADING : SignPosition.TRAILING, separate, false);
        int stored = EncodeSupport.storedDigits(fmt);
        BigDecimal value = new BigDecimal(randomUnscaled(seed, stored, fmt.signed()), scale);
        byte[] field = new byte[ZonedDecimal.byteLength(fmt, stored)];
        ZonedDecimal.encode(value, fmt, ebcdic, field, 0);
        ZonedDecimal.decode(field, 0, field.length, fmt, ebcdic, false, out);
        assertDecoded(value, fmt);
        ZonedDecimal.decode(field, 0, field.length, fmt, ebcdic, true, out);
        assertDecoded(value, fmt);
        if (stored <= 18) {
            byte[] fast = new byte[field.length];
            ZonedDecimal.encodeUnscaled(value.unscaledValue().longValueExact(), fmt, ebcdic, fast, 0);
            assertArrayEquals(field, fast);
        }
    }

    @Property(tries = 400)
    void packedRoundTrip(@ForAll @IntRange(min = 1, max = 38) int digits, @ForAll int scaleSeed,
                         @ForAll boolean signed, @ForAll long seed) {
        int scale = scaleFor(digits, scaleSeed);
        NumericFormat fmt = NumericFormat.of(digits, scale, signed);
        int stored = EncodeSupport.storedDigits(fmt);
        BigDecimal value = new BigDecimal(randomUnscaled(seed, stored, signed), scale);
        byte[] field = new byte[PackedDecimal.byteLength(stored)];
        PackedDecimal.encode(value, fmt, field, 0);
        PackedDecimal.decode(field, 0, field.length, fmt, out);
        assertDecoded(value, fmt);
        if (stored <= 18) {
            byte[] fast = new byte[field.length];
            PackedDecimal.encodeUnscaled(value.unscaledValue().longValueExact(), fmt, fast, 0);
            assertArrayEquals(field, fast);
        }
    }

    @Property(tries = 400)
    void binaryRoundTrip(@ForAll @IntRange(min = 1, max = 38) int digits, @ForAll int scaleSeed,
                         @ForAll boolean signed, @ForAll boolean bigEndian, @ForAll long seed) {
        int scale = scaleFor(digits, scaleSeed);
        NumericFormat fmt = NumericFormat.of(digits, scale, signed);
        BigDecimal value = new BigDecimal(randomUnscaled(seed, EncodeSupport.storedDigits(fmt), signed), scale);
        int len = BinaryInteger.byteLength(digits);
        byte[] field = new byte[len];
        BinaryInteger.encode(value, fmt, bigEndian, field, 0, len);
        BinaryInteger.decode(field, 0, len, fmt, bigEndian, out);
        assertDecoded(value, fmt);
        if (len <= 8) {
            byte[] fast = new byte[len];
            BinaryInteger.encodeUnscaled(value.unscaledValue().longValueExact(), fmt, bigEndian, fast, 0, len);
            assertArrayEquals(field, fast);
        }
    }

    @Property(tries = 300)
    void binaryFullWidthRoundTrip(@ForAll @IntRange(min = 1, max = 16) int len, @ForAll boolean signed,
                                  @ForAll boolean bigEndian, @ForAll long seed) {
        Random random = new Random(seed);
        BigInteger unscaled = new BigInteger(signed ? 8 * len - 1 : 8 * len, random);
        if (signed && random.nextBoolean()) {
            unscaled = unscaled.negate().subtract(BigInteger.ONE); // reaches the most negative value too
        }
        NumericFormat fmt = NumericFormat.of(38, 0, signed);
        byte[] field = new byte[len];
        BigDecimal value = new BigDecimal(unscaled);
        BinaryInteger.encode(value, fmt, bigEndian, field, 0, len);
        BinaryInteger.decode(field, 0, len, fmt, bigEndian, out);
        assertDecoded(value, fmt);
    }

    @Property(tries = 300)
    void ibmDoubleRoundTripIsExact(@ForAll long bits) {
        double value = Double.longBitsToDouble(bits);
        if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) > 7.0e75
                || (value != 0 && Math.abs(value) < 6.0e-79)) {
            return; // outside the IBM range: covered by the BAD_FLOAT vectors
        }
        byte[] field = new byte[8];
        FloatingPoint.encodeDouble(value, Format.IBM_HEX, field, 0);
        assertEquals(Double.doubleToLongBits(value),
                Double.doubleToLongBits(FloatingPoint.decodeDouble(field, 0, Format.IBM_HEX)));
        FloatingPoint.encodeDouble(value, Format.IEEE_754, field, 0);
        assertEquals(Double.doubleToLongBits(value),
                Double.doubleToLongBits(FloatingPoint.decodeDouble(field, 0, Format.IEEE_754)));
    }

    @Property(tries = 300)
    void ibmSingleBytesRoundTrip(@ForAll @IntRange(min = 64 - 20, max = 64 + 20) int exponent,
                                 @ForAll @IntRange(min = 0x100000, max = 0xFFFFFF) int fraction,
                                 @ForAll boolean negative) {
        int bits = (negative ? 0x80000000 : 0) | exponent << 24 | fraction;
        byte[] field = {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits};
        float value = FloatingPoint.decodeSingle(field, 0, Format.IBM_HEX);
        assertEquals(FloatingPoint.decodeSingleAsDouble(field, 0, Format.IBM_HEX), value, 0.0);
        byte[] again = new byte[4];
        FloatingPoint.encodeSingle(value, Format.IBM_HEX, again, 0);
        assertArrayEquals(field, again);
    }

    @Property(tries = 300)
    void ibmSingleEncodeRoundsToNearest(@ForAll float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            return;
        }
        byte[] field = new byte[4];
        FloatingPoint.encodeSingle(value, Format.IBM_HEX, field, 0);
        double back = FloatingPoint.decodeSingleAsDouble(field, 0, Format.IBM_HEX);
        // A normalised IBM single keeps at least 21 significant bits: the error is at most half a unit there.
        assertTrue(Math.abs(back - value) <= Math.abs((double) value) * Math.scalb(1.0, -21),
                value + " came back as " + back);
    }

    @Property(tries = 500)
    void shortestTextParsesBackAndIsJson(@ForAll long bits, @ForAll int floatBits) {
        double d = Double.longBitsToDouble(bits);
        if (!Double.isNaN(d) && !Double.isInfinite(d)) {
            ByteVector text = new ByteVector(8);
            FloatingPoint.appendShortest(d, text);
            String s = new String(text.toByteArray(), StandardCharsets.US_ASCII);
            assertTrue(JSON_NUMBER.matcher(s).matches(), s);
            assertEquals(Double.doubleToLongBits(d), Double.doubleToLongBits(Double.parseDouble(s)));
        }
        float f = Float.intBitsToFloat(floatBits);
        if (!Float.isNaN(f) && !Float.isInfinite(f)) {
            ByteVector text = new ByteVector(8);
            FloatingPoint.appendShortest(f, text);
            String s = new String(text.toByteArray(), StandardCharsets.US_ASCII);
            assertTrue(JSON_NUMBER.matcher(s).matches(), s);
            assertEquals(Float.floatToIntBits(f), Float.floatToIntBits(Float.parseFloat(s)));
        }
    }

    @Provide
    Arbitrary<byte[]> fieldBytes() {
        // Mostly bytes near the valid ranges, so some decodes succeed and errors come from every branch.
        Arbitrary<Byte> interesting = Arbitraries.of((byte) 0xF0, (byte) 0xF9, (byte) 0xC1, (byte) 0xD2, (byte) 0x40,
                (byte) 0x00, (byte) 0x60, (byte) 0x4E, (byte) 0x30, (byte) 0x39, (byte) 0x7B, (byte) 0x4A, (byte) 0x2D,
                (byte) 0x2B, (byte) 0x20, (byte) 0x12, (byte) 0x3C, (byte) 0x5D, (byte) 0x0F, (byte) 0x4B);
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, interesting), net.jqwik.api.Tuple.of(1, any))
                .array(byte[].class).ofMinSize(1).ofMaxSize(20);
    }

    @Property(tries = 1000)
    void randomBytesGiveAValueOrAFieldDecodeException(@ForAll("fieldBytes") byte[] field,
                                                      @ForAll boolean signed, @ForAll boolean flag,
                                                      @ForAll boolean separate, @ForAll boolean leading,
                                                      @ForAll @IntRange(min = -3, max = 5) int scale) {
        NumericFormat fmt = new NumericFormat(38, scale, signed, leading ? SignPosition.LEADING : SignPosition.TRAILING,
                separate, flag && !separate);
        int len = field.length;
        tryDecode(() -> ZonedDecimal.decode(field, 0, len, fmt, flag, !flag, out));
        tryDecode(() -> ZonedDecimal.decode(field, 0, len, fmt, !flag, flag, out));
        tryDecode(() -> PackedDecimal.decode(field, 0, len, fmt, out));
        tryDecode(() -> BinaryInteger.decode(field, 0, Math.min(len, 16), fmt, flag, out));
        tryDecode(() -> NumericEdited.decode(field, 0, len, fmt, CodePage.of(flag ? "cp037" : "ascii"), out));
        if (len >= 8) {
            for (Format format : Format.values()) {
                try {
                    FloatingPoint.decodeSingle(field, 0, format);
                    FloatingPoint.decodeDouble(field, 0, format);
                } catch (FieldDecodeException expected) {
                    assertTrue(expected.getMessage() != null);
                }
            }
        }
    }

    private void tryDecode(Runnable decode) {
        try {
            decode.run();
        } catch (FieldDecodeException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
            return;
        }
        if (out.isBlank()) {
            return;
        }
        assertTrue(out.digits().length() > 0, "a value has at least one digit");
        for (int i = 0; i < out.digits().length(); i++) {
            byte d = out.digits().byteAt(i);
            assertTrue(d >= '0' && d <= '9', "digit " + d);
        }
        out.toBigDecimal();
        plain();
    }
}
