package dev.ringline.cobol.json;

import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.FloatingPoint;
import dev.ringline.cobol.copybook.Segments;

import java.util.Objects;

/**
 * How {@link RecordDecoder} writes one record as JSON: the text, number and field-error settings of a decode,
 * without the framing and threading ones. Usually taken from {@code DecodeOptions.jsonOptions()}.
 *
 * @param codePage         the code page of text and zoned fields
 * @param trim             which spaces to drop from text fields
 * @param numbersAsStrings write numbers as JSON strings (keeps every digit for readers that parse doubles)
 * @param emitMeta         add {@code _record}, {@code _offset} and {@code _length} to every object
 * @param nullOnFieldError a bad field becomes {@code null} and is reported in
 *                         {@link RecordDecoder.Context#fieldErrors()} instead of failing the record
 * @param blankNumerics    what an all-blank zoned or packed field becomes
 * @param emptyText        what an all-blank text field becomes
 * @param fillers          whether elementary FILLER values are written
 * @param variableOccurs   OCCURS DEPENDING ON tables take only their present elements' bytes, so the items after
 *                         them move (false: every table takes its maximum size, as in Cobrix by default)
 * @param segments         per-record REDEFINES view selection, or null
 * @param binaryBigEndian  byte order of COMP/COMP-4/BINARY/COMP-5 fields (false: PC COBOL files); COMP-9 is
 *                         always little-endian
 * @param floatFormat      the bit layout of COMP-1/COMP-2 fields
 */
public record JsonOptions(CodePage codePage, Trim trim, boolean numbersAsStrings, boolean emitMeta,
                          boolean nullOnFieldError, BlankNumerics blankNumerics, EmptyText emptyText,
                          Fillers fillers, boolean variableOccurs, Segments segments, boolean binaryBigEndian,
                          FloatingPoint.Format floatFormat) {
    /** Rejects null settings (except {@code segments}). */
    public JsonOptions {
        Objects.requireNonNull(codePage, "codePage");
        Objects.requireNonNull(trim, "trim");
        Objects.requireNonNull(blankNumerics, "blankNumerics");
        Objects.requireNonNull(emptyText, "emptyText");
        Objects.requireNonNull(fillers, "fillers");
        Objects.requireNonNull(floatFormat, "floatFormat");
    }

    /** The defaults of {@code DecodeOptions} with this code page. */
    public static JsonOptions defaults(CodePage codePage) {
        return new JsonOptions(codePage, Trim.RIGHT, false, false, false, BlankNumerics.REJECT, EmptyText.STRING,
                Fillers.OMIT, false, null, true, FloatingPoint.Format.IBM_HEX);
    }
}
