package dev.ringline.cobol.codec;

/** Where the sign of a DISPLAY numeric lives: overpunched on (or separate before/after) the first or last digit. */
public enum SignPosition {
    LEADING,
    TRAILING
}
