package dev.ringline.cobol.codec;

import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.memory.ByteVector;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NumericEditedTest {
    private static final String[] PICTURES = {"+9(8)", "9(8)+", "-9(8)", "Z(8)-", "+9(6)V99", "Z(6)VZZ-",
        "9(6).99-", "ZZ,ZZ9.99", "$$$,$$9.99CR", "9(8).9(2)", "**,**9.99", "$$,$$9.99DB", "++++9.99"};

    private final DecodedNumber out = new DecodedNumber();

    private String plain() {
        ByteVector text = new ByteVector(8);
        out.appendPlainText(text);
        return new String(text.toByteArray(), StandardCharsets.US_ASCII);
    }

    private String show(String picture, String value, CodePage cp) {
        byte[] field = new byte[NumericEdited.byteLength(picture)];
        int n = NumericEdited.encode(new BigDecimal(value), picture, cp, field, 0);
        assertEquals(field.length, n);
        char[] text = new char[n];
        for (int i = 0; i < n; i++) {
            text[i] = cp.toChar(field[i] & 0xFF);
        }
        return new String(text);
    }

    @Test
    void encodeShowsWhatCobolShows() {
        CodePage ascii = CodePage.of("ascii");
        assertEquals("-00000123", show("+9(8)", "-123", ascii));
        assertEquals("00000123+", show("9(8)+", "123", ascii));
        assertEquals(" 00000123", show("-9(8)", "123", ascii));
        assertEquals("     123-", show("Z(8)-", "-123", ascii));
        assertEquals("+00012345", show("+9(6)V99", "123.45", ascii));
        assertEquals("      05 ", show("Z(6)VZZ-", "0.05", ascii));
        assertEquals("000123.45-", show("9(6).99-", "-123.45", ascii));
        assertEquals(" 1,234.56", show("ZZ,ZZ9.99", "1234.56", ascii));
        assertEquals("     0.05", show("ZZ,ZZ9.99", "0.05", ascii));
        assertEquals("     $1.23CR", show("$$$,$$9.99CR", "-1.23", ascii));
        assertEquals("$12,345.67  ", show("$$$,$$9.99CR", "12345.67", ascii));
        assertEquals("***123.00", show("**,**9.99", "123", ascii));
        assertEquals("  -12.50", show("++++9.99", "-12.5", ascii));
        assertEquals("         ", show("Z(8)-", "0", ascii));
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE, assertThrows(FieldDecodeException.class,
                () -> show("ZZ,ZZ9.99", "-1", ascii)).code());
        assertEquals(ErrorCode.VALUE_OUT_OF_RANGE, assertThrows(FieldDecodeException.class,
                () -> show("ZZ,ZZ9.99", "100000", ascii)).code());
    }

    private void decode(String shown, String picture, CodePage cp) {
        byte[] field = new byte[shown.length()];
        cp.encode(shown, field, 0, field.length);
        NumericEdited.decode(field, 0, field.length, NumericEdited.formatOf(picture), cp, out);
    }

    @Test
    void decodeVectors() {
        CodePage cp037 = CodePage.of("cp037");
        decode("     $1.23CR", "$$$,$$9.99CR", cp037);
        assertEquals("-1.23", plain());
        decode("  1,234.5 DB", "$$$,$$9.99DB", cp037);
        assertEquals("-1234.50", plain());
        decode("-305.03", "-9(3).99", cp037);
        assertEquals("-305.03", plain());
        decode("00012345+", "9(6)V99+", cp037);
        assertEquals("123.45", plain());
        decode("         ", "Z(8)-", cp037);
        assertTrue(out.isBlank());
        // Overpunched last digit (EBCDIC 0xD5 = -5) in a signed field.
        byte[] punched = {(byte) 0xF1, (byte) 0xF2, (byte) 0x4B, (byte) 0xF3, (byte) 0xD5};
        NumericEdited.decode(punched, 0, punched.length, NumericFormat.of(4, 2, true), cp037, out);
        assertEquals("-12.35", plain());
    }

    @Test
    void decodeErrors() {
        CodePage ascii = CodePage.of("ascii");
        NumericFormat fmt = NumericFormat.of(5, 1, true);
        for (String bad : new String[]{"12.34", "1.2.3", "12A", "--12", "12-3", "$", "1$2"}) {
            byte[] field = bad.getBytes(StandardCharsets.US_ASCII);
            FieldDecodeException e = assertThrows(FieldDecodeException.class,
                    () -> NumericEdited.decode(field, 0, field.length, fmt, ascii, out), bad);
            assertEquals(ErrorCode.BAD_EDITED_NUMBER, e.code(), bad);
        }
        byte[] field = "12".getBytes(StandardCharsets.US_ASCII);
        NumericEdited.decode(field, 0, 2, new NumericFormat(3, 0, false, SignPosition.TRAILING, false, true), ascii,
                out);
        assertEquals("12", plain());
        byte[] blank = "   ".getBytes(StandardCharsets.US_ASCII);
        NumericEdited.decode(blank, 0, 3, new NumericFormat(3, 1, false, SignPosition.TRAILING, false, true), ascii,
                out);
        assertEquals("0.0", plain());
    }

    @Property(tries = 500)
    void roundTripEveryPicture(@ForAll @IntRange(min = 0, max = 12) int pictureIndex, @ForAll long seed,
                               @ForAll boolean ebcdic) {
        String picture = PICTURES[pictureIndex];
        NumericFormat fmt = NumericEdited.formatOf(picture);
        Random random = new Random(seed);
        BigInteger unscaled = new BigInteger(FieldCodecProperties.randomUnscaled(seed, fmt.digits(), false)
                .toString());
        if (fmt.signed() && random.nextBoolean()) {
            unscaled = unscaled.negate();
        }
        BigDecimal value = new BigDecimal(unscaled, fmt.scale());
        CodePage cp = CodePage.of(ebcdic ? "cp037" : "ascii");
        byte[] field = new byte[NumericEdited.byteLength(picture)];
        NumericEdited.encode(value, picture, cp, field, 0);
        NumericEdited.decode(field, 0, field.length, fmt, cp, out);
        if (value.signum() == 0 && !picture.contains("9")) {
            assertTrue(out.isBlank(), picture + " zero shows blank");
            return;
        }
        assertEquals(value, out.toBigDecimal(), picture);
        assertEquals(FieldCodecProperties.expectedPlain(value, fmt.scale()), plain(), picture);
    }
}
