package dev.ringline.cli;

/**
 * A failure the user can act on: printed as one line ({@code ringline: MESSAGE}) and ended with its exit code; a
 * usage error ({@link ExitCodes#USAGE}) is followed by a pointer to the command's help (see {@link Failures}).
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    CliException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    /** A bad argument: exit 3. */
    static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    static CliException io(String message, Throwable cause) {
        return new CliException(ExitCodes.IO, message, cause);
    }

    int exitCode() {
        return exitCode;
    }
}
