package dev.ringline.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * One output of a run. A regular file (or a path that does not exist yet) is written to a hidden temp file in the
 * same directory and renamed into place only by {@link #commit()}; without a commit, {@link #close()} deletes the
 * temp file, so a failed run leaves every existing file as it was. Standard output ({@code -}), pipes and devices
 * such as {@code /dev/null} are written directly and never replaced. A symbolic link is followed: its target is
 * what gets replaced. Nothing is deleted or created when the target is opened; a lazy target creates its temp
 * file (or opens its device) at the first byte.
 */
final class OutputTarget implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;

    private final String name;
    private final Path finalPath;
    private final OutputStream stream;
    private final Opener opener;
    private boolean committed;
    private boolean closed;

    private OutputTarget(String name, Path finalPath, Opener opener) {
        this.name = name;
        this.finalPath = finalPath;
        this.opener = opener;
        this.stream = new BufferedOutputStream(new Named(opener, name), BUFFER);
    }

    /**
     * Opens {@code spec}: {@code -} for {@code stdout}, otherwise a path whose directory is checked now.
     *
     * @param what what the messages call this output ({@code output}, {@code rejects file}, ...)
     * @param lazy create the temp file (or open the device) at the first byte instead of now
     * @throws CliException with {@link ExitCodes#IO} if the path is a directory or its directory is missing or
     *                      not writable
     */
    static OutputTarget open(String what, String spec, OutputStream stdout, boolean lazy) {
        if ("-".equals(spec)) {
            return new OutputTarget("standard output", null, new Opener(null, null, unclosable(stdout)));
        }
        Path path = Path.of(spec);
        if (Files.isDirectory(path)) {
            throw CliException.io("cannot write " + what + " " + spec + ": it is a directory", null);
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            Opener device = new Opener(path, null, null);
            if (!lazy) {
                device.open(what, spec);
            }
            return new OutputTarget(spec, null, device);
        }
        Path target = resolveLink(path).toAbsolutePath();
        checkDirectory(what, spec, target);
        Path temp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(System.nanoTime())
                + ".part");
        Opener file = new Opener(null, temp, null);
        if (!lazy) {
            file.open(what, spec);
        }
        return new OutputTarget(spec, target, file);
    }

    /**
     * Checks that a file can be created at {@code path}: its directory exists and is writable.
     *
     * @throws CliException with {@link ExitCodes#IO} naming the path and the reason
     */
    static void checkDirectory(String what, String spec, Path path) {
        Path dir = path.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            throw CliException.io("cannot write " + what + " " + spec + ": directory " + dir + " does not exist",
                    null);
        }
        if (!Files.isWritable(dir)) {
            throw CliException.io("cannot write " + what + " " + spec + ": Permission denied (directory " + dir
                    + " is not writable)", null);
        }
    }

    /** The final target of a chain of symbolic links, or the path itself. */
    private static Path resolveLink(Path path) {
        if (Files.isSymbolicLink(path)) {
            try {
                return path.toRealPath();
            } catch (IOException e) {
                return path; // a dangling link: replaced like a missing file
            }
        }
        return path;
    }

    /** Whether {@code spec} names an output written through a temp file (a regular file, or nothing yet). */
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
        return finalPath != null;
    }

    /** True once a byte was written (for a lazy target: its file was created or its device opened). */
    boolean written() {
        return opener.out != null;
    }

    /**
     * Flushes and closes the stream, then renames the temp file into place (atomically where possible). A file
     * target that received no byte is not created, and a file that was there from an earlier run is deleted, so
     * what is at the path afterwards belongs to this run.
     */
    void commit() throws IOException {
        closed = true;
        stream.close();
        if (finalPath == null) {
            committed = true;
            return;
        }
        Path temp = opener.temp;
        boolean done = TempFiles.commit(temp, () -> {
            if (opener.out == null) {
                if (Files.isRegularFile(finalPath)) {
                    Files.delete(finalPath); // a previous run's file: it does not describe this run
                }
                return;
            }
            try {
                Files.move(temp, finalPath, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, finalPath, StandardCopyOption.REPLACE_EXISTING);
            }
        });
        if (!done) {
            throw new IOException("the process is ending; " + name + " was not written");
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
        try {
            if (!closed) {
                closed = true;
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // the run already failed; the temp file goes anyway
                }
            }
        } finally { // also when closing fails with an Error (flushing after an OutOfMemoryError can run out again)
            if (opener.temp != null) {
                TempFiles.delete(opener.temp);
                TempFiles.release(opener.temp);
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

    /** Names this output in its write errors: "cannot write standard output: No space left on device". */
    private static final class Named extends FilterOutputStream {
        private final String name;

        Named(OutputStream out, String name) {
            super(out);
            this.name = name;
        }

        private IOException named(IOException e) {
            return new IOException("cannot write " + name + ": " + Failures.reason(e), e);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw named(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw named(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw named(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw named(e);
            }
        }
    }

    /** Opens the real stream (temp file or device) at the first byte, or up front. */
    private static final class Opener extends OutputStream {
        private final Path device;
        private final Path temp;
        private OutputStream out;
        private boolean closed;

        Opener(Path device, Path temp, OutputStream out) {
            this.device = device;
            this.temp = temp;
            this.out = out;
        }

        void open(String what, String spec) {
            try {
                out();
            } catch (IOException e) {
                throw CliException.io("cannot write " + what + " " + spec + ": " + Failures.reason(e), e);
            }
        }

        private OutputStream out() throws IOException {
            if (out == null) {
                if (closed) {
                    throw new IOException("stream closed");
                }
                if (temp != null) {
                    TempFiles.own(temp);
                    // CREATE_NEW, not createTempFile: the file gets the usual permissions (umask).
                    out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } else {
                    out = Files.newOutputStream(device, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                }
            }
            return out;
        }

        @Override
        public void write(int b) throws IOException {
            out().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out().write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (out != null) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            closed = true;
            if (out != null) {
                out.close();
            }
        }
    }
}
