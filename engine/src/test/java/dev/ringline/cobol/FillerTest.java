package dev.ringline.cobol;

import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.codec.PackedDecimal;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.copybook.Segments;
import dev.ringline.cobol.copybook.UniqueKeys;
import dev.ringline.cobol.json.Fillers;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Section 3 of issue 11: a FILLER group never drops its named children; keys stay unique. */
class FillerTest {
    private static final CodePage CP037 = CodePage.of("cp037");

    /** The shape of the issue (a FILLER group redefining a date) plus FILLER values, nesting and a table. */
    static final String COPYBOOK = String.join("\n",
            "       01  TXN.",
            "           05  TRANSACTION-DATE      PIC X(8).",
            "           05  FILLER REDEFINES TRANSACTION-DATE.",
            "               10  TRANSACTION-YEAR  PIC 9(4).",
            "               10  TRANSACTION-MONTH PIC 9(2).",
            "               10  TRANSACTION-DAY   PIC 9(2).",
            "           05  FILLER                PIC X(2).",
            "           05  AMOUNT                PIC S9(5)V99 COMP-3.",
            "           05  FILLER.",
            "               10  FILLER            PIC X(1).",
            "               10  AMOUNT            PIC X(3).",
            "               10  FILLER.",
            "                   15  DEEP-CODE     PIC X(2).",
            "           05  FILLER OCCURS 2 TIMES.",
            "               10  ITEM              PIC X(1).",
            "               10  FILLER            PIC X(1).",
            "           05  FILLER OCCURS 2 TIMES PIC X(1).");

    private static byte[] record() {
        byte[] rec = new byte[8 + 2 + 4 + 6 + 4 + 2];
        Arrays.fill(rec, CP037.space());
        CP037.encode("20240317", rec, 0, 8);
        CP037.encode("zz", rec, 8, 2);
        PackedDecimal.encodeUnscaled(-12345, NumericFormat.of(7, 2, true), rec, 10);
        CP037.encode("|EUR", rec, 14, 4);
        CP037.encode("DC", rec, 18, 2);
        CP037.encode("A-B-", rec, 20, 4);
        CP037.encode("XY", rec, 24, 2);
        return rec;
    }

    private static String decode(String copybook, byte[] data, DecodeOptions.Builder options) throws IOException {
        RecordLayout layout = Copybook.parse(copybook, "filler.cpy").firstRecord();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CobolDecoder.decode(Channels.newChannel(new ByteArrayInputStream(data)), layout, options.build(), out);
        String text = out.toString(StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            Json.parse(line); // strict: a duplicate key fails
        }
        return text;
    }

    @Test
    void namedChildrenOfFillerGroupsAreWrittenInTheEnclosingObject() throws IOException {
        assertEquals("{\"TRANSACTION-DATE\":\"20240317\",\"TRANSACTION-YEAR\":2024,\"TRANSACTION-MONTH\":3,"
                + "\"TRANSACTION-DAY\":17,\"AMOUNT\":-123.45,\"AMOUNT_2\":\"EUR\",\"DEEP-CODE\":\"DC\","
                + "\"FILLER\":[{\"ITEM\":\"A\"},{\"ITEM\":\"B\"}]}\n",
                decode(COPYBOOK, record(), DecodeOptions.builder()));
    }

    @Test
    void fillerKeepWritesFillerValuesUnderGeneratedUniqueKeys() throws IOException {
        assertEquals("{\"TRANSACTION-DATE\":\"20240317\",\"TRANSACTION-YEAR\":2024,\"TRANSACTION-MONTH\":3,"
                + "\"TRANSACTION-DAY\":17,\"FILLER\":\"zz\",\"AMOUNT\":-123.45,\"FILLER_2\":\"|\","
                + "\"AMOUNT_2\":\"EUR\",\"DEEP-CODE\":\"DC\","
                + "\"FILLER_3\":[{\"ITEM\":\"A\",\"FILLER\":\"-\"},{\"ITEM\":\"B\",\"FILLER\":\"-\"}],"
                + "\"FILLER_4\":[\"X\",\"Y\"]}\n",
                decode(COPYBOOK, record(), DecodeOptions.builder().fillers(Fillers.KEEP)));
    }

    @Test
    void aFillerViewOfAGovernedSetFollowsTheSegmentMapping() throws IOException {
        String copybook = String.join("\n",
                "       01  R.",
                "           05  KIND        PIC X.",
                "           05  TEXT-VIEW   PIC X(4).",
                "           05  FILLER REDEFINES TEXT-VIEW.",
                "               10  NUM-VIEW PIC 9(4).");
        byte[] data = new byte[10];
        CP037.encode("TABCD", data, 0, 5);
        CP037.encode("N0042", data, 5, 5);
        // the FILLER group is a view of the governed set: its children go with it
        assertEquals("{\"KIND\":\"T\",\"TEXT-VIEW\":\"ABCD\"}\n{\"KIND\":\"N\"}\n",
                decode(copybook, data, DecodeOptions.builder().segments(Segments.on("KIND")
                        .map("T", "TEXT-VIEW").emitUnknown(true))));
        assertEquals("{\"KIND\":\"T\",\"TEXT-VIEW\":\"ABCD\",\"NUM-VIEW\":null}\n"
                + "{\"KIND\":\"N\",\"TEXT-VIEW\":\"0042\",\"NUM-VIEW\":42}\n", decode(copybook, data,
                DecodeOptions.builder().errorPolicy(ErrorPolicy.lenient())), "without segments both views");
    }

    @Test
    void uniqueKeysFollowTheSharedRule() {
        assertEquals(List.of("FILLER", "FILLER_2", "FILLER_3"), UniqueKeys.assign(List.of("FILLER", "FILLER",
                "FILLER")));
        // A_2 is a real name of the object: the second A skips it
        assertEquals(List.of("A", "A_3", "A_2"), UniqueKeys.assign(List.of("A", "A", "A_2")));
        assertEquals(List.of("A_2", "A", "A_3", "B"), UniqueKeys.assign(List.of("A_2", "A", "A", "B")));
        assertEquals(List.of("X", "Y"), UniqueKeys.assign(List.of("X", "Y")));
        assertEquals(List.of("Amount", "AMOUNT_2"), UniqueKeys.assign(List.of("Amount", "AMOUNT")),
                "names compare as COBOL compares them");
    }
}
