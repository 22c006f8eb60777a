package dev.ringline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;

/**
 * The {@code ringline} command line: {@code decode}, {@code generate}, {@code layout} and {@code demo}. Without
 * arguments it runs the demo. Data goes to standard output, everything else to standard error.
 */
@Command(name = "ringline", mixinStandardHelpOptions = true, version = "ringline 0.1.0",
        exitCodeOnInvalidInput = ExitCodes.USAGE, exitCodeOnExecutionException = ExitCodes.INTERNAL,
        description = "Decodes mainframe COBOL record files to JSON lines in parallel, in input order, in bounded "
                + "memory. Without a command: runs the demo.",
        subcommands = {DecodeCommand.class, GenerateCommand.class, LayoutCommand.class, DemoCommand.class,
                CommandLine.HelpCommand.class},
        footer = ExitCodes.HELP_TABLE)
public final class Ringline implements Callable<Integer> {
    private final InputStream stdin;
    private final OutputStream stdout;

    @Spec
    CommandSpec spec;

    /** Reads standard input and writes data to standard output. */
    public Ringline() {
        this(System.in, System.out);
    }

    /** Reads {@code stdin} for input {@code -} and writes data for output {@code -} to {@code stdout}. */
    public Ringline(InputStream stdin, OutputStream stdout) {
        this.stdin = stdin;
        this.stdout = stdout;
    }

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new Ringline()).execute(args));
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
