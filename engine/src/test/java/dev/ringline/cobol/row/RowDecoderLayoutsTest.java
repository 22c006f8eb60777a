package dev.ringline.cobol.row;

import dev.ringline.buffer.ByteVector;
import dev.ringline.cobol.Json;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.FloatingPoint;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.copybook.Segments;
import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.cobol.error.RecordDecodeException;
import dev.ringline.cobol.json.BlankNumerics;
import dev.ringline.cobol.json.EmptyText;
import dev.ringline.cobol.json.Fillers;
import dev.ringline.cobol.json.JsonOptions;
import dev.ringline.cobol.json.RecordDecoder;
import dev.ringline.cobol.json.Trim;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layouts and settings the typed decode once refused or read differently from the JSON writer: FILLER kept,
 * FILLER tables, variable OCCURS DEPENDING ON (items after a table move up), counters inside an enclosing table's
 * element, PIC G text, and the records of a multi-record copybook selected by segment. Each is checked line by line
 * against {@link RecordDecoder}.
 */
class RowDecoderLayoutsTest {
    private static final CodePage CP = CodePage.of("cp037");

    private static JsonOptions json(CodePage page, Trim trim, EmptyText empty, Fillers fillers, boolean variable,
                                    Segments segments) {
        return new JsonOptions(page, trim, false, false, true, BlankNumerics.NULL, empty, fillers, variable, segments,
                true, FloatingPoint.Format.IBM_HEX);
    }

    /** The JSON line of each decoder, or the error code when the record fails; both must agree. */
    private static void assertSameAsJson(RecordLayout layout, JsonOptions options, byte[] record, String what) {
        RecordDecoder jsonDecoder = RecordDecoder.compile(layout, options);
        RowDecoder rows = RowDecoder.compile(layout, RowOptions.of(options));
        assertEquals(jsonOrError(jsonDecoder, record), rowOrError(rows, record), what);
    }

    private static String jsonOrError(RecordDecoder decoder, byte[] record) {
        try {
            ByteVector out = new ByteVector(256);
            decoder.decode(record, 0, record.length, 0, 0, decoder.newContext(), out);
            String s = new String(out.array(), 0, out.length(), StandardCharsets.UTF_8);
            return s.substring(0, s.length() - 1);
        } catch (RecordDecodeException e) {
            return "error " + e.error().code();
        }
    }

    private static String rowOrError(RowDecoder decoder, byte[] record) {
        try {
            return JsonRowSink.toJson(decoder, record, 0);
        } catch (RecordDecodeException e) {
            return "error " + e.error().code();
        }
    }

    private static byte[] ebcdic(String text) {
        return text.getBytes(Charset.forName("IBM037"));
    }

    @Test
    void fillersKeptOrOmittedAndFillerTablesAsInTheJson() {
        RecordLayout layout = Copybook.parse(String.join("\n",
                "       01  R.",
                "           05  A           PIC X(2).",
                "           05  FILLER      PIC X(2).",
                "           05  FILLER      PIC 9(3).",
                "           05  FILLER OCCURS 2.",
                "               10  B       PIC X(1).",
                "               10  FILLER  PIC X(1).",
                "           05  FILLER.",
                "               10  C       PIC 9(2).",
                "               10  FILLER  PIC S9(3) COMP-3.",
                ""), "f.cpy").firstRecord();
        List<String> omitted = RowDecoder.compile(layout, RowOptions.of(json(CP, Trim.RIGHT, EmptyText.STRING,
                Fillers.OMIT, false, null))).columns().stream().map(RowColumn::name).toList();
        assertEquals(List.of("A", "FILLER", "C"), omitted, "a FILLER table of named items is a column");
        List<String> kept = RowDecoder.compile(layout, RowOptions.of(json(CP, Trim.RIGHT, EmptyText.STRING,
                Fillers.KEEP, false, null))).columns().stream().map(RowColumn::name).toList();
        assertEquals(List.of("A", "FILLER", "FILLER_2", "FILLER_3", "C", "FILLER_4"), kept);
        Random random = new Random(13);
        for (int i = 0; i < 300; i++) {
            byte[] record = new byte[layout.length()];
            if (i % 3 == 0) {
                random.nextBytes(record);
            } else {
                byte[] text = ebcdic(String.format("AB%c%c%03d", 'a' + i % 26, ' ', i % 1000) + "XYZW"
                        + String.format("%02d", i % 100));
                System.arraycopy(text, 0, record, 0, text.length);
                record[text.length] = 0x12;
                record[text.length + 1] = (byte) (i % 2 == 0 ? 0x3C : 0x3D);
            }
            for (Fillers fillers : Fillers.values()) {
                assertSameAsJson(layout, json(CP, Trim.RIGHT, EmptyText.STRING, fillers, false, null), record,
                        fillers + " record " + i);
            }
        }
    }

