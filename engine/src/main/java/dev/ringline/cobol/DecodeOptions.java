package dev.ringline.cobol;

import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.FloatingPoint;
import dev.ringline.cobol.framing.FramingOptions;
import dev.ringline.cobol.json.JsonOptions;
import dev.ringline.cobol.json.RecordDecoder;
import dev.ringline.cobol.json.RejectsSink;
import dev.ringline.cobol.json.Trim;
import org.HdrHistogram.Histogram;

import java.util.Objects;

/**
 * How {@link CobolDecoder} turns records into JSON lines. Immutable; build with {@link #builder()}. Defaults: cp037,
 * trailing spaces trimmed, numbers as JSON numbers, no metadata, skip bad records (to a discarding rejects sink),
 * fixed-length framing at the layout's length, IBM hexadecimal floating point, one worker per processor,
 * 32 batches of about 64 KiB in flight.
 */
public final class DecodeOptions {
    private final CodePage codePage;
    private final Trim trim;
    private final boolean numbersAsStrings;
    private final boolean emitMeta;
    private final ErrorPolicy errorPolicy;
    private final RejectsSink rejects;
    private final FramingOptions framing;
    private final FloatingPoint.Format floatFormat;
    private final boolean allowBlankNumerics;
    private final boolean variableOccurs;
    private final boolean resync;
    private final int workers;
    private final int capacity;
    private final long maxInputBytesInFlight;
    private final DecodeProgress progress;
    private final Histogram latency;

    private DecodeOptions(Builder b) {
        this.codePage = b.codePage;
        this.trim = b.trim;
        this.numbersAsStrings = b.numbersAsStrings;
        this.emitMeta = b.emitMeta;
        this.errorPolicy = b.errorPolicy;
        this.rejects = b.rejects;
        this.framing = b.framing;
        this.floatFormat = b.floatFormat;
        this.allowBlankNumerics = b.allowBlankNumerics;
        this.variableOccurs = b.variableOccurs;
        this.resync = b.resync;
        this.workers = b.workers;
        this.capacity = b.capacity;
        this.maxInputBytesInFlight = b.maxInputBytesInFlight;
        this.progress = b.progress;
        this.latency = b.latency;
    }

    /** A builder holding the defaults listed on this class. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults. */
    public static DecodeOptions defaults() {
        return builder().build();
    }

    /** Code page of text and zoned fields. */
    public CodePage codePage() {
        return codePage;
    }

    /** Which spaces are dropped from text fields. */
    public Trim trim() {
        return trim;
    }

    /** Whether numbers are written as JSON strings. */
    public boolean numbersAsStrings() {
        return numbersAsStrings;
    }

    /** Whether each object starts with {@code _record}, {@code _offset} and {@code _length}. */
    public boolean emitMeta() {
        return emitMeta;
    }

    /** What a bad record or field does to the run. */
    public ErrorPolicy errorPolicy() {
        return errorPolicy;
    }

    /** Where rejected records go. */
    public RejectsSink rejects() {
        return rejects;
    }

    /** The framing, or null for fixed-length records at the layout's length. */
    public FramingOptions framing() {
        return framing;
    }

    /** Bit layout of COMP-1/COMP-2 fields. */
    public FloatingPoint.Format floatFormat() {
        return floatFormat;
    }

    /** Whether blank-padded DISPLAY numerics are accepted (all blank: null). */
    public boolean allowBlankNumerics() {
        return allowBlankNumerics;
    }

    /** Whether fixed-format record lengths follow their OCCURS DEPENDING ON counters. */
    public boolean variableOccurs() {
        return variableOccurs;
    }

    /** Whether RDW decoding resynchronizes after a bad descriptor word (see {@link Builder#resync}). */
    public boolean resync() {
        return resync;
    }

    /** Worker threads. */
    public int workers() {
        return workers;
    }

    /** Batches in flight (ring slots). */
    public int capacity() {
        return capacity;
    }

    /** Input bytes in flight at most (batches wait above 80% of it): bounds memory when records are wide. */
    public long maxInputBytesInFlight() {
        return maxInputBytesInFlight;
    }

    /** The progress listener, or null. */
    public DecodeProgress progress() {
        return progress;
    }

    /**
     * The settings {@link RecordDecoder} needs: code page, trim, number form, metadata, float format, blank numerics,
     * and whether the error policy turns a bad field into null ({@link ErrorPolicy.Action#NULL_FIELD}).
     */
    public JsonOptions jsonOptions() {
        boolean nullOnFieldError = errorPolicy.onError(1, true) == ErrorPolicy.Action.NULL_FIELD;
        return new JsonOptions(codePage, trim, numbersAsStrings, emitMeta, nullOnFieldError, allowBlankNumerics,
                floatFormat);
    }

    /** The latency histogram, or null. */
    public Histogram latency() {
        return latency;
    }

