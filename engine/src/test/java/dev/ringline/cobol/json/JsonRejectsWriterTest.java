package dev.ringline.cobol.json;

import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.DecodeError;
import dev.ringline.cobol.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonRejectsWriterTest {

    /** A minimal parser for one flat JSON object of strings, integers and null (enough to read a reject line). */
    private static Map<String, Object> parseFlat(String json) {
        Map<String, Object> map = new LinkedHashMap<>();
        int[] at = {0};
        expect(json, at, '{');
        while (true) {
            String key = parseString(json, at);
            expect(json, at, ':');
            Object value;
            char c = json.charAt(at[0]);
            if (c == '"') {
                value = parseString(json, at);
            } else if (json.startsWith("null", at[0])) {
                value = null;
                at[0] += 4;
            } else {
                int start = at[0];
                while (at[0] < json.length() && (json.charAt(at[0]) == '-' || Character.isDigit(json.charAt(at[0])))) {
                    at[0]++;
                }
                value = Long.parseLong(json.substring(start, at[0]));
            }
            map.put(key, value);
            if (json.charAt(at[0]) == '}') {
                assertEquals(json.length() - 1, at[0], "nothing after the object");
                return map;
            }
            expect(json, at, ',');
        }
    }

    private static void expect(String json, int[] at, char c) {
        assertEquals(c, json.charAt(at[0]), "at " + at[0] + " in " + json);
        at[0]++;
    }

    private static String parseString(String json, int[] at) {
        expect(json, at, '"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = json.charAt(at[0]++);
            if (c == '"') {
                return sb.toString();
            }
            assertTrue(c >= 0x20, "raw control char in a JSON string");
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = json.charAt(at[0]++);
            switch (e) {
                case 'n': sb.append('\n'); break;
                case 't': sb.append('\t'); break;
                case 'r': sb.append('\r'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'u':
                    sb.append((char) Integer.parseInt(json.substring(at[0], at[0] + 4), 16));
                    at[0] += 4;
                    break;
                default: sb.append(e);
            }
        }
    }

    @Test
    void linesParseBackToTheErrorAndTheRawBytes() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecodeError fieldError = new DecodeError(12, 5400, "CUSTOMER.BALANCE", ErrorCode.BAD_PACKED_SIGN,
                "bad packed sign nibble 0x3 in \"F3\"\\\n\u0001 é€");
        DecodeError framing = new DecodeError(13, 6000, null, ErrorCode.TRUNCATED_RECORD, "input ends");
        try (JsonRejectsWriter writer = new JsonRejectsWriter(out)) {
            writer.reject(fieldError, all, 0, 256);
            writer.reject(framing, all, 10, 5);
            writer.reject(framing, all, 20, 0);
            writer.reject(framing, all, 30, 1);
            assertEquals(4, writer.count());
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\n"));
        List<String> lines = List.of(text.split("\n"));
        assertEquals(4, lines.size());
        assertTrue(lines.get(0).startsWith("{\"_record\":12,\"_offset\":5400,\"field\":\"CUSTOMER.BALANCE\","
                + "\"code\":\"BAD_PACKED_SIGN\",\"message\":"), lines.get(0));

        Map<String, Object> first = parseFlat(lines.get(0));
        assertEquals(List.of("_record", "_offset", "field", "code", "message", "raw"), List.copyOf(first.keySet()));
        assertEquals(12L, first.get("_record"));
        assertEquals(5400L, first.get("_offset"));
        assertEquals("CUSTOMER.BALANCE", first.get("field"));
        assertEquals("BAD_PACKED_SIGN", first.get("code"));
        assertEquals(fieldError.message(), first.get("message"));
        assertArrayEquals(all, Base64.getDecoder().decode((String) first.get("raw")));

        Map<String, Object> second = parseFlat(lines.get(1));
        assertTrue(second.containsKey("field"));
        assertNull(second.get("field"));
        assertEquals("TRUNCATED_RECORD", second.get("code"));
        assertArrayEquals(Arrays.copyOfRange(all, 10, 15), Base64.getDecoder().decode((String) second.get("raw")));
        assertEquals("", parseFlat(lines.get(2)).get("raw"));
        assertEquals(Base64.getEncoder().encodeToString(new byte[] {30}), parseFlat(lines.get(3)).get("raw"));
    }

    @Test
    void base64MatchesTheJdkForEveryLengthRemainder() {
        byte[] src = new byte[50];
        for (int i = 0; i < src.length; i++) {
            src[i] = (byte) (i * 37 + 200);
        }
        for (int len = 0; len <= 12; len++) {
            dev.ringline.memory.ByteVector out = new dev.ringline.memory.ByteVector(0);
            JsonRejectsWriter.appendBase64(src, 3, len, out);
            assertEquals(Base64.getEncoder().encodeToString(Arrays.copyOfRange(src, 3, 3 + len)),
                    new String(out.toByteArray(), StandardCharsets.US_ASCII), "length " + len);
        }
    }

    @Test
    void closeClosesTheStreamAndWriteFailuresAreIoErrors() {
        boolean[] closed = {false};
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("full");
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        JsonRejectsWriter writer = new JsonRejectsWriter(failing);
        CobolException e = assertThrows(CobolException.class,
                () -> writer.reject(new DecodeError(1, 2, null, ErrorCode.BAD_RDW, "m"), new byte[1], 0, 1));
        assertEquals(ErrorCode.IO_ERROR, e.code());
        assertEquals(0, writer.count());
        writer.close();
        assertTrue(closed[0]);
    }

    @Test
    void discardingSinkOnlyCounts() {
        RejectsSink sink = RejectsSink.discarding();
        DecodeError error = new DecodeError(0, 0, null, ErrorCode.BAD_RDW, "m");
        sink.reject(error, new byte[3], 0, 3);
        sink.reject(error, new byte[0], 0, 0);
        assertEquals(2, sink.count());
        sink.close();
    }
}
