package dev.ringline.cobol;

import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.FloatingPoint;
import dev.ringline.cobol.copybook.Segments;
import dev.ringline.cobol.framing.FramingOptions;
import dev.ringline.cobol.json.BlankNumerics;
import dev.ringline.cobol.json.EmptyText;
import dev.ringline.cobol.json.Fillers;
import dev.ringline.cobol.json.JsonOptions;
import dev.ringline.cobol.json.RecordDecoder;
import dev.ringline.cobol.json.RejectsSink;
import dev.ringline.cobol.json.Trim;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

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
    private final BlankNumerics blankNumerics;
    private final EmptyText emptyText;
    private final Fillers fillers;
    private final Segments segments;
    private final RejectsSink fieldErrors;
    private final boolean binaryBigEndian;
    private final boolean variableOccurs;
    private final boolean resync;
    private final int workers;
    private final int capacity;
    private final long maxInputBytesInFlight;
    private final DecodeProgress progress;
    private final DecodeMetrics metrics;
    private final ThreadFactory threadFactory;

    private DecodeOptions(Builder b) {
        this.codePage = b.codePage;
        this.trim = b.trim;
        this.numbersAsStrings = b.numbersAsStrings;
        this.emitMeta = b.emitMeta;
        this.errorPolicy = b.errorPolicy;
        this.rejects = b.rejects;
        this.framing = b.framing;
        this.floatFormat = b.floatFormat;
        this.blankNumerics = b.blankNumerics;
        this.emptyText = b.emptyText;
        this.fillers = b.fillers;
        this.segments = b.segments;
        this.fieldErrors = b.fieldErrors;
        this.binaryBigEndian = b.binaryBigEndian;
        this.variableOccurs = b.variableOccurs;
        this.resync = b.resync;
        this.workers = b.workers;
        this.capacity = b.capacity;
        this.maxInputBytesInFlight = b.maxInputBytesInFlight;
        this.progress = b.progress;
        this.metrics = b.metrics;
        this.threadFactory = b.threadFactory;
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

    /** What an all-blank zoned or packed field becomes. */
    public BlankNumerics blankNumerics() {
        return blankNumerics;
    }

    /** What an all-blank text field becomes. */
    public EmptyText emptyText() {
        return emptyText;
    }

    /** Whether elementary FILLER values are written (FILLER groups are always transparent). */
    public Fillers fillers() {
        return fillers;
    }

    /** Per-record REDEFINES view selection, or null. */
    public Segments segments() {
        return segments;
    }

    /** Where field errors of a lenient policy go: {@link #rejects()} unless set. */
    public RejectsSink fieldErrors() {
        return fieldErrors != null ? fieldErrors : rejects;
    }

    /** Byte order of COMP/COMP-4/BINARY/COMP-5 fields: big-endian (mainframe) unless set. */
    public boolean binaryBigEndian() {
        return binaryBigEndian;
    }

    /** Whether OCCURS DEPENDING ON tables take only their present elements (offsets and lengths per record). */
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
     * The settings {@link RecordDecoder} needs: code page, trim, number form, metadata, blanks, FILLER, segments,
     * table sizes, byte and float formats, and whether the error policy turns a bad field into null
     * ({@link ErrorPolicy.Action#NULL_FIELD}).
     */
    public JsonOptions jsonOptions() {
        boolean nullOnFieldError = errorPolicy.onError(1, true) == ErrorPolicy.Action.NULL_FIELD;
        return new JsonOptions(codePage, trim, numbersAsStrings, emitMeta, nullOnFieldError, blankNumerics,
                emptyText, fillers, variableOccurs, segments, binaryBigEndian, floatFormat);
    }

    /** The per-batch metrics listener, or null. */
    public DecodeMetrics metrics() {
        return metrics;
    }

    /** The factory of every thread a decode starts, or null for the engine's own threads. */
    public ThreadFactory threadFactory() {
        return threadFactory;
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
        private BlankNumerics blankNumerics = BlankNumerics.REJECT;
        private EmptyText emptyText = EmptyText.STRING;
        private Fillers fillers = Fillers.OMIT;
        private Segments segments;
        private RejectsSink fieldErrors;
        private boolean binaryBigEndian = true;
        private boolean variableOccurs;
        private boolean resync;
        private int workers = Runtime.getRuntime().availableProcessors();
        private int capacity = 32;
        private long maxInputBytesInFlight = 16L << 20;
        private DecodeProgress progress;
        private DecodeMetrics metrics;
        private ThreadFactory threadFactory;

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
         * A zoned (DISPLAY) or packed field whose bytes are all spaces or all low-values (0x00): {@link
         * BlankNumerics#REJECT} (default) makes it a field error; {@link BlankNumerics#NULL} writes null;
         * {@link BlankNumerics#ZERO} writes 0 at the field's scale. With NULL or ZERO a zoned field may also have
         * leading or trailing spaces/low-values around its digits ({@code "  123"} is 123).
         */
        public Builder blankNumerics(BlankNumerics blankNumerics) {
            this.blankNumerics = Objects.requireNonNull(blankNumerics, "blankNumerics");
            return this;
        }

        /** A text field whose bytes are all spaces or all low-values: "" after trimming (default) or null. */
        public Builder emptyText(EmptyText emptyText) {
            this.emptyText = Objects.requireNonNull(emptyText, "emptyText");
            return this;
        }

        /** Elementary FILLER values omitted (default) or written under FILLER, FILLER_2, ... keys. */
        public Builder fillers(Fillers fillers) {
            this.fillers = Objects.requireNonNull(fillers, "fillers");
            return this;
        }

        /** Selects one REDEFINES view (or one record of {@code Copybook.union()}) per record; see {@link Segments}. */
        public Builder segments(Segments segments) {
            this.segments = Objects.requireNonNull(segments, "segments");
            return this;
        }

        /**
         * Where field errors nulled by {@link ErrorPolicy#lenient()} are logged (path, offset, raw record), in record
         * order; default: the rejects sink. {@code RejectsSink.discarding()} logs none.
         */
        public Builder fieldErrors(RejectsSink fieldErrors) {
            this.fieldErrors = Objects.requireNonNull(fieldErrors, "fieldErrors");
            return this;
        }

        /**
         * Byte order of COMP, COMP-4, BINARY and COMP-5 fields: big-endian (default, mainframe files) or
         * little-endian (files written by PC COBOL). COMP-9 fields are little-endian either way.
         */
        public Builder binaryBigEndian(boolean bigEndian) {
            this.binaryBigEndian = bigEndian;
            return this;
        }

        /**
         * OCCURS DEPENDING ON tables take only the bytes of their present elements (default false: each takes its
         * maximum size and every offset is the layout's, as in Cobrix by default). Items after a table, and the next
         * elements of an enclosing table, then move up per record, and a fixed-format record is as long as its
         * content (Cobrix's "variable size occurs"); RDW/VB records are framed by their descriptor words.
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

        /**
         * Told about each batch published and delivered (counts, bytes, claim-to-delivery latency); default none.
         * See {@link DecodeMetrics}.
         */
        public Builder metrics(DecodeMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /**
         * Lets the host create the decode's threads (workers and the ordered stage): names, daemon flag, context
         * class loader, a managed executor's factory. It must return a new, unstarted thread running the given
         * task. Default: the engine's own threads named {@code ringline-worker-N} and {@code ringline-ordered}.
         */
        public Builder threadFactory(ThreadFactory threadFactory) {
            this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
            return this;
        }

        /** The options set so far; the builder can be reused. */
        public DecodeOptions build() {
            return new DecodeOptions(this);
        }
    }
}
