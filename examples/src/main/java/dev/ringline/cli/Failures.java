package dev.ringline.cli;

import dev.ringline.cobol.copybook.CopybookException;
import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.ErrorCode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * Runs a command body and turns the failures a user can act on into one line on stderr and an exit code.
 * Anything else propagates, so picocli prints its stack trace and exits with {@link ExitCodes#INTERNAL}.
 */
final class Failures {
    /** A command body. */
    @FunctionalInterface
    interface Body {
        int run() throws Exception;
    }

    private Failures() {
    }

    static int run(PrintWriter err, Body body) throws Exception {
        try {
            return body.run();
        } catch (CliException e) {
            return fail(err, e.exitCode(), e.getMessage());
        } catch (CopybookException e) {
            return fail(err, ExitCodes.USAGE, "bad copybook: " + e.getMessage());
        } catch (CobolException e) {
            if (e.code() == ErrorCode.IO_ERROR) {
                return fail(err, ExitCodes.IO, e.getMessage());
            }
            throw e;
        } catch (IOException e) {
            return fail(err, ExitCodes.IO, describe(e));
        } catch (UncheckedIOException e) {
            return fail(err, ExitCodes.IO, describe(e.getCause()));
        } finally {
            err.flush();
        }
    }

    static int fail(PrintWriter err, int exitCode, String message) {
        err.println("ringline: " + message);
        err.flush();
        return exitCode;
    }

    /** A one-line description of an I/O failure, with the file where the exception names one. */
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
        return "I/O error: " + e.getMessage();
    }
}
