package dev.ringline.cobol.json;

/**
 * Which ends of a text field lose their chars &lt;= U+0020 (decided on the decoded char, as {@code String.trim()}
 * does, so mapped control characters are trimmed too and U+0085 or U+00A0 never are).
 */
public enum Trim {
    NONE,
    LEFT,
    RIGHT,
    BOTH
}
