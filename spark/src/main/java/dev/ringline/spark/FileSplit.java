package dev.ringline.spark;

import org.apache.spark.sql.connector.read.InputPartition;

/**
 * One split of one file: the byte range {@code [start, end)}. Fixed-length splits are whole records. RDW/VB splits
 * with {@code exact} bounds (from the index pass, or a whole file) start and end on true record boundaries; otherwise
 * the bounds are nominal and the split owns the records from the boundary found at {@code start} to the one found at
 * {@code end}.
 *
 * @param path        the file
 * @param fileSize    its size when listed
 * @param start       the first byte (nominal unless {@code exact})
 * @param end         the end (exclusive); {@code fileSize} for the last split
 * @param exact       the bounds are record boundaries
 * @param firstRecord the index in the file of the record at {@code start} when known exactly, else -1
 */
record FileSplit(String path, long fileSize, long start, long end, boolean exact, long firstRecord)
        implements InputPartition {
    private static final long serialVersionUID = 1L;
}
