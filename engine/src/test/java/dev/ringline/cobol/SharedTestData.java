package dev.ringline.cobol;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared Cobrix suite ({@code shared/testdata/cobrix}) above the working directory. */
public final class SharedTestData {
    private SharedTestData() {
    }

    /** The folder, or the calling test is skipped (aborted) with a message saying it is absent. */
    public static Path cobrix() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/testdata/cobrix");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        Assumptions.abort("shared/testdata/cobrix not found above " + Path.of("").toAbsolutePath()
                + ": Cobrix data tests skipped");
        return null;
    }
}
