package dev.ringline.cli;

import dev.ringline.cobol.framing.FramingOptions;
import dev.ringline.cobol.framing.RecordReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * When the very first descriptor word of a file is invalid, the file was probably given the wrong framing
 * options: tries the other framings on the file's first bytes and names those under which its first records
 * chain consistently ({@link RecordReader#chains}).
 */
final class FramingGuess {
    /** Bytes of the file's head that are tried. */
    static final int HEAD = 64 * 1024;
    /** Consecutive records that must frame for a framing to be suggested. */
    static final int RECORDS = 8;

    private FramingGuess() {
    }

    /** Option sets (e.g. {@code --format rdw --rdw-little-endian}) under which the file's head frames cleanly. */
    static List<String> suggest(Path file, long fileSize, int layoutLength) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        List<String> found = new ArrayList<>();
        for (String format : new String[] {"rdw", "vb"}) {
            for (int variant = 0; variant < 4; variant++) {
                FramingOptions options = "rdw".equals(format) ? FramingOptions.rdw() : FramingOptions.vb();
                StringBuilder flags = new StringBuilder("--format ").append(format);
                if ((variant & 1) != 0) {
                    options = options.withLittleEndian();
                    flags.append(" --rdw-little-endian");
                }
                if ((variant & 2) != 0) {
                    options = options.withLengthExcludingHeader();
                    flags.append(" --rdw-excludes-header");
                }
                if (RecordReader.chains(head, 0, head.length, options, RECORDS)) {
                    found.add(flags.toString());
                }
            }
        }
        if (fileSize > 0 && fileSize % layoutLength == 0) {
            found.add("--format fixed (the size is a multiple of the layout's " + layoutLength + " bytes)");
        } else {
            for (int length : FixedSizeCheck.dividing(fileSize, layoutLength)) {
                found.add("--format fixed --record-length " + length + " (divides the file size)");
            }
        }
        return found;
    }
}
