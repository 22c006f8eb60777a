package dev.ringline.cli;

import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ringline layout}: the field table of a copybook's records. */
@Command(name = "layout", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Prints the field table of a copybook: offsets, lengths and types of every field "
                + "(every record, or the one given by --record). Warnings go to stderr.",
        footer = ExitCodes.HELP_TABLE)
final class LayoutCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--copybook", required = true, paramLabel = "FILE", description = "The copybook to read.")
    Path copybook;

    @Option(names = "--record", paramLabel = "NAME", description = "Only this record (default: all).")
    String record;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Copybook parsed = Options.copybook(copybook, err);
        if (record != null) {
            out.print(Options.record(parsed, record).toTable());
        } else {
            boolean first = true;
            for (RecordLayout layout : parsed.records()) {
                if (!first) {
                    out.println();
                }
                out.print(layout.toTable());
                first = false;
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
