package dev.ringline.spark;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.util.SerializableConfiguration;

import java.util.List;
import java.util.Set;

/** Shipped to the executors: the options, the selected copybook items and the Hadoop configuration. */
final class RinglineReaderFactory implements PartitionReaderFactory {
    private static final long serialVersionUID = 1L;

    private final ReadOptions options;
    private final ReadExtras extras;
    private final boolean corruptColumn;
    private final Set<String> selected;
    private final List<String> metadata;
    private final SerializableConfiguration conf;

    RinglineReaderFactory(ReadOptions options, ReadExtras extras, boolean corruptColumn, Set<String> selected,
                          List<String> metadata, SerializableConfiguration conf) {
        this.options = options;
        this.extras = extras;
        this.corruptColumn = corruptColumn;
        this.selected = Set.copyOf(selected);
        this.metadata = List.copyOf(metadata);
        this.conf = conf;
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        return new RinglinePartitionReader(options, extras, corruptColumn, selected, metadata, conf.value(), (FileSplit) partition);
    }
}
