package dev.ringline.cobol;

import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.codec.PackedDecimal;
import dev.ringline.cobol.codec.ZonedDecimal;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import dev.ringline.cobol.copybook.Segments;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.cobol.row.RowColumn;
import dev.ringline.cobol.row.ValueKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Typed getters by field path, on the handler's cursor and on the publisher's and stream's snapshots. */
class FieldPathTest {
    private static final CodePage CP037 = CodePage.of("cp037");
    private static final RecordLayout LAYOUT = CobolDecoderTest.layout();

    private static ByteArrayInputStream in(byte[] data) {
        return new ByteArrayInputStream(data);
    }

    /** Every value of every record, read by path, equals its JSON line's (independent parser), nulls included. */
    @Test
    void gettersMatchTheJsonLineOfThousandsOfGeneratedRecords() throws IOException {
        byte[] data = CobolDecoderTest.file(4_000, 11);
        DecodeOptions options = DecodeOptions.builder().workers(2).build();
        PathChecker checker = new PathChecker(CobolDecoder.typedLayout(LAYOUT, options));
        CobolDecoder.decode(Channels.newChannel(in(data)), LAYOUT, options, record -> {
            checker.check(record, record.jsonString());
            assertEquals(List.of(), record.views());
        });
        assertEquals(4_000, checker.records);
        assertTrue(checker.values > 4_000 * 12, "values checked: " + checker.values);
    }

