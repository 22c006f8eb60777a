package dev.ringline.cobol.copybook;

import java.util.List;
import java.util.Objects;

/**
 * A level-88 condition name: metadata attached to the field above it, taking no bytes.
 *
 * @param name   the condition name as written
 * @param values the VALUE entries in order: string literals without their quotes, numeric literals as written,
 *               figurative constants by name ({@code SPACES}, {@code ALL '*'}); a THRU range is one entry
 *               {@code "low THRU high"}
 */
public record ConditionName(String name, List<String> values) {
    public ConditionName {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
    }
}
