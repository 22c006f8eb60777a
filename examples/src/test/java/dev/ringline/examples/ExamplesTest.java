package dev.ringline.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExamplesTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);

    @Test
    void scratchReuseKeepsCapacity() {
        assertEquals(1024, ScratchReuseExample.run(out));
        assertTrue(captured.toString(StandardCharsets.UTF_8).contains("digits=0 bytes=0 chars=0"));
    }

    @Test
    void orderedWorkerPoolReturnsMoreResultsThanItsWindowInOrder() {
        List<String> results = OrderedWorkerPoolExample.run(out, 200);
        assertEquals(IntStream.range(0, 200).mapToObj(i -> "chunk " + i).collect(Collectors.toList()), results);
    }

    @Test
    @org.junit.jupiter.api.Timeout(30) // before issue 10 this example blocked forever on the 9th submit
    void theOriginalsTenInputsAreSubmittedThenReceivedOnOneThread() throws Exception {
        assertEquals(IntStream.range(0, 10).map(i -> i * i).boxed().collect(Collectors.toList()),
                SubmitThenReceiveExample.run(out));
    }

    @Test
    @org.junit.jupiter.api.Timeout(30)
    void theOriginalsChunksAreAllSubmittedThenAllReceivedOnOneThread() throws Exception {
        List<String> results = SubmitAllChunksExample.run(out, SubmitAllChunksExample.dataChunks(100));
        assertEquals(IntStream.range(0, 100).mapToObj(i -> "chunk " + i).collect(Collectors.toList()), results);
        assertTrue(captured.toString(StandardCharsets.UTF_8).contains("chunk 99"));
    }

    @Test
    void memoryBoundedStreamingNeverExceedsItsLimit() {
        long peak = MemoryBoundedStreamingExample.run(out, 5_000, 1);
        assertTrue(peak <= 1024 * 1024, "peak " + peak);
        assertTrue(peak > 800 * 1024, "it does fill up to the pressure threshold: " + peak);
        assertTrue(captured.toString(StandardCharsets.UTF_8).contains("processed 5000 records"));
    }

    @Test
    void pipelineDemoOutputIsIdenticalForAnyWorkerCount() throws Exception {
        long one = PipelineDemo.run(out, 20_000, 1);
        for (int workers : new int[] {2, 3, 8}) {
            assertEquals(one, PipelineDemo.run(out, 20_000, workers));
        }
    }
}