    /** Builds {@link DecodeOptions}; every setter returns this builder. */
    public static final class Builder {
        private CodePage codePage = CodePage.of("cp037");
        private Trim trim = Trim.RIGHT;
        private boolean numbersAsStrings;
        private boolean emitMeta;
        private ErrorPolicy errorPolicy = ErrorPolicy.skip();
        private RejectsSink rejects = RejectsSink.discarding();
        private FramingOptions framing;
        private FloatingPoint.Format floatFormat = FloatingPoint.Format.IBM_HEX;
        private boolean allowBlankNumerics;
        private boolean variableOccurs;
        private boolean resync;
        private int workers = Runtime.getRuntime().availableProcessors();
        private int capacity = 32;
        private long maxInputBytesInFlight = 16L << 20;
        private DecodeProgress progress;
        private Histogram latency;

        private Builder() {
        }

        /** Code page of text and zoned fields; default cp037. */
        public Builder codePage(CodePage codePage) {
            this.codePage = Objects.requireNonNull(codePage, "codePage");
            return this;
        }

        /** Which blanks (chars up to U+0020) to trim from text fields; default {@link Trim#RIGHT}. */
        public Builder trim(Trim trim) {
            this.trim = Objects.requireNonNull(trim, "trim");
            return this;
        }

        /** Writes numbers as JSON strings ({@code "12.30"}) for consumers that parse JSON numbers as doubles. */
        public Builder numbersAsStrings(boolean numbersAsStrings) {
            this.numbersAsStrings = numbersAsStrings;
            return this;
        }

        /** Adds {@code "_record"} (0-based), {@code "_offset"} (input byte offset) and {@code "_length"} first. */
        public Builder emitMeta(boolean emitMeta) {
            this.emitMeta = emitMeta;
            return this;
        }

        /** What a bad record or field does to the run; default {@link ErrorPolicy#skip()}. */
        public Builder errorPolicy(ErrorPolicy errorPolicy) {
            this.errorPolicy = Objects.requireNonNull(errorPolicy, "errorPolicy");
            return this;
        }

        /** Where rejected records go; called on one thread, in record order. The decoder does not close it. */
        public Builder rejects(RejectsSink rejects) {
            this.rejects = Objects.requireNonNull(rejects, "rejects");
            return this;
        }

        /** How the input is cut into records; default fixed length at the layout's length. */
        public Builder framing(FramingOptions framing) {
            this.framing = Objects.requireNonNull(framing, "framing");
            return this;
        }

        /** COMP-1/COMP-2 representation; default IBM hexadecimal floating point. */
        public Builder floatFormat(FloatingPoint.Format floatFormat) {
            this.floatFormat = Objects.requireNonNull(floatFormat, "floatFormat");
            return this;
        }

        /**
         * Lenient DISPLAY numerics: leading/trailing spaces and NULs are ignored and an all-blank field is null
         * (default false: such bytes are a BAD_ZONE error).
         */
        public Builder allowBlankNumerics(boolean allowBlankNumerics) {
            this.allowBlankNumerics = allowBlankNumerics;
            return this;
        }

        /**
         * Fixed-format records whose length follows their OCCURS DEPENDING ON counters (default false: every record
         * has the layout's maximum length). Needs the ODO tables at the end of the record.
         */
        public Builder variableOccurs(boolean variableOccurs) {
            this.variableOccurs = variableOccurs;
            return this;
        }

        /**
         * RDW framing only: after a bad descriptor word, skip to the next position where several records chain and
         * go on (default false: a bad descriptor word ends the decoding and the rest is counted as undecoded). Each
         * skipped range goes to the rejects sink with its bytes ({@code UNFRAMED_BYTES}, in chunks of at most
         * 64 KiB) and is counted in {@link DecodeSummary#bytesSkipped()}; see {@code RecordReader.resync}.
         */
        public Builder resync(boolean resync) {
            this.resync = resync;
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

        /** Batches in flight (ring slots), each about 64 KiB of input: this bounds memory. */
        public Builder capacity(int capacity) {
            if (capacity < 1 || capacity > 1 << 16) {
                throw new IllegalArgumentException("capacity must be 1..65536: " + capacity);
            }
            this.capacity = capacity;
            return this;
        }

        /**
         * Bounds the input bytes in flight as well as the batches (default 16 MiB): with 1 MiB records a batch is
         * one record, and 32 of them plus their JSON would not fit a small heap. Batches wait while more than 80%
         * of this is in flight; a single batch larger than the bound still passes, alone.
         */
        public Builder maxInputBytesInFlight(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxInputBytesInFlight must be >= 1: " + bytes);
            }
            this.maxInputBytesInFlight = bytes;
            return this;
        }

        /** Called after each batch with the running counts; default none. */
        public Builder progress(DecodeProgress progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /** Records each record's claim-to-release latency in nanoseconds (read it after the decode returns). */
        public Builder latency(Histogram latency) {
            this.latency = Objects.requireNonNull(latency, "latency");
            return this;
        }

        /** The options set so far; the builder can be reused. */
        public DecodeOptions build() {
            return new DecodeOptions(this);
        }
    }
}
