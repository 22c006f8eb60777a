package dev.ringline.spark;

import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.framing.FramingOptions;
import dev.ringline.cobol.framing.RecordFormat;
import dev.ringline.cobol.row.RowDecoder;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One read: the files listed and cut into splits on the driver, without reading them. */
final class RinglineScan implements Scan, Batch {
    private final ReadOptions options;
    private final Set<String> selected;
    private final List<String> metadata = new ArrayList<>();
    private final StructType readSchema;

    RinglineScan(ReadOptions options, StructType required) {
        this.options = options;
        RecordLayout layout = options.layout();
        RowDecoder full = RowDecoder.compile(layout, options.rowOptions());
        this.selected = Schemas.selectedPaths(full, required, options);
        StructType data = Schemas.schema(RowDecoder.compile(layout, options.rowOptions(), Schemas.filter(selected)),
                options);
        for (StructField f : required.fields()) {
            if (f.name().equals(Schemas.FILE) || f.name().equals(Schemas.OFFSET) || f.name().equals(Schemas.RECORD)) {
                metadata.add(f.name());
                data = data.add(f);
            }
        }
        this.readSchema = data;
    }

    @Override
    public StructType readSchema() {
        return readSchema;
    }

    @Override
    public String description() {
        return "ringline " + options.format() + " " + String.join(",", options.paths()) + " columns " + selected.size();
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        Configuration conf = RinglineSource.hadoopConf();
        RecordLayout layout = options.layout();
        FramingOptions framing = options.framing(layout);
        List<InputPartition> splits = new ArrayList<>();
        for (FileStatus file : files(conf)) {
            long size = file.getLen();
            String path = file.getPath().toString();
            if (size == 0) {
                continue;
            }
            if (options.splitStrategy().equals("file")) {
                splits.add(new FileSplit(path, size, 0, size));
                continue;
            }
            long step = options.splitBytes();
            if (framing.format() == RecordFormat.FIXED) {
                long records = Math.max(1, step / framing.recordLength());
                step = records * framing.recordLength(); // whole records per split
            }
            for (long start = 0; start < size; start += step) {
                splits.add(new FileSplit(path, size, start, Math.min(size, start + step)));
            }
        }
        return splits.toArray(new InputPartition[0]);
    }

    /** The files of the paths and globs (a directory: its files, not hidden ones), sorted by path, each once. */
    private List<FileStatus> files(Configuration conf) {
        if (options.paths().isEmpty()) {
            throw new IllegalArgumentException("ringline: no input path (load(path) or option path)");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<FileStatus> files = new ArrayList<>();
        try {
            for (String p : options.paths()) {
                Path path = new Path(p);
                FileSystem fs = RinglineSource.fs(path, conf);
                FileStatus[] matches = fs.globStatus(path);
                if (matches == null || matches.length == 0) {
                    throw new IllegalArgumentException("ringline: path does not exist: " + p);
                }
                for (FileStatus m : matches) {
                    for (FileStatus f : m.isDirectory() ? fs.listStatus(m.getPath()) : new FileStatus[] {m}) {
                        String name = f.getPath().getName();
                        if (f.isFile() && !name.startsWith(".") && !name.startsWith("_")
                                && seen.add(f.getPath().toString())) {
                            files.add(f);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(Comparator.comparing(f -> f.getPath().toString()));
        return files;
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return new RinglineReaderFactory(options, selected, metadata,
                new SerializableConfiguration(RinglineSource.hadoopConf()));
    }

    @Override
    public CustomMetric[] supportedCustomMetrics() {
        return new CustomMetric[] {new RejectedRecordsMetric()};
    }
}
