package dev.ringline.spark;

import org.apache.spark.sql.connector.catalog.MetadataColumn;
import org.apache.spark.sql.connector.catalog.SupportsMetadataColumns;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

import java.util.EnumSet;
import java.util.Set;

/** The files of one read, with their copybook schema and the hidden {@code _file}, {@code _offset}, {@code _record}. */
final class RinglineTable implements SupportsRead, SupportsMetadataColumns {
    private final ReadOptions options;
    private final ReadExtras extras;
    private final StructType schema;

    RinglineTable(ReadOptions options, ReadExtras extras, StructType schema) {
        this.options = options;
        this.extras = extras;
        this.schema = schema;
    }

    @Override
    public String name() {
        return "ringline " + String.join(",", options.paths());
    }

    @Override
    @SuppressWarnings("deprecation") // schema() is what Spark 3.5 calls; columns() does not exist there
    public StructType schema() {
        return schema;
    }

    @Override
    public Set<TableCapability> capabilities() {
        return EnumSet.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap ignored) {
        return new RinglineScanBuilder(options, extras, schema);
    }

    @Override
    public MetadataColumn[] metadataColumns() {
        return new MetadataColumn[] {
            column(Schemas.FILE, DataTypes.StringType, "the file's path"),
            column(Schemas.OFFSET, DataTypes.LongType, "the record's first byte in the file (its header's, if any)"),
            column(Schemas.RECORD, DataTypes.LongType, "the record's 0-based index in the file (RDW/VB: with record_index = exact only)")
        };
    }

    private static MetadataColumn column(String name, DataType type, String comment) {
        return new MetadataColumn() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public DataType dataType() {
                return type;
            }

            @Override
            public String comment() {
                return comment;
            }
        };
    }
}
