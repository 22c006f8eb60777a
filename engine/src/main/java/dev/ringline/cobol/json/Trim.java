package dev.ringline.cobol.json;

/**
 * Which ends of a text field lose their chars &lt;= U+0020 (decided on the decoded char, as {@code String.trim()}
 * does, so mapped control characters are trimmed too and U+0085 or U+00A0 never are).
 */
public enum Trim {
    /** Keep every char. */
    NONE,
    /** Drop leading chars &lt;= U+0020. */
    LEFT,
    /** Drop trailing chars &lt;= U+0020 (the default: COBOL pads text with spaces on the right). */
    RIGHT,
    /** Drop both. */
    BOTH
}
