package dev.ringline.cobol.codec;

/** Where the sign of a DISPLAY numeric lives: overpunched on (or separate before/after) the first or last digit. */
public enum SignPosition {
    /** The sign is on (or, separate, before) the first digit: {@code SIGN LEADING}. */
    LEADING,
    /** The sign is on (or, separate, after) the last digit: the COBOL default. */
    TRAILING
}
