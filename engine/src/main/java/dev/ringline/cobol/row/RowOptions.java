package dev.ringline.cobol.row;

import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.FloatingPoint;
import dev.ringline.cobol.json.JsonOptions;
import dev.ringline.cobol.json.Trim;

import java.util.Objects;

/**
 * How {@link RowDecoder} reads values: the same settings as the JSON writer's, without the JSON-only ones.
 *
 * @param codePage           the code page of text, zoned and edited fields
 * @param trim               which spaces to drop from text fields
 * @param nullOnFieldError   a bad field becomes null and is reported in {@link RowDecoder.Context#fieldErrors()}
 *                           instead of failing the record
 * @param allowBlankNumerics an all-blank numeric field is null rather than an error
 * @param floatFormat        the bit layout of COMP-1/COMP-2 fields
 */
public record RowOptions(CodePage codePage, Trim trim, boolean nullOnFieldError, boolean allowBlankNumerics,
                         FloatingPoint.Format floatFormat) {
    /** Rejects null code page, trim and float format. */
    public RowOptions {
        Objects.requireNonNull(codePage, "codePage");
        Objects.requireNonNull(trim, "trim");
        Objects.requireNonNull(floatFormat, "floatFormat");
    }

    /** The row settings of a JSON decode ({@code DecodeOptions.jsonOptions()}), so both paths read alike. */
    public static RowOptions of(JsonOptions json) {
        return new RowOptions(json.codePage(), json.trim(), json.nullOnFieldError(), json.allowBlankNumerics(),
                json.floatFormat());
    }
}
