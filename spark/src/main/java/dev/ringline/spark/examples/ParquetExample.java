package dev.ringline.spark.examples;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Reads a COBOL file with the {@code ringline} data source and writes it as Parquet with Spark's own writer.
 *
 * <pre>{@code
 * spark-submit --jars spark/target/ringline-spark.jar --class dev.ringline.spark.examples.ParquetExample \
 *     ringline-spark.jar customers.cpy customers.dat customers.parquet
 * }</pre>
 *
 * <p>Arguments: copybook, data file (or folder, or glob), output folder; optional fourth: the master
 * ({@code local[*]} by default when run outside {@code spark-submit}).
 */
public final class ParquetExample {
    private ParquetExample() {
    }

    /** Runs the example; prints the number of rows written. */
    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: ParquetExample COPYBOOK DATA OUTPUT [MASTER]");
            System.exit(3);
        }
        SparkSession spark = SparkSession.builder().appName("ringline-parquet")
                .master(args.length > 3 ? args[3] : System.getProperty("spark.master", "local[*]"))
                .getOrCreate();
        long rows = write(spark, args[0], args[1], args[2]);
        System.out.println("wrote " + rows + " rows to " + args[2]);
    }

    /** Reads {@code data} as described by {@code copybook} and writes Parquet to {@code output}; returns rows. */
    public static long write(SparkSession spark, String copybook, String data, String output) {
        Dataset<Row> records = spark.read().format("ringline")
                .option("copybook", copybook)
                .option("format", "fixed")
                .option("codepage", "cp037")
                .option("column_names", "underscore") // CUSTOMER-ID becomes CUSTOMER_ID, friendlier in SQL
                .load(data);
        records.write().mode(SaveMode.Overwrite).parquet(output);
        return spark.read().parquet(output).count();
    }
}
