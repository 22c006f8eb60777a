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
    BINARY,
    PACKED_DECIMAL
}
