package dev.ringline.perf;

import dev.ringline.cli.SyntheticData;
import dev.ringline.cobol.DecodeOptions;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.json.RecordDecoder;
import dev.ringline.buffer.ByteVector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.util.concurrent.TimeUnit;

/**
 * Single-thread codec speed: {@link RecordDecoder} turns an in-memory array of records into JSON Lines in a reused
 * {@link ByteVector}, nothing else (no framing, no I/O, no pipeline). One invocation decodes {@link #RECORDS}
 * records, so {@code ops/s} is records per second; MiB/s of input = records/s × record length / 2^20, and with
 * {@code -prof gc} {@code gc.alloc.rate.norm} is bytes allocated per record.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class CodecBenchmark {
    /** Records decoded per invocation. */
    public static final int RECORDS = 8192;
    /** The output buffer is cleared every this many records, so it stays a few tens of KiB (cache-resident). */
    static final int RECORDS_PER_FLUSH = 64;

    /** The records and a compiled decoder of one CLI workload. */
    @State(Scope.Thread)
    public static class Input {
        /** The CLI workload: display (10 × PIC X(50)), comp3 (10 × PIC S9(9)V99 COMP-3) or mixed. */
        @Param({"display", "comp3", "mixed"})
        public String workload;

        int recordLength;
        byte[] records;
        RecordDecoder decoder;
        RecordDecoder.Context context;
        ByteVector out;

        @Setup
        public void setup() {
            RecordLayout layout = SyntheticData.layout(workload);
            recordLength = layout.length();
            records = SyntheticData.records(workload, RECORDS, 42);
            decoder = RecordDecoder.compile(layout, DecodeOptions.defaults().jsonOptions());
            context = decoder.newContext();
            out = new ByteVector(RECORDS_PER_FLUSH * recordLength * 4);
        }
    }

    /**
     * Decodes the {@link #RECORDS} records; returns the JSON bytes produced (so nothing is dead code, and tests can
     * compare it with the full output's length).
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long decode(Input in) {
        RecordDecoder decoder = in.decoder;
        RecordDecoder.Context ctx = in.context;
        ByteVector out = in.out;
        byte[] src = in.records;
        int len = in.recordLength;
        long produced = 0;
        out.clear();
        for (int i = 0; i < RECORDS; i++) {
            decoder.decode(src, i * len, len, i, (long) i * len, ctx, out);
            if ((i + 1) % RECORDS_PER_FLUSH == 0) {
                produced += out.length();
                out.clear();
            }
        }
        produced += out.length();
        return produced;
    }

    /**
     * The same records through the workload's hand-written {@link ReferenceLoops} loop, with the same buffer
     * handling as {@link #decode}: the yardstick for codec / reference ratios.
     */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long reference(Input in) {
        ByteVector out = in.out;
        byte[] src = in.records;
        int len = in.recordLength;
        long produced = 0;
        out.clear();
        switch (in.workload) {
            case "display" -> {
                for (int i = 0; i < RECORDS; i++) {
                    ReferenceLoops.display(src, i * len, out);
                    if ((i + 1) % RECORDS_PER_FLUSH == 0) {
                        produced += out.length();
                        out.clear();
                    }
                }
            }
            case "comp3" -> {
                for (int i = 0; i < RECORDS; i++) {
                    ReferenceLoops.comp3(src, i * len, out);
                    if ((i + 1) % RECORDS_PER_FLUSH == 0) {
                        produced += out.length();
                        out.clear();
                    }
                }
            }
            default -> {
                for (int i = 0; i < RECORDS; i++) {
                    ReferenceLoops.mixed(src, i * len, out);
                    if ((i + 1) % RECORDS_PER_FLUSH == 0) {
                        produced += out.length();
                        out.clear();
                    }
                }
            }
        }
        produced += out.length();
        return produced;
    }
}
