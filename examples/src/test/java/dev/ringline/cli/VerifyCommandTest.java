package dev.ringline.cli;

import dev.ringline.cobol.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ringline verify}: a report of every bad field, exit 0 when clean and 2 when not. */
class VerifyCommandTest {
    @TempDir
    Path dir;

    private Path generate() {
        Path data = dir.resolve("mixed.dat");
        Cli cli = Cli.run("generate", "--workload", "mixed", "--size", "122KB", "--output", data.toString());
        assertEquals(0, cli.exitCode, cli::toString);
        return data;
    }

    @Test
    void cleanFileExitsZeroWithCounts() {
        Path data = generate();
        Cli cli = Cli.run("verify", "--copybook", dir.resolve("mixed.cpy").toString(), "--input", data.toString());
        assertEquals(0, cli.exitCode, cli::toString);
        assertTrue(cli.stdoutText().contains("records: 1000\n") && cli.stdoutText().contains("errors: 0 in 0 records"),
                cli.stdoutText());
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportsErrorsByFieldAndCodeWithExamplesAndTheSizeCheck() throws Exception {
        Path data = generate();
        byte[] bytes = Files.readAllBytes(data);
        for (int record : new int[] {3, 7, 11}) {
            bytes[record * 122 + 70] = (byte) 0xFF; // BALANCE's sign digit
        }
        bytes[20 * 122 + 74] = (byte) 0xA1; // CREDIT-LIMIT: a digit nibble above 9
        Path bad = dir.resolve("bad.dat");
        Files.write(bad, Arrays.copyOf(bytes, bytes.length - 2));
        Path report = dir.resolve("report.json");
        Cli cli = Cli.run("verify", "--copybook", dir.resolve("mixed.cpy").toString(), "--input", bad.toString(),
                "--report", report.toString(), "--examples", "2", "--threads", "3");
        assertEquals(ExitCodes.REJECTS, cli.exitCode, cli::toString);
        Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(report));
        assertEquals(false, json.get("clean"));
        assertEquals(120L, ((Number) json.get("sizeRemainder")).longValue());
        assertEquals(5L, ((Number) json.get("errors")).longValue());
        assertEquals(5L, ((Number) json.get("recordsWithErrors")).longValue());
        Map<String, Object> fields = (Map<String, Object>) json.get("fields");
        Map<String, Object> balance = (Map<String, Object>) fields.get("BALANCE");
        assertEquals(3L, ((Number) balance.get("count")).longValue());
        assertEquals(Map.of("BAD_ZONE", 3L), ((Map<String, Object>) balance.get("byCode")).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> ((Number) e.getValue()).longValue())));
        List<Map<String, Object>> examples = (List<Map<String, Object>>) balance.get("examples");
        assertEquals(2, examples.size());
        assertEquals(3L, ((Number) examples.get(0).get("record")).longValue());
        assertEquals(3L * 122 + 60, ((Number) examples.get(0).get("fieldOffset")).longValue());
        String hex = (String) examples.get(0).get("hex");
        assertEquals(22, hex.length());
        assertTrue(hex.endsWith("ff"), hex);
        Map<String, Object> credit = (Map<String, Object>) fields.get("CREDIT-LIMIT");
        assertTrue(((Map<String, Object>) credit.get("byCode")).containsKey("BAD_PACKED_DIGIT"), credit.toString());
        assertTrue(fields.containsKey("(record)"), fields.keySet().toString()); // the truncated last record
        assertTrue(cli.stdoutText().contains("BALANCE: 3 {BAD_ZONE=3}"), cli.stdoutText());

        Cli toStdout = Cli.run("verify", "--copybook", dir.resolve("mixed.cpy").toString(), "--input", bad.toString(),
                "--report", "-", "--examples", "2");
        assertEquals(ExitCodes.REJECTS, toStdout.exitCode);
        assertEquals(json, Json.parse(toStdout.stdoutText()));
    }

    @Test
    void refusesToWriteTheReportOverItsInput() {
        Path data = generate();
        Cli cli = Cli.run("verify", "--copybook", dir.resolve("mixed.cpy").toString(), "--input", data.toString(),
                "--report", data.toString());
        assertEquals(ExitCodes.USAGE, cli.exitCode, cli::toString);
        assertFalse(cli.err.isEmpty());
    }

    /** RDW records of the given payload lengths, each payload spaces with its index in the first bytes. */
    private static byte[] rdwFile(int... lengths) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < lengths.length; i++) {
            byte[] payload = new byte[lengths[i]];
            Arrays.fill(payload, (byte) 0x40);
            payload[0] = (byte) (0xF0 + i % 10);
            out.writeBytes(new byte[] {(byte) ((lengths[i] + 4) >>> 8), (byte) (lengths[i] + 4), 0, 0});
            out.writeBytes(payload);
        }
        return out.toByteArray();
    }

    @Test
    @SuppressWarnings("unchecked")
    void rdwInputReportsRecordLengthsAgainstTheLayout() throws Exception {
        Path cpy = dir.resolve("short.cpy");
        Files.writeString(cpy, "       01  R.\n           05  A  PIC X(5).\n           05  B  PIC X(8).\n");
        Path data = dir.resolve("lengths.dat");
        Files.write(data, rdwFile(13, 13, 13, 16, 13, 13, 13, 20, 13));
        Path report = dir.resolve("lengths.json");
        Cli cli = Cli.run("verify", "--copybook", cpy.toString(), "--input", data.toString(), "--format", "rdw",
                "--report", report.toString(), "--threads", "2");
        assertEquals(0, cli.exitCode, cli::toString);
        Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(report));
        Map<String, Object> lengths = (Map<String, Object>) json.get("recordLengths");
        Map<String, Long> numbers = new java.util.LinkedHashMap<>();
        lengths.forEach((k, v) -> numbers.put(k, v == null ? null : ((Number) v).longValue()));
        Map<String, Long> expected = new java.util.LinkedHashMap<>();
        expected.put("count", 9L);
        expected.put("min", 13L);
        expected.put("max", 20L);
        expected.put("layoutLength", 13L);
        expected.put("equal", 7L);
        expected.put("shorter", 0L);
        expected.put("firstShorter", null);
        expected.put("longer", 2L);
        expected.put("firstLonger", 3L);
        assertEquals(expected, numbers);
        assertTrue(cli.stdoutText().contains("recordLengths:\n  count: 9\n  min: 13\n  max: 20\n"),
                cli.stdoutText());

        // shorter records: the fields they cut are errors; the lengths say which records are short
        Path shortData = dir.resolve("short.dat");
        Files.write(shortData, rdwFile(13, 9, 13, 4, 13));
        Cli shortRun = Cli.run("verify", "--copybook", cpy.toString(), "--input", shortData.toString(), "--format",
                "rdw", "--report", "-");
        Map<String, Object> shortJson = (Map<String, Object>) Json.parse(shortRun.stdoutText());
        Map<String, Object> shortLengths = (Map<String, Object>) shortJson.get("recordLengths");
        assertEquals(5L, ((Number) shortLengths.get("count")).longValue());
        assertEquals(4L, ((Number) shortLengths.get("min")).longValue());
        assertEquals(2L, ((Number) shortLengths.get("shorter")).longValue());
        assertEquals(1L, ((Number) shortLengths.get("firstShorter")).longValue());
        assertEquals(0L, ((Number) shortLengths.get("longer")).longValue());
    }
}
