package dev.ringline.cli;

import dev.ringline.cobol.codec.CodePage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
