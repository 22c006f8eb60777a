package dev.ringline.examples;

import dev.ringline.pipeline.LatencySnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingExamplesTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);

    @Test
    void etlServiceDeliversEveryLineInOrderAndStopsItsThreads() throws Exception {
        for (int workers : new int[] {1, 3}) {
            List<String> results = EtlServiceExample.run(out, 5_000, workers);
            assertEquals(5_000, results.size());
            for (int i = 0; i < results.size(); i++) {
                String expected = i % 1000 == 999 ? i + ":error" : i + ":" + (long) (1 + i % 7) * (100 + i % 50);
                assertEquals(expected, results.get(i));
            }
        }
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("etl-") && t.isAlive()), "close() stopped every thread");
        assertTrue(captured.toString(StandardCharsets.UTF_8).contains("5000 lines, 5000 results in order"));
    }

    @Test
    void latencyReportWritesAnHgrmFile(@TempDir Path dir) throws Exception {
        Path hgrm = dir.resolve("latency.hgrm");
        LatencySnapshot latency = LatencyReportExample.run(out, hgrm, 20_000, 2);
        assertEquals(20_000, latency.count());
        String text = Files.readString(hgrm);
        assertTrue(text.contains("Value") && text.contains("Percentile") && text.contains("TotalCount"), text);
        assertTrue(text.matches("(?s).*Total count\\s*=\\s*20000\\].*"), text);
        assertTrue(captured.toString(StandardCharsets.UTF_8).contains("20000 records, latency p50"));
    }
}
