package dev.ringline.spark;

import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.types.StructType;

/** Takes the columns a query needs, so that the others are never decoded. */
final class RinglineScanBuilder implements ScanBuilder, SupportsPushDownRequiredColumns {
    private final ReadOptions options;
    private final ReadExtras extras;
    private StructType required;

    RinglineScanBuilder(ReadOptions options, ReadExtras extras, StructType schema) {
        this.options = options;
        this.extras = extras;
        this.required = schema;
    }

    @Override
    public void pruneColumns(StructType requiredSchema) {
        this.required = requiredSchema;
    }

    @Override
    public Scan build() {
        return new RinglineScan(options, extras, required);
    }
}
