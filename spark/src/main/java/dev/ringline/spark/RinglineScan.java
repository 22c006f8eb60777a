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
    private final ReadExtras extras;
    private final boolean corruptColumn;
    private final Set<String> selected;
    private final List<String> metadata = new ArrayList<>();
    private final StructType readSchema;

    RinglineScan(ReadOptions options, ReadExtras extras, StructType required) {
        this.options = options;
        this.extras = extras;
        RecordLayout layout = options.layout();
        RowDecoder full = RowDecoder.compile(layout, options.rowOptions());
        boolean corrupt = false;
        for (StructField f : required.fields()) {
            corrupt |= f.name().equals(extras.corruptColumn());
        }
        // the corrupt-record column judges the whole record: with it, every column is decoded (Spark projects)
        this.selected = Schemas.selectedPaths(full, corrupt ? Schemas.schema(full, options) : required, options);
        StructType data = Schemas.schema(RowDecoder.compile(layout, options.rowOptions(), Schemas.filter(selected)),
                options);
        if (corrupt) {
            data = data.add(Schemas.corruptField(extras.corruptColumn()));
        }
        this.corruptColumn = corrupt;
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
        boolean variable = framing.format() != RecordFormat.FIXED;
        // fixed records as long as their content have no boundary at a computable offset: offset reads as index
        boolean contentLength = options.contentLength(layout);
        List<FileStatus> files = new ArrayList<>();
        for (FileStatus file : files(conf)) {
            if (file.getLen() > 0) {
                files.add(file);
            }
        }
        String strategy = options.splitStrategy();
        if (strategy.equals("file")) {
            for (FileStatus file : files) {
                long size = file.getLen();
                splits.add(new FileSplit(file.getPath().toString(), size, 0, size, true,
                        variable && !extras.exactRecordIndex() ? -1 : 0));
            }
        } else if (contentLength || variable && (strategy.equals("index") || extras.exactRecordIndex())) {
            List<SplitIndex.Cuts> cuts = SplitIndex.cuts(files, framing, options.splitBytes(), conf,
                    options.lengthDecoder(layout), contentLength ? options.shape() : null);
            for (int i = 0; i < files.size(); i++) {
                String path = files.get(i).getPath().toString();
                long size = files.get(i).getLen();
                long[] offsets = cuts.get(i).offsets();
                long[] records = cuts.get(i).records();
                for (int k = 0; k < offsets.length; k++) {
                    long end = k + 1 < offsets.length ? offsets[k + 1] : size;
                    splits.add(new FileSplit(path, size, offsets[k], end, true, records[k]));
                }
            }
        } else {
            long step = options.splitBytes();
            if (!variable) {
                long records = Math.max(1, step / framing.recordLength());
                step = records * framing.recordLength(); // whole records per split
            }
            for (FileStatus file : files) {
                long size = file.getLen();
                String path = file.getPath().toString();
                for (long start = 0; start < size; start += step) {
                    splits.add(new FileSplit(path, size, start, Math.min(size, start + step), !variable,
                            variable ? -1 : start / framing.recordLength()));
                }
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
        return new RinglineReaderFactory(options, extras, corruptColumn, selected, metadata,
                new SerializableConfiguration(RinglineSource.hadoopConf()));
    }

    @Override
    public CustomMetric[] supportedCustomMetrics() {
        return new CustomMetric[] {new RejectedRecordsMetric()};
    }
}
