package dev.ringline.cobol.framing;

import dev.ringline.cobol.error.ErrorCode;

import java.util.Objects;

/**
 * How {@link RecordReader} cuts the input into records.
 *
 * <p>Start from {@link #fixed(int)}, {@link #rdw()} or {@link #vb()} and adjust with the {@code with...} methods:
 * <pre>{@code
 * FramingOptions.rdw().withLittleEndian().withLengthExcludingHeader()   // the Cobrix default RDW
 * }</pre>
 *
 * @param format               record delimitation
 * @param recordLength         record length for {@link RecordFormat#FIXED}; 0 for the other formats
 * @param bigEndian            RDW length byte order. Big-endian (IBM) reads the length from bytes 0-1 and
 *                             requires bytes 2-3 to be zero. Little-endian reads bytes 2-3 when bytes 0 and 1 are
 *                             both zero and bytes 2-3 are not, otherwise bytes 0-1 (the Cobrix rule). BDWs are
 *                             always big-endian.
 * @param lengthIncludesHeader the RDW length counts its own 4 bytes (IBM) rather than the payload only
 * @param maxRecordLength      payload lengths above this fail with {@link ErrorCode#RECORD_TOO_LONG} before any
 *                             allocation; 1 .. {@link #MAX_RECORD_LENGTH_LIMIT}
 */
public record FramingOptions(RecordFormat format, int recordLength, boolean bigEndian, boolean lengthIncludesHeader,
                             int maxRecordLength) {
    /** Default {@link #maxRecordLength()}: 1 MiB. */
    public static final int DEFAULT_MAX_RECORD_LENGTH = 1 << 20;
    /** Largest accepted {@link #maxRecordLength()}: 256 MiB. */
    public static final int MAX_RECORD_LENGTH_LIMIT = 256 << 20;

    public FramingOptions {
        Objects.requireNonNull(format, "format");
        if (maxRecordLength < 1 || maxRecordLength > MAX_RECORD_LENGTH_LIMIT) {
            throw new IllegalArgumentException(
                    "maxRecordLength must be 1.." + MAX_RECORD_LENGTH_LIMIT + ": " + maxRecordLength);
        }
        if (format == RecordFormat.FIXED) {
            if (recordLength < 1 || recordLength > maxRecordLength) {
                throw new IllegalArgumentException(
                        "fixed recordLength must be 1..maxRecordLength (" + maxRecordLength + "): " + recordLength);
            }
        } else if (recordLength != 0) {
            throw new IllegalArgumentException("recordLength applies to FIXED only: " + recordLength);
        }
    }

    /** Fixed-length records of {@code length} bytes; the maximum is raised to {@code length} if needed. */
    public static FramingOptions fixed(int length) {
        int max = Math.max(DEFAULT_MAX_RECORD_LENGTH, Math.min(length, MAX_RECORD_LENGTH_LIMIT));
        return new FramingOptions(RecordFormat.FIXED, length, true, false, max);
    }

    /** IBM variable records: RDW {@code LL LL 00 00}, big-endian, length including the 4 header bytes. */
    public static FramingOptions rdw() {
        return new FramingOptions(RecordFormat.RDW, 0, true, true, DEFAULT_MAX_RECORD_LENGTH);
    }

    /**
     * IBM variable blocked records: a BDW (4 bytes, big-endian block length including the BDW; if bit 0x80 of
     * the first byte is set, an extended BDW whose 31 low bits are the length, otherwise bytes 2-3 must be zero),
     * then RDW records (as {@link #rdw()}) until the block is consumed.
     */
    public static FramingOptions vb() {
        return new FramingOptions(RecordFormat.VB, 0, true, true, DEFAULT_MAX_RECORD_LENGTH);
    }

    /** RDW lengths are little-endian, located by the Cobrix rule (see {@link #bigEndian()}). */
    public FramingOptions withLittleEndian() {
        return new FramingOptions(format, recordLength, false, lengthIncludesHeader, maxRecordLength);
    }

    /** RDW lengths are big-endian in bytes 0-1, bytes 2-3 zero. */
    public FramingOptions withBigEndian() {
        return new FramingOptions(format, recordLength, true, lengthIncludesHeader, maxRecordLength);
    }

    /** RDW lengths count the payload only. */
    public FramingOptions withLengthExcludingHeader() {
        return new FramingOptions(format, recordLength, bigEndian, false, maxRecordLength);
    }

    /** RDW lengths count the payload plus the 4 header bytes. */
    public FramingOptions withLengthIncludingHeader() {
        return new FramingOptions(format, recordLength, bigEndian, true, maxRecordLength);
    }

    /**
     * A copy that rejects records longer than {@code max} bytes ({@link
     * dev.ringline.cobol.error.ErrorCode#RECORD_TOO_LONG}).
     */
    public FramingOptions withMaxRecordLength(int max) {
        return new FramingOptions(format, recordLength, bigEndian, lengthIncludesHeader, max);
    }
}
