package dev.ringline.spark;

import dev.ringline.buffer.ByteVector;
import dev.ringline.cobol.error.DecodeError;
import dev.ringline.cobol.json.JsonRejectsWriter;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.util.TaskCompletionListener;
import org.apache.spark.util.TaskFailureListener;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The rejects of one task under {@code rejects_path}: the command line's JSON line per reject ({@link
 * JsonRejectsWriter}) with the file's path first ({@code "_file"}) and {@code "_record": null} where the record's
 * index is not known. Written to {@code _temporary/part-NNNNN-attempt-A.jsonl} under the folder (created at the first
 * reject only) and renamed to {@code part-NNNNN.jsonl} (NNNNN: the split's partition) when the task succeeds; a
 * failed attempt deletes its file, so a retried or speculative attempt leaves one whole file per split, never a half
 * one or two.
 */
final class TaskRejects implements AutoCloseable {
    private static final byte[] UNKNOWN_RECORD = "{\"_record\":-1,".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL_RECORD = "\"_record\":null,".getBytes(StandardCharsets.US_ASCII);

    private final Path folder;
    private final Configuration conf;
    private final byte[] fileKey;
    private final ByteVector line = new ByteVector(1024);
    private final JsonRejectsWriter json = new JsonRejectsWriter(new OutputStream() {
        @Override
        public void write(int b) {
            line.append((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            line.append(b, off, len);
        }
    });
    private final int partition;
    private final long attempt;
    private FileSystem fs;
    private Path temp;
    private FSDataOutputStream out;
    private boolean failed;
    private boolean finished;

    TaskRejects(String folder, String file, Configuration conf) {
        this.folder = new Path(folder);
        this.conf = conf;
        this.fileKey = ("{\"_file\":" + quote(file) + ",").getBytes(StandardCharsets.UTF_8);
        TaskContext task = TaskContext.get();
        this.partition = task == null ? 0 : task.partitionId();
        this.attempt = task == null ? 0 : task.taskAttemptId();
        if (task != null) {
            task.addTaskFailureListener(new TaskFailureListener() {
                @Override
                public void onTaskFailure(TaskContext context, Throwable error) {
                    failed = true;
                    discard();
                }
            });
            task.addTaskCompletionListener(new TaskCompletionListener() {
                @Override
                public void onTaskCompletion(TaskContext context) {
                    if (!failed) {
                        commit();
                    }
                }
            });
        }
    }

    /** Writes one reject line. */
    void reject(DecodeError error, byte[] raw, int off, int len) {
        line.clear();
        json.reject(error, raw, off, len);
        try {
            if (out == null) {
                fs = RinglineSource.fs(folder, conf);
                temp = new Path(folder, String.format(Locale.ROOT, "_temporary/part-%05d-attempt-%d.jsonl", partition,
                        attempt));
                out = fs.create(temp, true);
            }
            out.write(fileKey);
            byte[] a = line.array();
            if (startsWith(a, line.length(), UNKNOWN_RECORD)) {
                out.write(NULL_RECORD);
                out.write(a, UNKNOWN_RECORD.length, line.length() - UNKNOWN_RECORD.length);
            } else {
                out.write(a, 1, line.length() - 1); // without its '{'
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ringline: cannot write rejects under " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Publishes the attempt's file as the split's (replacing an earlier attempt's, which has the same lines). */
    void commit() {
        if (finished) {
            return;
        }
        finished = true;
        if (out == null) {
            return;
        }
        try {
            out.close();
            Path target = new Path(folder, String.format(Locale.ROOT, "part-%05d.jsonl", partition));
            if (!fs.rename(temp, target)) {
                fs.delete(target, false);
                if (!fs.rename(temp, target)) {
                    throw new IOException("cannot rename " + temp + " to " + target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ringline: cannot publish rejects under " + folder + ": " + e.getMessage(),
                    e);
        }
    }

    /** Deletes the attempt's file. */
    void discard() {
        if (finished) {
            return;
        }
        finished = true;
        if (out == null) {
            return;
        }
        try {
            out.close();
            fs.delete(temp, false);
        } catch (IOException e) {
            // the temporary file of a failed attempt stays under _temporary; it is never published
        }
    }

    /** Without a task (no listeners), publishes at close; within one, the task's end decides. */
    @Override
    public void close() {
        if (TaskContext.get() == null) {
            commit();
        }
    }

    private static boolean startsWith(byte[] a, int len, byte[] prefix) {
        if (len < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (a[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
