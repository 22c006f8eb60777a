package dev.ringline.perf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every benchmark's workload once on tiny inputs through plain calls (state setup, benchmark method,
 * teardown) and checks the results, so a broken benchmark fails the build instead of reporting a score.
 * No timing is asserted.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BenchmarkSmokeTest {
    private static final int TINY = 3_000; // not a multiple of the claim batch, to exercise the short last batch

    @ParameterizedTest(name = "{0} ns")
    @CsvSource({"0", "100", "1000"})
    void bareLoopSumsEveryOutput(int workNs) {
        EngineOverheadBenchmark.Bare state = new EngineOverheadBenchmark.Bare();
        state.workNs = workNs;
        state.records = TINY;
        state.setup();
        assertEquals(Work.expectedSum(0, TINY), new EngineOverheadBenchmark().bare(state));
    }

    @ParameterizedTest(name = "{0} ns, {1} workers")
    @CsvSource({"0, 1", "0, 2", "100, 4"})
    void bareDisruptorDeliversInOrderAcrossCalls(int workNs, int workers) {
        EngineOverheadBenchmark.BareDisruptor state = new EngineOverheadBenchmark.BareDisruptor();
        state.workNs = workNs;
        state.workers = workers;
        state.records = TINY;
        state.setup();
        try {
            EngineOverheadBenchmark bench = new EngineOverheadBenchmark();
            assertEquals(Work.expectedSum(0, TINY), bench.disruptor(state));
            assertEquals(Work.expectedSum(TINY, TINY), bench.disruptor(state));
        } finally {
            state.tearDown();
        }
    }

    @ParameterizedTest(name = "{0} ns, {1} workers")
    @CsvSource({"0, 1", "0, 2", "100, 4", "1000, 2"})
    void pipelineDeliversInOrderAcrossCalls(int workNs, int workers) throws Exception {
        EngineOverheadBenchmark.Pipeline state = new EngineOverheadBenchmark.Pipeline();
        state.workNs = workNs;
        state.workers = workers;
        state.records = TINY;
        state.setup();
        try {
            EngineOverheadBenchmark bench = new EngineOverheadBenchmark();
            // The pipeline lives across calls: the second call continues the sequence (inputs TINY .. 2*TINY-1).
            assertEquals(Work.expectedSum(0, TINY), bench.pipeline(state));
            assertEquals(Work.expectedSum(TINY, TINY), bench.pipeline(state));
        } finally {
            state.tearDown();
        }
    }

    @Test
    void pipelineConsumerRejectsAReorderedRecord() {
        EngineOverheadBenchmark.CheckingConsumer consumer = new EngineOverheadBenchmark.CheckingConsumer();
        consumer.expect(2, Thread.currentThread());
        EngineOverheadBenchmark.LongSlot slot = new EngineOverheadBenchmark.LongSlot();
        slot.out = Work.expected(1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> consumer.accept(1, slot, null));
        assertTrue(e.getMessage().contains("expected sequence 0"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} ns, {1} workers")
    @CsvSource({"0, 1", "100, 2", "1000, 4"})
    void executorWindowReturnsResultsInOrder(int workNs, int workers) throws Exception {
        EngineOverheadBenchmark.Executor state = new EngineOverheadBenchmark.Executor();
        state.workNs = workNs;
        state.workers = workers;
        state.records = TINY;
        state.setup();
        try {
            assertEquals(Work.expectedSum(0, TINY), new EngineOverheadBenchmark().executor(state));
        } finally {
            state.tearDown();
        }
    }

    @ParameterizedTest(name = "{0} ns, {1} workers")
    @CsvSource({"0, 1", "100, 2", "1000, 4"})
    void reactorFlatMapSequentialReturnsResultsInOrder(int workNs, int workers) {
        EngineOverheadBenchmark.Reactor state = new EngineOverheadBenchmark.Reactor();
        state.workNs = workNs;
        state.workers = workers;
        state.records = TINY;
        state.setup();
        try {
            assertEquals(Work.expectedSum(0, TINY), new EngineOverheadBenchmark().reactor(state));
        } finally {
            state.tearDown();
        }
    }

    @ParameterizedTest(name = "{0} ns, {1} workers")
    @CsvSource({"0, 1", "1000, 2", "0, 4"})
    void workerPoolMapReturnsResultsInOrderAcrossCalls(int workNs, int workers) {
        WorkerPoolBenchmark.Pool state = new WorkerPoolBenchmark.Pool();
        state.workNs = workNs;
        state.workers = workers;
        state.records = TINY;
        state.setup();
        try {
            WorkerPoolBenchmark bench = new WorkerPoolBenchmark();
            assertEquals(Work.expectedSum(0, TINY), bench.map(state));
            assertEquals(Work.expectedSum(0, TINY), bench.map(state));
        } finally {
            state.tearDown();
        }
    }

    @ParameterizedTest(name = "{0} senders")
    @CsvSource({"1", "2", "4"})
    void sequenceRingReordersEverySendersRecords(int senders) throws Exception {
        SequenceRingBenchmark.Ring state = new SequenceRingBenchmark.Ring();
        state.senders = senders;
        state.records = TINY + 5; // a partial last block
        state.setup();
        try {
            long n = state.records;
            assertEquals(n * (n - 1) / 2, new SequenceRingBenchmark().reorder(state));
        } finally {
            state.tearDown();
        }
    }

    @Test
    void orderCheckNamesTheFirstWrongPosition() {
        OrderCheck check = new OrderCheck("test");
        check.accept(Work.expected(0));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> check.accept(Work.expected(2)));
        assertTrue(e.getMessage().startsWith("test: record 1 "), e.getMessage());
    }

    @Test
    void uncalibratedWorkSizeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Work.tokensFor(200));
    }

    @Test
    void idleCpuProbeReportsEveryPipelineThreadInBothPhases() throws Exception {
        List<IdleCpuProbe.Row> rows = IdleCpuProbe.measure(Duration.ofMillis(50), Duration.ofMillis(100));
        List<String> idle = threadsOf(rows, "idle");
        List<String> busy = threadsOf(rows, "busy");
        List<String> pipelineThreads = List.of("ringline-probe-ordered", "ringline-probe-worker-0",
                "ringline-probe-worker-1");
        assertEquals(pipelineThreads, idle);
        assertEquals(List.of("ringline-probe-ordered", "ringline-probe-worker-0", "ringline-probe-worker-1",
                "probe-producer"), busy);
        rows.forEach(r -> assertTrue(r.cpuNanos() >= 0 && r.wallNanos() > 0, r.toString()));
        String table = IdleCpuProbe.table(rows);
        assertEquals(rows.size() + 1, table.lines().count());
    }

    private static List<String> threadsOf(List<IdleCpuProbe.Row> rows, String phase) {
        return rows.stream().filter(r -> r.phase().equals(phase)).map(IdleCpuProbe.Row::thread)
                .collect(Collectors.toList());
    }
}
