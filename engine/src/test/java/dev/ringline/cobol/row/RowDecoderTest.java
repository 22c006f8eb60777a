package dev.ringline.cobol.row;

import dev.ringline.buffer.ByteVector;
import dev.ringline.cobol.codec.BinaryInteger;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.FloatingPoint;
import dev.ringline.cobol.codec.PackedDecimal;
import dev.ringline.cobol.codec.ZonedDecimal;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.Field;
import dev.ringline.cobol.copybook.FieldType;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.copybook.Segments;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.cobol.error.RecordDecodeException;
import dev.ringline.cobol.json.BlankNumerics;
import dev.ringline.cobol.json.EmptyText;
import dev.ringline.cobol.json.Fillers;
import dev.ringline.cobol.json.JsonOptions;
import dev.ringline.cobol.json.RecordDecoder;
import dev.ringline.cobol.json.Trim;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The typed decode gives the JSON writer's values, typed as documented, for valid, random and short records. */
class RowDecoderTest {
    static final String COPYBOOK = String.join("\n",
            "       01  REC.",
            "           05  ID              PIC 9(10).",
            "           05  NAME            PIC X(12).",
            "           05  NAT             PIC N(4).",
            "           05  AMOUNT          PIC S9(7)V99.",
            "           05  PACKED          PIC S9(9)V99 COMP-3.",
            "           05  WIDE            PIC S9(25)V9(3) COMP-3.",
            "           05  SMALL           PIC S9(4) COMP.",
            "           05  COUNTER         PIC 9(4) COMP.",
            "           05  UNSIGNED-4      PIC 9(9) COMP.",
            "           05  NATIVE-8        PIC 9(18) COMP-5.",
            "           05  RATE            COMP-1.",
            "           05  RATIO           COMP-2.",
            "           05  FILLER          PIC X(3).",
            "           05  DATE-NUM        PIC 9(8).",
            "           05  DATE-PARTS REDEFINES DATE-NUM.",
            "               10  YYYY        PIC 9(4).",
            "               10  MM          PIC 9(2).",
            "               10  DD          PIC 9(2).",
            "           05  N-ITEMS         PIC 9(1).",
            "           05  ITEM OCCURS 0 TO 4 TIMES DEPENDING ON N-ITEMS.",
            "               10  CODE        PIC X(2).",
            "               10  QTY         PIC S9(3) COMP-3.",
            "               10  TAGS        PIC X OCCURS 2.",
            "") + "\n";

    static final RecordLayout LAYOUT = Copybook.parse(COPYBOOK, "rec.cpy").firstRecord();
    static final CodePage CP = CodePage.of("cp037");

    static JsonOptions json(boolean lenient) {
        return json(lenient, BlankNumerics.REJECT, EmptyText.STRING);
    }

    static JsonOptions json(boolean lenient, BlankNumerics blanks, EmptyText empty) {
        return new JsonOptions(CP, Trim.RIGHT, false, false, lenient, blanks, empty, Fillers.OMIT, false, null, true,
                FloatingPoint.Format.IBM_HEX);
    }

    static String jsonLine(RecordDecoder decoder, byte[] record) {
        ByteVector out = new ByteVector(1024);
        decoder.decode(record, 0, record.length, 0, 0, decoder.newContext(), out);
        String s = new String(out.array(), 0, out.length(), StandardCharsets.UTF_8);
        return s.substring(0, s.length() - 1);
    }

    @Test
    void typesFollowThePictureOrTheBinaryRange() {
        RowDecoder decoder = RowDecoder.compile(LAYOUT, RowOptions.of(json(false)));
        List<RowColumn> c = decoder.columns();
        assertEquals(List.of("ID", "NAME", "NAT", "AMOUNT", "PACKED", "WIDE", "SMALL", "COUNTER", "UNSIGNED-4", "NATIVE-8",
                "RATE", "RATIO", "DATE-NUM", "DATE-PARTS", "N-ITEMS", "ITEM"), c.stream().map(RowColumn::name).toList());
        assertEquals(ValueKind.LONG, c.get(0).kind());
        assertEquals(ValueKind.TEXT, c.get(1).kind());
        assertEquals(ValueKind.TEXT, c.get(2).kind());
        assertEquals(List.of(ValueKind.DECIMAL, 9, 2), List.of(c.get(3).kind(), c.get(3).precision(), c.get(3).scale()));
        assertEquals(List.of(ValueKind.DECIMAL, 29, 3), List.of(c.get(5).kind(), c.get(5).precision(), c.get(5).scale()));
        assertEquals(ValueKind.INT, c.get(6).kind());
        assertEquals(ValueKind.INT, c.get(7).kind());
        assertEquals(ValueKind.LONG, c.get(8).kind(), "a 4-byte unsigned binary does not fit an int");
        assertEquals(List.of(ValueKind.DECIMAL, 20, 0), List.of(c.get(9).kind(), c.get(9).precision(), c.get(9).scale()));
        assertEquals(ValueKind.FLOAT, c.get(10).kind());
        assertEquals(ValueKind.DOUBLE, c.get(11).kind());
        assertEquals(ValueKind.INT, c.get(12).kind());
        assertEquals(ValueKind.GROUP, c.get(13).kind());
        assertEquals(ValueKind.ARRAY, c.get(15).kind());
        assertTrue(c.get(15).variableLength());
        assertEquals(ValueKind.GROUP, c.get(15).element().kind());
        assertEquals(ValueKind.ARRAY, c.get(15).element().children().get(2).kind());
    }

