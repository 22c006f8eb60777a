package dev.ringline.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Warns when a fixed-format file's size is not a multiple of the record length: the data was probably written
 * with another layout (the tail is still rejected with its bytes). Suggests the record lengths near the
 * layout's that divide the file size.
 */
final class FixedSizeCheck {
    /** How far from the layout's length to look for lengths that divide the file size. */
    static final int SEARCH = 64;

    private FixedSizeCheck() {
    }

    static void warn(PrintWriter err, long fileSize, int recordLength, int layoutLength) {
        long remainder = fileSize % recordLength;
        if (remainder == 0) {
            return;
        }
        List<Integer> dividing = dividing(fileSize, layoutLength);
        err.println(String.format(Locale.ROOT, "warning: the input's size %,d is not a multiple of the record "
                        + "length %,d (%,d bytes left over)%s", fileSize, recordLength, remainder,
                dividing.isEmpty() ? "" : "; record lengths near the layout's " + layoutLength
                        + " that divide it: " + dividing));
        err.flush();
    }

    /** Lengths within {@link #SEARCH} of {@code layoutLength} that divide {@code fileSize}, nearest first. */
    static List<Integer> dividing(long fileSize, int layoutLength) {
        List<Integer> found = new ArrayList<>();
        for (int d = 0; d <= SEARCH && found.size() < 4; d++) {
            for (int length : new int[] {layoutLength - d, layoutLength + d}) {
                if (length > 0 && fileSize % length == 0 && !found.contains(length)) {
                    found.add(length);
                }
            }
        }
        return found;
    }
}
