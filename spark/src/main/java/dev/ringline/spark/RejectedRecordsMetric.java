package dev.ringline.spark;

import org.apache.spark.sql.connector.metric.CustomSumMetric;

/** Records dropped by {@code on_error = skip} (bad fields, truncated last records), shown in Spark's SQL UI. */
public final class RejectedRecordsMetric extends CustomSumMetric {
    /** The metric's name. */
    public static final String NAME = "rejectedRecords";

    /** Created by Spark by reflection on the driver. */
    public RejectedRecordsMetric() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "ringline records rejected";
    }
}
