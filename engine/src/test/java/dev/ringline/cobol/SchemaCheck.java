package dev.ringline.cobol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Validates JSON lines against a JSON Schema with networknt's draft 2020-12 validator (numbers read exactly). */
public final class SchemaCheck {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private final Schema schema;

    public SchemaCheck(String schemaText) {
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(schemaText);
    }

    private static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The errors of one line, as "keyword: message". */
    public List<String> errors(String line) {
        List<String> out = new ArrayList<>();
        for (Error e : schema.validate(read(line))) {
            out.add(e.getKeyword() + ": " + e);
        }
        return out;
    }

    /** The errors of every line of {@code jsonLines}, each prefixed with its 0-based line number; at most 20. */
    public List<String> errorsOfLines(String jsonLines) {
        List<String> out = new ArrayList<>();
        String[] lines = jsonLines.split("\n");
        for (int i = 0; i < lines.length && out.size() < 20; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            for (String e : errors(lines[i])) {
                out.add(i + ": " + e);
            }
        }
        return out;
    }
}
