package dev.ringline.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code layout --format json-schema|avro}: the schema printed for a generated workload validates every line that
 * {@code decode} writes for it with the same options (networknt's draft 2020-12 validator).
 */
class LayoutSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"display,", "comp3,--json-number=string", "mixed,--emit-meta", "mixed,--on-error=null"})
    void generatedWorkloadsValidateAgainstTheExportedSchema(String workload, String option) throws Exception {
        Path data = dir.resolve(workload + ".dat");
        assertEquals(0, Cli.run("generate", "--workload", workload, "--size", "200KiB", "--seed", "3",
                "--output", data.toString()).exitCode);
        Path cpy = dir.resolve(workload + ".cpy");
        List<String> extra = option == null ? List.of() : List.of(option);
        List<String> layoutArgs = new ArrayList<>(List.of("layout", "--copybook", cpy.toString(), "--format",
                "json-schema"));
        layoutArgs.addAll(extra);
        Cli layout = Cli.run(layoutArgs.toArray(new String[0]));
        assertEquals(0, layout.exitCode, layout::toString);
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(layout.out);

        List<String> decodeArgs = new ArrayList<>(List.of("decode", "--copybook", cpy.toString(), "--input",
                data.toString(), "-q"));
        decodeArgs.addAll(extra);
        Cli decode = Cli.run(decodeArgs.toArray(new String[0]));
        assertEquals(0, decode.exitCode, decode::toString);
        String[] lines = decode.stdoutText().split("\n");
        assertTrue(lines.length > 100, "lines: " + lines.length);
        for (String line : lines) {
            JsonNode node = MAPPER.readTree(line);
            List<Error> errors = schema.validate(node);
            assertEquals(List.of(), errors.stream().map(Error::toString).toList(), line);
        }
        // and the schema is strict: a member the decoder never writes fails it
        JsonNode first = MAPPER.readTree(lines[0].replaceFirst("\\{", "{\"NOT-A-FIELD\":1,"));
        assertTrue(!schema.validate(first).isEmpty());
    }

    @Test
    void avroAndBadFormat() throws Exception {
        Path cpy = dir.resolve("r.cpy");
        Files.writeString(cpy, "       01  REC.\n           05  AMOUNT  PIC S9(7)V99 COMP-3.\n"
                + "           05  NAME    PIC X(4).\n");
        Cli avro = Cli.run("layout", "--copybook", cpy.toString(), "--format", "avro", "--namespace", "com.example");
        assertEquals(0, avro.exitCode, avro::toString);
        JsonNode schema = MAPPER.readTree(avro.out);
        assertEquals("REC", schema.get("name").asText());
        assertEquals("com.example", schema.get("namespace").asText());
        JsonNode amount = schema.get("fields").get(0).get("type");
        assertEquals("decimal", amount.get("logicalType").asText());
        assertEquals(9, amount.get("precision").asInt());
        assertEquals(2, amount.get("scale").asInt());

        Cli bad = Cli.run("layout", "--copybook", cpy.toString(), "--format", "xml");
        assertEquals(ExitCodes.USAGE, bad.exitCode);
        assertTrue(bad.err.contains("json-schema"), bad.err);
    }
}
