package dev.ringline.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LayoutCommandTest {
    @TempDir
    Path dir;

    /** {@code shared/} beside the repository: found by walking up from the working directory. */
    static Path shared() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/testdata"))) {
                return p.resolve("shared");
            }
        }
        return null;
    }

    @Test
    void printsTheFieldTableOfCobrixTest6() {
        Path shared = shared();
        assumeTrue(shared != null && Files.exists(shared.resolve("testdata/cobrix/test6/copybook.cob")),
                "shared/testdata/cobrix/test6 not found");
        Cli cli = Cli.run("layout", "--copybook", shared.resolve("testdata/cobrix/test6/copybook.cob").toString());
        assertEquals(0, cli.exitCode, cli::toString);
        assertTrue(cli.out.startsWith("LEVEL/NAME"), cli.out);
        assertTrue(cli.out.contains("1 RECORD "), cli.out);
        assertTrue(cli.out.matches("(?s).*10 ID\\s+1\\s+4\\s+4\\s+BINARY.*"), cli.out);
        assertTrue(cli.out.matches("(?s).*10 STRING-VAL\\s+5\\s+14\\s+10\\s+ALPHANUMERIC.*"), cli.out);
    }

    @Test
    void selectsARecordAndReportsAnUnknownOne() throws Exception {
        Path cpy = dir.resolve("two.cpy");
        Files.writeString(cpy, "       01  FIRST-REC.\n           05  A  PIC X(3).\n"
                + "       01  SECOND-REC.\n           05  B  PIC 9(4).\n");
        Cli second = Cli.run("layout", "--copybook", cpy.toString(), "--record", "second-rec");
        assertEquals(0, second.exitCode, second::toString);
        assertTrue(second.out.contains("SECOND-REC") && !second.out.contains("FIRST-REC"), second.out);
        Cli both = Cli.run("layout", "--copybook", cpy.toString());
        assertTrue(both.out.contains("SECOND-REC") && both.out.contains("FIRST-REC"), both.out);
        Cli unknown = Cli.run("layout", "--copybook", cpy.toString(), "--record", "THIRD");
        assertEquals(ExitCodes.USAGE, unknown.exitCode);
        assertTrue(unknown.err.contains("no record named THIRD"), unknown.err);
    }

    @Test
    void badCopybookGivesLineAndColumn() throws Exception {
        Path cpy = dir.resolve("bad.cpy");
        Files.writeString(cpy, "       01  REC.\n           05  A  PIC X(3) BOGUS.\n");
        Cli cli = Cli.run("layout", "--copybook", cpy.toString());
        assertEquals(ExitCodes.USAGE, cli.exitCode);
        assertTrue(cli.err.matches("(?s)ringline: bad copybook: bad\\.cpy:2:\\d+: .*"), cli.err);
        assertTrue(!cli.err.contains("\tat "), "no stack trace: " + cli.err);
    }

    @Test
    void missingCopybookIsAnIoError() {
        Cli cli = Cli.run("layout", "--copybook", dir.resolve("none.cpy").toString());
        assertEquals(ExitCodes.IO, cli.exitCode);
        assertTrue(cli.err.contains("none.cpy"), cli.err);
    }
}