    static final RecordLayout NESTED = Copybook.parse(String.join("\n",
            "       01  R.",
            "           05  N           PIC 9.",
            "           05  T OCCURS 0 TO 3 TIMES DEPENDING ON N.",
            "               10  M       PIC 9.",
            "               10  U OCCURS 0 TO 2 TIMES DEPENDING ON M.",
            "                   15  V   PIC X(2).",
            "               10  W       PIC S9(3) COMP-3.",
            "           05  AFTER       PIC X(3).",
            ""), "odo.cpy").firstRecord();

    /** A record as written with only the present elements, then padded with spaces to the layout's length. */
    static byte[] nestedRecord(Random random, boolean valid) {
        ByteVector b = new ByteVector(64);
        int n = random.nextInt(4);
        b.append(ebcdic(Integer.toString(n)));
        for (int i = 0; i < n; i++) {
            int m = random.nextInt(3);
            b.append(ebcdic(Integer.toString(m)));
            for (int j = 0; j < m; j++) {
                b.append(ebcdic("" + (char) ('A' + random.nextInt(26)) + (char) ('a' + random.nextInt(26))));
            }
            int w = random.nextInt(1000);
            b.append((byte) ((w / 100) << 4 | (w / 10) % 10));
            b.append((byte) ((w % 10) << 4 | (random.nextBoolean() ? 0xC : 0xD)));
        }
        b.append(ebcdic("Z" + random.nextInt(10) + "z"));
        byte[] record = new byte[NESTED.length()];
        Arrays.fill(record, (byte) 0x40);
        System.arraycopy(b.array(), 0, record, 0, b.length());
        if (!valid) {
            record[random.nextInt(b.length())] = (byte) random.nextInt(256);
        }
        return record;
    }

