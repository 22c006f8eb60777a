package dev.ringline.cobol.codec;

import dev.ringline.cobol.SharedTestData;
import dev.ringline.cobol.codec.FloatingPoint.Format;
import dev.ringline.memory.ByteVector;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Decodes a handful of test6 fields (offsets from its layout.txt) for all 100 records and compares them with the
 * values Cobrix wrote to expected.jsonl. Skipped when the shared Cobrix data is absent.
 */
class CobrixTest6CrossCheckTest {
    private static final int RECORD_LENGTH = 1493;
    private static final int RECORDS = 100;

    private static byte[] data;
    private static List<String> expected;

    @BeforeAll
    static void load() throws IOException {
        Path dir = SharedTestData.cobrix().resolve("test6");
        data = Files.readAllBytes(dir.resolve("data.dat"));
        expected = Files.readAllLines(dir.resolve("expected.jsonl"), StandardCharsets.UTF_8);
        assertEquals(RECORD_LENGTH * RECORDS, data.length);
        assertEquals(RECORDS, expected.size());
    }

    /** The raw JSON text of a top-level scalar value (numbers only here). */
    private static String jsonValue(String line, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\":(-?[0-9.Ee+-]+)").matcher(line);
        return m.find() ? m.group(1) : null;
    }

    /** {@code start} is the 1-based START column of layout.txt. */
    private static void forEachRecord(String key, int start, BiConsumer<Integer, String> check) {
        for (int r = 0; r < RECORDS; r++) {
            String value = jsonValue(expected.get(r), key);
            assertEquals(true, value != null, key + " present in record " + r);
            check.accept(r * RECORD_LENGTH + start - 1, value);
        }
    }

    private static String plain(DecodedNumber n) {
        ByteVector text = new ByteVector(8);
        n.appendPlainText(text);
        return new String(text.toByteArray(), StandardCharsets.US_ASCII);
    }

    private final DecodedNumber out = new DecodedNumber();

    @Test
    void packedDecimals() {
        forEachRecord("NUM_BCD_SDEC07", 1190, (off, want) -> {
            PackedDecimal.decode(data, off, 9, NumericFormat.of(17, 2, true), out);
            assertEquals(want, plain(out));
        });
        forEachRecord("NUM_BCD_SINT14", 1079, (off, want) -> {
            PackedDecimal.decode(data, off, 19, NumericFormat.of(37, 0, true), out);
            assertEquals(want, plain(out));
        });
        forEachRecord("COMMON_UPC5DDC", 1376, (off, want) -> { // PPP9(5) COMP-3
            PackedDecimal.decode(data, off, 3, NumericFormat.of(8, 8, false), out);
            assertEquals(want, plain(out));
        });
    }

    @Test
    void signedBinaries() {
        forEachRecord("NUM_SBIN_SINT06", 718, (off, want) -> {
            BinaryInteger.decode(data, off, 4, NumericFormat.of(8, 0, true), true, out);
            assertEquals(want, plain(out));
        });
        forEachRecord("NUM_SBIN_SINT10", 742, (off, want) -> {
            BinaryInteger.decode(data, off, 8, NumericFormat.of(17, 0, true), true, out);
            assertEquals(want, plain(out));
        });
        forEachRecord("NUM_SBIN_SINT14", 776, (off, want) -> {
            BinaryInteger.decode(data, off, 16, NumericFormat.of(37, 0, true), true, out);
            assertEquals(want, plain(out));
        });
    }

    @Test
    void zonedDecimals() {
        NumericFormat leadingSeparate = new NumericFormat(9, 0, true, SignPosition.LEADING, true, false);
        forEachRecord("NUM_SL_STR_INT01", 1234, (off, want) -> {
            ZonedDecimal.decode(data, off, 10, leadingSeparate, true, false, out);
            assertEquals(want, plain(out));
        });
        NumericFormat trailingSeparate = new NumericFormat(4, 2, true, SignPosition.TRAILING, true, false);
        forEachRecord("NUM_ST_STR_DEC01", 1259, (off, want) -> {
            ZonedDecimal.decode(data, off, 5, trailingSeparate, true, false, out);
            assertEquals(want, plain(out));
        });
        NumericFormat leadingOverpunch = new NumericFormat(7, 7, true, SignPosition.LEADING, false, false);
        forEachRecord("NUM_SLI_STR_DEC01", 1264, (off, want) -> {
            ZonedDecimal.decode(data, off, 7, leadingOverpunch, true, false, out);
            assertEquals(want, plain(out));
        });
        forEachRecord("NUM_STR_SINT14", 305, (off, want) -> {
            ZonedDecimal.decode(data, off, 37, NumericFormat.of(37, 0, true), true, false, out);
            assertEquals(want, plain(out));
        });
    }

    @Test
    void explicitPointFieldsAsNumericEdited() {
        CodePage cp037 = CodePage.of("cp037");
        forEachRecord("NUM_STR_EDEC03", 584, (off, want) -> { // S9(3).99
            NumericEdited.decode(data, off, 6, NumericFormat.of(5, 2, true), cp037, out);
            assertEquals(want, plain(out));
        });
        forEachRecord("NUM_STR_EDEC06", 609, (off, want) -> { // S9(5).9(5)
            NumericEdited.decode(data, off, 11, NumericFormat.of(10, 5, true), cp037, out);
            assertEquals(want, plain(out));
        });
    }

    @Test
    void ieeeFloats() {
        forEachRecord("FLOAT_01", 1292, (off, want) ->
                assertEquals(Float.parseFloat(want), FloatingPoint.decodeSingle(data, off, Format.IEEE_754)));
        forEachRecord("DOUBLE_01", 1296, (off, want) ->
                assertEquals(Double.parseDouble(want), FloatingPoint.decodeDouble(data, off, Format.IEEE_754)));
    }
}
