package dev.ringline.cobol.copybook;

/**
 * The USAGE clause as written in the copybook (after spelling normalisation: {@code COMPUTATIONAL-3} is
 * {@link #COMP_3}). An elementary item without a USAGE inherits its group's; without any it is {@link #DISPLAY}.
 */
public enum Usage {
    DISPLAY,
    COMP,
    COMP_0,
    COMP_1,
    COMP_2,
    COMP_3,
    COMP_4,
    COMP_5,
    /** Little-endian binary whatever the file's byte order (the Spark peer's name for PC files). */
    COMP_9,
    BINARY,
    PACKED_DECIMAL,
    /** UTF-16 big-endian text, 2 bytes a character ({@code PIC N}). */
    NATIONAL,
    /** Double-byte EBCDIC text, 2 bytes a character ({@code PIC G}). */
    DISPLAY_1
}
