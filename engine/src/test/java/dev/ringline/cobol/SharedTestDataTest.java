package dev.ringline.cobol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the Cobrix suite is looked for, and what its absence does in CI and locally. */
class SharedTestDataTest {
    @TempDir
    Path dir;

    @Test
    void foundInAParentFolder() throws IOException {
        Path suite = Files.createDirectories(dir.resolve("shared/testdata/cobrix"));
        Path repo = Files.createDirectories(dir.resolve("repo/engine"));
        assertEquals(suite, SharedTestData.cobrix(repo, Map.of("CI", "true")));
    }

    @Test
    void absentFailsInCiWithTheReason() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> SharedTestData.cobrix(dir, Map.of("CI", "true")));
        assertTrue(e.getMessage().contains("CI=true requires the Cobrix suite"), e.getMessage());
    }

    @Test
    void absentSkipsLocally() {
        assertThrows(TestAbortedException.class, () -> SharedTestData.cobrix(dir, Map.of()));
        assertThrows(TestAbortedException.class, () -> SharedTestData.cobrix(dir, Map.of("CI", "false")));
    }
}
