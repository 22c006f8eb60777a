package dev.ringline.cobol;

import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.FloatingPoint;
import dev.ringline.cobol.copybook.Segments;
import dev.ringline.cobol.encode.EncoderOptions;
import dev.ringline.cobol.encode.Fill;
import dev.ringline.cobol.framing.FramingOptions;
import dev.ringline.cobol.framing.RecordFormat;
import dev.ringline.cobol.json.RejectsSink;

import java.util.Objects;

/**
 * How {@link CobolEncoder} turns JSON lines into records. Immutable; build with {@link #builder()}. Defaults: cp037,
 * {@link Fill#SPACES}, unknown keys rejected, IBM hexadecimal floating point, fixed-length records at the layout's
 * length, VB blocks of up to 32,760 bytes, skip bad lines (to a discarding rejects sink), one worker per processor,
 * 32 batches of about 64 KiB in flight, lines of up to 16 MiB.
 */
public final class EncodeOptions {
    /** Default and largest VB block size (BDW included): the classic IBM maximum. */
    public static final int DEFAULT_BLOCK_SIZE = 32_760;

    private final CodePage codePage;
    private final Fill fill;
    private final boolean ignoreUnknown;
    private final FloatingPoint.Format floatFormat;
    private final FramingOptions framing;
    private final int blockSize;
    private final ErrorPolicy errorPolicy;
    private final RejectsSink rejects;
    private final int workers;
    private final int capacity;
    private final long maxInputBytesInFlight;
    private final int maxLineLength;
    private final DecodeProgress progress;
    private final Segments segments;

    private EncodeOptions(Builder b) {
        this.codePage = b.codePage;
        this.fill = b.fill;
        this.ignoreUnknown = b.ignoreUnknown;
        this.floatFormat = b.floatFormat;
        this.framing = b.framing;
        this.blockSize = b.blockSize;
        this.errorPolicy = b.errorPolicy;
        this.rejects = b.rejects;
        this.workers = b.workers;
        this.capacity = b.capacity;
        this.maxInputBytesInFlight = b.maxInputBytesInFlight;
        this.maxLineLength = b.maxLineLength;
        this.progress = b.progress;
        this.segments = b.segments;
    }

    /** A builder holding the defaults listed on this class. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults. */
    public static EncodeOptions defaults() {
        return builder().build();
    }

    /** The settings {@link dev.ringline.cobol.encode.RecordEncoder} needs. */
    public EncoderOptions encoderOptions() {
        boolean variable = framing != null && framing.format() != RecordFormat.FIXED;
        return new EncoderOptions(codePage, fill, ignoreUnknown, floatFormat, variable, segments);
    }

    /** The segment selection, or null. */
    public Segments segments() {
        return segments;
    }

    /** Output framing, or null for fixed-length records at the layout's length. */
    public FramingOptions framing() {
        return framing;
    }

    /** Largest VB block, its BDW included. */
    public int blockSize() {
        return blockSize;
    }

    /** What a bad line does to the run. */
    public ErrorPolicy errorPolicy() {
        return errorPolicy;
    }

    /** Where rejected lines go (raw bytes: the JSON line). */
    public RejectsSink rejects() {
        return rejects;
    }

    /** Worker threads. */
    public int workers() {
        return workers;
    }

    /** Batches in flight (ring slots). */
    public int capacity() {
        return capacity;
    }

    /** Input bytes in flight at most. */
    public long maxInputBytesInFlight() {
        return maxInputBytesInFlight;
    }

    /** Longer lines are rejected ({@code RECORD_TOO_LONG}) without being held in memory. */
    public int maxLineLength() {
        return maxLineLength;
    }

    /** The progress listener, or null. */
    public DecodeProgress progress() {
        return progress;
    }

    /** Builds {@link EncodeOptions}; every setter returns this builder. */
    public static final class Builder {
        private CodePage codePage = CodePage.of("cp037");
        private Fill fill = Fill.SPACES;
        private boolean ignoreUnknown;
        private FloatingPoint.Format floatFormat = FloatingPoint.Format.IBM_HEX;
        private FramingOptions framing;
        private int blockSize = DEFAULT_BLOCK_SIZE;
        private ErrorPolicy errorPolicy = ErrorPolicy.skip();
        private RejectsSink rejects = RejectsSink.discarding();
        private int workers = Runtime.getRuntime().availableProcessors();
        private int capacity = 32;
        private long maxInputBytesInFlight = 16L << 20;
        private int maxLineLength = 16 << 20;
        private DecodeProgress progress;
        private Segments segments;

