package dev.ringline.cobol.encode;

import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.buffer.ByteVector;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Encoding a line of text, zoned, packed and binary values (numbers of up to 18 digits, a table, a REDEFINES with
 * both views, an OCCURS DEPENDING ON table, a line whose segment selects its view) allocates nothing once warm.
 */
class EncodeAllocationTest {
    @Test
    void steadyStateEncodingAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
                "per-thread allocation counter not available");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported()
                && threads.isThreadAllocatedMemoryEnabled(), "per-thread allocation counter disabled");
        RecordLayout layout = RecordEncoderTest.layout(RecordEncoderTest.MIXED);
        byte[] line = ("{\"CUSTOMER-ID\":123,\"CUSTOMER-NAME\":\"Ada Lovelace \\\"A\\\" \u00e9\",\"BALANCE\":-1234.50,"
                + "\"CREDIT-LIMIT\":5000.00,\"VISIT-COUNT\":-7,\"OPENED-DATE\":20240131,"
                + "\"OPENED-PARTS\":{\"OPENED-YEAR\":2024,\"OPENED-MONTH\":1,\"OPENED-DAY\":31},"
                + "\"RECENT-ORDER\":[{\"ORDER-ID\":1,\"ORDER-AMOUNT\":0.01},{\"ORDER-ID\":99999999,"
                + "\"ORDER-AMOUNT\":-9999999.99}],\"STATUS-CODE\":\"OK\"}").getBytes(StandardCharsets.UTF_8);
        RecordEncoder encoder = RecordEncoder.compile(layout, EncoderOptions.defaults());
        RecordEncoder.Context ctx = encoder.newContext();
        ByteVector out = new ByteVector(256);
        RecordEncoder odo = RecordEncoder.compile(RecordEncoderTest.layout(String.join("\n",
                "       01  R.",
                "           05  N        PIC 9(2).",
                "           05  ITEMS OCCURS 1 TO 5 TIMES DEPENDING ON N.",
                "               10  V    PIC S9(3) COMP-3.") + "\n"), EncoderOptions.defaults());
        RecordEncoder.Context odoCtx = odo.newContext();
        byte[] odoLine = "{\"N\":2,\"ITEMS\":[{\"V\":1},{\"V\":-2}]}".getBytes(StandardCharsets.UTF_8);
        RecordEncoder segmented = RecordEncoder.compile(RecordEncoderTest.layout(SegmentEncodeTest.COPYBOOK),
                EncoderOptions.defaults().withSegments(SegmentEncodeTest.SEGMENTS));
        RecordEncoder.Context segmentedCtx = segmented.newContext();
        byte[] segmentedLine = ("{\"CUSTOMER\":{\"NAME\":\"ANN\",\"BALANCE\":-12.50},\"HEADER\":{\"REC-ID\":1,"
                + "\"REC-TYPE\":\"C\"},\"TRAILER\":\"0042\"}").getBytes(StandardCharsets.UTF_8);
        encodeAll(encoder, ctx, line, out, 20_000); // warm up, let the JIT settle
        encodeAll(odo, odoCtx, odoLine, out, 20_000);
        encodeAll(segmented, segmentedCtx, segmentedLine, out, 20_000);
        long tid = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(tid);
        encodeAll(encoder, ctx, line, out, 100_000);
        encodeAll(odo, odoCtx, odoLine, out, 100_000);
        encodeAll(segmented, segmentedCtx, segmentedLine, out, 100_000);
        long allocated = threads.getThreadAllocatedBytes(tid) - before;
        // One 16-byte object per line would be 4.8 MB; the allowance only covers one-off noise.
        assertTrue(allocated < 64 * 1024, "encoding allocated " + allocated + " bytes in 300,000 lines");
    }

    private static void encodeAll(RecordEncoder encoder, RecordEncoder.Context ctx, byte[] line, ByteVector out,
                                  int rounds) {
        for (int i = 0; i < rounds; i++) {
            out.clear();
            encoder.encode(line, 0, line.length, i, 0, ctx, out);
        }
    }
}