    /** FILLER kept and variable OCCURS DEPENDING ON (later fields move up) read by path, against the JSON lines. */
    @Test
    void fillerKeptAndVariableOccursAreReadByPath() throws IOException {
        RecordLayout layout = Copybook.parse(String.join("\n",
                "       01  R.",
                "           05  N        PIC 9.",
                "           05  FILLER   PIC X(2).",
                "           05  ITEMS OCCURS 0 TO 3 TIMES DEPENDING ON N.",
                "               10  V    PIC S9(3) COMP-3.",
                "           05  TAIL     PIC X(4).",
                ""), "v.cpy").firstRecord();
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 200; i++) {
            int n = i % 4;
            file.write(0);
            file.write(4 + 1 + 2 + 2 * n + 4);
            file.write(0);
            file.write(0);
            byte[] payload = new byte[1 + 2 + 2 * n + 4];
            payload[0] = (byte) (0xF0 + n);
            CP037.encode("AB", payload, 1, 2);
            for (int k = 0; k < n; k++) {
                PackedDecimal.encodeUnscaled((i * 7 + k) % 999 - 499, NumericFormat.of(3, 0, true), payload, 3 + 2 * k);
            }
            CP037.encode(String.format("T%03d", i), payload, 3 + 2 * n, 4);
            file.writeBytes(payload);
        }
        DecodeOptions options = DecodeOptions.builder().framing(dev.ringline.cobol.framing.FramingOptions.rdw())
                .fillers(dev.ringline.cobol.json.Fillers.KEEP).variableOccurs(true).build();
        TypedLayout typed = CobolDecoder.typedLayout(layout, options);
        PathChecker checker = new PathChecker(typed);
        FieldPath tail = typed.path("TAIL");
        FieldPath filler = typed.path("FILLER");
        FieldPath items = typed.path("ITEMS");
        CobolDecoder.decode(Channels.newChannel(in(file.toByteArray())), layout, options, record -> {
            checker.check(record, record.jsonString());
            assertEquals(String.format("T%03d", record.sequence()), record.getString(tail));
            assertEquals("AB", record.getString(filler));
            assertEquals(record.sequence() % 4, record.arrayLength(items));
        });
        assertEquals(200, checker.records);
    }

    @Test
    void rawBytesAndArraysByPath() throws IOException {
        byte[] data = CobolDecoderTest.file(50, 3);
        DecodeOptions options = DecodeOptions.defaults();
        TypedLayout typed = CobolDecoder.typedLayout(LAYOUT, options);
        FieldPath name = typed.path("name");
        FieldPath codes = typed.path("CODES");
        FieldPath weight2 = typed.path("CODES[2].WEIGHT");
        FieldPath code0 = typed.path("CODES[0].CODE");
        AtomicLong n = new AtomicLong();
        CobolDecoder.decode(Channels.newChannel(in(data)), LAYOUT, options, record -> {
            int at = record.rawOffset();
            assertArrayEquals(Arrays.copyOfRange(record.rawArray(), at + 6, at + 18), record.getBytes(name));
            assertArrayEquals(Arrays.copyOfRange(record.rawArray(), at + 32, at + 44), record.getBytes(codes));
            assertArrayEquals(Arrays.copyOfRange(record.rawArray(), at + 42, at + 44), record.getBytes(weight2));
            assertEquals(3, record.arrayLength(codes));
            List<Object> elements = record.getArray(codes);
            assertEquals(3, elements.size());
            assertEquals(Map.of("CODE", "C2", "WEIGHT", record.getInt(weight2)), elements.get(2));
            assertEquals("C0", record.getString(code0));
            assertEquals(record.values().get("CODES"), record.getValue(codes));
            n.incrementAndGet();
        });
        assertEquals(50, n.get());
    }

    @Test
    void badPathsAndWrongTypesAreErrorsWithACodeAndThePath() {
        TypedLayout typed = CobolDecoder.typedLayout(LAYOUT, DecodeOptions.defaults());
        FieldAccessException unknown = assertThrows(FieldAccessException.class, () -> typed.path("CODES[0].NOPE"));
        assertEquals(ErrorCode.UNKNOWN_FIELD_PATH, unknown.code());
        assertEquals("CODES[0].NOPE", unknown.path());
        assertTrue(unknown.getMessage().contains("WEIGHT"), unknown.getMessage()); // names what there is
        for (String bad : List.of("CODES[3].CODE", "CODES.CODE", "NAME[0]", "NAME.X", "", "CODES[x]", "FILLER")) {
            assertEquals(ErrorCode.UNKNOWN_FIELD_PATH,
                    assertThrows(FieldAccessException.class, () -> typed.path(bad)).code(), bad);
        }
        byte[] data = CobolDecoderTest.file(3, 1);
        FieldPath balance = typed.path("BALANCE");
        FieldPath name = typed.path("NAME");
        FieldPath other = CobolDecoder.typedLayout(Copybook.parse(CobolDecoderTest.CUSTOMER, "again.cpy")
                .firstRecord(), DecodeOptions.defaults()).path("BALANCE");
        List<RecordSnapshot> records = stream(data, DecodeOptions.defaults());
        RecordSnapshot r = records.get(0);
        FieldAccessException wrong = assertThrows(FieldAccessException.class, () -> r.getLong(balance));
        assertEquals(ErrorCode.WRONG_FIELD_TYPE, wrong.code());
        assertEquals("BALANCE", wrong.path());
        assertEquals(ErrorCode.WRONG_FIELD_TYPE, assertThrows(FieldAccessException.class,
                () -> r.getDecimal(name)).code());
        assertEquals(ErrorCode.WRONG_FIELD_TYPE, assertThrows(FieldAccessException.class,
                () -> r.getInt(typed.path("CODES"))).code());
        assertEquals(ErrorCode.UNKNOWN_FIELD_PATH, assertThrows(FieldAccessException.class,
                () -> r.getDecimal(other)).code()); // another layout object
    }

    /** A lenient policy nulls bad fields: null from object getters and isNull, NULL_VALUE from primitive ones. */
    @Test
    void lenientNullsAreNullsByPath() throws IOException {
        byte[] data = CobolDecoderTest.file(3_000, 5);
        for (int i = 0; i < 3_000; i += 7) {
            CP037.encode("ABCDEF", data, i * 60, 6); // CUST-ID: letters in a zoned field
            CP037.encode("XYZXYZX", data, i * 60 + 18, 7); // BALANCE too
        }
        DecodeOptions options = DecodeOptions.builder().errorPolicy(ErrorPolicy.lenient()).workers(2).build();
        PathChecker checker = new PathChecker(CobolDecoder.typedLayout(LAYOUT, options));
        FieldPath id = checker.typed.path("CUST-ID");
        FieldPath balance = checker.typed.path("BALANCE");
        AtomicLong nulls = new AtomicLong();
        CobolDecoder.decode(Channels.newChannel(in(data)), LAYOUT, options, record -> {
            checker.check(record, record.jsonString());
            if (record.sequence() % 7 == 0) {
                assertTrue(record.isNull(id) && record.isNull(balance));
                assertNull(record.getDecimal(balance));
                FieldAccessException e = assertThrows(FieldAccessException.class, () -> record.getInt(id));
                assertEquals(ErrorCode.NULL_VALUE, e.code());
                nulls.incrementAndGet();
            } else {
                assertEquals(record.sequence() % 1_000_000, record.getInt(id));
            }
        });
        assertEquals((3_000 + 6) / 7, nulls.get());
    }

    /** With segments, views() names the selected view and the other view is null (absent from the JSON line). */
    @Test
    void theSegmentsViewIsKnownByPath() throws IOException {
        RecordLayout layout = Copybook.parse(String.join("\n",
                "       01  EXPORT-REC.",
                "           05  REC-TYPE         PIC X(1).",
                "           05  CUSTOMER-DATA.",
                "               10  CUST-NAME    PIC X(6).",
                "               10  CUST-BALANCE PIC S9(5)V99 COMP-3.",
                "           05  ORDER-DATA REDEFINES CUSTOMER-DATA.",
                "               10  ORDER-QTY    PIC S9(5).",
                "               10  ORDER-AMOUNT PIC S9(7) COMP-3.",
                "           05  TRAILER          PIC X(2)."), "export.cpy").firstRecord();
        int n = 2_000;
        byte[] data = new byte[13 * n];
        for (int i = 0; i < n; i++) {
            int at = 13 * i;
            Arrays.fill(data, at, at + 13, CP037.space());
            if (i % 3 == 0) {
                CP037.encode("O", data, at, 1);
                ZonedDecimal.encodeUnscaled(i % 100_000, NumericFormat.of(5, 0, true), true, data, at + 1);
                PackedDecimal.encodeUnscaled(1000 + i, NumericFormat.of(7, 0, true), data, at + 6);
            } else {
                CP037.encode("C", data, at, 1);
                CP037.encode("C" + i, data, at + 1, 6);
                PackedDecimal.encodeUnscaled(-150L * i, NumericFormat.of(7, 2, true), data, at + 7);
            }
            CP037.encode("T" + (i % 10), data, at + 11, 2);
        }
        DecodeOptions options = DecodeOptions.builder().workers(2).segments(Segments.on("REC-TYPE")
                .map("C", "CUSTOMER-DATA").map("O", "ORDER-DATA")).build();
        PathChecker checker = new PathChecker(CobolDecoder.typedLayout(layout, options));
        FieldPath orders = checker.typed.path("ORDER-DATA");
        FieldPath qty = checker.typed.path("ORDER-DATA.ORDER-QTY");
        FieldPath customers = checker.typed.path("CUSTOMER-DATA");
        CobolDecoder.decode(Channels.newChannel(in(data)), layout, options, record -> {
            checker.check(record, record.jsonString());
            boolean order = record.sequence() % 3 == 0;
            assertEquals(List.of(order ? "ORDER-DATA" : "CUSTOMER-DATA"), record.views());
            assertEquals(!order, record.isNull(orders));
            assertEquals(order, record.isNull(customers));
            if (order) {
                assertEquals(record.sequence() % 100_000, record.getLong(qty));
            }
        });
        assertEquals(n, checker.records);
    }

    /** The publisher and the stream carry typed snapshots: the same values as their JSON, after the callback. */
    @Test
    void streamAndPublisherSnapshotsAreTyped() {
        byte[] data = CobolDecoderTest.file(3_000, 17);
        DecodeOptions options = DecodeOptions.builder().workers(2).capacity(4).build();
        PathChecker checker = new PathChecker(CobolDecoder.typedLayout(LAYOUT, options));
        List<RecordSnapshot> records = stream(data, options);
        assertEquals(3_000, records.size());
        for (RecordSnapshot r : records) {
            assertTrue(r.typed());
            checker.check(r, r.json());
            assertEquals(Json.object(r.json()).get("CUST-ID"), new BigDecimal(r.getValue(
                    checker.typed.path("CUST-ID")).toString()));
        }
        // FILLER values kept: typed too (the typed decode follows every decode option the JSON writer has)
        DecodeOptions keep = DecodeOptions.builder().fillers(dev.ringline.cobol.json.Fillers.KEEP).build();
        PathChecker kept = new PathChecker(CobolDecoder.typedLayout(LAYOUT, keep));
        List<RecordSnapshot> fillers = stream(data, keep);
        assertEquals(3_000, fillers.size());
        for (RecordSnapshot r : fillers) {
            assertTrue(r.typed());
            kept.check(r, r.json());
        }
    }

    /** A snapshot decodes its typed values on the first getter: threads racing on the same snapshots agree. */
    @Test
    void snapshotsReadFromManyThreadsAgreeWithTheirJson() throws Exception {
        byte[] data = CobolDecoderTest.file(2_000, 29);
        DecodeOptions options = DecodeOptions.builder().workers(2).build();
        TypedLayout typed = CobolDecoder.typedLayout(LAYOUT, options);
        FieldPath id = typed.path("CUST-ID");
        FieldPath balance = typed.path("BALANCE");
        FieldPath weight = typed.path("CODES[1].WEIGHT");
        List<RecordSnapshot> records = stream(data, options);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Long>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    long checked = 0;
                    for (RecordSnapshot r : records) {
                        Map<String, Object> json = Json.object(r.json());
                        assertEquals(((BigDecimal) json.get("CUST-ID")).longValueExact(), r.getLong(id));
                        assertEquals(json.get("BALANCE"), r.getDecimal(balance));
                        Map<?, ?> code = (Map<?, ?>) ((List<?>) json.get("CODES")).get(1);
                        assertEquals(((BigDecimal) code.get("WEIGHT")).intValueExact(), r.getInt(weight));
                        checked++;
                    }
                    return checked;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<Long> f : results) {
                assertEquals(2_000, f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** getLong and getInt allocate nothing: 100,000 calls (and the typed decode of 5,000 records) on the handler. */
    @Test
    void primitiveGettersAllocateNothing() throws IOException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] data = CobolDecoderTest.file(7_000, 23);
        DecodeOptions options = DecodeOptions.builder().workers(2).build();
        TypedLayout typed = CobolDecoder.typedLayout(LAYOUT, options);
        FieldPath[] ints = {typed.path("CUST-ID"), typed.path("VISITS"), typed.path("CODES[0].WEIGHT"),
                typed.path("CODES[2].WEIGHT"), typed.path("FLAG-NUM")};
        AtomicLong allocated = new AtomicLong();
        AtomicLong calls = new AtomicLong();
        AtomicLong sum = new AtomicLong();
        CobolDecoder.decode(Channels.newChannel(in(data)), LAYOUT, options, record -> {
            long s = 0;
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int k = 0; k < 20; k++) {
                FieldPath p = ints[k % ints.length];
                s += (k & 1) == 0 ? record.getInt(p) : record.getLong(p);
            }
            long after = threads.getCurrentThreadAllocatedBytes();
            if (record.sequence() >= 2_000) { // the first records warm up (and create the sink frames once)
                allocated.addAndGet(after - before);
                calls.addAndGet(20);
            }
            sum.addAndGet(s);
        });
        assertEquals(100_000, calls.get());
        assertTrue(sum.get() != 0);
        System.out.println("typed getters: " + allocated.get() + " bytes allocated over " + calls.get() + " calls");
        // one boxed long per call would be 1.6 MB; a few hundred bytes of noise show up in some runs
        assertTrue(allocated.get() < 8_192, "bytes allocated by 100,000 getter calls: " + allocated.get());
    }

    private static List<RecordSnapshot> stream(byte[] data, DecodeOptions options) {
        try (Stream<RecordSnapshot> records = CobolDecoder.stream(() -> Channels.newChannel(in(data)), LAYOUT,
                options, 64)) {
            return records.toList();
        }
    }

    /** Reads every column of a record by path and compares it with the record's JSON line. */
    static final class PathChecker {
        final TypedLayout typed;
        private final Map<String, FieldPath> paths = new HashMap<>();
        long records;
        long values;

        PathChecker(TypedLayout typed) {
            this.typed = typed;
        }

        void check(TypedRecord record, String json) {
            members(record, typed.columns(), "", Json.object(json));
            records++;
        }

        private FieldPath path(String p) {
            return paths.computeIfAbsent(p, typed::path);
        }

        @SuppressWarnings("unchecked")
        private void members(TypedRecord r, List<RowColumn> columns, String prefix, Map<String, Object> json) {
            for (RowColumn c : columns) {
                String p = prefix + c.name();
                Object j = json.get(c.name());
                FieldPath fp = path(p);
                if (j == null) {
                    assertTrue(r.isNull(fp), p + " is null in " + json);
                    assertNull(r.getValue(fp), p);
                    continue;
                }
                if (c.kind() == ValueKind.GROUP) {
                    members(r, c.children(), p + ".", (Map<String, Object>) j);
                } else if (c.kind() == ValueKind.ARRAY) {
                    List<Object> list = (List<Object>) j;
                    assertEquals(list.size(), r.arrayLength(fp), p);
                    for (int i = 0; i < list.size(); i++) {
                        String e = p + "[" + i + "]";
                        if (c.element().kind() == ValueKind.GROUP) {
                            members(r, c.element().children(), e + ".", (Map<String, Object>) list.get(i));
                        } else {
                            leaf(r, c.element(), path(e), list.get(i));
                        }
                    }
                } else {
                    leaf(r, c, fp, j);
                }
            }
        }

        private void leaf(TypedRecord r, RowColumn c, FieldPath p, Object j) {
            values++;
            if (j == null) {
                assertTrue(r.isNull(p), p.path());
                return;
            }
            switch (c.kind()) {
                case INT -> {
                    assertEquals(((BigDecimal) j).intValueExact(), r.getInt(p), p.path());
                    assertEquals(((BigDecimal) j).longValueExact(), r.getLong(p), p.path());
                }
                case LONG -> assertEquals(((BigDecimal) j).longValueExact(), r.getLong(p), p.path());
                case DECIMAL -> assertEquals(j, r.getDecimal(p), p.path()); // same digits, same scale
                case TEXT -> assertEquals(j, r.getString(p), p.path());
                case FLOAT, DOUBLE -> assertEquals(((BigDecimal) j).doubleValue(), r.getDouble(p), 1e-6, p.path());
                default -> throw new AssertionError(c.kind() + " at " + p.path());
            }
        }
    }
}
