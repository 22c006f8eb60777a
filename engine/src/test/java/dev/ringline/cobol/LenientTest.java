package dev.ringline.cobol;

import dev.ringline.cobol.CobolDecoderTest.RejectsCollector;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.codec.PackedDecimal;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.cobol.json.BlankNumerics;
import dev.ringline.cobol.json.EmptyText;
import dev.ringline.cobol.json.RejectsSink;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Section 2 of issue 11: field-by-field lenient decoding, blank numerics, empty text. */
class LenientTest {
    private static final CodePage CP037 = CodePage.of("cp037");
    /** 20 bytes: zoned, packed, a table of packed, text. */
    private static final String COPYBOOK = String.join("\n",
            "       01  R.",
            "           05  QTY      PIC S9(3)V99.",
            "           05  PRICE    PIC 9(3)V99 COMP-3.",
            "           05  RATES    OCCURS 2 TIMES PIC 9(3) COMP-3.",
            "           05  NAME     PIC X(8).");
    private static final int LENGTH = 20;

    private static RecordLayout layout() {
        return Copybook.parse(COPYBOOK, "lenient.cpy").firstRecord();
    }

    /** A good record: QTY 12.34, PRICE 5.00, RATES 7 and 8, NAME "BOB". */
    private static byte[] good() {
        byte[] rec = new byte[LENGTH];
        CP037.encode("01234", rec, 0, 5);
        PackedDecimal.encodeUnscaled(500, NumericFormat.of(5, 2, false), rec, 5);
        PackedDecimal.encodeUnscaled(7, NumericFormat.of(3, 0, false), rec, 8);
        PackedDecimal.encodeUnscaled(8, NumericFormat.of(3, 0, false), rec, 10);
        CP037.encode("BOB", rec, 12, 8);
        return rec;
    }

    private static String decode(byte[] data, DecodeOptions.Builder options, DecodeSummary[] summary)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecodeSummary s = CobolDecoder.decode(Channels.newChannel(new ByteArrayInputStream(data)), layout(),
                options.build(), out);
        if (summary != null) {
            summary[0] = s;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onErrorNullKeepsTheRecordAndLogsEachFieldErrorWithPathOffsetAndRawBytes() throws IOException {
        byte[] data = new byte[LENGTH * 3];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(good(), 0, data, i * LENGTH, LENGTH);
        }
        data[LENGTH + 10] = (byte) 0xAF;   // record 1: RATES(2) bad digit nibble
        data[LENGTH + 2] = (byte) 0xC1;    // record 1: QTY bad zone ('A' in the middle)
        RejectsCollector rejects = new RejectsCollector();
        RejectsCollector fieldErrors = new RejectsCollector();
        DecodeSummary[] s = new DecodeSummary[1];
        String out = decode(data, DecodeOptions.builder().errorPolicy(ErrorPolicy.lenient()).rejects(rejects)
                .fieldErrors(fieldErrors), s);
        String second = out.split("\n")[1];
        assertEquals("{\"QTY\":null,\"PRICE\":5.00,\"RATES\":[7,null],\"NAME\":\"BOB\"}", second);
        assertEquals(3, s[0].recordsWritten());
        assertEquals(1, s[0].recordsWithFieldErrors());
        assertEquals(2, s[0].fieldErrors());
        assertEquals(0, rejects.errors.size(), "field errors go to their own sink");
        assertEquals("QTY", fieldErrors.errors.get(0).fieldPath());
        assertEquals(ErrorCode.BAD_ZONE, fieldErrors.errors.get(0).code());
        assertEquals(LENGTH, fieldErrors.errors.get(0).byteOffset(), "the record's start");
        assertEquals(LENGTH + 2, fieldErrors.errors.get(0).fieldByteOffset(), "the bad byte");
        assertEquals("RATES[1]", fieldErrors.errors.get(1).fieldPath());
        assertEquals(LENGTH + 10, fieldErrors.errors.get(1).fieldByteOffset());
        assertArrayEquals(Arrays.copyOfRange(data, LENGTH, 2 * LENGTH), fieldErrors.raw.get(1));
    }

