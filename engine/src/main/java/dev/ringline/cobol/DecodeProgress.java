package dev.ringline.cobol;

/**
 * Told about progress after each batch of records, on the ordered-stage thread. Keep it cheap (store the numbers
 * in volatile fields and print from another thread): a slow listener slows the whole decode.
 */
@FunctionalInterface
public interface DecodeProgress {
    /** Counts so far: records read, written and rejected, and input bytes read. */
    void update(long recordsRead, long recordsWritten, long recordsRejected, long bytesRead);
}
