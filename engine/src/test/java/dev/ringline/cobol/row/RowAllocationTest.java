package dev.ringline.cobol.row;

import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.FloatingPoint;
import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.codec.PackedDecimal;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.copybook.Segments;
import dev.ringline.cobol.json.BlankNumerics;
import dev.ringline.cobol.json.EmptyText;
import dev.ringline.cobol.json.Fillers;
import dev.ringline.cobol.json.Trim;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The typed decode allocates nothing per record once warm: text, zoned, packed, binary, PIC N, groups, nested
 * OCCURS DEPENDING ON, with the default settings and with variable OCCURS, FILLER kept and segments.
 */
class RowAllocationTest {
    private static final String COPYBOOK = String.join("\n",
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
            "           05  BLANK-NUM   PIC 9(3).",
            "           05  FILLER      PIC X(2).",
            "           05  AMOUNT      PIC S9(7)V99.",
            "           05  COUNT-B     PIC S9(9) COMP.",
            "           05  NAME        PIC X(12).",
            "");

    @Test
    void warmDecodingAllocatesNothingPerRecord() {
        com.sun.management.ThreadMXBean threads = allocationCounter();
        RecordLayout layout = Copybook.parse(COPYBOOK, "alloc.cpy").firstRecord();
        CodePage cp = CodePage.of("cp037");
        byte[] a = new byte[layout.length()];
        java.util.Arrays.fill(a, (byte) 0x40);
        cp.encode("A", a, 0, 1);
        PackedDecimal.encodeUnscaled(-123, NumericFormat.of(5, 0, true), a, 1);
        cp.encode("22XY2ZW", a, 4, 7); // N=2; M=2 X Y; M=2 Z W: tables full, so both positionings agree
        a[11] = 0;
        a[12] = 'h';
        a[13] = 0;
        a[14] = 'i';
        cp.encode("xx000012345", a, 18, 11);
        a[29] = 0;
        a[30] = 0;
        a[31] = 0;
        a[32] = 42;
        cp.encode("ALLOCATION", a, 33, 10);
        RowOptions common = new RowOptions(cp, Trim.RIGHT, true, BlankNumerics.ZERO, EmptyText.NULL, true,
                FloatingPoint.Format.IBM_HEX, null, Fillers.OMIT, false);
        RowOptions everything = new RowOptions(cp, Trim.BOTH, true, BlankNumerics.ZERO, EmptyText.NULL, true,
                FloatingPoint.Format.IBM_HEX, Segments.on("KIND").map("A", "A-VIEW").map("B", "B-VIEW"),
                Fillers.KEEP, true);
        for (RowOptions options : new RowOptions[] {common, everything}) {
            RowDecoder decoder = RowDecoder.compile(layout, options);
            RowDecoder.Context ctx = decoder.newContext();
            CountingSink sink = new CountingSink();
            decode(decoder, ctx, a, sink, 20_000); // warm up, grow buffers, let the JIT settle
            assertEquals(0, ctx.fieldErrors().size(), ctx.fieldErrors().toString());
            long values = sink.values;
            long tid = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(tid);
            decode(decoder, ctx, a, sink, 100_000);
            long allocated = threads.getThreadAllocatedBytes(tid) - before;
            assertEquals(values * 6, sink.values, "every record hands over the same values");
            // One 16-byte object per record would be 1.6 MB; the allowance covers one-off noise (JIT, the counter).
            assertTrue(allocated < 64 * 1024, options + ": decoding allocated " + allocated
                    + " bytes in 100,000 records");
        }
    }

    private static void decode(RowDecoder decoder, RowDecoder.Context ctx, byte[] record, RowSink sink, int n) {
        for (int i = 0; i < n; i++) {
            decoder.decode(record, 0, record.length, i, 0, ctx, sink);
        }
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

    /** Counts the values it receives (so the work is not dead code) and keeps nothing. */
    private static final class CountingSink implements RowSink {
        long values;
        long sum;

        @Override
        public void setNull(int ordinal) {
            values++;
        }

        @Override
        public void setInt(int ordinal, int value) {
            values++;
            sum += value;
        }

        @Override
        public void setLong(int ordinal, long value) {
            values++;
            sum += value;
        }

        @Override
        public void setDecimal(int ordinal, long unscaled, int precision, int scale) {
            values++;
            sum += unscaled;
        }

        @Override
        public void setBigDecimal(int ordinal, BigDecimal value, int precision) {
            values++;
        }

        @Override
        public void setFloat(int ordinal, float value) {
            values++;
        }

        @Override
        public void setDouble(int ordinal, double value) {
            values++;
        }

        @Override
        public void setText(int ordinal, byte[] utf8, int off, int len) {
            values++;
            sum += len;
        }

        @Override
        public RowSink startGroup(int ordinal, RowColumn group) {
            values++;
            return this;
        }

        @Override
        public void endGroup(int ordinal, RowColumn group, RowSink members) {
        }

        @Override
        public RowSink startArray(int ordinal, RowColumn array, int length) {
            values++;
            return this;
        }

        @Override
        public void endArray(int ordinal, RowColumn array, RowSink elements) {
        }
    }
}
