package dev.ringline.spark;

import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.framing.FramingOptions;
import dev.ringline.cobol.framing.RecordLengthFunction;
import dev.ringline.cobol.json.RecordDecoder;
import dev.ringline.cobol.row.RowDecoder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The compiled form of a read, shared by the splits an executor JVM reads: parsing the copybook and compiling the
 * decoder once per split cost more than a small split's records. Keyed by the options that shape it
 * ({@link ReadOptions#shape()}: the copybook text, record, code page, value, segment and framing options) and the
 * selected columns; at most {@link #ENTRIES} kept, least recently used dropped. What is kept is immutable and
 * thread-safe ({@link RowDecoder} and {@link RecordDecoder} once compiled); each reader makes its own mutable
 * context and record length function.
 */
final class CompiledReads {
    /** Compiled reads an executor keeps. */
    static final int ENTRIES = 32;
    private static final Map<Key, Compiled> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Compiled> eldest) {
            return size() > ENTRIES;
        }
    };
    private static long compiles;

    private CompiledReads() {
    }

    private record Key(ReadOptions shape, Set<String> selected) {
    }

    /**
     * One read compiled: the layout, the decoder of the selected columns, the framing, and for content-length fixed
     * records the decoder that measures them (else null).
     */
    record Compiled(RecordLayout layout, RowDecoder decoder, FramingOptions framing, RecordDecoder lengths) {
        /** A new length function for one reader (it is not thread-safe), or null when records have one length. */
        RecordLengthFunction lengthFunction() {
            return lengths == null ? null : lengths.recordLengthFunction();
        }
    }

    /** The compiled read of these options and columns: from the cache, or compiled (outside the lock) and kept. */
    static Compiled of(ReadOptions options, Set<String> selected) {
        Key key = new Key(options.shape(), Set.copyOf(selected));
        synchronized (CACHE) {
            Compiled cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        RecordLayout layout = options.layout();
        Compiled compiled = new Compiled(layout, RowDecoder.compile(layout, options.rowOptions(),
                Schemas.filter(selected)), options.framing(layout), options.lengthDecoder(layout));
        synchronized (CACHE) {
            compiles++;
            Compiled raced = CACHE.putIfAbsent(key, compiled); // two readers may compile at once: keep the first
            return raced != null ? raced : compiled;
        }
    }

    /** Reads compiled so far in this JVM (a cache hit adds none); for tests. */
    static long compiles() {
        synchronized (CACHE) {
            return compiles;
        }
    }
}
