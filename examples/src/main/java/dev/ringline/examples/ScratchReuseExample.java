package dev.ringline.examples;

import dev.ringline.memory.ScratchBuffers;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Scratch buffer reuse: fill the buffers, clear them, and the capacity stays (no deallocation). */
public final class ScratchReuseExample {
    private ScratchReuseExample() {
    }

    /** Runs the example and prints what it shows; takes no arguments. */
    public static void main(String[] args) {
        run(System.out);
    }

    /** Returns the byte buffer's capacity after clear(), which equals its capacity before. */
    static int run(PrintStream out) {
        ScratchBuffers scratch = new ScratchBuffers();
        scratch.digitBuffer.append('5');
        scratch.byteBuffer.append("data".getBytes(StandardCharsets.US_ASCII));
        scratch.stringBuffer.append("text");
        int capacity = scratch.byteBuffer.capacity();
        out.printf("before clear: digits=%d bytes=%d chars=%d%n", scratch.digitBuffer.length(),
                scratch.byteBuffer.length(), scratch.stringBuffer.length());
        scratch.clear();
        out.printf("after clear:  digits=%d bytes=%d chars=%d, byte capacity kept: %d%n",
                scratch.digitBuffer.length(), scratch.byteBuffer.length(), scratch.stringBuffer.length(),
                scratch.byteBuffer.capacity());
        return capacity == scratch.byteBuffer.capacity() ? capacity : -1;
    }
}
