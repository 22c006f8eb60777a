package dev.ringline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a run names, checked before any work: an output ({@code --output}, {@code --rejects},
 * {@code --latency-report}, {@code --field-errors}) may not be the input, the copybook or another output, so a run never writes over its
 * own files. Existing files are compared with {@link Files#isSameFile} (which sees through links), others by
 * their normalized absolute path.
 *
 * @param rejects the rejects file to use ({@code -} for stderr)
 */
record RunPaths(String rejects) {
    /** One named path: its option and its value. */
    private record Named(String option, Path path) {
    }

    /**
     * Checks the paths of a run ({@code -} means a standard stream and is never compared).
     *
     * @param fieldErrors the field errors file, or null when field errors go elsewhere
     * @throws CliException with {@link ExitCodes#USAGE} when two of them name the same file
     */
    static RunPaths check(String input, Path copybook, String output, String rejects, Path latencyReport,
                          String fieldErrors) {
        List<Named> inputs = new ArrayList<>();
        if (!"-".equals(input)) {
            inputs.add(new Named("--input", Path.of(input)));
        }
        inputs.add(new Named("--copybook", copybook));
        List<Named> outputs = new ArrayList<>();
        if (!"-".equals(output)) {
            outputs.add(new Named("--output", Path.of(output)));
        }
        if (!"-".equals(rejects)) {
            outputs.add(new Named("--rejects", Path.of(rejects)));
        }
        if (latencyReport != null) {
            outputs.add(new Named("--latency-report", latencyReport));
        }
        if (fieldErrors != null) {
            outputs.add(new Named("--field-errors", Path.of(fieldErrors)));
        }
        for (int i = 0; i < outputs.size(); i++) {
            Named out = outputs.get(i);
            for (Named in : inputs) {
                if (same(out.path(), in.path())) {
                    throw clash(out, in);
                }
            }
            for (int j = 0; j < i; j++) {
                if (same(out.path(), outputs.get(j).path())) {
                    throw clash(out, outputs.get(j));
                }
            }
        }
        return new RunPaths(rejects);
    }

    private static CliException clash(Named out, Named other) {
        return CliException.usage(out.option() + " " + out.path() + " is the same file as " + other.option()
                + " " + other.path() + "; a run never writes over its own files");
    }

    static boolean same(Path a, Path b) {
        if (Files.exists(a) && Files.exists(b)) {
            try {
                return Files.isSameFile(a, b);
            } catch (IOException e) {
                return false;
            }
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
