package dev.ringline.cobol.error;


/**
 * Stable codes for everything that can go wrong while reading a copybook or decoding data. The code is part of
 * the public contract (it appears in rejects files and CLI messages); add constants, never rename them.
 */
public enum ErrorCode {
    // Copybook parsing
    /** The copybook text does not follow COBOL data-description syntax. */
    COPYBOOK_SYNTAX,
    /** A clause that is valid COBOL but not supported by Ringline. */
    COPYBOOK_UNSUPPORTED,
    /** A structural limit was exceeded: nesting depth, OCCURS count, PIC size or record size. */
    COPYBOOK_LIMIT,
    /** A name is referenced (REDEFINES, DEPENDING ON) that does not exist or is not allowed there. */
    COPYBOOK_REFERENCE,

    // Field decoding
    /** A zoned-decimal byte is not a digit (bad zone nibble, non-numeric text). */
    BAD_ZONE,
    /** A sign is missing, misplaced or not allowed (overpunch in an unsigned field, bad separate sign). */
    BAD_SIGN,
    /** A packed-decimal digit nibble is greater than 9. */
    BAD_PACKED_DIGIT,
    /** A packed-decimal sign nibble is not A-F (or not F for an unsigned field). */
    BAD_PACKED_SIGN,
    /** A value does not fit its field (encoding) or its declared digits. */
    VALUE_OUT_OF_RANGE,
    /** A floating-point field holds a value that cannot be represented. */
    BAD_FLOAT,
    /** A character has no byte in the target code page (encoding). */
    UNENCODABLE_CHARACTER,
    /** A numeric-edited field does not show a number its picture allows. */
    BAD_EDITED_NUMBER,

    // Record framing and structure
    /** The input ended inside a record. */
    TRUNCATED_RECORD,
    /** A record descriptor word is malformed or gives an impossible length. */
    BAD_RDW,
    /** A block descriptor word is malformed or gives an impossible length. */
    BAD_BDW,
    /** A record is longer than the configured maximum. */
    RECORD_TOO_LONG,
    /** An OCCURS DEPENDING ON counter is outside its declared bounds. */
    ODO_OUT_OF_RANGE,
    /** A record is shorter than the fields it must contain. */
    RECORD_TOO_SHORT,
    /** A record's segment discriminator holds a value that maps to no REDEFINES view or record. */
    UNKNOWN_SEGMENT,
    /** Bytes skipped while resynchronizing after a bad descriptor word: no record boundary was found in them. */
    UNFRAMED_BYTES,

    // Encoding (JSON lines to records)
    /** An input line is not one well-formed JSON object. */
    BAD_JSON,
    /** A JSON key names no field of the layout at that place. */
    UNKNOWN_KEY,
    /** A JSON value has the wrong kind for its field (a string for a group, an object for a number...). */
    WRONG_JSON_TYPE,
    /** Several REDEFINES views of the same bytes were given and they encode to different bytes. */
    REDEFINES_MISMATCH,
    /** A line gives a REDEFINES view that its segment value does not select (encoding with a segment mapping). */
    UNSELECTED_VIEW,

    // Typed access (dev.ringline.cobol.FieldPath)
    /** A field path names no column of the typed record, or was resolved for another layout. */
    UNKNOWN_FIELD_PATH,
    /** A typed getter does not match the column's type (a long asked of a decimal, text of a group...). */
    WRONG_FIELD_TYPE,
    /** A primitive getter was asked for a null value (a lenient policy nulled it, or a segment left its view out). */
    NULL_VALUE,

    // Run level
    /** Reading input or writing output failed. */
    IO_ERROR
}
