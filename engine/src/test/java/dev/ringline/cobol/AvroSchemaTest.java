package dev.ringline.cobol;

import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exported Avro schema parses with Apache Avro and every decoded line of every shared Cobrix case, converted
 * member by member into a generic record of that schema, is a valid datum of it (decimals at their declared scale).
 */
class AvroSchemaTest {
    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    static List<CobrixSuiteTest.Case> cases() {
        return CobrixSuiteTest.cases().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCobrixLineIsADatumOfItsSchema(CobrixSuiteTest.Case c) throws IOException {
        Path dir = SharedTestData.cobrix().resolve(c.dir());
        RecordLayout layout = Copybook.parse(dir.resolve("copybook.cob")).firstRecord();
        DecodeOptions.Builder builder = DecodeOptions.builder().codePage(c.codePage()).trim(c.trim())
                .floatFormat(c.floats()).blankNumerics(dev.ringline.cobol.json.BlankNumerics.NULL)
                .errorPolicy(ErrorPolicy.lenient()).emitMeta(true).workers(2);
        if (c.framing() != null) {
            builder.framing(c.framing());
        }
        if (c.segments() != null) {
            builder.segments(c.segments());
        }
        DecodeOptions options = builder.build();
        Schema schema = new Schema.Parser().parse(CobolDecoder.avroSchema(layout, options, "dev.ringline.test"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FileChannel in = FileChannel.open(dir.resolve("data.dat"))) {
            CobolDecoder.decode(in, layout, options, out);
        }
        int n = 0;
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) Json.parse(line);
            Object datum = convert(json, schema);
            assertTrue(GenericData.get().validate(schema, datum), "line " + n + ": " + line);
            n++;
        }
        assertTrue(n > 0);
    }

    @Test
    void decimalsCarryTheirPrecisionAndScale() {
        RecordLayout layout = Copybook.parse(String.join("\n",
                "       01  R.",
                "           05  AMOUNT   PIC S9(5)V99 COMP-3.",
                "           05  QTY      PIC 9(4).",
                "           05  BIG      PIC S9(15) COMP-3.",
                "           05  HUGE     PIC 9(20).",
                "           05  TAB      OCCURS 3 TIMES PIC X(2).",
                "           05  FILLER   PIC X(3)."), "r.cpy").firstRecord();
        Schema schema = new Schema.Parser().parse(CobolDecoder.avroSchema(layout,
                DecodeOptions.builder().errorPolicy(ErrorPolicy.lenient()).build(), null));
        Schema amount = schema.getField("AMOUNT").schema().getTypes().get(1);
        LogicalTypes.Decimal decimal = (LogicalTypes.Decimal) amount.getLogicalType();
        assertEquals(7, decimal.getPrecision());
        assertEquals(2, decimal.getScale());
        assertEquals(Schema.Type.INT, schema.getField("QTY").schema().getTypes().get(1).getType());
        assertEquals(Schema.Type.LONG, schema.getField("BIG").schema().getTypes().get(1).getType());
        assertEquals(20, ((LogicalTypes.Decimal) schema.getField("HUGE").schema().getTypes().get(1)
                .getLogicalType()).getPrecision());
        assertEquals(Schema.Type.ARRAY, schema.getField("TAB").schema().getType());
        assertEquals(5, schema.getFields().size(), "FILLER is not written");
        Schema strict = new Schema.Parser().parse(CobolDecoder.avroSchema(layout, DecodeOptions.defaults(), null));
        assertEquals(Schema.Type.INT, strict.getField("QTY").schema().getType(), "not nullable when strict");
        assertFalse(strict.getField("AMOUNT").schema().isNullable());
    }

    /** The JSON value as an Avro datum of {@code schema} (unions: null, or the non-null branch). */
    @SuppressWarnings("unchecked")
    private static Object convert(Object value, Schema schema) {
        if (schema.getType() == Schema.Type.UNION) {
            if (value == null) {
                return null;
            }
            for (Schema branch : schema.getTypes()) {
                if (branch.getType() != Schema.Type.NULL) {
                    if (branch.getType() == Schema.Type.RECORD && value instanceof Map<?, ?> m
                            && !fits((Map<String, Object>) m, branch)) {
                        continue;
                    }
                    return convert(value, branch);
                }
            }
        }
        switch (schema.getType()) {
            case RECORD: {
                Map<String, Object> json = (Map<String, Object>) value;
                GenericData.Record record = new GenericData.Record(schema);
                List<String> keys = new ArrayList<>(json.keySet());
                for (Schema.Field f : schema.getFields()) {
                    String key = keys.stream().filter(k -> AvroName.of(k).equals(f.name())).findFirst().orElse(null);
                    record.put(f.name(), convert(key == null ? null : json.get(key), f.schema()));
                }
                assertEquals(keys.size(), keys.stream().filter(k -> schema.getField(AvroName.of(k)) != null).count(),
                        "every key has a field: " + keys);
                return record;
            }
            case ARRAY: {
                List<Object> out = new ArrayList<>();
                for (Object o : (List<Object>) value) {
                    out.add(convert(o, schema.getElementType()));
                }
                return new GenericData.Array<>(schema, out);
            }
            case INT:
                return value instanceof Number n ? (Object) Math.toIntExact(n.longValue()) : value;
            case LONG:
                return value instanceof Number n ? (Object) n.longValue() : value;
            case FLOAT:
                return value instanceof Number n ? (Object) n.floatValue() : value;
            case DOUBLE:
                return value instanceof Number n ? (Object) n.doubleValue() : value;
            case BYTES: {
                LogicalTypes.Decimal d = (LogicalTypes.Decimal) schema.getLogicalType();
                BigDecimal number = new BigDecimal(value.toString());
                assertTrue(number.precision() - number.scale() <= d.getPrecision() - d.getScale(), number + " in " + d);
                return DECIMALS.toBytes(number.setScale(d.getScale()), schema, d);
            }
            default:
                return value;
        }
    }

    private static boolean fits(Map<String, Object> json, Schema record) {
        for (String key : json.keySet()) {
            if (record.getField(AvroName.of(key)) == null) {
                return false;
            }
        }
        return true;
    }

    /** The name rule of the exporter, restated: characters outside [A-Za-z0-9_] become '_'. */
    private static final class AvroName {
        static String of(String key) {
            String name = key.replaceAll("[^A-Za-z0-9_]", "_");
            return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "_" + name : name;
        }
    }
}
