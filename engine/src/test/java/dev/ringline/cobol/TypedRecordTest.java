package dev.ringline.cobol;

import dev.ringline.cobol.row.RowColumn;
import dev.ringline.cobol.row.RowSink;
import dev.ringline.cobol.row.ValueKind;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The typed view of the record callback: the same values as the JSON line, by the typed decode of issue 13. */
class TypedRecordTest {
    private static final int RECORDS = 5_000;

    @Test
    void typedValuesAreTheJsonValues() throws IOException {
        byte[] data = CobolDecoderTest.file(RECORDS, 5);
        AtomicLong checked = new AtomicLong();
        AtomicLong balanceCents = new AtomicLong();
        AtomicLong balanceCentsFromSink = new AtomicLong();
        CobolDecoder.decode(Channels.newChannel(new ByteArrayInputStream(data)), CobolDecoderTest.layout(),
                DecodeOptions.builder().workers(2).build(), record -> {
                    Map<String, Object> values = record.values();
                    assertEquals(record.jsonString(), json(values));
                    BigDecimal balance = (BigDecimal) values.get("BALANCE");
                    assertEquals(2, balance.scale());
                    balanceCents.addAndGet(balance.unscaledValue().longValueExact());
                    assertTrue(values.get("CUST-ID") instanceof Integer);
                    assertTrue(((List<?>) values.get("CODES")).size() == 3);
                    record.read(new BalanceSink(record.columns(), balanceCentsFromSink));
                    checked.incrementAndGet();
                });
        assertEquals(RECORDS, checked.get());
        assertEquals(balanceCents.get(), balanceCentsFromSink.get());
    }

    @Test
    void fillerValuesKeptAreTypedColumnsToo() throws IOException {
        byte[] data = CobolDecoderTest.file(10, 5);
        AtomicLong checked = new AtomicLong();
        CobolDecoder.decode(Channels.newChannel(new ByteArrayInputStream(data)), CobolDecoderTest.layout(),
                DecodeOptions.builder().fillers(dev.ringline.cobol.json.Fillers.KEEP).build(), record -> {
                    Map<String, Object> values = record.values();
                    assertTrue(values.containsKey("FILLER"), values.toString());
                    assertEquals(record.jsonString(), json(values));
                    checked.incrementAndGet();
                });
        assertEquals(10, checked.get());
    }

    /** A zero-allocation consumer: adds BALANCE's unscaled value, ignores the rest. */
    private static final class BalanceSink implements RowSink {
        private final int balance;
        private final AtomicLong sum;

        BalanceSink(List<RowColumn> columns, AtomicLong sum) {
            int at = -1;
            for (RowColumn c : columns) {
                if (c.name().equals("BALANCE")) {
                    assertEquals(ValueKind.DECIMAL, c.kind());
                    at = c.ordinal();
                }
            }
            this.balance = at;
            this.sum = sum;
        }

        @Override
        public void setDecimal(int ordinal, long unscaled, int precision, int scale) {
            if (ordinal == balance) {
                sum.addAndGet(unscaled);
            }
        }

        @Override
        public void setNull(int ordinal) {
        }

        @Override
        public void setInt(int ordinal, int value) {
        }

        @Override
        public void setLong(int ordinal, long value) {
        }

        @Override
        public void setBigDecimal(int ordinal, BigDecimal value, int precision) {
        }

        @Override
        public void setFloat(int ordinal, float value) {
        }

        @Override
        public void setDouble(int ordinal, double value) {
        }

        @Override
        public void setText(int ordinal, byte[] utf8, int off, int len) {
        }

        @Override
        public RowSink startGroup(int ordinal, RowColumn group) {
            return new BalanceSink(List.of(), sum); // nested: BALANCE is top-level only
        }

        @Override
        public void endGroup(int ordinal, RowColumn group, RowSink members) {
        }

        @Override
        public RowSink startArray(int ordinal, RowColumn array, int length) {
            return new BalanceSink(List.of(), sum);
        }

        @Override
        public void endArray(int ordinal, RowColumn array, RowSink elements) {
        }
    }

    /** The values as the JSON writer would write them (this test's data has no characters to escape). */
    private static String json(Object v) {
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(sb.length() > 1 ? "," : "").append('"').append(e.getKey()).append("\":")
                        .append(json(e.getValue()));
            }
            return sb.append('}').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : l) {
                sb.append(sb.length() > 1 ? "," : "").append(json(o));
            }
            return sb.append(']').toString();
        }
        if (v instanceof String s) {
            return '"' + s + '"';
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(v);
    }
}
