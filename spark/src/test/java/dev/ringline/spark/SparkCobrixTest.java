package dev.ringline.spark;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringline.cobol.CobolDecoder;
import dev.ringline.cobol.DecodeOptions;
import dev.ringline.cobol.ErrorPolicy;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.FloatingPoint;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.copybook.Segments;
import dev.ringline.cobol.framing.FramingOptions;
import dev.ringline.cobol.json.BlankNumerics;
import dev.ringline.cobol.json.Trim;

import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared Cobrix cases ({@code shared/testdata/cobrix}, the cases and options of the engine's Cobrix suite)
 * through Spark {@code local[2]}: every row, converted to the engine's JSON, equals {@link CobolDecoder}'s line with
 * the same options, ordered by {@code _file, _offset}; every value of the expected lines fits the column type the
 * schema gives it. Cobrix's own code-page tables are test fixtures of the engine, not code page names, so the cases
 * run with the JDK-based pages of the same names ({@code common} as cp037). Absent data fails the test under
 * {@code CI=true} and skips it otherwise.
 */
class SparkCobrixTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    static SparkSession spark;

    /**
     * One case: the folder, the Spark options beyond {@code copybook} (the command line's names and values), and
     * the same settings as decode options.
     */
    record Case(String dir, String label, Map<String, String> options, DecodeOptions.Builder decode) {
        @Override
        public String toString() {
            return dir + " " + label;
        }
    }

    private static Case fixed(String dir, String label, String codepage, Trim trim, FloatingPoint.Format floats) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("codepage", codepage);
        options.put("trim", trim.name().toLowerCase(java.util.Locale.ROOT));
        options.put("float", floats == FloatingPoint.Format.IEEE_754 ? "ieee" : "ibm");
        options.put("blank_numerics", "null");
        options.put("on_error", "null");
        DecodeOptions.Builder decode = DecodeOptions.builder().codePage(CodePage.of(codepage)).trim(trim)
                .floatFormat(floats).blankNumerics(BlankNumerics.NULL).errorPolicy(ErrorPolicy.lenient()).workers(1);
        return new Case(dir, label, options, decode);
    }

    private static Case rdw(String dir, String label, boolean littleEndian, boolean excludesHeader) {
        Case c = fixed(dir, label, "cp037", Trim.BOTH, FloatingPoint.Format.IBM_HEX);
        c.options().put("format", "rdw");
        c.options().put("rdw_little_endian", Boolean.toString(littleEndian));
        c.options().put("rdw_excludes_header", Boolean.toString(excludesHeader));
        FramingOptions framing = FramingOptions.rdw();
        framing = littleEndian ? framing.withLittleEndian() : framing;
        framing = excludesHeader ? framing.withLengthExcludingHeader() : framing;
        c.decode().framing(framing);
        return c;
    }

    /** The cases of the engine's {@code CobrixSuiteTest}, as Spark options. */
    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(fixed("test1", "common", "cp037", Trim.BOTH, FloatingPoint.Format.IBM_HEX));
        for (Trim trim : Trim.values()) {
            c.add(fixed("test3", "trim " + trim, "cp037", trim, FloatingPoint.Format.IBM_HEX));
        }
        c.add(fixed("test6", "ieee floats", "cp037", Trim.BOTH, FloatingPoint.Format.IEEE_754));
        c.add(fixed("test9", "cp037", "cp037", Trim.BOTH, FloatingPoint.Format.IBM_HEX));
        for (String page : new String[] {"cp037", "cp273", "cp500", "cp1140", "cp1141", "cp1148"}) {
            c.add(fixed("test9", page + " untrimmed", page, Trim.NONE, FloatingPoint.Format.IBM_HEX));
        }
        c.add(fixed("test19", "blank numerics", "cp037", Trim.BOTH, FloatingPoint.Format.IBM_HEX));
        c.add(rdw("test5", "little-endian RDW", true, true));
        c.add(rdw("test5b", "big-endian RDW", false, true));
        Case segments = rdw("test14", "segments", true, false);
        segments.options().put("segment_field", "SEGMENT-ID");
        segments.options().put("segment", "C,D=STATIC-DETAILS;P=CONTACTS");
        segments.decode().segments(Segments.on("SEGMENT-ID").map("C", "STATIC-DETAILS").map("D", "STATIC-DETAILS")
                .map("P", "CONTACTS"));
        c.add(segments);
        return c.stream();
    }

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("local[2]", "ringline-cobrix");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** The shared folder above the working directory; absent: the test fails under CI=true, else it is skipped. */
    static Path cobrix() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared/testdata/cobrix");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        String missing = "shared/testdata/cobrix not found above " + Path.of("").toAbsolutePath();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            return Assertions.fail(missing + ": CI=true requires the Cobrix suite (../shared/testdata/cobrix)");
        }
        System.err.println("WARNING: " + missing + ": Spark Cobrix tests skipped (with CI=true they fail)");
        Assumptions.abort(missing + ": Spark Cobrix tests skipped");
        return null;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rowsEqualTheDecodersLines(Case testCase) throws IOException {
        Path dir = cobrix().resolve(testCase.dir());
        Path data = dir.resolve("data.dat");
        RecordLayout layout = Copybook.parse(dir.resolve("copybook.cob")).firstRecord();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FileChannel in = FileChannel.open(data)) {
            CobolDecoder.decode(in, layout, testCase.decode().build(), out);
        }
        List<String> expected = List.of(out.toString(StandardCharsets.UTF_8).split("\n"));

        DataFrameReader reader = spark.read().format("ringline").option("copybook", dir.resolve("copybook.cob")
                .toString()).option("split_size_bytes", Long.toString(Files.size(data) / 3 + 1));
        for (Map.Entry<String, String> e : testCase.options().entrySet()) {
            reader = reader.option(e.getKey(), e.getValue());
        }
        Dataset<Row> df = reader.load(data.toString());
        // one job: the rows of one file, ordered by _offset on the driver (a Spark sort would add a sampling job)
        List<Row> rows = new ArrayList<>(df.select(df.col("*"), df.col("_file"), df.col("_offset")).collectAsList());
        rows.sort(java.util.Comparator.comparingLong(r -> r.getLong(r.length() - 1)));
        List<String> actual = new ArrayList<>();
        for (Row row : rows) {
            actual.add(RowJson.toJson(row));
        }
        assertEquals(expected.size(), actual.size(), testCase + ": rows");
        boolean segments = testCase.options().containsKey("segment");
        for (int i = 0; i < expected.size(); i++) {
            if (segments && !expected.get(i).equals(actual.get(i))) {
                // a view the segment does not select is a null column in Spark and absent from the JSON
                assertEquals(withoutNulls(JSON.readValue(expected.get(i), Object.class)),
                        withoutNulls(JSON.readValue(actual.get(i), Object.class)), testCase + " record " + i);
            } else {
                assertEquals(expected.get(i), actual.get(i), testCase + " record " + i);
            }
        }
        StructType schema = df.schema();
        @SuppressWarnings("unchecked")
        Map<String, Object> first = JSON.readValue(expected.get(0), Map.class);
        if (!segments) {
            assertEquals(new ArrayList<>(first.keySet()), List.of(schema.fieldNames()), testCase + ": columns");
        }
        for (String line : expected) {
            fits(JSON.readValue(line, Object.class), schema, testCase + " " + line);
        }
    }

    /** Every value of an expected line fits the type the schema gives its column. */
    @SuppressWarnings("unchecked")
    private static void fits(Object value, DataType type, String where) {
        if (value == null) {
            return;
        }
        if (type instanceof StructType) {
            Map<String, Object> members = (Map<String, Object>) value;
            StructType struct = (StructType) type;
            for (Map.Entry<String, Object> e : members.entrySet()) {
                StructField field = struct.apply(e.getKey());
                fits(e.getValue(), field.dataType(), where + " " + e.getKey());
            }
        } else if (type instanceof ArrayType) {
            for (Object element : (List<Object>) value) {
                fits(element, ((ArrayType) type).elementType(), where);
            }
        } else if (type instanceof DecimalType) {
            BigDecimal d = new BigDecimal(value.toString());
            DecimalType decimal = (DecimalType) type;
            assertEquals(decimal.scale(), Math.max(d.scale(), 0), where + ": scale");
            assertTrue(d.precision() - d.scale() <= decimal.precision() - decimal.scale(), where + ": precision");
        } else if (type.equals(DataTypes.IntegerType) || type.equals(DataTypes.LongType)) {
            long limit = type.equals(DataTypes.IntegerType) ? Integer.MAX_VALUE : Long.MAX_VALUE;
            BigDecimal d = new BigDecimal(value.toString());
            assertTrue(d.scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(limit)) <= 0, where + ": " + d);
        } else if (type.equals(DataTypes.StringType)) {
            assertTrue(value instanceof String, where);
        } else {
            assertTrue(value instanceof Number, where + " is a number: " + type);
        }
    }

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
