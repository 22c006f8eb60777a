package dev.ringline.cobol;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON our writer produced with Jackson, an independent parser, strictly: a duplicate key, trailing text
 * or any non-standard token fails. Objects become ordered maps, arrays lists, strings String, literals Boolean or
 * null, and every number an exact BigDecimal with the scale as written ({@code 12.30} stays {@code 12.30}; integers
 * are read as BigInteger and converted, so no digit goes through a double).
 */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /** Parses one JSON value. */
    public static Object parse(String text) {
        try {
            return numbersAsDecimals(MAPPER.readValue(text, Object.class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("not valid JSON: " + text, e);
        }
    }

    /** Parses one JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String text) {
        return (Map<String, Object>) parse(text);
    }

    @SuppressWarnings("unchecked")
    private static Object numbersAsDecimals(Object value) {
        if (value instanceof BigInteger) {
            return new BigDecimal((BigInteger) value);
        }
        if (value instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) value).forEach((k, v) -> out.put(k, numbersAsDecimals(v)));
            return out;
        }
        if (value instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object v : (List<Object>) value) {
                out.add(numbersAsDecimals(v));
            }
            return out;
        }
        return value;
    }
}