    @Test
    void variableOccursMovesLaterItemsAndNestedCountersCountPerElement() {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            byte[] record = nestedRecord(random, i % 4 != 0);
            for (boolean variable : new boolean[] {false, true}) {
                assertSameAsJson(NESTED, json(CP, Trim.RIGHT, EmptyText.STRING, Fillers.OMIT, variable, null), record,
                        "variable " + variable + " record " + i);
            }
        }
        // one record checked by hand: T[1] has M = 2, so AFTER is 1 + (1 + 0 + 2) + (1 + 4 + 2) bytes in
        byte[] record = new byte[NESTED.length()];
        Arrays.fill(record, (byte) 0x40);
        byte[] head = ebcdic("20");
        System.arraycopy(head, 0, record, 0, 2);
        record[2] = 0x00;
        record[3] = 0x1C;
        System.arraycopy(ebcdic("2ABCD"), 0, record, 4, 5);
        record[9] = 0x00;
        record[10] = 0x2D;
        System.arraycopy(ebcdic("END"), 0, record, 11, 3);
        RowDecoder rows = RowDecoder.compile(NESTED, RowOptions.of(json(CP, Trim.RIGHT, EmptyText.STRING,
                Fillers.OMIT, true, null)));
        assertEquals("{\"N\":2,\"T\":[{\"M\":0,\"U\":[],\"W\":1},{\"M\":2,\"U\":[{\"V\":\"AB\"},{\"V\":\"CD\"}],"
                + "\"W\":-2}],\"AFTER\":\"END\"}", JsonRowSink.toJson(rows, record, 0));
    }

    @Test
    void unselectedCountersAndVariableItemsStillPlaceTheSelectedOnes() {
        Random random = new Random(11);
        JsonOptions options = json(CP, Trim.RIGHT, EmptyText.STRING, Fillers.OMIT, true, null);
        RowDecoder all = RowDecoder.compile(NESTED, RowOptions.of(options));
        RowDecoder after = RowDecoder.compile(NESTED, RowOptions.of(options), f -> f.name().equals("AFTER"));
        assertEquals(List.of("AFTER"), after.columns().stream().map(RowColumn::name).toList());
        for (int i = 0; i < 200; i++) {
            byte[] record = nestedRecord(random, true);
            String full = JsonRowSink.toJson(all, record, 0);
            String pruned = JsonRowSink.toJson(after, record, 0);
            assertTrue(full.endsWith("," + pruned.substring(1)), full + " vs " + pruned);
        }
    }

    @Test
    void aBadCounterFailsTheRecordWhenLaterItemsDependOnIt() {
        byte[] record = new byte[NESTED.length()];
        Arrays.fill(record, (byte) 0x40);
        record[0] = (byte) 0xF7; // N = 7, more than 3
        RowDecoder variable = RowDecoder.compile(NESTED, RowOptions.of(json(CP, Trim.RIGHT, EmptyText.STRING,
                Fillers.OMIT, true, null)));
        RecordDecodeException e = assertThrows(RecordDecodeException.class,
                () -> JsonRowSink.toJson(variable, record, 0));
        assertEquals(ErrorCode.ODO_OUT_OF_RANGE, e.error().code());
        RowDecoder fixed = RowDecoder.compile(NESTED, RowOptions.of(json(CP, Trim.RIGHT, EmptyText.STRING,
                Fillers.OMIT, false, null)));
        assertEquals("{\"N\":7,\"T\":null,\"AFTER\":\"\"}", JsonRowSink.toJson(fixed, record, 0),
                "positions do not depend on it: the table is null under a lenient policy");
    }

    @Test
    void doubleByteTextDecodesWithTheCodePagesCharset() {
        RecordLayout layout = Copybook.parse(String.join("\n",
                "       01  R.",
                "           05  G1  PIC G(3).",
                "           05  X1  PIC X(2).",
                "           05  G2  PIC N(2) USAGE DISPLAY-1.",
                ""), "g.cpy").firstRecord();
        CodePage cp939 = CodePage.of("cp939");
        Charset ibm939 = Charset.forName("x-IBM939");
        byte[] record = new byte[12];
        Arrays.fill(record, (byte) 0x40);
        byte[] nihon = "\u65e5\u672c".getBytes(ibm939); // SO, 4 bytes, SI
        System.arraycopy(nihon, 1, record, 0, 4);
        record[6] = (byte) 0xC1;
        for (Trim trim : Trim.values()) {
            for (EmptyText empty : EmptyText.values()) {
                assertSameAsJson(layout, json(cp939, trim, empty, Fillers.OMIT, false, null), record,
                        trim + " " + empty);
            }
        }
        RowDecoder rows = RowDecoder.compile(layout, RowOptions.of(json(cp939, Trim.RIGHT, EmptyText.NULL,
                Fillers.OMIT, false, null)));
        assertEquals("{\"G1\":\"\u65e5\u672c\",\"X1\":\"A\",\"G2\":null}", JsonRowSink.toJson(rows, record, 0));
        CobolException none = assertThrows(CobolException.class, () -> RowDecoder.compile(layout,
                RowOptions.of(json(CP, Trim.RIGHT, EmptyText.STRING, Fillers.OMIT, false, null))));
        assertEquals(ErrorCode.COPYBOOK_UNSUPPORTED, none.code());
    }

    static final Copybook RECORDS = Copybook.parse(String.join("\n",
            "       01  HDR-REC.",
            "           05  REC-TYPE    PIC X.",
            "           05  REC-ID      PIC 9(4).",
            "           05  NAME        PIC X(10).",
            "       01  DTL-REC.",
            "           05  REC-TYPE    PIC X.",
            "           05  REC-ID      PIC 9(4).",
            "           05  AMOUNT      PIC S9(5)V99 COMP-3.",
            "           05  QTY         PIC 9(3).",
            "           05  NAME        PIC X(2).",
            ""), "multi.cpy");

    @Test
    void multiRecordCopybookSegmentsGiveTheSelectedRecordsStruct() {
        RecordLayout union = RECORDS.union();
        Segments segments = Segments.on("REC-TYPE").map("H", "HDR-REC").map("D", "DTL-REC").emitUnknown(true);
        JsonOptions options = json(CP, Trim.RIGHT, EmptyText.STRING, Fillers.OMIT, false, segments);
        RecordDecoder jsonDecoder = RecordDecoder.compile(union, options);
        RowDecoder rows = RowDecoder.compile(union, RowOptions.of(options));
        List<RowColumn> columns = rows.columns();
        assertEquals(List.of("REC-TYPE", "REC-ID", "HDR-REC", "DTL-REC"), columns.stream().map(RowColumn::name)
                .toList());
        assertEquals(List.of("NAME"), columns.get(2).children().stream().map(RowColumn::name).toList());
        assertEquals(List.of("AMOUNT", "QTY", "NAME"), columns.get(3).children().stream().map(RowColumn::name)
                .toList());
        Random random = new Random(3);
        String[] types = {"H", "D", "X"};
        for (int i = 0; i < 300; i++) {
            byte[] record = new byte[union.length()];
            random.nextBytes(record);
            String type = types[i % 3];
            System.arraycopy(ebcdic(type + String.format("%04d", i)), 0, record, 0, 5);
            Map<String, Object> row = Json.object(JsonRowSink.toJson(rows, record, i));
            Object selected = row.remove(type.equals("H") ? "HDR-REC" : "DTL-REC");
            Object other = row.remove(type.equals("H") ? "DTL-REC" : "HDR-REC");
            assertNull(other, "the record the segment does not select is null");
            if (type.equals("X")) {
                assertNull(selected, "an unknown segment has only the shared fields");
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> members = (Map<String, Object>) selected;
                row.putAll(members);
            }
            Map<String, Object> expected = Json.object(jsonOrError(jsonDecoder, record));
            assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(new LinkedHashMap<>(row).keySet()),
                    "record " + i);
            assertEquals(expected, row, "record " + i);
        }
    }

    @Test
    void multiRecordCopybookWithoutSegmentsHasEveryRecordAsAStruct() {
        RecordLayout union = RECORDS.union();
        byte[] record = new byte[union.length()];
        new Random(5).nextBytes(record);
        System.arraycopy(ebcdic("D0042"), 0, record, 0, 5);
        assertSameAsJson(union, json(CP, Trim.RIGHT, EmptyText.STRING, Fillers.OMIT, false, null), record, "union");
    }
}
