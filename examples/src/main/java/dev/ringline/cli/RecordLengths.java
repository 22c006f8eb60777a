package dev.ringline.cli;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lengths of the records of an RDW or VB file, for {@code verify}: reads the {@code _record} and {@code _length}
 * each decoded JSON line starts with (the decode runs with metadata and writes here instead of to a file) and keeps
 * the count, the extremes and how many records are shorter or longer than the layout, with the first of each.
 * Records rejected whole (truncated) write no line and are not counted. Single-threaded: the decoder's ordered stage
 * writes; nothing is allocated per record.
 */
final class RecordLengths extends OutputStream {
    private static final byte[] RECORD = "\"_record\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] LENGTH = "\"_length\":".getBytes(StandardCharsets.UTF_8);
    /** The metadata opens each line ({"_record":N,"_offset":N,"_length":N): this many bytes hold it. */
    private static final int PREFIX = 96;

    private final int layoutLength;
    private final byte[] line = new byte[PREFIX];
    /** Bytes of the current line's prefix held; -1 once the line was counted. */
    private int held;
    private long records;
    private long min = Long.MAX_VALUE;
    private long max = -1;
    private long shorter;
    private long longer;
    private long firstShorter = -1;
    private long firstLonger = -1;

    RecordLengths(int layoutLength) {
        this.layoutLength = layoutLength;
    }

    @Override
    public void write(int b) {
        if (b == '\n') {
            if (held >= 0) {
                count();
            }
            held = 0;
        } else if (held >= 0) {
            line[held++] = (byte) b;
            if (held == PREFIX) {
                count();
            }
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    /** Reads the record number and length from the held prefix. */
    private void count() {
        long record = number(RECORD);
        long length = number(LENGTH);
        held = -1;
        if (record < 0 || length < 0) {
            throw new IllegalStateException("a decoded line without its metadata");
        }
        add(record, length);
    }

    /** The digits after {@code key} in the held prefix, or -1. */
    private long number(byte[] key) {
        outer:
        for (int i = 0; i + key.length < held; i++) {
            for (int k = 0; k < key.length; k++) {
                if (line[i + k] != key[k]) {
                    continue outer;
                }
            }
            long value = 0;
            int j = i + key.length;
            while (j < held && line[j] >= '0' && line[j] <= '9') {
                value = value * 10 + (line[j++] - '0');
            }
            return value;
        }
        return -1;
    }

    private void add(long record, long length) {
        if (length < layoutLength) {
            if (shorter++ == 0) {
                firstShorter = record;
            }
        } else if (length > layoutLength) {
            if (longer++ == 0) {
                firstLonger = record;
            }
        }
        min = Math.min(min, length);
        max = Math.max(max, length);
        records++;
    }

    long records() {
        return records;
    }

    long shorter() {
        return shorter;
    }

    long longer() {
        return longer;
    }

    /** The statistics as report entries: count, min, max, the layout's length, shorter and longer (with the first). */
    Map<String, Object> entries() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", records);
        m.put("min", records == 0 ? null : min);
        m.put("max", records == 0 ? null : max);
        m.put("layoutLength", layoutLength);
        m.put("equal", records - shorter - longer);
        m.put("shorter", shorter);
        m.put("firstShorter", firstShorter < 0 ? null : firstShorter);
        m.put("longer", longer);
        m.put("firstLonger", firstLonger < 0 ? null : firstLonger);
        return m;
    }
}
