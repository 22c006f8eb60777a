package dev.ringline.cli;

/** The process exit codes of {@code ringline}; also shown in {@code --help} and the README. */
final class ExitCodes {
    /** Every record read was written. */
    static final int OK = 0;
    /** The run finished but rejected records, or it stopped after too many errors (output then incomplete). */
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
            + "  2  finished, but some records were rejected; or stopped after too%n"
            + "     many errors (--on-error fail, --max-errors): an output file is%n"
            + "     then not created%n"
            + "  3  bad arguments or bad copybook (message gives file:line:column)%n"
            + "  4  I/O error: missing input, unwritable output, disk full%n"
            + "  5  internal error (stack trace printed), or out of memory%n"
            + "  129, 130, 143  ended by SIGHUP, SIGINT, SIGTERM (temp files deleted)%n"
            + "  141  standard output closed by its reader (broken pipe)%n";

    private ExitCodes() {
    }
}
