package dev.ringline.cli;

/**
 * A failure the user can act on: printed as one line ({@code ringline: MESSAGE}), followed for usage errors by a
 * pointer to the command's help, and ended with its exit code.
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final String usageHint;

    CliException(int exitCode, String message, Throwable cause, String usageHint) {
        super(message, cause);
        this.exitCode = exitCode;
        this.usageHint = usageHint;
    }

    CliException(int exitCode, String message) {
        this(exitCode, message, null, null);
    }

    /** A bad argument of {@code command} (e.g. {@code ringline decode}): exit 3 and a pointer to its help. */
    static CliException usage(String command, String message) {
        return new CliException(ExitCodes.USAGE, message, null, UsageErrors.hint(command));
    }

    /** A bad argument that does not need the help (the message says it all): exit 3. */
    static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    static CliException io(String message, Throwable cause) {
        return new CliException(ExitCodes.IO, message, cause, null);
    }

    int exitCode() {
        return exitCode;
    }

    /** The second line of a usage error, or null. */
    String usageHint() {
        return usageHint;
    }
}