    @Test
    void validRecordsGiveTheJsonWritersValues() {
        RecordDecoder json = RecordDecoder.compile(LAYOUT, json(false));
        RowDecoder rows = RowDecoder.compile(LAYOUT, RowOptions.of(json(false)));
        Random random = new Random(13);
        for (int i = 0; i < 500; i++) {
            byte[] record = validRecord(random);
            assertEquals(jsonLine(json, record), JsonRowSink.toJson(rows, record, i), "record " + i);
        }
    }

    @Test
    void randomBytesGiveTheSameValuesAndNullsUnderALenientPolicy() {
        RecordDecoder json = RecordDecoder.compile(LAYOUT, json(true));
        RowDecoder rows = RowDecoder.compile(LAYOUT, RowOptions.of(json(true)));
        Random random = new Random(7);
        int nulls = 0;
        for (int i = 0; i < 2000; i++) {
            byte[] record = validRecord(random);
            for (int k = random.nextInt(6); k > 0; k--) {
                record[random.nextInt(record.length)] = (byte) random.nextInt(256);
            }
            String expected = jsonLine(json, record);
            nulls += expected.contains("null") ? 1 : 0;
            assertEquals(expected, JsonRowSink.toJson(rows, record, i), "record " + i);
        }
        assertTrue(nulls > 100, "the corruption reaches fields: " + nulls);
    }

    @Test
    void blankNumbersAndEmptyTextFollowTheSameSettings() {
        for (BlankNumerics blanks : BlankNumerics.values()) {
            for (EmptyText empty : EmptyText.values()) {
                JsonOptions options = json(true, blanks, empty);
                RecordDecoder json = RecordDecoder.compile(LAYOUT, options);
                RowDecoder rows = RowDecoder.compile(LAYOUT, RowOptions.of(options));
                Random random = new Random(17);
                for (int i = 0; i < 300; i++) {
                    byte[] record = validRecord(random);
                    for (Field f : LAYOUT.flatten()) {
                        if (!f.isGroup() && !f.isArray() && random.nextInt(3) == 0) {
                            Arrays.fill(record, f.offset(), f.offset() + f.length(),
                                    random.nextBoolean() ? CP.space() : 0);
                        }
                    }
                    assertEquals(jsonLine(json, record), JsonRowSink.toJson(rows, record, i),
                            blanks + " " + empty + " record " + i);
                }
            }
        }
    }

    @Test
    void shortRecordsNullWhatIsMissing() {
        RecordDecoder json = RecordDecoder.compile(LAYOUT, json(true));
        RowDecoder rows = RowDecoder.compile(LAYOUT, RowOptions.of(json(true)));
        byte[] record = validRecord(new Random(3));
        for (int len = 0; len <= record.length; len += 7) {
            byte[] cut = java.util.Arrays.copyOf(record, len);
            assertEquals(jsonLine(json, cut), JsonRowSink.toJson(rows, cut, 0), "length " + len);
        }
    }

