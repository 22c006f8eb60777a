package dev.ringline.cobol;

import dev.ringline.buffer.ByteVector;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.error.RecordDecodeException;
import dev.ringline.cobol.framing.FramingOptions;
import dev.ringline.cobol.framing.RecordReader;
import dev.ringline.cobol.json.JsonOptions;
import dev.ringline.cobol.json.RecordDecoder;
import dev.ringline.cobol.row.JsonRowSink;
import dev.ringline.cobol.row.RowDecoder;
import dev.ringline.cobol.row.RowOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every case of the shared Cobrix suite, with the options of {@link CobrixSuiteTest}, through the typed decode:
 * for every record of each file, {@link RowDecoder}'s values written as JSON equal {@link RecordDecoder}'s line.
 */
class CobrixRowsTest {
    static Stream<CobrixSuiteTest.Case> cases() {
        return CobrixSuiteTest.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void typedValuesEqualTheJsonLines(CobrixSuiteTest.Case testCase) throws IOException {
        Path dir = SharedTestData.cobrix().resolve(testCase.dir());
        RecordLayout layout = Copybook.parse(dir.resolve("copybook.cob")).firstRecord();
        DecodeOptions options = CobrixSuiteTest.options(testCase).build();
        JsonOptions json = options.jsonOptions();
        RecordDecoder lines = RecordDecoder.compile(layout, json);
        RowDecoder rows = RowDecoder.compile(layout, RowOptions.of(json));
        RecordDecoder.Context lineContext = lines.newContext();
        RowDecoder.Context rowContext = rows.newContext();
        FramingOptions framing = options.framing() != null ? options.framing() : FramingOptions.fixed(layout.length());
        ByteVector record = new ByteVector(layout.length());
        ByteVector line = new ByteVector(4096);
        int compared = 0;
        try (RecordReader reader = new RecordReader(FileChannel.open(dir.resolve("data.dat")), framing)) {
            while (reader.next(record)) {
                long index = reader.recordIndex();
                line.clear();
                String want;
                String got;
                try {
                    lines.decode(record.array(), 0, record.length(), index, 0, lineContext, line);
                    want = new String(line.array(), 0, line.length() - 1, StandardCharsets.UTF_8);
                } catch (RecordDecodeException e) {
                    want = "error " + e.error().code();
                }
                try {
                    got = JsonRowSink.toJson(rows, record.array(), 0, record.length(), index, rowContext);
                } catch (RecordDecodeException e) {
                    got = "error " + e.error().code();
                }
                if (!want.equals(got) && testCase.segments() != null && !want.startsWith("error")) {
                    // a view the segment does not select: a null column in the typed row, absent from the JSON
                    assertEquals(withoutNulls(Json.parse(want)), withoutNulls(Json.parse(got)),
                            testCase + " record " + index);
                } else {
                    assertEquals(want, got, testCase + " record " + index);
                }
                assertEquals(lineContext.fieldErrors().size(), rowContext.fieldErrors().size(),
                        testCase + " record " + index + ": the same fields are nulled as bad");
                lineContext.clearFieldErrors();
                rowContext.clearFieldErrors();
                compared++;
            }
        }
        assertTrue(compared >= testCase.rows(), testCase + ": " + compared + " records");
    }

    /** The value with every null member of an object removed (absent and null mean the same). */
    @SuppressWarnings("unchecked")
    private static Object withoutNulls(Object value) {
        if (value instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) value).entrySet()) {
                if (e.getValue() != null) {
                    out.put(e.getKey(), withoutNulls(e.getValue()));
                }
            }
            return out;
        }
        if (value instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object o : (List<Object>) value) {
                out.add(withoutNulls(o));
            }
            return out;
        }
        return value;
    }
}
