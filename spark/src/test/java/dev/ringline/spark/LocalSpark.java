package dev.ringline.spark;

import org.apache.spark.sql.SparkSession;

/** The local Spark session of the module's tests and measurements: no UI, loopback only, two shuffle partitions. */
public final class LocalSpark {
    private LocalSpark() {
    }

    /** Starts (or joins) a session on {@code master}, e.g. {@code local[2]}. */
    public static SparkSession start(String master, String appName) {
        return SparkSession.builder().master(master).appName(appName)
                .config("spark.ui.enabled", "false")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }
}