    @Test
    void aBadFieldFailsTheRecordWithItsPathUnlessLenient() {
        byte[] record = validRecord(new Random(5));
        Field packed = LAYOUT.find("PACKED").orElseThrow();
        record[packed.offset() + packed.length() - 1] = 0x11; // not a sign nibble
        RowDecoder strict = RowDecoder.compile(LAYOUT, RowOptions.of(json(false)));
        RecordDecodeException e = assertThrows(RecordDecodeException.class,
                () -> JsonRowSink.toJson(strict, record, 4));
        assertEquals("PACKED", e.error().fieldPath());
        assertEquals(4, e.error().recordSequence());

        RowDecoder lenient = RowDecoder.compile(LAYOUT, RowOptions.of(json(true)));
        RowDecoder.Context ctx = lenient.newContext();
        StringBuilder sb = new StringBuilder("{");
        lenient.decode(record, 0, record.length, 4, 100, ctx, new JsonRowSink(sb, lenient.columns(), false));
        assertTrue(sb.toString().contains("\"PACKED\":null"), sb.toString());
        assertEquals(1, ctx.fieldErrors().size());
        assertFalse(ctx.fieldErrors().get(0).message().isEmpty());
    }

    @Test
    void unselectedFieldsAreNotColumnsAndNotDecoded() {
        byte[] record = validRecord(new Random(9));
        Field packed = LAYOUT.find("PACKED").orElseThrow();
        record[packed.offset() + packed.length() - 1] = 0x11; // would fail if it were decoded
        RowDecoder some = RowDecoder.compile(LAYOUT, RowOptions.of(json(false)),
                f -> !f.name().equals("PACKED") && !f.name().equals("MM"));
        String full = jsonLine(RecordDecoder.compile(LAYOUT, json(true)), record);
        String pruned = JsonRowSink.toJson(some, record, 0);
        assertEquals(full.replaceFirst("\"PACKED\":null,", "").replaceFirst("\"MM\":[0-9]+,", ""), pruned);
        assertEquals(1, some.columns().get(12).children().get(1).ordinal(), "DD follows YYYY once MM is gone");
    }

    @Test
    void textIsUtf8StraightFromTheCodePage() {
        RowDecoder rows = RowDecoder.compile(LAYOUT, RowOptions.of(json(false)), f -> f.name().equals("NAME"));
        byte[] record = validRecord(new Random(1));
        Field name = LAYOUT.find("NAME").orElseThrow();
        CP.encode("Zoë ¢5 ¬  ", record, name.offset(), name.length());
        byte[][] seen = new byte[1][];
        rows.decode(record, 0, record.length, 0, 0, rows.newContext(), new JsonRowSink(new StringBuilder(),
                rows.columns(), false) {
            @Override
            public void setText(int ordinal, byte[] utf8, int off, int len) {
                seen[0] = java.util.Arrays.copyOfRange(utf8, off, off + len);
            }
        });
        assertEquals("Zoë ¢5 ¬", new String(seen[0], StandardCharsets.UTF_8));
    }

    @Test
    void segmentsNullTheViewsTheRecordDoesNotSelect() {
        String copybook = String.join("\n",
                "       01  REC.",
                "           05  REC-TYPE        PIC X.",
                "           05  CUSTOMER.",
                "               10  NAME        PIC X(6).",
                "           05  ORDER-DATA REDEFINES CUSTOMER.",
                "               10  AMOUNT      PIC 9(4)V99.",
                "           05  TAIL            PIC X(2).") + "\n";
        RecordLayout layout = Copybook.parse(copybook, "seg.cpy").firstRecord();
        Segments segments = Segments.on("REC-TYPE").map("C", "CUSTOMER").map("O", "ORDER-DATA");
        JsonOptions options = new JsonOptions(CP, Trim.RIGHT, false, false, false, BlankNumerics.REJECT,
                EmptyText.STRING, Fillers.OMIT, false, segments, true, FloatingPoint.Format.IBM_HEX);
        RecordDecoder json = RecordDecoder.compile(layout, options);
        RowDecoder rows = RowDecoder.compile(layout, RowOptions.of(options));
        byte[] customer = new byte[9];
        CP.encode("CALICE Z", customer, 0, 9);
        byte[] order = new byte[9];
        CP.encode("O001234ZZ", order, 0, 9);
        assertEquals(jsonLine(json, customer), JsonRowSink.toJson(rows, customer, 0)
                .replace(",\"ORDER-DATA\":null", ""));
        assertEquals(jsonLine(json, order), JsonRowSink.toJson(rows, order, 1).replace("\"CUSTOMER\":null,", ""));
        assertTrue(JsonRowSink.toJson(rows, order, 1).contains("\"ORDER-DATA\":{\"AMOUNT\":12.34}"));
        byte[] unknown = customer.clone();
        CP.encode("X", unknown, 0, 1);
        RecordDecodeException e = assertThrows(RecordDecodeException.class,
                () -> JsonRowSink.toJson(rows, unknown, 2));
        assertEquals(ErrorCode.UNKNOWN_SEGMENT, e.error().code());
    }

