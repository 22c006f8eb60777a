package dev.ringline.cobol.codec;

import dev.ringline.cobol.error.ErrorCode;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Numeric-edited DISPLAY fields ({@code ZZ,ZZ9.99}, {@code $$$,$$9.99CR}, {@code +9(8)}, {@code Z(6)VZZ-} ...).
 *
 * <p>Decoding reads the number the field shows, loosely, rather than checking it against the picture: bytes are
 * mapped through the code page; spaces, leading {@code *} fill, {@code $} and {@code ,} grouping are skipped; one
 * {@code .} is the decimal point; a {@code +}/{@code -} before or after the digits, or a trailing {@code CR}/
 * {@code DB}, gives the sign; in a signed EBCDIC field an overpunched first or last digit also does. If the field
 * shows a point, its fraction is rescaled to the format's scale (more fraction digits than the scale is an
 * error); if it shows none, the digits are taken as unscaled (an implied {@code V}). All blank is zero under
 * {@code BLANK WHEN ZERO}, else flagged blank. Anything else is {@link ErrorCode#BAD_EDITED_NUMBER}. Decoding
 * allocates nothing.
 *
 * <p>Encoding (for test data) supports the symbols {@code 9 Z * + - . , CR DB $ V S}, with floating {@code $},
 * {@code +} and {@code -} strings; it allocates.
 */
public final class NumericEdited {
    private NumericEdited() {
    }

    /**
     * Decodes {@code len} bytes into {@code out} at {@code fmt.scale()}.
     *
     * @throws FieldDecodeException BAD_EDITED_NUMBER, with the byte index
     */
    public static void decode(byte[] src, int off, int len, NumericFormat fmt, CodePage cp, DecodedNumber out) {
        out.clear();
        var digits = out.digits();
        boolean negative = false;
        boolean signSeen = false;
        boolean signAfterDigits = false;
        boolean pointSeen = false;
        int fractionDigits = 0;
        int overpunchDigit = -1; // index within digits of an overpunched digit
        boolean nonBlank = false;
        boolean overpunchAllowed = fmt.signed() && cp.isEbcdic();
        for (int i = 0; i < len; i++) {
            int b = src[off + i] & 0xFF;
            char c = cp.toChar(b);
            if (c == ' ') {
                continue;
            }
            nonBlank = true;
            boolean haveDigits = digits.length() > 0;
            if (c >= '0' && c <= '9') {
                if (signAfterDigits) {
                    throw bad("digit after the trailing sign", src, off, i);
                }
                digits.append(c);
                if (pointSeen) {
                    fractionDigits++;
                }
                continue;
            }
            if (haveDigits && !signSeen && (c == 'C' || c == 'D') && i + 1 < len) {
                char next = cp.toChar(src[off + i + 1] & 0xFF);
                if ((c == 'C' && next == 'R') || (c == 'D' && next == 'B')) {
                    negative = true;
                    signSeen = true;
                    signAfterDigits = true;
                    i++;
                    continue;
                }
            }
            int zone = b >>> 4;
            if (overpunchAllowed && (zone == 0x0C || zone == 0x0D) && (b & 0x0F) <= 9 && !signAfterDigits
                    && overpunchDigit < 0 && !signSeen) {
                overpunchDigit = digits.length();
                digits.append('0' + (b & 0x0F));
                negative = zone == 0x0D;
                if (pointSeen) {
                    fractionDigits++;
                }
                continue;
            }
            switch (c) {
                case '*', '$' -> {
                    if (haveDigits || pointSeen) {
                        throw bad("fill or currency symbol after the digits", src, off, i);
                    }
                }
                case ',' -> {
                    if (pointSeen || signAfterDigits) {
                        throw bad("grouping comma after the point", src, off, i);
                    }
                }
                case '.' -> {
                    if (pointSeen || signAfterDigits) {
                        throw bad("second decimal point", src, off, i);
                    }
                    pointSeen = true;
                }
                case '+', '-' -> {
                    if (signSeen || overpunchDigit >= 0) {
                        throw bad("second sign", src, off, i);
                    }
                    signSeen = true;
                    negative = c == '-';
                    signAfterDigits = haveDigits || pointSeen;
                }
                default -> throw bad("unexpected character", src, off, i);
            }
        }
        if (!nonBlank) {
            if (fmt.blankWhenZero()) {
                out.setZero(fmt.scale());
            } else {
                out.setBlank(fmt.scale());
            }
            return;
        }
        int n = digits.length();
        if (n == 0) {
            throw new FieldDecodeException(ErrorCode.BAD_EDITED_NUMBER, "edited field shows no digits");
        }
        if (overpunchDigit > 0 && overpunchDigit != n - 1) {
            throw new FieldDecodeException(ErrorCode.BAD_EDITED_NUMBER,
                    "overpunched sign on a digit that is neither first nor last");
        }
        if (negative && !fmt.signed()) {
            throw new FieldDecodeException(ErrorCode.BAD_EDITED_NUMBER, "negative value in an unsigned field");
        }
        if (pointSeen) {
            rescale(digits, fractionDigits, fmt.scale());
        }
        out.set(negative, fmt.scale());
    }

    /** Brings {@code fractionDigits} shown fraction digits to {@code scale} by appending or removing zeros. */
    private static void rescale(dev.ringline.buffer.DigitBuffer digits, int fractionDigits, int scale) {
        if (fractionDigits > scale) {
            throw new FieldDecodeException(ErrorCode.BAD_EDITED_NUMBER,
                    "edited field shows " + fractionDigits + " fraction digits, more than scale " + scale);
        }
        for (int i = fractionDigits; i < scale; i++) {
            digits.append('0');
        }
    }

    private static FieldDecodeException bad(String what, byte[] src, int off, int index) {
        return FieldDecodeException.atByte(ErrorCode.BAD_EDITED_NUMBER, what, src, off, index);
    }

    /**
     * Writes {@code value} as {@code picture} shows it, in {@code cp}; the field is as long as the picture's
     * printed positions. Allocates (test-data path).
     *
     * @return the number of bytes written
     * @throws FieldDecodeException VALUE_OUT_OF_RANGE if the value does not fit or needs a sign the picture lacks
     * @throws IllegalArgumentException for a picture symbol outside the supported set
     */
    public static int encode(BigDecimal value, String picture, CodePage cp, byte[] dst, int off) {
        EditedPicture pic = EditedPicture.parse(picture);
        String text = pic.render(value);
        cp.encode(text, dst, off, text.length());
        if (pic.overpunched()) {
            overpunchLastDigit(value, text, cp, dst, off);
        }
        return text.length();
    }

    /** An {@code S} picture without a printed sign: zone C (positive) or D (negative) on the last digit shown. */
    private static void overpunchLastDigit(BigDecimal value, String text, CodePage cp, byte[] dst, int off) {
        int last = text.length() - 1;
        while (last >= 0 && (text.charAt(last) < '0' || text.charAt(last) > '9')) {
            last--;
        }
        if (!cp.isEbcdic() || last < 0) {
            if (value.signum() < 0) {
                throw new FieldDecodeException(ErrorCode.VALUE_OUT_OF_RANGE, "picture cannot show the sign of "
                        + value.toPlainString() + (cp.isEbcdic() ? "" : " in an ASCII code page"));
            }
            return;
        }
        dst[off + last] = (byte) ((value.signum() < 0 ? 0xD0 : 0xC0) | (dst[off + last] & 0x0F));
    }

    /** Bytes a field of this edited picture occupies. */
    static int byteLength(String picture) {
        return EditedPicture.parse(picture).length();
    }

    /** The format (digits, scale, signed) a picture implies, for callers that build test data. */
    static NumericFormat formatOf(String picture) {
        EditedPicture pic = EditedPicture.parse(picture);
        return NumericFormat.of(pic.digitCount(), pic.scale(), pic.signed());
    }

    /** Unscaled magnitude of {@code value} at {@code scale} as exactly {@code count} digits. */
    static String digitsFor(BigDecimal value, int scale, int count) {
        BigInteger unscaled = EncodeSupport.unscaled(value, NumericFormat.of(Math.max(count, 1), scale, true));
        return EncodeSupport.digits(unscaled, count);
    }
}
