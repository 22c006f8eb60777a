package dev.ringline.cobol.encode;

import dev.ringline.cobol.codec.CodePage;

/**
 * The bytes of what a JSON line does not give: FILLER items, missing or {@code null} text fields and bytes of a
 * REDEFINES area that no view covers. Missing numeric fields are the zero of their type (zoned {@code 0...0} with a
 * positive sign, packed zero with sign nibble {@code C}, or {@code F} when unsigned, binary and floating zero), except
 * with {@link #LOW_VALUES}, where everything missing is {@code 0x00}.
 */
public enum Fill {
    /** The code page's space (0x40 in EBCDIC): the usual content of FILLER. The default. */
    SPACES,
    /** The code page's digit zero (0xF0 in EBCDIC). */
    ZEROS,
    /** Binary zeros (COBOL LOW-VALUES), numeric fields included. */
    LOW_VALUES;

    /** The fill byte in {@code codePage}. */
    public byte byteIn(CodePage codePage) {
        switch (this) {
            case SPACES:
                return codePage.space();
            case ZEROS:
                return codePage.digitZero();
            default:
                return 0;
        }
    }
}
