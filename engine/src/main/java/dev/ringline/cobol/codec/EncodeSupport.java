package dev.ringline.cobol.codec;

import dev.ringline.cobol.error.ErrorCode;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Value checks shared by the encoders (test-data generation and round trips; they allocate). */
final class EncodeSupport {
    private EncodeSupport() {
    }

    /**
     * Digits a field stores: the picture's digits less trailing {@code P}s (negative scale). Leading {@code P}s
     * cannot be told from {@code V} in a {@link NumericFormat}: callers pass the stored digit count explicitly.
     */
    static int storedDigits(NumericFormat fmt) {
        return fmt.scale() < 0 ? fmt.digits() + fmt.scale() : fmt.digits();
    }

    /** The unscaled value at exactly {@code fmt.scale()}; rejects lost digits and negatives in unsigned fields. */
    static BigInteger unscaled(BigDecimal value, NumericFormat fmt) {
        BigDecimal scaled;
        try {
            scaled = value.setScale(fmt.scale(), java.math.RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new FieldDecodeException(ErrorCode.VALUE_OUT_OF_RANGE,
                    "value " + value.toPlainString() + " has more fraction digits than scale " + fmt.scale());
        }
        BigInteger unscaled = scaled.unscaledValue();
        if (unscaled.signum() < 0 && !fmt.signed()) {
            throw new FieldDecodeException(ErrorCode.VALUE_OUT_OF_RANGE,
                    "negative value " + value.toPlainString() + " in an unsigned field");
        }
        return unscaled;
    }

    /** {@code |unscaled|} as exactly {@code count} ASCII digits, zero-padded on the left. */
    static String digits(BigInteger unscaled, int count) {
        String text = unscaled.abs().toString();
        if (text.length() > count) {
            throw new FieldDecodeException(ErrorCode.VALUE_OUT_OF_RANGE,
                    "unscaled value " + unscaled + " does not fit " + count + " digits");
        }
        return "0".repeat(count - text.length()) + text;
    }

    static void checkUnsignedLong(long unscaled, NumericFormat fmt) {
        if (unscaled < 0 && !fmt.signed()) {
            throw new FieldDecodeException(ErrorCode.VALUE_OUT_OF_RANGE,
                    "negative value " + unscaled + " in an unsigned field");
        }
    }
}
