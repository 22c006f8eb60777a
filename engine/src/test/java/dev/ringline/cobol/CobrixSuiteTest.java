package dev.ringline.cobol;

import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.CodePageFixtures;
import dev.ringline.cobol.codec.FloatingPoint;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.copybook.Segments;
import dev.ringline.cobol.framing.FramingOptions;
import dev.ringline.cobol.json.Trim;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The external correctness suite: every case of {@code shared/testdata/cobrix} decoded by Ringline and compared,
 * row by row and field by field, with the JSON that Cobrix expects, after the normalisation its README (section 5)
 * describes: names with '-' as '_', absent equals null, decimals compared by value and scale, floats as floats,
 * Cobrix's generated columns dropped. Cobrix conventions that Ringline does not copy are listed in
 * {@link Case#deviations}: each is a field whose Cobrix value is reproduced differently by design, and the test
 * checks that exactly those fields (and no others) differ.
 */
class CobrixSuiteTest {
    private static final Set<String> GENERATED = Set.of("File_Id", "Record_Id", "Record_Byte_Length", "Seg_Id0",
            "Seg_Id1");

    /** One expected file of the suite with the options that reproduce Cobrix's run. */
    record Case(String dir, String expected, int rows, CodePage codePage, Trim trim, FramingOptions framing,
                FloatingPoint.Format floats, Set<String> deviations, Segments segments) {
        @Override
        public String toString() {
            return dir + "/" + expected;
        }
    }

    private static CodePage common() {
        return CodePage.custom("cobrix-common", CodePageFixtures.common(), true);
    }

    static Stream<Case> cases() {
        FramingOptions rdwLittleExcl = FramingOptions.rdw().withLittleEndian().withLengthExcludingHeader();
        List<Case> c = new ArrayList<>();
        c.add(new Case("test1", "expected.jsonl", 10, common(), Trim.BOTH, null, FloatingPoint.Format.IBM_HEX,
                Set.of(), null));
        for (String trim : new String[] {"", "_trim_none", "_trim_left", "_trim_right", "_trim_both"}) {
            Trim t = trim.isEmpty() ? Trim.BOTH : Trim.valueOf(trim.substring(6).toUpperCase());
            c.add(new Case("test3", "expected" + trim + ".jsonl", 60, common(), t, null, FloatingPoint.Format.IBM_HEX,
                    Set.of(), null));
        }
        c.add(new Case("test6", "expected.jsonl", 100, common(), Trim.BOTH, null, FloatingPoint.Format.IEEE_754,
                Set.of(), null));
        c.add(new Case("test9", "expected_cp037.jsonl", 60,
                CodePage.custom("cobrix-cp037", CodePageFixtures.cp037(), true), Trim.BOTH, null,
                FloatingPoint.Format.IBM_HEX, Set.of(), null));
        String[][] pages = {{"cp037_ext", "IBM037"}, {"cp273", "IBM273"}, {"cp500", "IBM500"}, {"cp1140", "IBM01140"},
            {"cp1141", "IBM01141"}, {"cp1148", "IBM01148"}};
        for (String[] p : pages) {
            c.add(new Case("test9", "expected_" + p[0] + ".jsonl", 60,
                    CodePage.custom("cobrix-" + p[0], CodePageFixtures.extended(p[1]), true), Trim.NONE, null,
                    FloatingPoint.Format.IBM_HEX, Set.of(), null));
        }
        // Record 5 has an all-blank 9(8)V9(2): Cobrix (improved_null_detection=false) prints 0.00, Ringline null.
        c.add(new Case("test19", "expected.jsonl", 7, common(), Trim.BOTH, null, FloatingPoint.Format.IBM_HEX,
                Set.of("5:WS_AMOUNT_FRACTION"), null));
        // Unsigned 9(8) COMP with the top bit set: Cobrix gives null (its int overflows), Ringline the exact value.
        Set<String> unsignedTopBit = Set.of(0, 8, 12, 43, 56).stream()
                .map(row -> row + ":STATIC_DETAILS.TAXPAYER.TAXPAYER_NUM").collect(java.util.stream.Collectors.toSet());
        c.add(new Case("test5", "expected.jsonl", 60, common(), Trim.BOTH, rdwLittleExcl,
                FloatingPoint.Format.IBM_HEX, unsignedTopBit, null));
        c.add(new Case("test5b", "expected.jsonl", 60, common(), Trim.BOTH,
                FramingOptions.rdw().withLengthExcludingHeader(), FloatingPoint.Format.IBM_HEX, unsignedTopBit,
                null));
        // test14 uses Cobrix's segment-redefine map (STATIC-DETAILS => C,D; CONTACTS => P): the same Segments here.
        c.add(new Case("test14", "expected.jsonl", 60, common(), Trim.BOTH, FramingOptions.rdw().withLittleEndian(),
                FloatingPoint.Format.IBM_HEX, unsignedTopBit, Segments.on("SEGMENT-ID").map("C", "STATIC-DETAILS")
                .map("D", "STATIC-DETAILS").map("P", "CONTACTS")));
        return c.stream();
    }

    /** The decode options that reproduce the case's Cobrix run (the framing is fixed by default). */
    static DecodeOptions.Builder options(Case testCase) {
        DecodeOptions.Builder options = DecodeOptions.builder()
                .codePage(testCase.codePage())
                .trim(testCase.trim())
                .floatFormat(testCase.floats())
                .blankNumerics(dev.ringline.cobol.json.BlankNumerics.NULL)
                .errorPolicy(ErrorPolicy.lenient())
                .workers(3);
        if (testCase.framing() != null) {
            options.framing(testCase.framing());
        }
        if (testCase.segments() != null) {
            options.segments(testCase.segments());
        }
        return options;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesCobrixExpectedRows(Case testCase) throws IOException {
        Path dir = SharedTestData.cobrix().resolve(testCase.dir());
        RecordLayout layout = Copybook.parse(dir.resolve("copybook.cob")).firstRecord();
        DecodeOptions.Builder options = options(testCase);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DecodeSummary summary;
        try (FileChannel in = FileChannel.open(dir.resolve("data.dat"))) {
            summary = CobolDecoder.decode(in, layout, options.build(), out);
        }
        assertTrue(summary.balanced(), summary.toString());
        String[] ours = out.toString(StandardCharsets.UTF_8).split("\n");
        List<String> expected = Files.readAllLines(dir.resolve(testCase.expected()), StandardCharsets.UTF_8);
        assertEquals(testCase.rows(), expected.size());
        assertTrue(ours.length >= expected.size(), "rows: " + ours.length);
        List<String> differences = new ArrayList<>();
        for (int row = 0; row < expected.size(); row++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> want = (Map<String, Object>) Json.parse(expected.get(row));
            @SuppressWarnings("unchecked")
            Map<String, Object> got = (Map<String, Object>) Json.parse(ours[row]);
            GENERATED.forEach(want::remove);
            compareObject(row, "", normaliseKeys(got), want, differences);
        }
        List<String> unexpected = new ArrayList<>();
        for (String d : differences) {
            String where = d.substring(0, d.indexOf(' '));
            if (!testCase.deviations().contains(where)) {
                unexpected.add(d);
            }
        }
        if (!unexpected.isEmpty()) {
            fail(unexpected.size() + " field(s) differ from Cobrix, e.g.:\n"
                    + String.join("\n", unexpected.subList(0, Math.min(10, unexpected.size()))));
        }
        assertEquals(testCase.deviations().size(), differences.size(),
                "every documented deviation still occurs: " + differences);
    }

    /** Renames our keys to Cobrix's ('-' to '_'). */
    private static Map<String, Object> normaliseKeys(Map<String, Object> ours) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Object> e : ours.entrySet()) {
            String key = e.getKey().replace('-', '_').replace(":", "").replace("'", "").replace("\"", "");
            m.put(key, normaliseValue(e.getValue()));
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Object normaliseValue(Object v) {
        if (v instanceof Map) {
            return normaliseKeys((Map<String, Object>) v);
        }
        if (v instanceof List) {
            List<Object> l = new ArrayList<>();
            for (Object o : (List<Object>) v) {
                l.add(normaliseValue(o));
            }
            return l;
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static void compareObject(int row, String path, Map<String, Object> got, Map<String, Object> want,
                                      List<String> differences) {
        Set<String> keys = new java.util.LinkedHashSet<>(want.keySet());
        keys.addAll(got.keySet());
        for (String key : keys) {
            Object w = want.get(key); // absent and null are the same here
            Object g = got.get(key);
            String p = path.isEmpty() ? key : path + "." + key;
            compareValue(row, p, g, w, differences);
        }
    }

    @SuppressWarnings("unchecked")
    private static void compareValue(int row, String path, Object g, Object w, List<String> differences) {
        if (w instanceof Map && g instanceof Map) {
            compareObject(row, path, (Map<String, Object>) g, (Map<String, Object>) w, differences);
            return;
        }
        if (w instanceof List && g instanceof List) {
            List<Object> gl = (List<Object>) g;
            List<Object> wl = (List<Object>) w;
            if (gl.size() != wl.size()) {
                differences.add(row + ":" + path + " array length " + gl.size() + " vs Cobrix " + wl.size());
                return;
            }
            for (int i = 0; i < wl.size(); i++) {
                compareValue(row, path + "[" + i + "]", gl.get(i), wl.get(i), differences);
            }
            return;
        }
        if (w instanceof BigDecimal && g instanceof BigDecimal) {
            BigDecimal wd = (BigDecimal) w;
            BigDecimal gd = (BigDecimal) g;
            boolean floating = path.endsWith("FLOAT_01") || path.endsWith("DOUBLE_01");
            boolean same = floating
                    ? (path.endsWith("FLOAT_01") ? wd.floatValue() == gd.floatValue()
                    : wd.doubleValue() == gd.doubleValue())
                    : wd.equals(gd);
            if (!same) {
                differences.add(row + ":" + path + " " + gd + " vs Cobrix " + wd);
            }
            return;
        }
        if (!Objects.equals(w, g)) {
            differences.add(row + ":" + path + " " + g + " vs Cobrix " + w);
        }
    }
}
