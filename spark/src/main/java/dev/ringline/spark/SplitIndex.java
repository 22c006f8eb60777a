package dev.ringline.spark;

import dev.ringline.buffer.ByteVector;
import dev.ringline.cobol.error.FramingException;
import dev.ringline.cobol.framing.FramingOptions;
import dev.ringline.cobol.framing.RecordFormat;
import dev.ringline.cobol.framing.RecordReader;
import dev.ringline.cobol.json.RecordDecoder;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code split_strategy = index} (and {@code record_index = exact}) for RDW/VB files, and every split strategy but
 * {@code file} for fixed-format records as long as their content: one exact sequential pass per file on the driver,
 * files in parallel, lists the record boundary at or after every {@code step} bytes with the index of the record
 * that starts there. Splits cut at those boundaries need no boundary search and carry their
 * first record's index.
 *
 * <p>Cached in the driver's JVM by path, size, modification time, framing and step (least recently used, at most
 * {@link #CACHE_FILES} files), so a second read of unchanged files costs no pass; a file rewritten in place with the
 * same size and time would be read with a stale index (the splits' records would then not end where the next split
 * starts, and the read fails, as under {@code offset}).
 *
 * <p>A framing error ends a file's index where it is met: the rest of the file is its last split, whose reader meets
 * the same error and handles it as {@code on_error} says.
 */
final class SplitIndex {
    /** Files whose cuts the driver keeps. */
    static final int CACHE_FILES = 4096;
    private static final int BUFFER = 1 << 20;
    /** Bytes of an RDW or a BDW. */
    private static final int HEADER = 4;
    private static final Map<Key, Cuts> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Cuts> eldest) {
            return size() > CACHE_FILES;
        }
    };
    private static long passes;

    private SplitIndex() {
    }

    /**
     * The cache key: a file as listed, the framing, the split size and, for content-length records, the options
     * that shape their lengths (else null).
     */
    private record Key(String path, long size, long modified, FramingOptions framing, long step, ReadOptions shape) {
    }

    /**
     * Where one file's splits start ({@code offsets[0] == 0}) and the index of the record that starts at each; the
     * last split ends at the file's size.
     */
    record Cuts(long[] offsets, long[] records) {
    }

    /**
     * The cuts of each file, in the order given; missing ones are computed in parallel (at most one thread per core).
     * {@code lengths} frames fixed-format records as long as their content ({@code shape}: the options it was
     * compiled from), or is null.
     */
    static List<Cuts> cuts(List<FileStatus> files, FramingOptions framing, long step, Configuration conf,
                           RecordDecoder lengths, ReadOptions shape) {
        List<Cuts> out = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (FileStatus f : files) {
            Cuts cached;
            synchronized (CACHE) {
                cached = CACHE.get(key(f, framing, step, shape));
            }
            if (cached == null) {
                missing.add(out.size());
            }
            out.add(cached);
        }
        if (missing.isEmpty()) {
            return out;
        }
        int threads = Math.min(missing.size(), Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ringline-index");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Cuts>> futures = new ArrayList<>();
            for (int i : missing) {
                FileStatus f = files.get(i);
                futures.add(pool.submit(() -> pass(f, framing, step, conf, lengths)));
            }
            for (int k = 0; k < missing.size(); k++) {
                Cuts cuts = futures.get(k).get();
                FileStatus f = files.get(missing.get(k));
                out.set(missing.get(k), cuts);
                synchronized (CACHE) {
                    CACHE.put(key(f, framing, step, shape), cuts);
                    passes++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ringline: interrupted while indexing files", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    /** Files indexed by a pass so far in this JVM (a cache hit adds none); for tests. */
    static long passes() {
        synchronized (CACHE) {
            return passes;
        }
    }

    private static Key key(FileStatus f, FramingOptions framing, long step, ReadOptions shape) {
        return new Key(f.getPath().toString(), f.getLen(), f.getModificationTime(), framing, step, shape);
    }

    /**
     * One sequential pass: a cut at the first record (VB: block) that starts at least {@code step} bytes after the
     * last cut.
     */
    private static Cuts pass(FileStatus file, FramingOptions framing, long step, Configuration conf,
                             RecordDecoder lengths) {
        Path path = file.getPath();
        long[] offsets = new long[16];
        long[] records = new long[16];
        int n = 1; // offsets[0] = records[0] = 0
        long next = step;
        ByteVector record = new ByteVector(4096);
        try (FSDataInputStream in = RinglineSource.fs(path, conf).open(path, BUFFER);
             RecordReader reader = lengths == null ? new RecordReader(Channels.newChannel(in), framing)
                     : new RecordReader(Channels.newChannel(in), framing, lengths.recordLengthFunction())) {
            boolean vb = framing.format() == RecordFormat.VB;
            long end = 0; // where the previous record ended
            while (reader.next(record)) {
                long at = reader.recordOffset();
                long recordEnd = at + HEADER + record.length();
                if (vb) {
                    // a VB split must start at a block: the records of a block are contiguous, so a record that
                    // does not start where the last one ended is the first of a block, whose BDW is just before it
                    boolean first = at != end;
                    end = recordEnd;
                    if (!first) {
                        continue;
                    }
                    at -= HEADER;
                }
                if (at >= next) {
                    if (n == offsets.length) {
                        offsets = java.util.Arrays.copyOf(offsets, n * 2);
                        records = java.util.Arrays.copyOf(records, n * 2);
                    }
                    offsets[n] = at;
                    records[n] = reader.recordIndex();
                    n++;
                    next = at + step;
                }
            }
        } catch (FramingException e) {
            // a framing error: the cuts so far stand; the last split's reader meets the error itself
        } catch (IOException e) {
            throw new UncheckedIOException("ringline: cannot index " + path + ": " + e.getMessage(), e);
        }
        return new Cuts(java.util.Arrays.copyOf(offsets, n), java.util.Arrays.copyOf(records, n));
    }
}
