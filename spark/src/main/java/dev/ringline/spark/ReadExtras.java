package dev.ringline.spark;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * The reader's options beyond the command line's decode options: exact record indices, a rejects folder and a
 * raw-bytes column for bad records. Kept apart from {@link ReadOptions} so each has one job.
 *
 * @param exactRecordIndex {@code record_index = exact}: {@code _record} is the record's index in the file for
 *                         RDW/VB too (from the index pass, or counted by a whole-file split)
 * @param rejectsPath      {@code rejects_path}: a folder (any Hadoop file system) for one JSON line per reject, or
 *                         null
 * @param corruptColumn    {@code corrupt_record_column}: the name of a binary column holding a bad record's raw
 *                         bytes, or null for none
 */
record ReadExtras(boolean exactRecordIndex, String rejectsPath, String corruptColumn) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Parses Spark's case-insensitive options. */
    static ReadExtras parse(Map<String, String> options) {
        String index = get(options, "record_index", "none").trim().toLowerCase(Locale.ROOT);
        if (!index.equals("none") && !index.equals("exact")) {
            throw new IllegalArgumentException("ringline: option record_index must be one of none|exact, not "
                    + index);
        }
        String rejects = get(options, "rejects_path", null);
        String corrupt = get(options, "corrupt_record_column", null);
        if (corrupt != null && corrupt.isBlank()) {
            throw new IllegalArgumentException("ringline: option corrupt_record_column needs a column name");
        }
        return new ReadExtras(index.equals("exact"), rejects == null || rejects.isBlank() ? null : rejects.trim(),
                corrupt == null ? null : corrupt.trim());
    }

    private static String get(Map<String, String> options, String key, String fallback) {
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return fallback;
    }
}
