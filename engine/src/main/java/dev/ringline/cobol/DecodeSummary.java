package dev.ringline.cobol;

import dev.ringline.cobol.error.DecodeError;

/**
 * The accounting of one run. Every record read is either written or rejected, and every input byte read belongs
 * to a written record, a rejected record, or the undecoded rest after a framing failure; a correct run is
 * {@link #balanced()}. Field errors under a lenient policy are counted without rejecting their record.
 *
 * @param recordsRead     records framed from the input
 * @param recordsWritten  records written to the output
 * @param recordsRejected records sent to the rejects sink instead
 * @param fieldErrors     errors met (all of them, whether they rejected a record or nulled a field)
 * @param bytesRead       input bytes read: consumed by framing, plus, after a framing failure, the rest of the
 *                        input that could not be framed
 * @param bytesWritten    output bytes written
 * @param bytesDecoded    input bytes of the written records (descriptor words included)
 * @param bytesRejected   input bytes of the rejected records (descriptor words included)
 * @param bytesUndecoded  input bytes after a framing failure, from the end of the last framed record to the end
 *                        of the input: not decoded at all
 * @param bytesSkipped    input bytes skipped by resynchronization after bad descriptor words (part of
 *                        {@code bytesRejected}: they are in the rejects as {@code UNFRAMED_BYTES})
 * @param framingFailure  the framing failure (a bad RDW or BDW, a record above the maximum length) that ended the
 *                        decoding early, or {@code null}; a truncated last record is a rejected record instead
 * @param recordsWithFieldErrors records written with at least one field nulled by a lenient policy (part of
 *                        {@code recordsWritten})
 */
public record DecodeSummary(long recordsRead, long recordsWritten, long recordsRejected, long fieldErrors,
                            long bytesRead, long bytesWritten, long bytesDecoded, long bytesRejected,
                            long bytesUndecoded, long bytesSkipped, DecodeError framingFailure,
                            long recordsWithFieldErrors) {

    /** A summary without lenient field errors. */
    public DecodeSummary(long recordsRead, long recordsWritten, long recordsRejected, long fieldErrors,
                         long bytesRead, long bytesWritten, long bytesDecoded, long bytesRejected,
                         long bytesUndecoded, long bytesSkipped, DecodeError framingFailure) {
        this(recordsRead, recordsWritten, recordsRejected, fieldErrors, bytesRead, bytesWritten, bytesDecoded,
                bytesRejected, bytesUndecoded, bytesSkipped, framingFailure, 0);
    }

    /** A summary without byte accounting beyond {@code bytesRead} (everything read counted as decoded). */
    public DecodeSummary(long recordsRead, long recordsWritten, long recordsRejected, long fieldErrors,
                         long bytesRead, long bytesWritten, long recordsWithFieldErrors) {
        this(recordsRead, recordsWritten, recordsRejected, fieldErrors, bytesRead, bytesWritten, bytesRead, 0, 0, 0,
                null, recordsWithFieldErrors);
    }

    /**
     * A summary without byte accounting beyond {@code bytesRead} (everything read counted as decoded) and without
     * lenient field errors.
     */
    public DecodeSummary(long recordsRead, long recordsWritten, long recordsRejected, long fieldErrors,
                         long bytesRead, long bytesWritten) {
        this(recordsRead, recordsWritten, recordsRejected, fieldErrors, bytesRead, bytesWritten, 0);
    }

    /** Every record read was either written or rejected, and every byte read is accounted for. */
    public boolean balanced() {
        return recordsRead == recordsWritten + recordsRejected
                && bytesRead == bytesDecoded + bytesRejected + bytesUndecoded;
    }

    @Override
    public String toString() {
        return "read " + recordsRead + " records (" + bytesRead + " bytes), wrote " + recordsWritten + " ("
                + bytesWritten + " bytes), rejected " + recordsRejected + ", errors " + fieldErrors
                + (bytesUndecoded > 0 ? ", " + bytesUndecoded + " bytes not decoded" : "")
                + (balanced() ? "" : " -- UNBALANCED: " + (recordsRead - recordsWritten - recordsRejected)
                + " records and " + (bytesRead - bytesDecoded - bytesRejected - bytesUndecoded)
                + " bytes unaccounted for");
    }
}
