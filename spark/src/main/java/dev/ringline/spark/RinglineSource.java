package dev.ringline.spark;

import dev.ringline.cobol.row.RowDecoder;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code ringline} data source: {@code spark.read.format("ringline").option("copybook", path).load(paths)}.
 * The schema comes from the copybook (see the README's "On Spark" for the options and types).
 */
public final class RinglineSource implements TableProvider, DataSourceRegister {
    /** Created by Spark through the service loader. */
    public RinglineSource() {
    }

    @Override
    public String shortName() {
        return "ringline";
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        ReadOptions parsed = ReadOptions.parse(options.asCaseSensitiveMap(), RinglineSource::readText);
        StructType data = Schemas.schema(RowDecoder.compile(parsed.layout(), parsed.rowOptions()), parsed);
        String corrupt = ReadExtras.parse(options.asCaseSensitiveMap()).corruptColumn();
        if (corrupt == null) {
            return data;
        }
        if (java.util.Arrays.asList(data.fieldNames()).contains(corrupt)) {
            throw new IllegalArgumentException("ringline: corrupt_record_column " + corrupt
                    + " is a copybook column already");
        }
        return data.add(Schemas.corruptField(corrupt));
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        ReadOptions parsed = ReadOptions.parse(properties, RinglineSource::readText);
        return new RinglineTable(parsed, ReadExtras.parse(properties), schema);
    }

    /** The Hadoop configuration of the active session, so {@code hdfs:}, {@code s3a:} work as the user set them. */
    static Configuration hadoopConf() {
        return SparkSession.active().sparkContext().hadoopConfiguration();
    }

    private static String readText(String path) {
        Path p = new Path(path);
        try (FSDataInputStream in = p.getFileSystem(hadoopConf()).open(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("ringline: cannot read copybook " + path + ": " + e.getMessage(), e);
        }
    }

    /** The file system of {@code path}. */
    static FileSystem fs(Path path, Configuration conf) {
        try {
            return path.getFileSystem(conf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
