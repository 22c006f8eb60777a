package dev.ringline.cli;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The temp files and folders this process owns right now, deleted by a shutdown hook if the process ends before
 * they are renamed or removed: SIGINT, SIGTERM and SIGHUP run the hook, so an interrupted run leaves nothing
 * behind. Renames into place happen under the same lock as the hook, so a file is either committed or deleted,
 * never half of each.
 */
final class TempFiles {
    private static final Object LOCK = new Object();
    private static final Set<Path> PATHS = new LinkedHashSet<>();
    private static boolean hookInstalled;
    private static boolean shuttingDown;
    /** Heap kept for clean-up after an OutOfMemoryError: freed on the first one, so deleting can still allocate. */
    @SuppressWarnings("unused")
    private static byte[] reserve = new byte[1 << 20];

    private TempFiles() {
    }

    /**
     * Owns {@code path} (a file or a folder) until {@link #release}; installs the hook on first use.
     *
     * @throws IOException if the process is already ending (the hook has run: nothing new may be created)
     */
    static void own(Path path) throws IOException {
        synchronized (LOCK) {
            if (shuttingDown) {
                throw new IOException("the process is ending");
            }
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::deleteAll, "ringline-cleanup"));
                hookInstalled = true;
            }
            PATHS.add(path);
        }
    }

    /** No longer owned: it was renamed into place or deleted by its owner. */
    static void release(Path path) {
        synchronized (LOCK) {
            PATHS.remove(path);
        }
    }

    /**
     * Runs {@code action} (a rename into place) unless the process is already ending, then releases
     * {@code path}; the hook waits for it, so a temp file is never deleted half-way through its commit.
     *
     * @return false if the process is ending and the action did not run
     */
    static boolean commit(Path path, IoAction action) throws IOException {
        synchronized (LOCK) {
            if (shuttingDown) {
                return false;
            }
            action.run();
            PATHS.remove(path);
            return true;
        }
    }

    /** A file operation that may fail. */
    @FunctionalInterface
    interface IoAction {
        void run() throws IOException;
    }

    /**
     * Deletes a file, or a folder with everything in it; quietly, as it runs when something already failed.
     * After an {@link OutOfMemoryError} (the heap may still be full of a failed run's buffers) it frees the reserve
     * and tries again, so a temp file is not left behind because deleting it needed a few bytes of heap.
     *
     * @return true if nothing is left at {@code path}
     */
    static boolean delete(Path path) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                deleteNow(path);
                return true;
            } catch (OutOfMemoryError e) {
                reserve = null; // the headroom is for this moment
            } catch (IOException | RuntimeException e) {
                return false; // best effort: the process is failing or ending
            }
        }
        return false;
    }

    private static void deleteNow(Path path) throws IOException {
        try {
            Files.deleteIfExists(path); // a file (the common case) in one call, with almost no allocation
        } catch (DirectoryNotEmptyException e) {
            try (Stream<Path> paths = Files.walk(path)) {
                for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void deleteAll() {
        synchronized (LOCK) {
            shuttingDown = true;
            reserve = null;
            for (Path path : PATHS) {
                delete(path);
            }
            PATHS.clear();
        }
    }
}
