package dev.ringline.cobol.framing;

import dev.ringline.cobol.error.DecodeError;
import dev.ringline.cobol.error.ErrorCode;
import dev.ringline.cobol.error.FramingException;
import dev.ringline.cobol.error.RecordDecodeException;
import dev.ringline.memory.ByteVector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DecodeErrorTest {

    @Test
    void describeWithField() {
        DecodeError e = new DecodeError(12, 5400, "CUSTOMER.BALANCE", ErrorCode.BAD_PACKED_SIGN,
                "bad packed sign nibble 0x3");
        assertEquals("record 12 at byte 5400, field CUSTOMER.BALANCE: BAD_PACKED_SIGN: bad packed sign nibble 0x3",
                e.describe());
    }

    @Test
    void describeWithoutField() {
        DecodeError e = new DecodeError(0, 0, null, ErrorCode.BAD_RDW, "zero length");
        assertEquals("record 0 at byte 0: BAD_RDW: zero length", e.describe());
    }

    @Test
    void codeAndMessageAreRequired() {
        assertThrows(NullPointerException.class, () -> new DecodeError(0, 0, null, null, "m"));
        assertThrows(NullPointerException.class, () -> new DecodeError(0, 0, null, ErrorCode.BAD_ZONE, null));
    }

    @Test
    void fromAFramingFailure() {
        byte[] data = {0x00, 0x05, 0, 0, 9, 0x00, 0x00, 0, 0};
        RecordReader reader = new RecordReader(RecordStreams.chunked(data, 100), FramingOptions.rdw());
        ByteVector record = new ByteVector(8);
        reader.next(record);
        FramingException failure = assertThrows(FramingException.class, () -> reader.next(record));
        DecodeError error = DecodeError.of(failure);
        assertEquals(1, error.recordSequence());
        assertEquals(5, error.byteOffset());
        assertNull(error.fieldPath());
        assertEquals(ErrorCode.BAD_RDW, error.code());
        assertEquals(failure.getMessage(), error.describe(), "one wording for the exception and the report");
        assertEquals("record 1 at byte 5: BAD_RDW: " + failure.detail(), failure.getMessage());
    }

    @Test
    void recordDecodeExceptionCarriesTheError() {
        DecodeError e = new DecodeError(3, 90, "A.B", ErrorCode.BAD_ZONE, "byte 0xC1 is not a digit");
        RecordDecodeException ex = new RecordDecodeException(e);
        assertSame(e, ex.error());
        assertEquals(ErrorCode.BAD_ZONE, ex.code());
        assertEquals(e.describe(), ex.getMessage());
        IllegalStateException cause = new IllegalStateException("x");
        assertSame(cause, new RecordDecodeException(e, cause).getCause());
    }
}
