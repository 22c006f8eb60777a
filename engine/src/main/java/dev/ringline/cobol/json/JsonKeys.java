package dev.ringline.cobol.json;

import dev.ringline.memory.ByteVector;

import java.util.Objects;

/** Pre-encoded JSON object keys, so writing a field name costs one array copy per record. */
final class JsonKeys {
    private JsonKeys() {
    }

    /**
     * The UTF-8 bytes of {@code "NAME":} with {@code name} escaped as {@link JsonText} escapes values (any name is
     * accepted; a lone surrogate becomes U+FFFD). Allocates: call once per field, when the layout is built.
     */
    static byte[] encodeKey(String name) {
        Objects.requireNonNull(name, "name");
        ByteVector out = new ByteVector(name.length() + 3);
        out.append('"');
        JsonEscape.append(name, out);
        out.append('"').append(':');
        return out.toByteArray();
    }
}
