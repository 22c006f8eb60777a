package dev.ringline.cobol;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the shared Cobrix suite ({@code shared/testdata/cobrix}, beside the repository) above the working
 * directory. When it is absent, CI ({@code CI=true}, as {@code .ci/run} is run) fails the calling test, so the
 * external suite cannot silently stop running; a local build skips it with a warning.
 */
public final class SharedTestData {
    private SharedTestData() {
    }

    /** The folder; otherwise the calling test fails (CI) or is skipped with a warning (local build). */
    public static Path cobrix() {
        return cobrix(Path.of("").toAbsolutePath(), System.getenv());
    }

    static Path cobrix(Path start, Map<String, String> env) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/testdata/cobrix");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        String missing = "shared/testdata/cobrix not found in " + start + " or above";
        if ("true".equalsIgnoreCase(env.get("CI"))) {
            return Assertions.fail(missing + ": CI=true requires the Cobrix suite; put the shared folder beside the"
                    + " repository (../shared/testdata/cobrix)");
        }
        System.err.println("WARNING: " + missing + ": Cobrix data tests skipped (with CI=true they fail)");
        Assumptions.abort(missing + ": Cobrix data tests skipped");
        return null;
    }
}
