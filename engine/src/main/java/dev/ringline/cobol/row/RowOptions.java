package dev.ringline.cobol.row;

import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.FloatingPoint;
import dev.ringline.cobol.copybook.Segments;
import dev.ringline.cobol.json.BlankNumerics;
import dev.ringline.cobol.json.EmptyText;
import dev.ringline.cobol.json.Fillers;
import dev.ringline.cobol.json.JsonOptions;
import dev.ringline.cobol.json.Trim;

import java.util.Objects;

/**
 * How {@link RowDecoder} reads values: the same settings as the JSON writer's, without the JSON-only ones.
 *
 * @param codePage         the code page of text, zoned and edited fields
 * @param trim             which spaces to drop from text fields
 * @param nullOnFieldError a bad field becomes null and is reported in {@link RowDecoder.Context#fieldErrors()}
 *                         instead of failing the record
 * @param blankNumerics    what an all-blank zoned or packed field becomes (an error, null, or 0 at its scale)
 * @param emptyText        what an all-blank text field becomes (the trimmed text or null)
 * @param binaryBigEndian  byte order of COMP/COMP-4/BINARY/COMP-5 fields (COMP-9 is always little-endian)
 * @param floatFormat      the bit layout of COMP-1/COMP-2 fields
 * @param segments         per-record REDEFINES view (or union record) selection, or null: a view the record's
 *                         segment does not select is null (its column stays in the schema)
 * @param fillers          elementary FILLER items omitted, or kept as columns named FILLER, FILLER_2, ...
 * @param variableOccurs   an OCCURS DEPENDING ON table takes only its present elements and the items after it move
 *                         up (positions computed per record); otherwise every table takes its maximum size
 */
public record RowOptions(CodePage codePage, Trim trim, boolean nullOnFieldError, BlankNumerics blankNumerics,
                         EmptyText emptyText, boolean binaryBigEndian, FloatingPoint.Format floatFormat,
                         Segments segments, Fillers fillers, boolean variableOccurs) {
    /** Rejects null settings (except {@code segments}). */
    public RowOptions {
        Objects.requireNonNull(fillers, "fillers");
        Objects.requireNonNull(codePage, "codePage");
        Objects.requireNonNull(trim, "trim");
        Objects.requireNonNull(blankNumerics, "blankNumerics");
        Objects.requireNonNull(emptyText, "emptyText");
        Objects.requireNonNull(floatFormat, "floatFormat");
    }

    /** The defaults of {@code DecodeOptions} with this code page. */
    public static RowOptions defaults(CodePage codePage) {
        return of(JsonOptions.defaults(codePage));
    }

    /** The row settings of a JSON decode ({@code DecodeOptions.jsonOptions()}), so both paths read alike. */
    public static RowOptions of(JsonOptions json) {
        return new RowOptions(json.codePage(), json.trim(), json.nullOnFieldError(), json.blankNumerics(),
                json.emptyText(), json.binaryBigEndian(), json.floatFormat(), json.segments(), json.fillers(),
                json.variableOccurs());
    }
}
