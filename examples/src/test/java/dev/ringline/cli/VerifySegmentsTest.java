package dev.ringline.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code verify --segment-field/--segment/--unknown-segment}: only the views a record's segment selects are read. */
class VerifySegmentsTest {
    @TempDir
    Path dir;

    private Cli verify(Path data, String... extra) throws Exception {
        Path cpy = dir.resolve("export.cpy");
        Files.writeString(cpy, EncodeSegmentsTest.COPYBOOK);
        List<String> args = new ArrayList<>(List.of("verify", "--copybook", cpy.toString(), "--input",
                data.toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(new String[0]));
    }

    @Test
    void withTheSegmentsAMultiSegmentFileIsCleanWithoutThemEveryViewIsChecked() throws Exception {
        Path data = dir.resolve("multi.dat");
        Files.write(data, EncodeSegmentsTest.file("COcN", 50));
        Cli all = verify(data);
        assertEquals(ExitCodes.REJECTS, all.exitCode, all::toString);
        assertTrue(all.stdoutText().contains("ORDER-DATA.ORDER-QTY: "), all.stdoutText());

        Cli selected = verify(data, EncodeSegmentsTest.SEGMENTS);
        assertEquals(0, selected.exitCode, selected::toString);
        assertTrue(selected.stdoutText().contains("records: 200\n")
                && selected.stdoutText().contains("errors: 0 in 0 records"), selected.stdoutText());
    }

    @Test
    void unknownSegmentsAreErrorsUnlessEmitted() throws Exception {
        Path data = dir.resolve("unknown.dat");
        Files.write(data, EncodeSegmentsTest.file("CXO", 4));
        Cli strict = verify(data, EncodeSegmentsTest.SEGMENTS);
        assertEquals(ExitCodes.REJECTS, strict.exitCode, strict::toString);
        assertTrue(strict.stdoutText().contains("UNKNOWN_SEGMENT=4"), strict.stdoutText());

        List<String> emit = new ArrayList<>(List.of(EncodeSegmentsTest.SEGMENTS));
        emit.addAll(List.of("--unknown-segment", "emit"));
        Cli lenient = verify(data, emit.toArray(new String[0]));
        assertEquals(0, lenient.exitCode, lenient::toString);

        Cli badView = verify(data, "--segment-field", "REC-TYPE", "--segment", "C=NOPE");
        assertEquals(ExitCodes.USAGE, badView.exitCode, badView::toString);
    }
}
