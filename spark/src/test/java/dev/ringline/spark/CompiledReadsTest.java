package dev.ringline.spark;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The per-JVM cache of compiled reads: one compile per shape and columns, shared across threads, bounded. */
class CompiledReadsTest {
    private static String copybook(int id) {
        return String.join("\n",
                "       01  R" + id + ".",
                "           05  ID          PIC 9(4).",
                "           05  N           PIC 9.",
                "           05  ITEM OCCURS 0 TO 3 TIMES DEPENDING ON N.",
                "               10  CODE    PIC X(2).",
                "           05  TAIL        PIC X(3).",
                "");
    }

    private static ReadOptions options(String text, String... more) {
        Map<String, String> map = new HashMap<>();
        map.put("copybook_text", text);
        for (int i = 0; i < more.length; i += 2) {
            map.put(more[i], more[i + 1]);
        }
        return ReadOptions.parse(map, path -> {
            throw new AssertionError("no copybook path here");
        });
    }

    @Test
    void oneCompilePerShapeAndColumns() {
        String text = copybook(1);
        Set<String> all = Set.of("ID", "N", "ITEM", "ITEM.CODE", "TAIL");
        long before = CompiledReads.compiles();
        CompiledReads.Compiled first = CompiledReads.of(options(text, "path", "/a.dat"), all);
        // the options that only place a read (paths, split size and strategy) share the compiled read
        CompiledReads.Compiled placed = CompiledReads.of(options(text, "path", "/b.dat", "split_size_mb", "7",
                "split_strategy", "file"), all);
        assertSame(first, placed);
        assertEquals(before + 1, CompiledReads.compiles());
        assertNull(first.lengths(), "fixed records of one length: no length function");

        CompiledReads.Compiled pruned = CompiledReads.of(options(text), Set.of("TAIL"));
        assertEquals(List.of("TAIL"), pruned.decoder().columns().stream().map(c -> c.name()).toList());
        CompiledReads.Compiled content = CompiledReads.of(options(text, "variable_occurs", "true"), all);
        assertNotSame(first, content);
        assertNotNull(content.lengths(), "content-length fixed records: measured by the layout");
        assertNotSame(content.lengthFunction(), content.lengthFunction(), "a length function per reader");
        CompiledReads.Compiled ebcdic = CompiledReads.of(options(text, "codepage", "cp500"), all);
        assertNotSame(first, ebcdic);
        assertEquals(before + 4, CompiledReads.compiles());
    }

    @Test
    void boundedLeastRecentlyUsed() {
        Set<String> columns = Set.of("ID");
        ReadOptions kept = options(copybook(100));
        CompiledReads.Compiled first = CompiledReads.of(kept, columns);
        for (int i = 0; i < CompiledReads.ENTRIES + 5; i++) {
            CompiledReads.of(options(copybook(200 + i)), columns);
            assertSame(first, CompiledReads.of(kept, columns), "used recently: kept");
        }
        ReadOptions dropped = options(copybook(300));
        CompiledReads.Compiled old = CompiledReads.of(dropped, columns);
        for (int i = 0; i < CompiledReads.ENTRIES; i++) {
            CompiledReads.of(options(copybook(400 + i)), columns);
        }
        long before = CompiledReads.compiles();
        assertNotSame(old, CompiledReads.of(dropped, columns), "least recently used: dropped, compiled again");
        assertEquals(before + 1, CompiledReads.compiles());
    }

    @Test
    void threadsShareOneCompiledRead() throws Exception {
        ReadOptions options = options(copybook(500), "variable_occurs", "true");
        Set<String> columns = Set.of("ID", "TAIL");
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<CompiledReads.Compiled>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return CompiledReads.of(options, columns);
                }));
            }
            start.countDown();
            CompiledReads.Compiled one = results.get(0).get();
            for (Future<CompiledReads.Compiled> f : results) {
                assertSame(one, f.get(), "every thread gets the instance the cache kept");
            }
            assertSame(one, CompiledReads.of(options, columns));
        } finally {
            pool.shutdownNow();
        }
    }
}
