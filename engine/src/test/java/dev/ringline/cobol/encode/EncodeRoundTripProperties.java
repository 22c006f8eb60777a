package dev.ringline.cobol.encode;

import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.codec.SignPosition;
import dev.ringline.cobol.copybook.Field;
import dev.ringline.cobol.copybook.RecordLayout;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The round trips that prove the encoder is the decoder's inverse: {@code encode(decode(bytes)) == bytes} for
 * canonical data and {@code decode(encode(json)) == json} for canonical JSON, per field type and for random whole
 * layouts. Canonical bytes are built here from the rules (not with the codec's encoders):
 * <ul>
 *   <li>text: bytes whose characters round-trip in the code page, without trailing characters up to U+0020 other
 *       than the space (decoding trims them, encoding pads with spaces);</li>
 *   <li>zoned: zone {@code F} on every digit; the sign digit has zone {@code C} (positive or zero) or {@code D}
 *       (negative) in signed fields, {@code F} in unsigned ones; a separate sign is {@code +} or {@code -}; no
 *       negative zero;</li>
 *   <li>packed: unused high nibble 0; sign nibble {@code C}/{@code D} when signed, {@code F} when unsigned; no
 *       negative zero;</li>
 *   <li>binary: big-endian two's complement within the PICTURE's digits (COMP) or the bytes (COMP-5);</li>
 *   <li>COMP-2 (IBM): normalised, with at most 53 significant fraction bits, and positive zero as all zeros;</li>
 *   <li>FILLER: the fill bytes (spaces by default).</li>
 * </ul>
 * Variants that decode but re-encode differently are pinned in {@link #nonCanonicalVariantsReEncodeCanonically()}.
 */
class EncodeRoundTripProperties {
    private static final CodePage CP037 = CodePage.of("cp037");
    private static final String TEXT_CHARS = "ABCXYZabcxyz0189 -.,'\"\\/&%$#@!?éüÄ¢";

    // ------------------------------------------------------------------ per field type

    @Property(tries = 300)
    void zonedRoundTrips(@ForAll @IntRange(min = 1, max = 31) int digits, @ForAll @IntRange(min = 0, max = 31) int scale,
                         @ForAll boolean signed, @ForAll @IntRange(min = 0, max = 2) int sign, @ForAll long seed) {
        int s = Math.min(scale, digits);
        String signClause = !signed || sign == 0 ? "" : sign == 1 ? " SIGN LEADING SEPARATE" : " SIGN TRAILING SEPARATE";
        String pic = (signed ? "S" : "") + "9(" + (digits - s) + ")" + (s > 0 ? "V9(" + s + ")" : "");
        if (digits == s) {
            pic = (signed ? "S" : "") + "V9(" + s + ")";
        }
        assertRoundTrips(single(pic + signClause), seed);
    }

    @Property(tries = 300)
    void packedRoundTrips(@ForAll @IntRange(min = 1, max = 31) int digits, @ForAll @IntRange(min = 0, max = 5) int scale,
                          @ForAll boolean signed, @ForAll long seed) {
        int s = Math.min(scale, digits - 1);
        String pic = (signed ? "S" : "") + "9(" + (digits - s) + ")" + (s > 0 ? "V9(" + s + ")" : "") + " COMP-3";
        assertRoundTrips(single(pic), seed);
    }

    @Property(tries = 300)
    void binaryRoundTrips(@ForAll @IntRange(min = 1, max = 18) int digits, @ForAll boolean signed,
                          @ForAll boolean native5, @ForAll @IntRange(min = 0, max = 3) int scale, @ForAll long seed) {
        int s = Math.min(scale, digits - 1);
        String pic = (signed ? "S" : "") + "9(" + (digits - s) + ")" + (s > 0 ? "V9(" + s + ")" : "")
                + (native5 ? " COMP-5" : " COMP");
        assertRoundTrips(single(pic), seed);
    }

    @Property(tries = 200)
    void textAndFloatRoundTrip(@ForAll @IntRange(min = 1, max = 40) int length, @ForAll long seed) {
        assertRoundTrips(single("X(" + length + ")"), seed);
        assertRoundTrips(single("A(" + length + ")"), seed);
        assertRoundTrips(layout("           05  F    COMP-2."), seed);
    }

    @Property(tries = 300)
    void canonicalJsonRoundTrips(@ForAll @IntRange(min = 1, max = 18) int digits,
                                 @ForAll @IntRange(min = 0, max = 6) int scale, @ForAll long seed,
                                 @ForAll("texts") String text) {
        int s = Math.min(scale, digits - 1);
        String pic = "S9(" + (digits - s) + ")" + (s > 0 ? "V9(" + s + ")" : "");
        RecordLayout layout = layout("           05  T    PIC X(40).",
                "           05  Z    PIC " + pic + ".",
                "           05  P    PIC " + pic + " COMP-3.",
                "           05  B    PIC " + pic + " COMP.");
        SplittableRandom random = new SplittableRandom(seed);
        BigInteger bound = BigInteger.TEN.pow(digits);
        StringBuilder json = new StringBuilder("{\"T\":\"").append(escape(text)).append('"');
        for (String name : new String[] {"Z", "P", "B"}) {
            BigInteger unscaled = new BigInteger(bound.bitLength() + 8, new java.util.Random(random.nextLong()))
                    .mod(bound);
            if (random.nextBoolean()) {
                unscaled = unscaled.negate();
            }
            String plain = new BigDecimal(unscaled, s).toPlainString();
            json.append(",\"").append(name).append("\":").append(plain);
        }
        String line = json.append('}').toString();
        byte[] record = RecordEncoderTest.encode(layout, line);
        assertEquals(line, RecordEncoderTest.decode(layout, record));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars(TEXT_CHARS).ofMaxLength(40)
                .filter(t -> t.isEmpty() || t.charAt(t.length() - 1) > ' ');
    }

    // ------------------------------------------------------------------ whole random layouts

    @Property(tries = 200)
    void randomLayoutsRoundTrip(@ForAll("copybooks") String copybook, @ForAll long seed) {
        assertRoundTrips(RecordEncoderTest.layout(copybook), seed);
    }

    @Provide
    Arbitrary<String> copybooks() {
        Arbitrary<String> elementary = Arbitraries.of(
                "PIC X(7).", "PIC A(3).", "PIC 9(5).", "PIC S9(4)V99.", "PIC S9(3) SIGN LEADING SEPARATE.",
                "PIC S9(7)V99 COMP-3.", "PIC 9(4) COMP-3.", "PIC S9(4) COMP.", "PIC 9(9) COMP.",
                "PIC S9(18) COMP-5.", "COMP-2.", "PIC X(2).");
        return Arbitraries.integers().between(1, 5).flatMap(n -> elementary.list().ofSize(n * 3).map(pics -> {
            List<String> lines = new ArrayList<>();
            lines.add("       01  REC.");
            int k = 0;
            for (int i = 0; i < n; i++) {
                switch (i % 4) {
                    case 0:
                        lines.add("           05  F" + i + "  " + pics.get(k++));
                        break;
                    case 1:
                        lines.add("           05  G" + i + " OCCURS " + (1 + k % 3) + " TIMES.");
                        lines.add("               10  H" + i + "  " + pics.get(k++));
                        lines.add("               10  FILLER  PIC X(1).");
                        lines.add("               10  J" + i + "  " + pics.get(k++));
                        break;
                    case 2:
                        lines.add("           05  D" + i + "  PIC X(6).");
                        lines.add("           05  E" + i + " REDEFINES D" + i + ".");
                        lines.add("               10  E" + i + "A  PIC 9(2).");
                        lines.add("               10  E" + i + "B  PIC 9(4).");
                        break;
                    default:
                        lines.add("           05  FILLER  PIC X(3).");
                        lines.add("           05  K" + i + "  " + pics.get(k++));
                }
            }
            return String.join("\n", lines) + "\n";
        }));
    }

    // ------------------------------------------------------------------ variants

    @Test
    void nonCanonicalVariantsReEncodeCanonically() {
        HexFormat hex = HexFormat.of();
        // zoned: an F zone on a signed field's sign digit reads as positive and comes back as C
        assertVariant(single("S9(3)"), "f1f2f3", "f1f2c3");
        // zoned: negative zero comes back positive
        assertVariant(single("S9(3)"), "f0f0d0", "f0f0c0");
        // packed: sign F (or A, E) in a signed field comes back as C; B comes back as D
        assertVariant(single("S9(3) COMP-3"), "123f", "123c");
        assertVariant(single("S9(3) COMP-3"), "123a", "123c");
        assertVariant(single("S9(3) COMP-3"), "123b", "123d");
        // packed: negative zero comes back positive
        assertVariant(single("S9(3) COMP-3"), "000d", "000c");
        // text: trailing low-values are trimmed like spaces, so they come back as spaces
        assertVariant(single("X(4)"), "c1c20000", "c1c24040");
        assertEquals(4, hex.parseHex("c1c24040").length);
    }

    private static void assertVariant(RecordLayout layout, String variant, String canonical) {
        byte[] bytes = HexFormat.of().parseHex(variant);
        String json = RecordEncoderTest.decode(layout, bytes);
        assertEquals(canonical, HexFormat.of().formatHex(RecordEncoderTest.encode(layout, json)), json);
    }

    // ------------------------------------------------------------------ helpers

    private static RecordLayout single(String pictureAndUsage) {
        return layout("           05  F    PIC " + pictureAndUsage + ".");
    }

    private static RecordLayout layout(String... fieldLines) {
        return RecordEncoderTest.layout("       01  REC.\n" + String.join("\n", fieldLines) + "\n");
    }

    /** Canonical bytes → JSON → the same bytes, and the JSON → bytes → the same JSON. */
    private static void assertRoundTrips(RecordLayout layout, long seed) {
        byte[] record = new byte[layout.length()];
        Arrays.fill(record, CP037.space());
        SplittableRandom random = new SplittableRandom(seed);
        fill(layout.root(), 0, record, random);
        String json = RecordEncoderTest.decode(layout, record);
        byte[] encoded = RecordEncoderTest.encode(layout, json);
        assertArrayEquals(record, encoded, () -> json + "\n" + HexFormat.of().formatHex(record) + "\n"
                + HexFormat.of().formatHex(encoded));
        assertEquals(json, RecordEncoderTest.decode(layout, encoded));
    }

    private static void fill(Field field, int shift, byte[] record, SplittableRandom random) {
        if (field.redefines() != null) {
            return;
        }
        int count = field.isArray() ? field.occursMax() : 1;
        for (int i = 0; i < count; i++) {
            int at = field.offset() + shift + i * field.length();
            if (field.filler()) {
                continue;
            }
            if (field.isGroup()) {
                for (Field child : field.children()) {
                    fill(child, shift + i * field.length(), record, random);
                }
            } else if (field.redefined()) {
                for (int k = 0; k < field.length(); k++) {
                    record[at + k] = (byte) (0xF0 + random.nextInt(10)); // digits satisfy every view
                }
            } else {
                canonical(field, record, at, random);
            }
        }
    }

    private static void canonical(Field f, byte[] dst, int at, SplittableRandom random) {
        NumericFormat fmt = f.numeric();
        switch (f.type()) {
            case ALPHANUMERIC:
            case ALPHABETIC:
                for (int k = 0; k < f.length(); k++) {
                    char c = f.type() == dev.ringline.cobol.copybook.FieldType.ALPHABETIC
                            ? "ABCxyz ".charAt(random.nextInt(7)) : TEXT_CHARS.charAt(random.nextInt(TEXT_CHARS.length()));
                    dst[at + k] = (byte) CP037.toByte(c);
                }
                return;
            case ZONED: {
                boolean separate = fmt.signSeparate();
                int digits = f.length() - (separate ? 1 : 0);
                int start = at + (separate && fmt.signPosition() == SignPosition.LEADING ? 1 : 0);
                boolean nonZero = false;
                for (int k = 0; k < digits; k++) {
                    int d = random.nextInt(10);
                    nonZero |= d != 0;
                    dst[start + k] = (byte) (0xF0 + d);
                }
                boolean negative = fmt.signed() && nonZero && random.nextBoolean();
                if (separate) {
                    dst[fmt.signPosition() == SignPosition.LEADING ? at : at + digits] = (byte) (negative ? 0x60 : 0x4E);
                } else if (fmt.signed()) {
                    int s = fmt.signPosition() == SignPosition.LEADING ? start : start + digits - 1;
                    dst[s] = (byte) ((negative ? 0xD0 : 0xC0) | (dst[s] & 0x0F));
                }
                return;
            }
            case PACKED: {
                int declared = fmt.digits();
                int nibbles = 2 * f.length() - 1;
                boolean nonZero = false;
                int[] n = new int[2 * f.length()];
                for (int k = nibbles - declared; k < nibbles; k++) {
                    n[k] = random.nextInt(10);
                    nonZero |= n[k] != 0;
                }
                boolean negative = fmt.signed() && nonZero && random.nextBoolean();
                n[nibbles] = !fmt.signed() ? 0xF : negative ? 0xD : 0xC;
                for (int k = 0; k < f.length(); k++) {
                    dst[at + k] = (byte) (n[2 * k] << 4 | n[2 * k + 1]);
                }
                return;
            }
            case BINARY:
            case NATIVE_BINARY: {
                BigInteger value;
                if (f.type() == dev.ringline.cobol.copybook.FieldType.BINARY) {
                    BigInteger bound = BigInteger.TEN.pow(fmt.digits());
                    value = new BigInteger(bound.bitLength() + 8, new java.util.Random(random.nextLong())).mod(bound);
                } else {
                    int bits = 8 * f.length() - (fmt.signed() ? 1 : 0);
                    value = new BigInteger(bits, new java.util.Random(random.nextLong()));
                }
                if (fmt.signed() && random.nextBoolean()) {
                    value = value.negate();
                }
                byte[] twos = value.toByteArray();
                for (int k = 0; k < f.length(); k++) {
                    int from = twos.length - f.length() + k;
                    dst[at + k] = from >= 0 ? twos[from] : (byte) (value.signum() < 0 ? 0xFF : 0);
                }
                return;
            }
            case FLOAT_DOUBLE: {
                long fraction = random.nextLong() & ((1L << 56) - 1);
                if (random.nextInt(10) == 0) {
                    Arrays.fill(dst, at, at + 8, (byte) 0);
                    return;
                }
                fraction |= (long) (1 + random.nextInt(15)) << 52; // normalised: first hex digit non-zero
                int leadingZeros = Long.numberOfLeadingZeros(fraction) - 8;
                fraction &= -1L << (3 - leadingZeros); // at most 53 significant bits
                int exponent = 64 + random.nextInt(-20, 20);
                long bits = (random.nextBoolean() ? Long.MIN_VALUE : 0) | (long) exponent << 56 | fraction;
                for (int k = 0; k < 8; k++) {
                    dst[at + k] = (byte) (bits >>> (56 - 8 * k));
                }
                return;
            }
            default:
                throw new IllegalArgumentException(f.type().name());
        }
    }

    private static String escape(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
