package dev.ringline.cobol.copybook;

/**
 * The USAGE clause as written in the copybook (after spelling normalisation: {@code COMPUTATIONAL-3} is
 * {@link #COMP_3}). An elementary item without a USAGE inherits its group's; without any it is {@link #DISPLAY}.
 */
public enum Usage {
    /** One character per byte: text, zoned decimal or numeric-edited. */
    DISPLAY,
    /** Binary, big-endian, sized by the picture's digits (same as COMP-4 and BINARY). */
    COMP,
    /** Binary like COMP. */
    COMP_0,
    /** Single-precision floating point (4 bytes). */
    COMP_1,
    /** Double-precision floating point (8 bytes). */
    COMP_2,
    /** Packed decimal: two digits per byte, sign in the last nibble. */
    COMP_3,
    /** Binary like COMP. */
    COMP_4,
    /** Native binary: the full range of its bytes, not limited by the picture's digits. */
    COMP_5,
    /** Little-endian binary whatever the file's byte order (the Spark peer's name for PC files). */
    COMP_9,
    /** Binary like COMP. */
    BINARY,
    /** Packed decimal like COMP-3. */
    PACKED_DECIMAL,
    /** UTF-16 big-endian text, 2 bytes a character ({@code PIC N}). */
    NATIONAL,
    /** Double-byte EBCDIC text, 2 bytes a character ({@code PIC G}). */
    DISPLAY_1
}
