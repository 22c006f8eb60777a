package dev.ringline.cobol.codec;

import java.util.Objects;

/**
 * How a numeric field's digits are to be read, independent of its usage (DISPLAY, COMP-3, binary...).
 *
 * @param digits        digit positions in the picture, including {@code P} positions (1..38)
 * @param scale         digits right of the decimal point, including leading {@code P}s; negative for trailing
 *                      {@code P}s ({@code 9(5)PPP} has scale -3, {@code PPP9(5)} has scale 8, {@code 9(5)V99} 2)
 * @param signed        the picture has {@code S} (or, for edited pictures, a sign symbol)
 * @param signPosition  where the sign is for DISPLAY fields ({@code TRAILING} unless {@code SIGN LEADING})
 * @param signSeparate  {@code SIGN ... SEPARATE}: the sign takes its own byte
 * @param blankWhenZero {@code BLANK WHEN ZERO}: an all-space field means zero
 */
public record NumericFormat(int digits, int scale, boolean signed, SignPosition signPosition, boolean signSeparate,
                            boolean blankWhenZero) {
    /** Largest digit count accepted (COBOL 2014 allows 38 digits in a numeric item). */
    public static final int MAX_DIGITS = 38;

    public NumericFormat {
        if (digits < 1 || digits > MAX_DIGITS) {
            throw new IllegalArgumentException("digits must be 1.." + MAX_DIGITS + ": " + digits);
        }
        Objects.requireNonNull(signPosition, "signPosition");
    }

    /** An integer or implied-decimal format with a trailing overpunched sign (the COBOL default). */
    public static NumericFormat of(int digits, int scale, boolean signed) {
        return new NumericFormat(digits, scale, signed, SignPosition.TRAILING, false, false);
    }
}
