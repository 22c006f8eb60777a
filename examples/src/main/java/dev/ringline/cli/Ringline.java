package dev.ringline.cli;

import dev.ringline.cobol.codec.CodePage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * The {@code ringline} command line: {@code decode}, {@code encode}, {@code verify}, {@code generate},
 * {@code layout} and {@code demo}. Without arguments it runs the demo. Data goes to standard output, everything else to standard error.
 */
@Command(name = "ringline", mixinStandardHelpOptions = true, version = "ringline 0.1.0",
        description = "Decodes mainframe COBOL record files to JSON lines in parallel, in input order, in bounded "
                + "memory, and encodes them back (encode). Without a command: runs the demo.",
        subcommands = {DecodeCommand.class, EncodeCommand.class, GenerateCommand.class, LayoutCommand.class,
                VerifyCommand.class, DemoCommand.class, CommandLine.HelpCommand.class},
        footer = ExitCodes.HELP_TABLE)
public final class Ringline implements Callable<Integer> {
    private final InputStream stdin;
    private final OutputStream stdout;

    @Spec
    CommandSpec spec;

    /** Reads standard input and writes data to standard output. */
    public Ringline() {
        this(System.in, new FileOutputStream(FileDescriptor.out));
    }

    /** Reads {@code stdin} for input {@code -} and writes data for output {@code -} to {@code stdout}. */
    public Ringline(InputStream stdin, OutputStream stdout) {
        this.stdin = stdin;
        this.stdout = stdout;
    }

    /**
     * Runs the command line and exits with its exit code. Data goes to standard output's file descriptor
     * directly, not through {@code System.out}, which would swallow write errors (a full disk, a closed pipe).
     */
    public static void main(String[] args) {
        // A thread that dies of OutOfMemoryError must not print (printing allocates, and the JVM then reports the
        // handler's own failure): the command reports it once, in one line. Other failures print as usual.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (!(e instanceof OutOfMemoryError)) {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace();
            }
        });
        OutOfMemoryLine.prepare(); // while there is memory to render it
        CommandLine cmd = commandLine(new Ringline(System.in, new FileOutputStream(FileDescriptor.out)));
        PrintWriter err = cmd.getErr(); // created now: creating it after an OutOfMemoryError could fail
        int code = ExitCodes.INTERNAL;
        try {
            code = cmd.execute(args);
        } catch (OutOfMemoryError e) {
            code = OutOfMemoryLine.print(err);
        } finally {
            // Always: live pipeline threads must not keep a failed process alive; the hook deletes temp files.
            System.exit(code);
        }
    }

    /**
     * The command line of {@code app}, set up once for every command: bad arguments and failures are handled
     * here (one line and an exit code, see {@link UsageErrors} and {@link Failures}), enum values are
     * case-insensitive, and code pages are converted by name.
     */
    static CommandLine commandLine(Ringline app) {
        return commandLine(app, null, null);
    }

    /** As {@link #commandLine(Ringline)}, with the given streams for messages (null: the defaults). */
    static CommandLine commandLine(Ringline app, PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(app);
        if (out != null) {
            cmd.setOut(out);
        }
        if (err != null) {
            cmd.setErr(err);
        }
        return cmd.setCaseInsensitiveEnumValuesAllowed(true)
                .registerConverter(CodePage.class, Ringline::codePage)
                .registerConverter(CodePageChoice.class, CodePageChoice::parse)
                .setParameterExceptionHandler(new UsageErrors())
                .setExecutionExceptionHandler(new Failures());
    }

    /** The built-in code page of that name or the single-byte JDK charset of that name (case ignored). */
    static CodePage codePage(String name) {
        try {
            return CodePage.of(name);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** The demo, run when no command is given. */
    @Override
    public Integer call() {
        return spec.commandLine().getSubcommands().get("demo").execute();
    }

    InputStream stdin() {
        return stdin;
    }

    OutputStream stdout() {
        return stdout;
    }
}
