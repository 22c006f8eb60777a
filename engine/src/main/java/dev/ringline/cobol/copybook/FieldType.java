package dev.ringline.cobol.copybook;

/**
 * What a field's bytes are, as a decoder dispatches on it. Derived from the PICTURE and the (possibly inherited)
 * USAGE; see {@link Usage} for the clause as written.
 */
public enum FieldType {
    /** A group item: its bytes are those of its children. */
    GROUP,
    /** {@code PIC X}, mixed {@code X}/{@code A}/{@code 9}, or an edited picture with {@code B}, {@code 0} or {@code /}. */
    ALPHANUMERIC,
    /** {@code PIC A} only. */
    ALPHABETIC,
    /** {@code PIC N} (USAGE NATIONAL): UTF-16 big-endian text, 2 bytes a character. */
    NATIONAL,
    /** {@code PIC G} or {@code PIC N USAGE DISPLAY-1}: double-byte EBCDIC text without shift codes. */
    DBCS,
    /** DISPLAY numeric: one digit per byte, sign overpunched or separate. */
    ZONED,
    /** Numeric-edited DISPLAY ({@code Z}, {@code *}, {@code +}, {@code -}, {@code CR}, {@code DB}, {@code $}, explicit {@code .}). */
    NUMERIC_EDITED,
    /** COMP-3 / PACKED-DECIMAL: two digits per byte, sign in the last nibble. */
    PACKED,
    /**
     * COMP / COMP-0 / COMP-4 / BINARY: binary (big-endian unless the decode says the file is little-endian;
     * COMP-9 always little-endian), value limited by the picture's digits.
     */
    BINARY,
    /** COMP-5: big-endian binary using the full range of its bytes. */
    NATIVE_BINARY,
    /** COMP-1: 4-byte floating point. */
    FLOAT_SINGLE,
    /** COMP-2: 8-byte floating point. */
    FLOAT_DOUBLE
}
