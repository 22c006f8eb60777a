package dev.ringline.cobol.json;

/**
 * What a numeric DISPLAY (zoned) or packed field that is all spaces or all low-values (0x00) becomes. With
 * {@link #NULL} and {@link #ZERO}, zoned fields may also have leading and trailing spaces or low-values around their
 * digits ({@code "  123"} is 123), as files made by PC COBOL and other readers have.
 */
public enum BlankNumerics {
    /** A blank field is a field error (BAD_ZONE / BAD_PACKED_DIGIT), as any other invalid byte. Default. */
    REJECT,
    /** A blank field is JSON {@code null}. */
    NULL,
    /** A blank field is 0 at the field's scale ({@code 0.00} for {@code 9(5)V99}). */
    ZERO
}
