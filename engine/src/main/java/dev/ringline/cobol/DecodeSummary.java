package dev.ringline.cobol;

/**
 * The accounting of one run. Every record read is either written or rejected, so a correct run is
 * {@link #balanced()}; field errors under a lenient policy are counted without rejecting their record.
 *
 * @param recordsRead     records framed from the input
 * @param recordsWritten  records written to the output
 * @param recordsRejected records sent to the rejects sink instead
 * @param fieldErrors     errors met (all of them, whether they rejected a record or nulled a field)
 * @param bytesRead       input bytes consumed
 * @param bytesWritten    output bytes written
 * @param recordsWithFieldErrors records written with at least one field nulled by a lenient policy
 */
public record DecodeSummary(long recordsRead, long recordsWritten, long recordsRejected, long fieldErrors,
                            long bytesRead, long bytesWritten, long recordsWithFieldErrors) {
    /** A summary without lenient field errors. */
    public DecodeSummary(long recordsRead, long recordsWritten, long recordsRejected, long fieldErrors,
                         long bytesRead, long bytesWritten) {
        this(recordsRead, recordsWritten, recordsRejected, fieldErrors, bytesRead, bytesWritten, 0);
    }

    /** Every record read was either written or rejected. */
    public boolean balanced() {
        return recordsRead == recordsWritten + recordsRejected;
    }

    @Override
    public String toString() {
        return "read " + recordsRead + " records (" + bytesRead + " bytes), wrote " + recordsWritten + " ("
                + bytesWritten + " bytes), rejected " + recordsRejected + ", errors " + fieldErrors
                + (balanced() ? "" : " -- UNBALANCED: " + (recordsRead - recordsWritten - recordsRejected)
                + " records unaccounted for");
    }
}
