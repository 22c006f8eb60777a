package dev.ringline.cobol.tck;

import dev.ringline.cobol.CobolDecoder;
import dev.ringline.cobol.DecodeOptions;
import dev.ringline.cobol.RecordSnapshot;
import dev.ringline.cobol.codec.CodePage;
import dev.ringline.cobol.copybook.Copybook;
import dev.ringline.cobol.copybook.RecordLayout;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.concurrent.Flow;

/**
 * The Reactive Streams TCK (TestNG) against {@link dev.ringline.cobol.RecordPublisher}: a publisher of {@code n}
 * elements decodes an input of {@code n} eight-byte records (any {@code n}: they are generated as they are read). Run by {@link RecordPublisherTckTest} on the JUnit
 * Platform, which also checks what the TCK skipped.
 */
public class RecordPublisherVerification extends FlowPublisherVerification<RecordSnapshot> {
    private static final CodePage CP037 = CodePage.of("cp037");
    private static final RecordLayout LAYOUT = Copybook.parse(String.join("\n",
            "       01  R.",
            "           05  N  PIC 9(8)."), "tck.cpy").firstRecord();
    private static final DecodeOptions OPTIONS = DecodeOptions.builder().workers(2).capacity(4).build();

    /** Signals within 2 s (the decode starts threads); 50 ms of silence counts as "no signal". */
    public RecordPublisherVerification() {
        super(new TestEnvironment(2_000, 50), 2_000);
    }

    /** Records are generated as the decode reads them, so a publisher of up to Long.MAX_VALUE - 1 costs nothing. */
    @Override
    public Flow.Publisher<RecordSnapshot> createFlowPublisher(long elements) {
        return CobolDecoder.publisher(() -> new Generated(elements), LAYOUT, OPTIONS);
    }

    /** {@code records} eight-digit records numbered from 0 (modulo 10^8), made as they are read. */
    private static final class Generated implements ReadableByteChannel {
        private final long records;
        private final byte[] record = new byte[8];
        private long next;
        private int at = 8;
        private boolean open = true;

        Generated(long records) {
            this.records = records;
        }

        @Override
        public int read(ByteBuffer dst) {
            int n = 0;
            while (dst.hasRemaining()) {
                if (at == 8) {
                    if (next == records) {
                        return n == 0 ? -1 : n;
                    }
                    CP037.encode(String.format("%08d", next++ % 100_000_000), record, 0, 8);
                    at = 0;
                }
                int k = Math.min(dst.remaining(), 8 - at);
                dst.put(record, at, k);
                at += k;
                n += k;
            }
            return n;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }

    /** A source that cannot be opened: the subscriber gets onSubscribe, then onError. */
    @Override
    public Flow.Publisher<RecordSnapshot> createFailedFlowPublisher() {
        return CobolDecoder.publisher(() -> {
            throw new IOException("the input cannot be opened");
        }, LAYOUT, OPTIONS);
    }
}
