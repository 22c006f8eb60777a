package dev.ringline.cobol.json;

import dev.ringline.cobol.codec.BinaryInteger;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.DecodedNumber;
import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.codec.PackedDecimal;
import dev.ringline.cobol.codec.ZonedDecimal;
import dev.ringline.memory.ByteVector;
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
}
