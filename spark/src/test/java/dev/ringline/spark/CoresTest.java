package dev.ringline.spark;

import dev.ringline.cli.SyntheticData;
import dev.ringline.cobol.ErrorPolicy;
import dev.ringline.cobol.framing.FramingOptions;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The same rows on 1 and 4 cores as on 2 ({@link SparkReadTest}): splits do not depend on the task count. */
class CoresTest {
    @TempDir
    Path dir;

    @Test
    void rdwAndFixedRowsAreTheSameOnOneAndFourCores() throws IOException {
        String copybook = SyntheticData.copybook("mixed");
        byte[] fixed = SyntheticData.records("mixed", 300, 21);
        byte[] rdw = SparkReadTest.rdw(fixed, 122, 21);
        Path fixedFile = Files.write(dir.resolve("m.dat"), fixed);
        Path rdwFile = Files.write(dir.resolve("m.rdw"), rdw);
        List<String> expectedFixed = SparkReadTest.expected(fixed, copybook, FramingOptions.fixed(122),
                ErrorPolicy.failFast());
        List<String> expectedRdw = SparkReadTest.expected(rdw, copybook, FramingOptions.rdw(), ErrorPolicy.lenient());
        for (String master : List.of("local[1]", "local[4]")) {
            SparkReadTest.spark = LocalSpark.start(master, "ringline-cores");
            try {
                assertEquals(expectedFixed, SparkReadTest.actual(SparkReadTest.reader(copybook, "fixed")
                        .option("split_size_bytes", 4001).load(fixedFile.toString())), master);
                assertEquals(expectedRdw, SparkReadTest.actual(SparkReadTest.reader(copybook, "rdw")
                        .option("split_size_bytes", 5003).option("on_error", "null").load(rdwFile.toString())),
                        master);
            } finally {
                SparkReadTest.spark.stop();
                SparkReadTest.spark = null;
            }
        }
    }
}
