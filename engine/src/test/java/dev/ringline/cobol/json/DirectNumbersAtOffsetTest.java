package dev.ringline.cobol.json;

import dev.ringline.buffer.ByteVector;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A field inside a larger buffer (read with 8-byte loads that also cover the bytes before it) gives what the same
 * field alone at offset 0 gives (read byte by byte), which {@link DirectNumbersTest} checks against the codecs;
 * the bytes around the field never matter.
 */
class DirectNumbersAtOffsetTest {
    private static final int CASES = 100_000;

    @Test
    void theBytesAroundAFieldDoNotMatter() {
        SplittableRandom random = new SplittableRandom(15);
        for (int c = 0; c < CASES; c++) {
            int kind = random.nextInt(3);
            int len = kind == 0 ? 1 + random.nextInt(9) : kind == 1 ? 1 + random.nextInt(16) : 1 + random.nextInt(8);
            byte[] field = new byte[len];
            for (int i = 0; i < len; i++) {
                int r = random.nextInt(4);
                field[i] = (byte) (r == 0 ? random.nextInt(10) << 4 | random.nextInt(10)
                        : r == 1 ? 0xF0 | random.nextInt(10) : r == 2 ? 0 : random.nextInt(256));
            }
            if (kind == 0 && random.nextBoolean()) {
                field[len - 1] = (byte) (field[len - 1] & 0xF0 | 0x0C | random.nextInt(2)); // C or D
            }
            int pad = random.nextInt(20);
            byte[] buffer = new byte[pad + len + random.nextInt(20)];
            for (int i = 0; i < buffer.length; i++) {
                buffer[i] = (byte) random.nextInt(256);
            }
            System.arraycopy(field, 0, buffer, pad, len);
            int digits = kind == 0 ? 2 * len - 1 : len;
            int scale = random.nextInt(digits + 1);
            boolean signed = random.nextBoolean();
            boolean quoted = random.nextBoolean();
            boolean bigEndian = random.nextBoolean();
            int k = kind;
            String alone = write(k, field, 0, len, kind == 2 ? 0 : scale, signed, quoted, bigEndian);
            String inside = write(k, buffer, pad, len, kind == 2 ? 0 : scale, signed, quoted, bigEndian);
            assertEquals(alone, inside, () -> "kind " + k + " " + Arrays.toString(field) + " scale " + scale);
        }
    }

    private static String write(int kind, byte[] src, int at, int len, int scale, boolean signed, boolean quoted,
                                boolean bigEndian) {
        ByteVector out = new ByteVector(2);
        out.append('x');
        boolean done = true;
        if (kind == 0) {
            done = DirectNumbers.appendPacked(src, at, len, scale, signed, quoted, out);
        } else if (kind == 1) {
            done = DirectNumbers.appendZoned(src, at, len, scale, signed, quoted, out);
        } else {
            DirectNumbers.appendBinary(src, at, len, signed || len == 8, bigEndian, quoted, out);
        }
        return done ? new String(out.array(), 0, out.length(), StandardCharsets.US_ASCII) : "declined";
    }
}
