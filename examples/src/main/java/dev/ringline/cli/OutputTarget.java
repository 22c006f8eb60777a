package dev.ringline.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Where a command writes its data. A regular file (or a path that does not exist yet) is written to a hidden
 * temp file in the same directory and renamed into place only by {@link #commit()}, so a failed run never leaves
 * a truncated file that looks complete; {@link #close()} without commit deletes the temp file. Standard output
 * ({@code -}), pipes and devices such as {@code /dev/null} are written directly and never replaced.
 */
final class OutputTarget implements AutoCloseable {
    private static final int BUFFER = 256 * 1024;

    private final String name;
    private final Path finalPath;
    private final Path tempPath;
    private final OutputStream stream;
    private boolean committed;
    private boolean closed;

    private OutputTarget(String name, Path finalPath, Path tempPath, OutputStream stream) {
        this.name = name;
        this.finalPath = finalPath;
        this.tempPath = tempPath;
        this.stream = stream;
    }

    /**
     * Opens {@code spec}: {@code -} for {@code stdout}, otherwise a path.
     *
     * @throws CliException with {@link ExitCodes#IO} if the path is a directory or cannot be created
     */
    static OutputTarget open(String spec, OutputStream stdout) {
        if ("-".equals(spec)) {
            return new OutputTarget("standard output", null, null, new BufferedOutputStream(unclosable(stdout), BUFFER));
        }
        Path path = Path.of(spec);
        if (Files.isDirectory(path)) {
            throw CliException.io("cannot write output " + spec + ": it is a directory", null);
        }
        try {
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                return new OutputTarget(spec, null, null, new BufferedOutputStream(Files.newOutputStream(path), BUFFER));
            }
            Path absolute = path.toAbsolutePath();
            Path dir = absolute.getParent();
            if (!Files.isDirectory(dir)) {
                throw CliException.io("cannot write output " + spec + ": directory " + dir + " does not exist", null);
            }
            Path temp = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(System.nanoTime())
                    + ".part");
            // CREATE_NEW, not createTempFile: the file gets the usual permissions (umask), not owner-only ones.
            OutputStream file = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new OutputTarget(spec, absolute, temp, new BufferedOutputStream(file, BUFFER));
        } catch (NoSuchFileException e) {
            throw CliException.io("cannot write output " + spec + ": " + Failures.describe(e), e);
        } catch (IOException e) {
            throw CliException.io("cannot write output " + spec + ": " + Failures.describe(e), e);
        }
    }

    /** Whether a path names an output that is written through a temp file (a regular file, or nothing yet). */
    static boolean isFile(String spec) {
        if ("-".equals(spec)) {
            return false;
        }
        Path path = Path.of(spec);
        return !Files.exists(path) || Files.isRegularFile(path);
    }

    /** The buffered stream to write to; closing it is this target's job. */
    OutputStream stream() {
        return stream;
    }

    /** What the messages call this output. */
    String name() {
        return name;
    }

    /** True when the output is a file written through a temp file and renamed on {@link #commit()}. */
    boolean replacesFile() {
        return tempPath != null;
    }

    /** Flushes and closes the stream, then renames the temp file into place (atomically where possible). */
    void commit() throws IOException {
        closed = true;
        stream.close();
        if (tempPath != null) {
            try {
                Files.move(tempPath, finalPath, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tempPath, finalPath, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        committed = true;
    }

    /** Without a commit: closes the stream and deletes the temp file, leaving no partial output behind. */
    @Override
    public void close() {
        discard();
    }

    /** Gives up the output: closes the stream and deletes the temp file; nothing after {@link #commit()}. */
    void discard() {
        if (committed) {
            return;
        }
        if (!closed) {
            closed = true;
            try {
                stream.close();
            } catch (IOException ignored) {
                // the run already failed; the temp file goes anyway
            }
        }
        if (tempPath != null) {
            try {
                Files.deleteIfExists(tempPath);
            } catch (IOException ignored) {
                // nothing better to do
            }
        }
    }

    /** A stream over standard output that flushes instead of closing it. */
    static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }
}
