package dev.ringline.cobol.encode;

import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.FloatingPoint;
import dev.ringline.cobol.copybook.Segments;

import java.util.Objects;

/**
 * How {@link RecordEncoder} turns a JSON line into record bytes.
 *
 * @param codePage       code page of text, zoned and edited fields
 * @param fill           bytes of FILLER and of missing fields (see {@link Fill})
 * @param ignoreUnknown  keys that name no field are skipped instead of rejecting the line
 * @param floatFormat    bit layout of COMP-1/COMP-2 fields
 * @param variableLength a record whose OCCURS DEPENDING ON tables end it is only as long as its counters say
 *                       (for RDW and VB output); otherwise every record has the layout's full length
 * @param segments       segment selection, or null: per line, the discriminator's value picks the one view of each
 *                       governed REDEFINES set that is encoded, as {@code RecordDecoder} picks the view it writes
 */
public record EncoderOptions(CodePage codePage, Fill fill, boolean ignoreUnknown, FloatingPoint.Format floatFormat,
                             boolean variableLength, Segments segments) {
    /** Checks the required settings. */
    public EncoderOptions {
        Objects.requireNonNull(codePage, "codePage");
        Objects.requireNonNull(fill, "fill");
        Objects.requireNonNull(floatFormat, "floatFormat");
    }

    /** Options without segment selection. */
    public EncoderOptions(CodePage codePage, Fill fill, boolean ignoreUnknown, FloatingPoint.Format floatFormat,
                          boolean variableLength) {
        this(codePage, fill, ignoreUnknown, floatFormat, variableLength, null);
    }

    /** These options with segment selection {@code segments} (null: none). */
    public EncoderOptions withSegments(Segments segments) {
        return new EncoderOptions(codePage, fill, ignoreUnknown, floatFormat, variableLength, segments);
    }

    /** cp037, spaces, strict keys, IBM floats, full-length records. */
    public static EncoderOptions defaults() {
        return new EncoderOptions(CodePage.of("cp037"), Fill.SPACES, false, FloatingPoint.Format.IBM_HEX, false);
    }
}
