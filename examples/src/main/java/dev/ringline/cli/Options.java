package dev.ringline.cli;

import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.CopybookOptions;
import dev.ringline.cobol.copybook.RecordLayout;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Conversions shared by the commands, each failing with a one-line {@link CliException}. */
final class Options {
    private Options() {
    }

    /**
     * Reads and parses a copybook file, printing its warnings to {@code err}.
     *
     * @throws CliException with {@link ExitCodes#IO} if the file is missing, a directory or unreadable (with the
     *                      operating system's reason)
     */
    static Copybook copybook(Path file, PrintWriter err) {
        return copybook(file, CopybookOptions.defaults(), err);
    }

    /**
     * Reads and parses a copybook file as {@code options} say (columns, lenient comment lines), printing its
     * warnings to {@code err}.
     *
     * @throws CliException with {@link ExitCodes#IO} as {@link #copybook(Path, PrintWriter)}
     */
    static Copybook copybook(Path file, CopybookOptions options, PrintWriter err) {
        if (Files.isDirectory(file)) {
            throw CliException.io("cannot read copybook " + file + ": it is a directory", null);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw CliException.io("cannot read copybook " + file + ": " + Failures.describe(e), e);
        }
        Path name = file.getFileName();
        Copybook copybook = Copybook.parse(new String(bytes, StandardCharsets.UTF_8),
                name == null ? file.toString() : name.toString(), options);
        for (String warning : copybook.warnings()) {
            err.println("warning: " + warning);
        }
        err.flush();
        return copybook;
    }

    /**
     * The named record (case ignored), or the first when {@code name} is null.
     *
     * @throws CliException with {@link ExitCodes#USAGE} listing the records there are
     */
    static RecordLayout record(Copybook copybook, String name) {
        if (name == null) {
            return copybook.firstRecord();
        }
        for (RecordLayout layout : copybook.records()) {
            if (layout.name().equalsIgnoreCase(name)) {
                return layout;
            }
        }
        throw CliException.usage("--record: no record named " + name + " in " + copybook.sourceName()
                + "; its records are " + copybook.records().stream().map(RecordLayout::name)
                .collect(Collectors.joining(", ")));
    }
}
