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
 * When a file's first records do not frame under the given options, the file was probably given the wrong
 * framing: tries the other framings on the file's first bytes and names those under which its first records
 * chain consistently ({@link RecordReader#chains}).
 */
final class FramingGuess {
    /** Bytes of the file's head that are tried. */
    static final int HEAD = 64 * 1024;
    /** Consecutive records that must frame for a framing to be suggested. */
    static final int RECORDS = 8;

    private FramingGuess() {
    }

    /**
     * Option sets (e.g. {@code --format rdw --rdw-little-endian}) under which the file's head frames cleanly, then
     * fixed framings whose record length fits the file size.
     */
    static List<String> suggest(Path file, long fileSize, int layoutLength) throws IOException {
        List<String> found = variable(head(file));
        if (fileSize > 0 && fileSize % layoutLength == 0) {
            found.add("--format fixed (the size is a multiple of the layout's " + layoutLength + " bytes)");
        } else {
            for (int length : FixedSizeCheck.dividing(fileSize, layoutLength)) {
                found.add("--format fixed --record-length " + length + " (divides the file size)");
            }
        }
        return found;
    }

    /**
     * Before a variable-format run: a warning when the file's first records do not chain under {@code framing}
     * but do under another RDW/VB variant (a wrong byte order or length convention decodes garbage records
     * without any framing error), else null.
     */
    static String warning(Path file, FramingOptions framing, String flags) throws IOException {
        byte[] head = head(file);
        if (head.length == 0 || RecordReader.chains(head, 0, head.length, framing, RECORDS)) {
            return null;
        }
        List<String> others = variable(head);
        return others.isEmpty() ? null : "warning: the first records do not chain as " + flags + "; they do with: "
                + String.join("; ", others);
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        }
    }

    private static List<String> variable(byte[] head) {
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
                if (head.length > 0 && RecordReader.chains(head, 0, head.length, options, RECORDS)) {
                    found.add(flags.toString());
                }
            }
        }
        return found;
    }
}
