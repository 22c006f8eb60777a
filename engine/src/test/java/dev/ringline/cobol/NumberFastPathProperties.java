package dev.ringline.cobol;

import dev.ringline.memory.ByteVector;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The long fast path (PackedDecimal.decodeLong + JsonNumbers.appendScaled) is the digit path, byte for byte. */
class NumberFastPathProperties {

    @Property(tries = 3000)
    void packedThroughALongEqualsPackedThroughDigits(@ForAll @Size(min = 1, max = 9) byte[] bytes,
                                                     @ForAll @IntRange(min = -6, max = 18) int scale,
                                                     @ForAll boolean signed) {
        int digits = Math.max(1, Math.max(scale, 2 * bytes.length - 1));
        NumericFormat fmt = NumericFormat.of(Math.min(digits, NumericFormat.MAX_DIGITS), scale, signed);
        String slow;
        try {
            DecodedNumber n = new DecodedNumber();
            PackedDecimal.decode(bytes, 0, bytes.length, fmt, n);
            ByteVector out = new ByteVector(8);
            n.appendPlainText(out);
            slow = text(out);
        } catch (FieldDecodeException e) {
            slow = e.code() + ": " + e.getMessage() + " @" + e.byteIndex();
        }
        String fast;
        try {
            long unscaled = PackedDecimal.decodeLong(bytes, 0, bytes.length, fmt);
            ByteVector out = new ByteVector(8);
            JsonNumbers.appendScaled(unscaled, scale, out);
            fast = text(out);
        } catch (FieldDecodeException e) {
            fast = e.code() + ": " + e.getMessage() + " @" + e.byteIndex();
        }
        assertEquals(slow, fast);
    }

    @Property(tries = 2000)
    void appendScaledEqualsThePlainTextOfTheDigits(@ForAll @LongRange(min = -999_999_999_999_999_999L, max = 999_999_999_999_999_999L) long v,
                                                   @ForAll @IntRange(min = -4, max = 18) int scale) {
        DecodedNumber n = new DecodedNumber();
        n.setUnsigned(Math.abs(v), v < 0, scale);
        ByteVector slow = new ByteVector(8);
        n.appendPlainText(slow);
        ByteVector fast = new ByteVector(8);
        JsonNumbers.appendScaled(v, scale, fast);
        assertEquals(text(slow), text(fast));
    }

    private static String text(ByteVector v) {
        return new String(v.array(), 0, v.length(), StandardCharsets.US_ASCII);
    }
}
