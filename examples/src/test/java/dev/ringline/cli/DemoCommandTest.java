package dev.ringline.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoCommandTest {
    @Test
    void tinyDemoReportsEachFileAndDeletesItsSamples() throws IOException {
        Cli cli = Cli.run("demo", "--size", "256KiB", "--progress", "never");
        assertEquals(0, cli.exitCode, cli::toString);
        assertTrue(cli.out.contains("display.dat:") && cli.out.contains("comp3.dat:"), cli.out);
        assertTrue(cli.out.contains("MiB/s") && cli.out.contains("records/s"), cli.out);
        assertTrue(cli.out.contains("peak heap") && cli.out.contains("peak RSS"), cli.out);
        assertTrue(cli.out.contains("p99.9") && cli.out.contains(", 0 errors"), cli.out);
        Matcher m = Pattern.compile("samples in (\\S+)").matcher(cli.out);
        assertTrue(m.find(), cli.out);
        assertFalse(Files.exists(Path.of(m.group(1))), "temp folder deleted");
    }
}
