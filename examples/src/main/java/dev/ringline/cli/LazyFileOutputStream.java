package dev.ringline.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Creates its file on the first write, so a run without rejects leaves no empty rejects file. */
final class LazyFileOutputStream extends OutputStream {
    private final Path path;
    private OutputStream out;

    LazyFileOutputStream(Path path) {
        this.path = path;
    }

    private OutputStream out() throws IOException {
        if (out == null) {
            out = Files.newOutputStream(path);
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
        if (out != null) {
            out.close();
        }
    }
}
