package dev.ringline.cli;

/**
 * The process exit codes of {@code ringline}; also shown in {@code --help} and the README. They are returned by
 * the root command's handlers ({@link UsageErrors}, {@link Failures}) and by the commands themselves.
 */
final class ExitCodes {
    /** Every record read was written. */
    static final int OK = 0;
    /** The run finished with rejects or undecoded bytes, or the error policy stopped it (no file changed). */
    static final int REJECTS = 2;
    /** Bad arguments or a bad copybook. */
    static final int USAGE = 3;
    /** An input could not be read or an output could not be written. */
    static final int IO = 4;
    /** A bug (the stack trace is printed), or out of memory (one line with a hint). */
    static final int INTERNAL = 5;
    /** Standard output's reader went away ({@code | head}): 128 + SIGPIPE, as a shell reports it. */
    static final int BROKEN_PIPE = 141;

    /** The table printed at the end of {@code --help}. */
    static final String HELP_TABLE = "%nExit codes:%n"
            + "  0  success: every record read was written%n"
            + "  2  finished, but some records were rejected, or a bad RDW/BDW left%n"
            + "     the rest of the input undecoded; or stopped by --on-error fail /%n"
            + "     --max-errors: then no file is created or changed%n"
            + "  3  bad arguments, bad copybook (file:line:column), outputs that name%n"
            + "     the input or each other, a ring that does not fit in the heap%n"
            + "  4  I/O error: missing input, unwritable output, disk full%n"
            + "  5  internal error (stack trace printed), or out of memory%n"
            + "  129, 130, 143  ended by SIGHUP, SIGINT, SIGTERM (temp files deleted)%n"
            + "  141  standard output closed by its reader (broken pipe)%n";

    private ExitCodes() {
    }
}
