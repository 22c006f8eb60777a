package dev.ringline.cobol;

/**
 * What to do with bad data. {@link #skip()} is the default: a bad record goes to the rejects sink and the run
 * goes on. Immutable; the caller keeps the error count.
 */
public final class ErrorPolicy {
    /** The decision for one error. */
    public enum Action {
        /** Stop the run: throw. */
        FAIL,
        /** Send the whole record to the rejects sink, write nothing for it, continue. */
        REJECT_RECORD,
        /** Write the record with the bad field as null; still count the error and report it to the sink. */
        NULL_FIELD
    }

    private enum Kind { FAIL_FAST, SKIP, STOP_AFTER, LENIENT }

    private static final ErrorPolicy FAIL_FAST = new ErrorPolicy(Kind.FAIL_FAST, 0);
    private static final ErrorPolicy SKIP = new ErrorPolicy(Kind.SKIP, 0);
    private static final ErrorPolicy LENIENT = new ErrorPolicy(Kind.LENIENT, 0);

    private final Kind kind;
    private final int maxErrors;

    private ErrorPolicy(Kind kind, int maxErrors) {
        this.kind = kind;
        this.maxErrors = maxErrors;
    }

    /** The first error stops the run. */
    public static ErrorPolicy failFast() {
        return FAIL_FAST;
    }

    /** Every bad record is rejected; the run never stops for bad data. */
    public static ErrorPolicy skip() {
        return SKIP;
    }

    /** Bad records are rejected until there are more than {@code maxErrors} errors; the next one stops the run. */
    public static ErrorPolicy stopAfter(int maxErrors) {
        if (maxErrors < 0) {
            throw new IllegalArgumentException("maxErrors must be >= 0: " + maxErrors);
        }
        return new ErrorPolicy(Kind.STOP_AFTER, maxErrors);
    }

    /**
     * A bad field becomes null and its record is still written; an error that concerns the whole record (framing,
     * an unknown segment, an OCCURS DEPENDING ON counter out of range under {@code variableOccurs}) rejects the
     * record. Never stops the run. Each field error is counted in {@link DecodeSummary#fieldErrors()}, each record
     * with at least one in {@link DecodeSummary#recordsWithFieldErrors()}, and is logged with its path, offset and
     * the raw record to {@link DecodeOptions#fieldErrors()} (the rejects sink unless set). Blank numerics and empty
     * text are not errors when {@link DecodeOptions.Builder#blankNumerics} / {@code emptyText} say so.
     */
    public static ErrorPolicy lenient() {
        return LENIENT;
    }

    /**
     * @param errorNumber how many errors the run has met, this one included (1 for the first)
     * @param fieldError  the error concerns one field (otherwise the whole record)
     */
    public Action onError(long errorNumber, boolean fieldError) {
        if (errorNumber < 1) {
            throw new IllegalArgumentException("errorNumber starts at 1: " + errorNumber);
        }
        switch (kind) {
            case FAIL_FAST:
                return Action.FAIL;
            case SKIP:
                return Action.REJECT_RECORD;
            case STOP_AFTER:
                return errorNumber > maxErrors ? Action.FAIL : Action.REJECT_RECORD;
            case LENIENT:
                return fieldError ? Action.NULL_FIELD : Action.REJECT_RECORD;
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    @Override
    public String toString() {
        switch (kind) {
            case FAIL_FAST:
                return "fail-fast";
            case SKIP:
                return "skip";
            case STOP_AFTER:
                return "stop-after " + maxErrors;
            default:
                return "lenient";
        }
    }
}
