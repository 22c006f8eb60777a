package dev.ringline.cobol.json;

import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.FloatingPoint;

import java.util.Objects;

/**
 * How {@link RecordDecoder} writes one record as JSON: the text, number and field-error settings of a decode,
 * without the framing and threading ones. Usually taken from {@code DecodeOptions.jsonOptions()}.
 *
 * @param codePage           the code page of text and zoned fields
 * @param trim               which spaces to drop from text fields
 * @param numbersAsStrings   write numbers as JSON strings (keeps every digit for readers that parse doubles)
 * @param emitMeta           add {@code _record}, {@code _offset} and {@code _length} to every object
 * @param nullOnFieldError   a bad field becomes {@code null} and is reported in
 *                           {@link RecordDecoder.Context#fieldErrors()}
 *                           instead of failing the record
 * @param allowBlankNumerics an all-blank numeric field is {@code null} rather than an error
 * @param floatFormat        the bit layout of COMP-1/COMP-2 fields
 */
public record JsonOptions(CodePage codePage, Trim trim, boolean numbersAsStrings, boolean emitMeta,
                          boolean nullOnFieldError, boolean allowBlankNumerics, FloatingPoint.Format floatFormat) {
    /** Rejects null code page, trim and float format. */
    public JsonOptions {
        Objects.requireNonNull(codePage, "codePage");
        Objects.requireNonNull(trim, "trim");
        Objects.requireNonNull(floatFormat, "floatFormat");
    }
}