        private Builder() {
        }

        /** Code page of text, zoned and edited fields; default cp037. */
        public Builder codePage(CodePage codePage) {
            this.codePage = Objects.requireNonNull(codePage, "codePage");
            return this;
        }

        /** Bytes of FILLER and missing fields; default {@link Fill#SPACES}. */
        public Builder fill(Fill fill) {
            this.fill = Objects.requireNonNull(fill, "fill");
            return this;
        }

        /** Skip keys that name no field instead of rejecting the line. */
        public Builder ignoreUnknown(boolean ignoreUnknown) {
            this.ignoreUnknown = ignoreUnknown;
            return this;
        }

        /** COMP-1/COMP-2 representation; default IBM hexadecimal floating point. */
        public Builder floatFormat(FloatingPoint.Format floatFormat) {
            this.floatFormat = Objects.requireNonNull(floatFormat, "floatFormat");
            return this;
        }

        /**
         * Output framing: {@link FramingOptions#rdw()} or {@link FramingOptions#vb()} (with their byte order and
         * header options) write variable records, whose length follows OCCURS DEPENDING ON counters when the
         * tables end the record; fixed (the default) writes the layout's length.
         */
        public Builder framing(FramingOptions framing) {
            this.framing = Objects.requireNonNull(framing, "framing");
            return this;
        }

        /** Largest VB block, BDW included: 12..32,760 (default 32,760). */
        public Builder blockSize(int blockSize) {
            if (blockSize < 12 || blockSize > DEFAULT_BLOCK_SIZE) {
                throw new IllegalArgumentException("blockSize must be 12.." + DEFAULT_BLOCK_SIZE + ": " + blockSize);
            }
            this.blockSize = blockSize;
            return this;
        }

        /** What a bad line does; default {@link ErrorPolicy#skip()} ({@code lenient} rejects too). */
        public Builder errorPolicy(ErrorPolicy errorPolicy) {
            this.errorPolicy = Objects.requireNonNull(errorPolicy, "errorPolicy");
            return this;
        }

        /** Where rejected lines go; called on one thread, in line order. The encoder does not close it. */
        public Builder rejects(RejectsSink rejects) {
            this.rejects = Objects.requireNonNull(rejects, "rejects");
            return this;
        }

        /** Worker threads, 1..256. */
        public Builder workers(int workers) {
            if (workers < 1 || workers > 256) {
                throw new IllegalArgumentException("workers must be 1..256: " + workers);
            }
            this.workers = workers;
            return this;
        }

        /** Batches in flight (ring slots), each about 64 KiB of input. */
        public Builder capacity(int capacity) {
            if (capacity < 1 || capacity > 1 << 16) {
                throw new IllegalArgumentException("capacity must be 1..65536: " + capacity);
            }
            this.capacity = capacity;
            return this;
        }

        /** Input bytes in flight at most (default 16 MiB). */
        public Builder maxInputBytesInFlight(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxInputBytesInFlight must be >= 1: " + bytes);
            }
            this.maxInputBytesInFlight = bytes;
            return this;
        }

        /** Longest accepted line (default 16 MiB). */
        public Builder maxLineLength(int maxLineLength) {
            if (maxLineLength < 2) {
                throw new IllegalArgumentException("maxLineLength must be >= 2: " + maxLineLength);
            }
            this.maxLineLength = maxLineLength;
            return this;
        }

        /** Called after each batch with the running counts; default none. */
        public Builder progress(DecodeProgress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * Encodes, of each REDEFINES set the mapping governs, only the view the line's discriminator value selects
         * (the inverse of {@code DecodeOptions.Builder.segments}): a line giving another view of such a set is
         * rejected ({@code UNSELECTED_VIEW}, or the view is skipped with {@link #ignoreUnknown}), an unmapped value
         * is {@code UNKNOWN_SEGMENT} (or, with {@link Segments#emitUnknown}, the governed areas are fill bytes);
         * see {@link Segments}.
         */
        public Builder segments(Segments segments) {
            this.segments = Objects.requireNonNull(segments, "segments");
            return this;
        }

        /** The options set so far; the builder can be reused. */
        public EncodeOptions build() {
            return new EncodeOptions(this);
        }
    }
}