    @Test
    void fillerGroupsAreTransparentAndNamesUniqueAsInTheJson() {
        String copybook = String.join("\n",
                "       01  REC.",
                "           05  CODE            PIC X(2).",
                "           05  FILLER.",
                "               10  CODE        PIC X(2).",
                "               10  FILLER      PIC X(3).",
                "               10  QTY         PIC 9(3).",
                "           05  FILLER          PIC X(4).",
                "           05  AMOUNT          PIC S9(3)V9 COMP-3.") + "\n";
        RecordLayout layout = Copybook.parse(copybook, "filler.cpy").firstRecord();
        RecordDecoder json = RecordDecoder.compile(layout, json(false));
        RowDecoder rows = RowDecoder.compile(layout, RowOptions.of(json(false)));
        byte[] record = new byte[17];
        CP.encode("ABCD---042xxxx", record, 0, 14);
        PackedDecimal.encode(new BigDecimal("-12.5"), layout.find("AMOUNT").orElseThrow().numeric(), record, 14);
        assertEquals(List.of("CODE", "CODE_2", "QTY", "AMOUNT"), rows.columns().stream().map(RowColumn::name).toList());
        assertEquals(jsonLine(json, record), JsonRowSink.toJson(rows, record, 0));
        RowDecoder pruned = RowDecoder.compile(layout, RowOptions.of(json(false)), f -> !f.path().equals("CODE"));
        assertEquals("CODE_2", pruned.columns().get(0).name(), "a column keeps its name whatever is pruned");
    }

    /** A record whose every field holds a valid random value, the ODO counter a valid count. */
    static byte[] validRecord(Random random) {
        byte[] record = new byte[LAYOUT.length()];
        for (Field f : LAYOUT.fields()) {
            fill(f, 0, record, random);
        }
        Field counter = LAYOUT.find("N-ITEMS").orElseThrow();
        ZonedDecimal.encode(BigDecimal.valueOf(random.nextInt(5)), counter.numeric(), true, record, counter.offset());
        return record;
    }

    private static void fill(Field f, int delta, byte[] record, Random random) {
        if (f.redefines() != null) {
            return; // the redefined item's value stands for both views
        }
        for (int i = 0; i < f.occursMax(); i++) {
            int at = delta + i * f.length();
            if (f.isGroup()) {
                for (Field child : f.children()) {
                    fill(child, at, record, random);
                }
            } else {
                fillOne(f, f.offset() + at, record, random);
            }
        }
    }

    private static void fillOne(Field f, int at, byte[] record, Random random) {
        if (f.type() == FieldType.ALPHANUMERIC || f.type() == FieldType.ALPHABETIC) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(f.length() + 1); i > 0; i--) {
                s.append("abcXYZ 09\"\\-".charAt(random.nextInt(12)));
            }
            CP.encode(s, record, at, f.length());
            return;
        }
        if (f.type() == FieldType.NATIONAL) {
            String chars = "Aé€ \u3000z";
            for (int i = 0; i < f.length(); i += 2) {
                char c = random.nextInt(4) == 0 ? ' ' : chars.charAt(random.nextInt(chars.length()));
                record[at + i] = (byte) (c >> 8);
                record[at + i + 1] = (byte) c;
            }
            return;
        }
        if (f.type() == FieldType.FLOAT_SINGLE) {
            FloatingPoint.encodeSingle((float) (random.nextGaussian() * 1000), FloatingPoint.Format.IBM_HEX, record, at);
            return;
        }
        if (f.type() == FieldType.FLOAT_DOUBLE) {
            FloatingPoint.encodeDouble(random.nextGaussian() * 1e6, FloatingPoint.Format.IBM_HEX, record, at);
            return;
        }
        int digits = f.numeric().digits();
        BigInteger unscaled = new BigInteger(digits * 3, random).mod(BigInteger.TEN.pow(digits));
        if (f.numeric().signed() && random.nextBoolean()) {
            unscaled = unscaled.negate();
        }
        BigDecimal value = new BigDecimal(unscaled, f.numeric().scale());
        switch (f.type()) {
            case ZONED -> ZonedDecimal.encode(value, f.numeric(), true, record, at);
            case PACKED -> PackedDecimal.encode(value, f.numeric(), record, at);
            default -> BinaryInteger.encode(value, f.numeric(), true, record, at, f.length());
        }
    }
}
