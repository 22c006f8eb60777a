package dev.ringline.cli;

import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.CopybookOptions;
import dev.ringline.cobol.copybook.RecordLayout;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Conversions shared by the commands, each failing with a one-line {@link CliException}. */
final class Options {
    private Options() {
    }

    /** The built-in code page or single-byte JDK charset of that name, or a usage error listing the valid names. */
    static CodePage codePage(String name) {
        try {
            return CodePage.of(name);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--codepage: " + e.getMessage());
        }
    }

    /**
     * Parses a copybook file, printing its warnings to {@code err}.
     *
     * @throws CliException with {@link ExitCodes#IO} if the file is missing or unreadable
     */
    static Copybook copybook(Path file, PrintWriter err) {
        return copybook(file, CopybookOptions.defaults(), err);
    }

    /** Parses a copybook file read as {@code options} say, printing its warnings to {@code err}. */
    static Copybook copybook(Path file, CopybookOptions options, PrintWriter err) {
        if (!Files.isRegularFile(file)) {
            throw CliException.io("copybook not found: " + file, null);
        }
        Copybook copybook = Copybook.parse(file, options);
        for (String warning : copybook.warnings()) {
            err.println("warning: " + warning);
        }
        err.flush();
        return copybook;
    }

    /** The named record, or the first when {@code name} is null. */
    static RecordLayout record(Copybook copybook, String name) {
        return name == null ? copybook.firstRecord() : copybook.record(name);
    }
}