    @Test
    void fieldErrorsGoToTheRejectsSinkByDefaultAndCanBeDiscarded() throws IOException {
        byte[] data = good();
        data[2] = (byte) 0xC1;
        RejectsCollector rejects = new RejectsCollector();
        decode(data, DecodeOptions.builder().errorPolicy(ErrorPolicy.lenient()).rejects(rejects), null);
        assertEquals(1, rejects.errors.size());
        RejectsCollector none = new RejectsCollector();
        DecodeSummary[] s = new DecodeSummary[1];
        decode(data, DecodeOptions.builder().errorPolicy(ErrorPolicy.lenient()).rejects(none)
                .fieldErrors(RejectsSink.discarding()), s);
        assertEquals(0, none.errors.size());
        assertEquals(1, s[0].recordsWithFieldErrors());
    }

    /** Record with QTY and PRICE and NAME blank (spaces or low-values). */
    private static byte[] blank(byte fill) {
        byte[] rec = good();
        Arrays.fill(rec, 0, 8, fill);
        Arrays.fill(rec, 12, 20, fill);
        return rec;
    }

    @Test
    void blankNumericsRejectNullOrZero() throws IOException {
        for (byte fill : new byte[] {CP037.space(), 0}) {
            RejectsCollector rejects = new RejectsCollector();
            decode(blank(fill), DecodeOptions.builder().rejects(rejects), null);
            assertEquals(1, rejects.errors.size(), "reject is the default");
            assertEquals("{\"QTY\":null,\"PRICE\":null,\"RATES\":[7,8],\"NAME\":\"\"}\n",
                    decode(blank(fill), DecodeOptions.builder().blankNumerics(BlankNumerics.NULL), null));
            assertEquals("{\"QTY\":0.00,\"PRICE\":0.00,\"RATES\":[7,8],\"NAME\":\"\"}\n",
                    decode(blank(fill), DecodeOptions.builder().blankNumerics(BlankNumerics.ZERO), null));
            assertEquals("{\"QTY\":\"0.00\",\"PRICE\":\"0.00\",\"RATES\":[\"7\",\"8\"],\"NAME\":\"\"}\n",
                    decode(blank(fill), DecodeOptions.builder().blankNumerics(BlankNumerics.ZERO)
                            .numbersAsStrings(true), null));
        }
    }

    @Test
    void zonedNumbersWithLeadingSpacesAreAcceptedUnderNullOrZero() throws IOException {
        byte[] rec = good();
        CP037.encode("  123", rec, 0, 5);
        RejectsCollector rejects = new RejectsCollector();
        decode(rec, DecodeOptions.builder().rejects(rejects), null);
        assertEquals(ErrorCode.BAD_ZONE, rejects.errors.get(0).code());
        for (BlankNumerics mode : new BlankNumerics[] {BlankNumerics.NULL, BlankNumerics.ZERO}) {
            assertTrue(decode(rec, DecodeOptions.builder().blankNumerics(mode), null)
                    .startsWith("{\"QTY\":1.23,"), mode.name());
        }
    }

    @Test
    void emptyTextIsAStringOrNull() throws IOException {
        DecodeOptions.Builder lenientNumbers = DecodeOptions.builder().blankNumerics(BlankNumerics.NULL);
        assertTrue(decode(blank((byte) 0), lenientNumbers, null).endsWith("\"NAME\":\"\"}\n"));
        for (byte fill : new byte[] {CP037.space(), 0}) {
            assertTrue(decode(blank(fill), DecodeOptions.builder().blankNumerics(BlankNumerics.NULL)
                    .emptyText(EmptyText.NULL), null).endsWith("\"NAME\":null}\n"));
        }
        byte[] rec = good();
        CP037.encode("   X", rec, 12, 8);
        assertTrue(decode(rec, DecodeOptions.builder().emptyText(EmptyText.NULL), null)
                .endsWith("\"NAME\":\"   X\"}\n"), "only an all-blank field is null");
    }
}
