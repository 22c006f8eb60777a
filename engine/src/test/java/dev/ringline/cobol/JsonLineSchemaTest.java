package dev.ringline.cobol;

import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.json.BlankNumerics;
import dev.ringline.cobol.json.EmptyText;
import dev.ringline.cobol.json.Fillers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exported JSON Schema describes exactly what decode writes: every line of every shared Cobrix case, decoded
 * with that case's options and with variants (numbers as strings, metadata, FILLER kept), validates against the
 * schema exported for the same options; lines that differ from what decode writes do not.
 */
class JsonLineSchemaTest {

    static List<CobrixSuiteTest.Case> cases() {
        return CobrixSuiteTest.cases().toList();
    }

    private static DecodeOptions.Builder options(CobrixSuiteTest.Case c) {
        DecodeOptions.Builder options = DecodeOptions.builder()
                .codePage(c.codePage())
                .trim(c.trim())
                .floatFormat(c.floats())
                .blankNumerics(BlankNumerics.NULL)
                .errorPolicy(ErrorPolicy.lenient())
                .workers(2);
        if (c.framing() != null) {
            options.framing(c.framing());
        }
        if (c.segments() != null) {
            options.segments(c.segments());
        }
        return options;
    }

    private static String decode(Path data, RecordLayout layout, DecodeOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FileChannel in = FileChannel.open(data)) {
            DecodeSummary summary = CobolDecoder.decode(in, layout, options, out);
            assertTrue(summary.recordsWritten() > 0, summary.toString());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCobrixLineValidatesAgainstItsSchema(CobrixSuiteTest.Case c) throws IOException {
        Path dir = SharedTestData.cobrix().resolve(c.dir());
        RecordLayout layout = Copybook.parse(dir.resolve("copybook.cob")).firstRecord();
        for (DecodeOptions options : List.of(options(c).build(),
                options(c).numbersAsStrings(true).emitMeta(true).build(),
                options(c).fillers(Fillers.KEEP).emptyText(EmptyText.NULL).build())) {
            SchemaCheck schema = new SchemaCheck(CobolDecoder.jsonSchema(layout, options));
            List<String> errors = schema.errorsOfLines(decode(dir.resolve("data.dat"), layout, options));
            assertEquals(List.of(), errors, "schema:\n" + CobolDecoder.jsonSchema(layout, options));
        }
    }

    /** A record with a decimal, an unsigned integer, a 2..4 table with its counter, and text. */
    private static final String COPYBOOK = String.join("\n",
            "       01  R.",
            "           05  AMOUNT   PIC S9(5)V99 COMP-3.",
            "           05  QTY      PIC 9(4).",
            "           05  N        PIC 9.",
            "           05  ITEMS    OCCURS 2 TO 4 TIMES DEPENDING ON N PIC X(2).",
            "           05  NAME     PIC X(6).");

    @Test
    void linesThatDecodeDoesNotWriteAreRefused() throws IOException {
        RecordLayout layout = Copybook.parse(COPYBOOK, "r.cpy").firstRecord();
        DecodeOptions options = DecodeOptions.builder().workers(1).build();
        SchemaCheck schema = new SchemaCheck(CobolDecoder.jsonSchema(layout, options));
        byte[] rec = new byte[layout.length()];
        dev.ringline.cobol.codec.PackedDecimal.encodeUnscaled(-12345, dev.ringline.cobol.codec.NumericFormat.of(7, 2,
                true), rec, 0);
        CobolDecoderTest.CP037.encode("0042" + "3" + "AABBCC  " + "BOB   ", rec, 4, 19);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CobolDecoder.decode(Channels.newChannel(new ByteArrayInputStream(rec)), layout, options, out);
        String line = out.toString(StandardCharsets.UTF_8).strip();
        assertEquals("{\"AMOUNT\":-123.45,\"QTY\":42,\"N\":3,\"ITEMS\":[\"AA\",\"BB\",\"CC\"],\"NAME\":\"BOB\"}", line);
        assertEquals(List.of(), schema.errors(line));
        for (String bad : List.of(
                line.replace("-123.45", "-123.456"),                 // scale beyond the declared one
                line.replace("\"QTY\":42", "\"QTY\":-42"),              // unsigned
                line.replace("\"QTY\":42", "\"QTY\":\"42\""),           // a string where a number is written
                line.replace("\"CC\"]", "\"CC\",\"DD\",\"EE\"]"),       // more items than OCCURS allows
                line.replace("\"AA\",\"BB\",\"CC\"", "\"AA\""),         // fewer
                line.replace("}", ",\"EXTRA\":1}"),                  // an unknown key
                line.replace("\"BOB\"", "null"),                      // null where strict decoding never writes one
                line.replace(",\"NAME\":\"BOB\"", ""))) {              // a missing key
            assertFalse(schema.errors(bad).isEmpty(), bad);
        }
    }

    @Test
    void numbersAsStringsHaveTheDeclaredScale() throws IOException {
        RecordLayout layout = Copybook.parse(COPYBOOK, "r.cpy").firstRecord();
        SchemaCheck schema = new SchemaCheck(CobolDecoder.jsonSchema(layout,
                DecodeOptions.builder().numbersAsStrings(true).build()));
        String good = "{\"AMOUNT\":\"-0.05\",\"QTY\":\"42\",\"N\":\"2\",\"ITEMS\":[\"A\",\"B\"],\"NAME\":\"X\"}";
        assertEquals(List.of(), schema.errors(good));
        assertFalse(schema.errors(good.replace("-0.05", "-0.5")).isEmpty());
        assertFalse(schema.errors(good.replace("-0.05", "-.05")).isEmpty());
        assertFalse(schema.errors(good.replace("\"42\"", "\"-42\"")).isEmpty());
        assertFalse(schema.errors(good.replace("\"42\"", "42")).isEmpty());
    }

    @Test
    void segmentsMakeUnselectedViewsOptional() throws IOException {
        RecordLayout layout = Copybook.parse(String.join("\n",
                "       01  R.",
                "           05  KIND     PIC X.",
                "           05  A        PIC X(4).",
                "           05  B        REDEFINES A PIC 9(4)."), "seg.cpy").firstRecord();
        DecodeOptions options = DecodeOptions.builder().workers(1)
                .segments(dev.ringline.cobol.copybook.Segments.on("KIND").map("A", "A").map("B", "B")).build();
        SchemaCheck schema = new SchemaCheck(CobolDecoder.jsonSchema(layout, options));
        byte[] data = new byte[10];
        CobolDecoderTest.CP037.encode("AWXYZB1234", data, 0, 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CobolDecoder.decode(Channels.newChannel(new ByteArrayInputStream(data)), layout, options, out);
        String lines = out.toString(StandardCharsets.UTF_8);
        assertEquals("{\"KIND\":\"A\",\"A\":\"WXYZ\"}\n{\"KIND\":\"B\",\"B\":1234}\n", lines);
        assertEquals(List.of(), schema.errorsOfLines(lines));
        assertFalse(schema.errors("{\"A\":\"WXYZ\"}").isEmpty(), "the common field is required");
    }
}
