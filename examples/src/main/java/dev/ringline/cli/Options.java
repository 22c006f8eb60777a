package dev.ringline.cli;

import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.CopybookOptions;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.framing.FramingOptions;

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
     * The workers of {@code --threads}: as given, else the available processors (at most
     * {@link DecodeCommand#MAX_THREADS}).
     *
     * @throws CliException with {@link ExitCodes#USAGE} outside 1..{@link DecodeCommand#MAX_THREADS}
     */
    static int workers(Integer threads) {
        int workers = threads == null ? Math.min(DecodeCommand.MAX_THREADS, Runtime.getRuntime().availableProcessors())
                : threads;
        if (workers < 1 || workers > DecodeCommand.MAX_THREADS) {
            throw CliException.usage("--threads must be 1.." + DecodeCommand.MAX_THREADS + ": " + workers);
        }
        return workers;
    }

    /** Fails when {@code --rdw-little-endian} or {@code --rdw-excludes-header} is given with fixed framing. */
    static void checkRdwFlags(boolean fixed, boolean littleEndian, boolean excludesHeader) {
        if (fixed && (littleEndian || excludesHeader)) {
            throw CliException.usage("--rdw-little-endian and --rdw-excludes-header need --format rdw or vb");
        }
    }

    /** RDW (or, with {@code vb}, VB) framing with the {@code --rdw-*} flags applied. */
    static FramingOptions variableFraming(boolean vb, boolean littleEndian, boolean excludesHeader) {
        FramingOptions f = vb ? FramingOptions.vb() : FramingOptions.rdw();
        if (littleEndian) {
            f = f.withLittleEndian();
        }
        if (excludesHeader) {
            f = f.withLengthExcludingHeader();
        }
        return f;
    }

    /**
     * The rejects file ({@code --rejects}), or {@code -} for stderr. By default it never shares stderr with the
     * summary: beside a file output ({@code OUTPUT.rejects.jsonl}), else in the current directory, named after the
     * input.
     */
    static String rejectsSpec(String rejects, String output, String input) {
        if (rejects != null) {
            return rejects;
        }
        if (OutputTarget.isFile(output)) {
            return output + ".rejects.jsonl";
        }
        Path name = "-".equals(input) ? null : Path.of(input).getFileName();
        return (name == null ? "stdin" : name.toString()) + ".rejects.jsonl";
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
