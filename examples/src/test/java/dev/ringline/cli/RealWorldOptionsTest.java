package dev.ringline.cli;

import dev.ringline.cobol.codec.CodePage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decode options of issue 11 beyond segments, run as a user would, on hand-built files. */
class RealWorldOptionsTest {
    private static final CodePage CP037 = CodePage.of("cp037");

    @TempDir
    Path dir;

    private Cli decode(Path cpy, Path data, Path out, String... more) {
        String[] base = {"decode", "--copybook", cpy.toString(), "--input", data.toString(), "--output",
                out.toString(), "--progress", "never"};
        return Cli.run(Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new));
    }

    private static byte[] ebcdic(String text) {
        byte[] b = new byte[text.length()];
        CP037.encode(text, b, 0, b.length);
        return b;
    }

    @Test
    void fillerGroupsAreTransparentAndFillerKeepNamesTheValues() throws Exception {
        Path cpy = Files.writeString(dir.resolve("f.cpy"), String.join("\n",
                "       01  TXN.",
                "           05  TRANSACTION-DATE      PIC X(6).",
                "           05  FILLER REDEFINES TRANSACTION-DATE.",
                "               10  TRANSACTION-YEAR  PIC 9(4).",
                "               10  TRANSACTION-MONTH PIC 9(2).",
                "           05  FILLER                PIC X(2)."));
        Path data = Files.write(dir.resolve("f.dat"), ebcdic("202403ab"));
        Path out = dir.resolve("f.jsonl");
        Cli cli = decode(cpy, data, out);
        assertEquals(ExitCodes.OK, cli.exitCode, cli::toString);
        assertEquals(List.of("{\"TRANSACTION-DATE\":\"202403\",\"TRANSACTION-YEAR\":2024,\"TRANSACTION-MONTH\":3}"),
                Files.readAllLines(out));
        Cli keep = decode(cpy, data, out, "--filler", "keep");
        assertEquals(ExitCodes.OK, keep.exitCode, keep::toString);
        assertEquals(List.of("{\"TRANSACTION-DATE\":\"202403\",\"TRANSACTION-YEAR\":2024,\"TRANSACTION-MONTH\":3,"
                + "\"FILLER\":\"ab\"}"), Files.readAllLines(out));
    }

    @Test
    void onErrorNullWritesEveryRecordAndLogsFieldErrors() throws Exception {
        Path cpy = Files.writeString(dir.resolve("l.cpy"), String.join("\n",
                "       01  R.",
                "           05  QTY   PIC 9(3).",
                "           05  NAME  PIC X(3)."));
        Path data = Files.write(dir.resolve("l.dat"), ebcdic("001ABCx2zDEF   GHI"));
        Path out = dir.resolve("l.jsonl");
        Path log = dir.resolve("field-errors.jsonl");
        Cli cli = decode(cpy, data, out, "--on-error", "null", "--field-errors", log.toString(),
                "--blank-numerics", "zero", "--empty-text", "null");
        assertEquals(ExitCodes.OK, cli.exitCode, cli::toString);
        assertEquals(List.of("{\"QTY\":1,\"NAME\":\"ABC\"}", "{\"QTY\":null,\"NAME\":\"DEF\"}",
                "{\"QTY\":0,\"NAME\":\"GHI\"}"), Files.readAllLines(out));
        assertEquals(List.of(3L, 3L, 0L), List.of(cli.records()[0], cli.records()[1], cli.records()[2]));
        assertTrue(cli.err.contains("written with field errors 1"), cli.err);
        List<String> logged = Files.readAllLines(log);
        assertEquals(1, logged.size());
        assertTrue(logged.get(0).contains("\"QTY\"") && logged.get(0).contains("BAD_ZONE"), logged.get(0));
        assertFalse(Files.exists(dir.resolve("l.jsonl.rejects.jsonl")), "no record was rejected");

        Cli none = decode(cpy, data, out, "--on-error", "null", "--field-errors", "none");
        assertEquals(ExitCodes.OK, none.exitCode, none::toString); // the blank QTY is now a field error too
        assertArrayEquals(new long[] {3, 3, 0}, none.records());
        assertTrue(none.err.contains("written with field errors 2"), none.err);
        assertFalse(Files.exists(dir.resolve("l.jsonl.rejects.jsonl")), "none: nothing logged");
        Cli both = decode(cpy, data, out, "--on-error", "null", "--max-errors", "3");
        assertEquals(ExitCodes.USAGE, both.exitCode, both::toString);
        Cli orphan = decode(cpy, data, out, "--field-errors", log.toString());
        assertEquals(ExitCodes.USAGE, orphan.exitCode, orphan::toString);
        Cli bad = decode(cpy, data, out, "--on-error", "nul");
        assertEquals(ExitCodes.USAGE, bad.exitCode, bad::toString);
        assertTrue(bad.err.contains("expected one of [skip, fail, NULL] (case-insensitive) but was 'nul'"), bad.err);
        Cli upper = decode(cpy, data, out, "--on-error", "NULL", "--blank-numerics", "Null", "--empty-text", "NULL");
        assertEquals(ExitCodes.OK, upper.exitCode, upper::toString);
    }

    @Test
    void nestedOccursDependingOnDecodesAtMaximumSizeOrWithVariableOccurs() throws Exception {
        Path cpy = Files.writeString(dir.resolve("n.cpy"), String.join("\n",
                "       01 RECORD.",
                "          02 COUNT PIC 9(1).",
                "          02 GROUP OCCURS 0 TO 2 TIMES DEPENDING ON COUNT.",
                "             03 INNER-COUNT PIC 9(1).",
                "             03 INNER-GROUP OCCURS 0 TO 3 TIMES",
                "                                DEPENDING ON INNER-COUNT.",
                "                04 FIELD PIC X."));
        Path out = dir.resolve("n.jsonl");
        List<String> expected = List.of("{\"COUNT\":1,\"GROUP\":[{\"INNER-COUNT\":2,\"INNER-GROUP\":"
                + "[{\"FIELD\":\"A\"},{\"FIELD\":\"B\"}]}]}", "{\"COUNT\":0,\"GROUP\":[]}");
        Cli max = decode(cpy, Files.write(dir.resolve("max.dat"), ebcdic("12AB     0        ")), out);
        assertEquals(ExitCodes.OK, max.exitCode, max::toString);
        assertEquals(expected, Files.readAllLines(out));
        Cli variable = decode(cpy, Files.write(dir.resolve("var.dat"), ebcdic("12AB0")), out, "--variable-occurs");
        assertEquals(ExitCodes.OK, variable.exitCode, variable::toString);
        assertFalse(variable.err.contains("not a multiple"), "records as long as their content: no size warning");
        assertEquals(expected, Files.readAllLines(out));
        Cli bad = decode(cpy, Files.write(dir.resolve("bad.dat"), ebcdic("14ABCD   ")), out);
        assertEquals(ExitCodes.REJECTS, bad.exitCode, bad::toString);
        assertTrue(Files.readString(dir.resolve("n.jsonl.rejects.jsonl")).contains("GROUP[0].INNER-COUNT"));
    }

    @Test
    void codePagesAreListedAndAcceptJdkNamesAndUtf8() throws Exception {
        Cli list = Cli.run("decode", "--codepage", "LIST");
        assertEquals(ExitCodes.OK, list.exitCode, list::toString);
        List<String> names = List.of(list.out.strip().split("\\R"));
        assertTrue(names.containsAll(List.of("cp037", "cp277", "cp838", "cp875", "cp1025", "cp1149", "ascii",
                "utf8")), names.toString());
        Cli lower = Cli.run("decode", "--codepage", "list", "--threads", "2");
        assertEquals(ExitCodes.OK, lower.exitCode, lower::toString);
        assertEquals(list.out, lower.out, "LIST is a value of the code page converter, case ignored");

        Path cpy = Files.writeString(dir.resolve("t.cpy"), "       01  R.\n           05  T  PIC X(6).\n");
        Path out = dir.resolve("t.jsonl");
        byte[] german = new byte[6];
        CodePage.of("cp1141").encode("\u00c4pfel", german, 0, 6);
        Cli jdkName = decode(cpy, Files.write(dir.resolve("de.dat"), german), out, "--codepage", "IBM01141");
        assertEquals(ExitCodes.OK, jdkName.exitCode, jdkName::toString);
        assertEquals(List.of("{\"T\":\"\u00c4pfel\"}"), Files.readAllLines(out));

        byte[] utf8 = "\u00e9t\u00e9 ".getBytes(java.nio.charset.StandardCharsets.UTF_8); // 5 bytes + space
        Cli text = decode(cpy, Files.write(dir.resolve("u.dat"), utf8), out, "--codepage", "utf8");
        assertEquals(ExitCodes.OK, text.exitCode, text::toString);
        assertEquals(List.of("{\"T\":\"\u00e9t\u00e9\"}"), Files.readAllLines(out));

        Cli unknown = decode(cpy, dir.resolve("u.dat"), out, "--codepage", "cp9999");
        assertEquals(ExitCodes.USAGE, unknown.exitCode, unknown::toString);
        Cli missing = Cli.run("decode", "--codepage", "cp500", "--input", "x.dat");
        assertEquals(ExitCodes.USAGE, missing.exitCode, missing::toString);
        assertEquals(List.of("ringline: Missing required option: '--copybook=FILE'", "see `ringline decode --help`"),
                List.of(missing.err.split("\\R")), missing.err);
        Cli lowerJdkName = decode(cpy, dir.resolve("de.dat"), out, "--codepage", "ibm01141");
        assertEquals(ExitCodes.OK, lowerJdkName.exitCode, lowerJdkName::toString);
    }

    @Test
    void copybookDialectsAndBinaryOrder() throws Exception {
        Path cpy = Files.writeString(dir.resolve("d.cpy"), String.join("\n",
                "0001*a comment in column 5",
                "0002 01  R.                 *> inline comment",
                "0003     05  N  PIC S9(4) COMP.",
                "  * a shifted comment line (no sequence number)",
                "0005     05  T  PIC X(2)."));
        Path data = Files.write(dir.resolve("d.dat"), new byte[] {0x39, 0x30, (byte) 0xC1, (byte) 0xC2});
        Path out = dir.resolve("d.jsonl");
        Cli strict = decode(cpy, data, out);
        assertEquals(ExitCodes.USAGE, strict.exitCode, strict::toString);
        Cli cli = decode(cpy, data, out, "--copybook-columns", "5-72", "--copybook-format", "lenient",
                "--binary-order", "little");
        assertEquals(ExitCodes.OK, cli.exitCode, cli::toString);
        assertEquals(List.of("{\"N\":12345,\"T\":\"AB\"}"), Files.readAllLines(out));
        Cli badColumns = decode(cpy, data, out, "--copybook-columns", "72-7");
        assertEquals(ExitCodes.USAGE, badColumns.exitCode, badColumns::toString);

        Path dbcs = Files.writeString(dir.resolve("g.cpy"), "       01  R.\n           05  G  PIC G(2).\n");
        Cli noCharset = decode(dbcs, data, out);
        assertEquals(ExitCodes.USAGE, noCharset.exitCode, noCharset::toString);
        assertTrue(noCharset.err.contains("double-byte") && !noCharset.err.contains("Exception"), noCharset.err);
        Cli typo = decode(Files.writeString(dir.resolve("t.cpy"), "       01  R.\n           05  A PIC S9(3) COMP3.\n"),
                data, out);
        assertEquals(ExitCodes.USAGE, typo.exitCode, typo::toString);
        assertTrue(typo.err.contains("did you mean COMP-3?"), typo.err);
    }
}
