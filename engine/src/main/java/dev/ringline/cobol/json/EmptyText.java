package dev.ringline.cobol.json;

/** What a text field (PIC X/A) whose bytes are all spaces or all low-values (0x00) becomes. */
public enum EmptyText {
    /** The string after trimming, usually {@code ""}. Default. */
    STRING,
    /** JSON {@code null}. */
    NULL
}
