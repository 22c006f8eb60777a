package dev.ringline.cli;

import dev.ringline.cobol.Json;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.Field;
import dev.ringline.cobol.copybook.RecordLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesCopybookBesideDataAndRoundsDownToWholeRecords() throws Exception {
        Path data = dir.resolve("display.dat");
        Cli cli = Cli.run("generate", "--workload", "display", "--size", "1000KB", "--output", data.toString());
        assertEquals(0, cli.exitCode, cli::toString);
        assertEquals(1_000_000 / 500 * 500, Files.size(data));
        Path copybook = dir.resolve("display.cpy");
        RecordLayout layout = Copybook.parse(copybook).firstRecord();
        assertEquals(500, layout.length());
        assertEquals(11, layout.flatten().size());
        assertTrue(cli.out.contains("2,000 records"), cli.out);
        byte[] bytes = Files.readAllBytes(data);
        CodePage cp037 = CodePage.of("cp037");
        for (byte b : bytes) {
            char c = cp037.toChar(b & 0xFF);
            assertTrue(Character.isLetterOrDigit(c) || c == ' ', "unexpected char " + (int) c);
        }
    }

    @Test
    void comp3RecordsAreSixtyBytesAndSeedsRepeat() throws Exception {
        Path a = dir.resolve("a.dat");
        Path b = dir.resolve("b.dat");
        Path c = dir.resolve("c.dat");
        assertEquals(0, Cli.run("generate", "--workload", "comp3", "--size", "6000", "--output", a.toString()).exitCode);
        assertEquals(0, Cli.run("generate", "--workload", "comp3", "--size", "6000", "--output", b.toString()).exitCode);
        assertEquals(0, Cli.run("generate", "--workload", "comp3", "--size", "6000", "--seed", "9",
                "--output", c.toString()).exitCode);
        assertEquals(60, Copybook.parse(dir.resolve("a.cpy")).firstRecord().length());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)));
    }

    @Test
    void mixedRoundTripsThroughDecodeWithTheGeneratedValues() throws Exception {
        Path data = dir.resolve("mixed.dat");
        Path json = dir.resolve("mixed.jsonl");
        assertEquals(0, Cli.run("generate", "--workload", "mixed", "--size", "100KiB", "--seed", "7",
                "--output", data.toString()).exitCode);
        Cli decode = Cli.run("decode", "--copybook", dir.resolve("mixed.cpy").toString(), "--input", data.toString(),
                "--output", json.toString(), "--quiet");
        assertEquals(0, decode.exitCode, decode::toString);

        RecordLayout layout = Copybook.parse(dir.resolve("mixed.cpy")).firstRecord();
        RecordGenerator expected = new RecordGenerator(layout, CodePage.of("cp037"), 7);
        List<String> lines = Files.readAllLines(json, StandardCharsets.UTF_8);
        assertEquals(Files.size(data) / layout.length(), lines.size());
        byte[] record = new byte[layout.length()];
        for (String line : lines) {
            expected.fill(record);
            Map<String, Object> object = Json.object(line);
            Map<Field, Integer> seen = new HashMap<>();
            for (int i = 0; i < expected.valueCount(); i++) {
                Field field = expected.field(i);
                int element = seen.merge(field, 1, Integer::sum) - 1;
                Object actual = lookup(object, field.path(), element);
                if (expected.text(i) != null) {
                    assertEquals(expected.text(i).toString().stripTrailing(), actual, field.path());
                } else {
                    BigDecimal want = BigDecimal.valueOf(expected.unscaled(i), field.numeric().scale());
                    assertEquals(0, want.compareTo((BigDecimal) actual), field.path() + ": " + want + " vs " + actual);
                }
            }
            BigDecimal date = (BigDecimal) object.get("OPENED-DATE");
            Object year = ((Map<?, ?>) object.get("OPENED-PARTS")).get("OPENED-YEAR");
            assertEquals(0, date.divideToIntegralValue(BigDecimal.valueOf(10_000)).compareTo((BigDecimal) year));
        }
    }

    /** The value at a dotted path; an array on the way is indexed by {@code element}. */
    private static Object lookup(Map<String, Object> object, String path, int element) {
        Object current = object;
        for (String part : path.split("\\.")) {
            current = ((Map<?, ?>) current).get(part);
            if (current instanceof List) {
                current = ((List<?>) current).get(element);
            }
        }
        return current;
    }

    @Test
    void sizeBelowOneRecordIsABadArgument() {
        Cli cli = Cli.run("generate", "--workload", "display", "--size", "100", "--output",
                dir.resolve("x.dat").toString());
        assertEquals(ExitCodes.USAGE, cli.exitCode);
        assertTrue(cli.err.contains("smaller than one display record (500 bytes)"), cli.err);
        assertFalse(Files.exists(dir.resolve("x.dat")));
    }

    @Test
    void badSizeAndWorkloadAreUsageErrors() {
        Cli size = Cli.run("generate", "--workload", "display", "--size", "12 parsecs", "--output", "x.dat");
        assertEquals(ExitCodes.USAGE, size.exitCode);
        assertTrue(size.err.contains("invalid size"), size.err);
        Cli workload = Cli.run("generate", "--workload", "nope", "--size", "1MiB", "--output", "x.dat");
        assertEquals(ExitCodes.USAGE, workload.exitCode);
        assertTrue(workload.err.startsWith("ringline generate: Invalid value for option '--workload': expected one"
                + " of [display, comp3, mixed] (case-insensitive) but was 'nope'\n"), workload.err);
        assertTrue(workload.err.contains("see `ringline generate --help`") && !workload.err.contains("Usage:"),
                workload.err);
        Cli upper = Cli.run("generate", "--workload", "COMP3", "--size", "600", "--output",
                dir.resolve("upper.dat").toString(), "--codepage", "CP500");
        assertEquals(0, upper.exitCode, upper::toString);
    }

    @Test
    void sizeBelowOneRecordLeavesNoCopybookAndAnotherCopybookIsNeverReplaced() throws Exception {
        Cli small = Cli.run("generate", "--workload", "display", "--size", "0", "--output",
                dir.resolve("zero.dat").toString());
        assertEquals(ExitCodes.USAGE, small.exitCode, small::toString);
        assertFalse(Files.exists(dir.resolve("zero.cpy")), "nothing written for a bad argument");
        Files.writeString(dir.resolve("mine.cpy"), "       01  MINE  PIC X.\n");
        Cli clash = Cli.run("generate", "--workload", "display", "--size", "1000", "--output",
                dir.resolve("mine.dat").toString());
        assertEquals(ExitCodes.USAGE, clash.exitCode, clash::toString);
        assertTrue(clash.err.startsWith("ringline: copybook " + dir.resolve("mine.cpy") + " exists with other text"),
                clash.err);
        assertEquals("       01  MINE  PIC X.\n", Files.readString(dir.resolve("mine.cpy")));
        assertFalse(Files.exists(dir.resolve("mine.dat")));
        Cli again = Cli.run("generate", "--workload", "display", "--size", "1000", "--output",
                dir.resolve("twice.dat").toString());
        Cli twice = Cli.run("generate", "--workload", "display", "--size", "1000", "--output",
                dir.resolve("twice.dat").toString());
        assertEquals(0, again.exitCode + twice.exitCode, twice::toString);
    }

    @Test
    void sizesParse() {
        assertEquals(64L << 20, ByteSize.parse("64MiB"));
        assertEquals(4L << 30, ByteSize.parse("4GiB"));
        assertEquals(1_000_000, ByteSize.parse("1000KB"));
        assertEquals(12345, ByteSize.parse("12345"));
        assertEquals(2048, ByteSize.parse("2 kib"));
        assertEquals("64.0 MiB", ByteSize.format(64L << 20));
    }
}
