package dev.ringline.cobol.copybook;

import dev.ringline.cobol.SharedTestData;
import dev.ringline.cobol.codec.SignPosition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parses the shared Cobrix copybooks and checks offsets against Cobrix's own layout tables and sizes. */
class CobrixCopybookTest {
    private static final Pattern ROW = Pattern.compile("^\\s*(?:\\d+\\s+)?(\\S+)\\s+(?:\\S*\\s+)?(\\d+)\\s+(\\d+)"
            + "\\s+(\\d+)\\s+(\\d+)\\s*$");

    static Path cobrixDir() {
        return SharedTestData.cobrix();
    }

    private static Copybook parse(String testCase) {
        return Copybook.parse(cobrixDir().resolve(testCase).resolve("copybook.cob"));
    }

    @ParameterizedTest
    @CsvSource({"test1, 2202", "test3, 45", "test9, 45", "test5, 64", "test14, 64", "test6, 1493", "test19, 80"})
    void recordLengthsMatchTheManifest(String testCase, int length) throws IOException {
        String manifest = Files.readString(cobrixDir().resolve("manifest.json"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"id\": \"" + testCase + "\".*?\"record_length\": (\\d+)", Pattern.DOTALL)
                .matcher(manifest);
        if (m.find()) {
            assertEquals(length, Integer.parseInt(m.group(1)), "manifest length of " + testCase);
        }
        Copybook copybook = parse(testCase);
        assertEquals(1, copybook.records().size());
        assertEquals(length, copybook.firstRecord().length());
        assertEquals("copybook.cob", copybook.sourceName());
    }

    @ParameterizedTest
    @CsvSource({"test6", "test19"})
    void offsetsMatchCobrixLayoutTable(String testCase) throws IOException {
        RecordLayout layout = parse(testCase).firstRecord();
        List<String> lines = Files.readAllLines(cobrixDir().resolve(testCase).resolve("layout.txt"),
                StandardCharsets.ISO_8859_1);
        int checked = 0;
        List<Field> children = layout.fields();
        int child = 0;
        for (String line : lines) {
            Matcher m = ROW.matcher(line);
            if (line.startsWith("-") || line.isBlank() || !m.matches()) {
                continue;
            }
            String name = m.group(1).replace('_', '-');
            int start = Integer.parseInt(m.group(3));
            int end = Integer.parseInt(m.group(4));
            int length = Integer.parseInt(m.group(5));
            Field field;
            if (name.equalsIgnoreCase(layout.name())) {
                field = layout.root();
                assertEquals(layout.length(), length, "record length");
            } else {
                // FILLER appears several times: walk the top-level fields in order
                field = children.get(child++);
                assertEquals(name, field.name(), "field order");
            }
            assertEquals(start, field.offset() + 1, name + " START");
            assertEquals(end, field.offset() + field.length(), name + " END");
            assertEquals(length, field.length(), name + " LENGTH");
            checked++;
        }
        assertEquals(children.size(), child, "every top-level field has a layout row");
        assertTrue(checked > 10, "layout rows read: " + checked);
    }

    @Test
    void test1OccursDependingOnAndRedefines() {
        RecordLayout layout = parse("test1").firstRecord();
        assertTrue(layout.hasDependingOn());
        Field detail = layout.find("ACCOUNT-DETAIL").orElseThrow();
        assertEquals("METADATA.ACCOUNT.ACCOUNT-DETAIL", detail.path());
        assertTrue(detail.isArray());
        assertEquals(0, detail.occursMin());
        assertEquals(80, detail.occursMax());
        assertEquals(42, detail.offset());
        assertEquals(27, detail.length());
        Field counter = detail.dependingOn();
        assertNotNull(counter);
        assertEquals("NUMBER-OF-ACCTS", counter.name());
        assertTrue(counter.odoCounter());
        assertEquals(FieldType.PACKED, counter.type());
        assertEquals(40, counter.offset());
        assertEquals(2, counter.length());

        Field typeX = layout.find("ACCOUNT-DETAIL.ACCOUNT-TYPE-X").orElseThrow();
        Field typeN = layout.find("ACCOUNT-TYPE-N").orElseThrow();
        assertEquals("ACCOUNT-TYPE-N", typeX.redefines());
        assertTrue(typeN.redefined());
        assertEquals(42 + 24, typeN.offset());
        assertEquals(typeN.offset(), typeX.offset());
        assertEquals(3, typeX.length());

        Field idStr = layout.find("COMPANY.COMPANY-ID-STR").orElseThrow();
        assertEquals(12, idStr.offset()); // README: bytes 13-15
        assertEquals(FieldType.BINARY, layout.find("ID").orElseThrow().type());
        assertEquals(2, layout.find("ID").orElseThrow().length());
    }

    @Test
    void test5RedefinedGroupTakesTheLargerView() {
        RecordLayout layout = parse("test5").firstRecord();
        Field statics = layout.find("STATIC-DETAILS").orElseThrow();
        Field contacts = layout.find("CONTACTS").orElseThrow();
        assertEquals(15, statics.offset());
        assertEquals(49, statics.length());
        assertEquals(15, contacts.offset());
        assertEquals(45, contacts.length());
        assertTrue(statics.redefined());
        Field num = layout.find("TAXPAYER.TAXPAYER-NUM").orElseThrow();
        assertEquals(56, num.offset()); // README: bytes 57-60
        assertEquals(4, num.length());
        assertFalse(num.numeric().signed());
    }

    @Test
    void test6NumericFormats() {
        RecordLayout layout = parse("test6").firstRecord();
        assertFormat(layout, "COMMON-UPC5DDC", FieldType.PACKED, 8, 8);
        assertFormat(layout, "COMMON-UPI5DDC", FieldType.PACKED, 8, -3);
        assertFormat(layout, "NUM-SLI-STR-DEC01", FieldType.ZONED, 7, 7);
        assertFormat(layout, "NUM-STR-EDEC03", FieldType.NUMERIC_EDITED, 5, 2);
        assertFormat(layout, "EX-NUM-DEC02", FieldType.NUMERIC_EDITED, 8, 2);
        assertFormat(layout, "NUM-BIN-INT05", FieldType.NATIVE_BINARY, 5, 0);
        assertFormat(layout, "NUM-SBIN-DEC10", FieldType.BINARY, 28, 10);
        Field leading = layout.find("NUM-SL-STR-DEC01").orElseThrow();
        assertEquals(SignPosition.LEADING, leading.numeric().signPosition());
        assertTrue(leading.numeric().signSeparate());
        assertEquals(FieldType.FLOAT_SINGLE, layout.find("FLOAT-01").orElseThrow().type());
        assertEquals(FieldType.FLOAT_DOUBLE, layout.find("DOUBLE-01").orElseThrow().type());
        Optional<Field> missing = layout.find("NO-SUCH-FIELD");
        assertTrue(missing.isEmpty());
    }

    private static void assertFormat(RecordLayout layout, String name, FieldType type, int digits, int scale) {
        Field field = layout.find(name).orElseThrow();
        assertEquals(type, field.type(), name);
        assertEquals(digits, field.numeric().digits(), name + " digits");
        assertEquals(scale, field.numeric().scale(), name + " scale");
    }
}
