package dev.ringline.spark.examples;

import dev.ringline.cli.SyntheticData;
import dev.ringline.spark.LocalSpark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Parquet example writes every record, with exact decimals, readable by Spark's own Parquet reader. */
class ParquetExampleTest {
    @TempDir
    Path dir;

    @Test
    void writesEveryRecordAsParquet() throws Exception {
        Path data = dir.resolve("customers.dat");
        Path copybook = SyntheticData.generate("mixed", 122 * 500, data, 5);
        Path out = dir.resolve("customers.parquet");
        SparkSession spark = LocalSpark.start("local[2]", "parquet-example");
        try {
            ParquetExample.main(new String[] {copybook.toString(), data.toString(), out.toString()});
            List<Row> rows = spark.read().parquet(out.toString()).select("CUSTOMER_ID", "BALANCE").collectAsList();
            assertEquals(500, rows.size());
            assertTrue(rows.stream().allMatch(r -> r.get(1) instanceof BigDecimal
                    && ((BigDecimal) r.get(1)).scale() == 2), "BALANCE is a decimal of scale 2");
        } finally {
            spark.stop();
        }
    }
}
