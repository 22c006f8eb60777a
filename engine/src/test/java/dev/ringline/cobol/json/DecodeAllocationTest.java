package dev.ringline.cobol.json;

import dev.ringline.cobol.codec.BinaryInteger;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.DecodedNumber;
import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.codec.PackedDecimal;
import dev.ringline.cobol.codec.ZonedDecimal;
import dev.ringline.buffer.ByteVector;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-field decode path (text mapping, zoned, packed, binary up to 8 bytes, plain text) allocates nothing. */
class DecodeAllocationTest {
    private static final byte[] ZONED = {(byte) 0xF1, (byte) 0xF2, (byte) 0xF3, (byte) 0xF4, (byte) 0xD5};
    private static final byte[] PACKED = {0x12, 0x34, 0x5D};
    private static final byte[] BINARY = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
        (byte) 0xFF, (byte) 0xFF, (byte) 0xFE};

    @Test
    void steadyStateDecodingAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
                "per-thread allocation counter not available");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported()
                && threads.isThreadAllocatedMemoryEnabled(), "per-thread allocation counter disabled");
        DecodedNumber out = new DecodedNumber();
        ByteVector text = new ByteVector(256);
        StringBuilder chars = new StringBuilder(64);
        CodePage cp = CodePage.of("cp037");
        NumericFormat signed = NumericFormat.of(5, 2, true);
        NumericFormat wide = NumericFormat.of(18, 0, true);
        decodeAll(out, text, chars, cp, signed, wide, 20_000); // warm up, grow buffers, let the JIT settle
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        decodeAll(out, text, chars, cp, signed, wide, 100_000);
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        // One 16-byte object per round would be 1.6 MB; the allowance covers one-off noise (JIT, class loading,
        // the counter itself), which must not turn the test flaky.
        assertTrue(allocated < 64 * 1024, "decoding allocated " + allocated + " bytes in 100,000 rounds");
    }

    private static void decodeAll(DecodedNumber out, ByteVector text, StringBuilder chars, CodePage cp,
                                  NumericFormat signed, NumericFormat wide, int rounds) {
        for (int i = 0; i < rounds; i++) {
            text.clear();
            chars.setLength(0);
            ZonedDecimal.decode(ZONED, 0, ZONED.length, signed, true, false, out);
            out.appendPlainText(text);
            PackedDecimal.decode(PACKED, 0, PACKED.length, signed, out);
            out.appendPlainText(text);
            BinaryInteger.decode(BINARY, 0, BINARY.length, wide, true, out);
            out.appendPlainText(text);
            out.toLong();
            cp.decode(ZONED, 0, ZONED.length, chars);
        }
    }

    /** Segments, a nested OCCURS DEPENDING ON with variable occurs, a FILLER group, national text, blank numerics. */
    private static final String REAL_WORLD = String.join("\n",
            "       01  R.",
            "           05  KIND        PIC X.",
            "           05  A-VIEW.",
            "               10  A-NUM   PIC S9(5) COMP-3.",
            "           05  B-VIEW REDEFINES A-VIEW.",
            "               10  B-TXT   PIC X(3).",
            "           05  FILLER.",
            "               10  N       PIC 9.",
            "           05  T OCCURS 0 TO 2 TIMES DEPENDING ON N.",
            "               10  M       PIC 9.",
            "               10  U OCCURS 0 TO 2 TIMES DEPENDING ON M PIC X.",
            "           05  NAT         PIC N(2).",
            "           05  BLANK-NUM   PIC 9(3).");

    @Test
    void steadyStateRecordDecodingWithTheRealWorldOptionsAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = allocationCounter();
        dev.ringline.cobol.copybook.RecordLayout layout = dev.ringline.cobol.copybook.Copybook.parse(REAL_WORLD,
                "rw.cpy").firstRecord();
        JsonOptions options = new JsonOptions(CodePage.of("cp037"), Trim.RIGHT, false, true, true,
                BlankNumerics.ZERO, EmptyText.NULL, Fillers.OMIT, true, dev.ringline.cobol.copybook.Segments
                .on("KIND").map("A", "A-VIEW").map("B", "B-VIEW"), true, dev.ringline.cobol.codec.FloatingPoint
                .Format.IBM_HEX);
        RecordDecoder decoder = RecordDecoder.compile(layout, options);
        RecordDecoder.Context ctx = decoder.newContext();
        CodePage cp = CodePage.of("cp037");
        byte[] a = new byte[20];
        cp.encode("A", a, 0, 1);
        PackedDecimal.encodeUnscaled(-123, NumericFormat.of(5, 0, true), a, 1);
        cp.encode("22XY1Z", a, 4, 6); // N=2; M=2 X Y; M=1 Z
        a[10] = 0;
        a[11] = 'h';
        a[12] = 0;
        a[13] = 'i';
        cp.encode("   ", a, 14, 3);
        byte[] b = a.clone();
        cp.encode("B", b, 0, 1);
        cp.encode("abc", b, 1, 3);
        ByteVector out = new ByteVector(1 << 16);
        decodeRecords(decoder, ctx, a, b, out, 20_000);
        String line = new String(out.toByteArray(), 0, out.length(), java.nio.charset.StandardCharsets.UTF_8)
                .split("\n")[0];
        assertTrue(line.contains("\"A-NUM\":-123") && line.contains("\"U\":[\"X\",\"Y\"]")
                && line.contains("\"NAT\":\"hi\"") && line.contains("\"BLANK-NUM\":0"), line);
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        decodeRecords(decoder, ctx, a, b, out, 100_000);
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertTrue(allocated < 64 * 1024, "decoding allocated " + allocated + " bytes in 100,000 records");
    }

    /** Every direct kind, a table, and a value left to its general writer (PIC N). */
    private static final String FLAT = String.join("\n",
            "       01  R.",
            "           05  NAME        PIC X(6).",
            "           05  ROWS OCCURS 2 TIMES.",
            "               10  AMOUNT  PIC S9(5)V99 COMP-3.",
            "               10  COUNT   PIC S9(3).",
            "               10  BIN     PIC S9(4) COMP.",
            "           05  NAT         PIC N(2).");

    @Test
    void steadyStateDecodingByGeneratedCodeAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = allocationCounter();
        dev.ringline.cobol.copybook.RecordLayout layout = dev.ringline.cobol.copybook.Copybook.parse(FLAT,
                "flat.cpy").firstRecord();
        RecordDecoder decoder = RecordDecoder.compile(layout, JsonOptions.defaults(CodePage.of("cp037")));
        assertTrue(decoder.generated(), "the layout runs as generated code");
        RecordDecoder.Context ctx = decoder.newContext();
        CodePage cp = CodePage.of("cp037");
        byte[] a = new byte[layout.length()];
        cp.encode("ABC   ", a, 0, 6);
        for (int row = 0; row < 2; row++) {
            int at = 6 + row * 9;
            PackedDecimal.encodeUnscaled(-12345, NumericFormat.of(7, 2, true), a, at);
            cp.encode("12", a, at + 4, 2);
            a[at + 6] = (byte) 0xC3; // zoned +3
            a[at + 8] = 7;
        }
        ByteVector out = new ByteVector(1 << 16);
        decodeRecords(decoder, ctx, a, a, out, 20_000);
        String[] lines = new String(out.toByteArray(), 0, out.length(), java.nio.charset.StandardCharsets.UTF_8)
                .split("\n");
        assertTrue(lines[0].contains("\"AMOUNT\":-123.45,\"COUNT\":123,\"BIN\":7"), lines[0]);
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        decodeRecords(decoder, ctx, a, a, out, 100_000);
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertTrue(allocated < 64 * 1024, "decoding allocated " + allocated + " bytes in 100,000 records");
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
                "per-thread allocation counter not available");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported()
                && threads.isThreadAllocatedMemoryEnabled(), "per-thread allocation counter disabled");
        return threads;
    }

    private static void decodeRecords(RecordDecoder decoder, RecordDecoder.Context ctx, byte[] a, byte[] b,
                                      ByteVector out, int rounds) {
        for (int i = 0; i < rounds; i++) {
            if (i % 64 == 0) {
                out.clear();
            }
            byte[] rec = (i & 1) == 0 ? a : b;
            decoder.decode(rec, 0, rec.length, i, (long) i * rec.length, ctx, out);
        }
    }
}
