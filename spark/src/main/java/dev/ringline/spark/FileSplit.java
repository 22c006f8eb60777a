package dev.ringline.spark;

import org.apache.spark.sql.connector.read.InputPartition;

/**
 * One split of one file: the nominal byte range {@code [start, end)}. Fixed-length splits are whole records;
 * RDW/VB splits own the records from the boundary found at {@code start} to the one found at {@code end}.
 *
 * @param path     the file
 * @param fileSize its size when listed
 * @param start    the nominal first byte
 * @param end      the nominal end (exclusive); {@code fileSize} for the last split
 */
record FileSplit(String path, long fileSize, long start, long end) implements InputPartition {
    private static final long serialVersionUID = 1L;
}
