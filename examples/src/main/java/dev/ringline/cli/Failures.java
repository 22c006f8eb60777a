package dev.ringline.cli;

import dev.ringline.cobol.copybook.CopybookException;
import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.ErrorCode;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * The root command's handler of what a command throws: a failure the user can act on becomes one line on stderr
 * ({@code ringline: ...}) and its exit code; a closed pipe ends quietly with {@link ExitCodes#BROKEN_PIPE}; an
 * {@link OutOfMemoryError} is one line with a hint; anything else is a bug, printed with its stack trace and
 * {@link ExitCodes#INTERNAL}.
 */
final class Failures implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        if (outOfMemory(ex)) {
            return OutOfMemoryLine.print(cmd.getErr());
        }
        PrintWriter err = cmd.getErr();
        try {
            int code = handle(ex, err);
            if (ex instanceof CliException && code == ExitCodes.USAGE) {
                err.println(UsageErrors.hint(cmd.getCommandSpec().qualifiedName()));
            }
            return code;
        } finally {
            err.flush();
        }
    }

    /** Prints what {@code ex} means to the user and returns the exit code. */
    static int handle(Throwable ex, PrintWriter err) {
        if (ex instanceof CliException) {
            CliException e = (CliException) ex;
            return fail(err, e.exitCode(), e.getMessage());
        }
        if (outOfMemory(ex)) {
            return OutOfMemoryLine.print(err);
        }
        if (ex instanceof CopybookException) {
            return fail(err, ExitCodes.USAGE, "bad copybook: " + ex.getMessage());
        }
        IOException io = ioCause(ex);
        if (io != null) {
            if (brokenPipe(io)) {
                return fail(err, ExitCodes.BROKEN_PIPE, "standard output was closed by its reader (broken pipe);"
                        + " decoding stopped");
            }
            return fail(err, ExitCodes.IO, describe(io));
        }
        ex.printStackTrace(err);
        return ExitCodes.INTERNAL;
    }

    /** The one line printed when the heap ran out. */
    static String outOfMemoryMessage() {
        return "out of memory (heap " + ByteSize.format(Runtime.getRuntime().maxMemory()) + "): lower --ring-size, "
                + "or give Java more heap, e.g. java -Xmx1g -jar ringline.jar ...";
    }

    private static boolean outOfMemory(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** The I/O failure behind {@code ex}, if that is what it is. */
    private static IOException ioCause(Throwable ex) {
        if (ex instanceof IOException) {
            return (IOException) ex;
        }
        if (ex instanceof UncheckedIOException) {
            return ((UncheckedIOException) ex).getCause();
        }
        if (ex instanceof CobolException && ((CobolException) ex).code() == ErrorCode.IO_ERROR) {
            return ex.getCause() instanceof IOException ? (IOException) ex.getCause() : new IOException(
                    ex.getMessage(), ex);
        }
        return null;
    }

    /** Whether the reader of a pipe went away ({@code EPIPE}). */
    static boolean brokenPipe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException && t.getMessage() != null && t.getMessage().contains("Broken pipe")) {
                return true;
            }
        }
        return false;
    }

    /** Prints {@code ringline: message}. */
    static void fail(PrintWriter err, String message) {
        err.println("ringline: " + message);
        err.flush();
    }

    static int fail(PrintWriter err, int exitCode, String message) {
        fail(err, message);
        return exitCode;
    }

    /** The operating system's reason for an I/O failure, without the file name ("No space left on device"). */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A one-line description of an I/O failure with the operating system's reason and the file, if named. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory: " + ((NoSuchFileException) e).getFile();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + ((AccessDeniedException) e).getFile();
        }
        if (e instanceof FileSystemException) {
            FileSystemException f = (FileSystemException) e;
            return f.getReason() == null ? "I/O error on " + f.getFile() : f.getReason() + ": " + f.getFile();
        }
        return e.getMessage() == null ? "I/O error (" + e.getClass().getSimpleName() + ")" : e.getMessage();
    }
}
