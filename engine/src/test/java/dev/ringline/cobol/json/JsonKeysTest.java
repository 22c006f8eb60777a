package dev.ringline.cobol.json;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonKeysTest {
    private static void assertKey(String expectedUtf8, String name) {
        assertArrayEquals(expectedUtf8.getBytes(StandardCharsets.UTF_8), JsonKeys.encodeKey(name), name);
    }

    @Test
    void plainName() {
        assertKey("\"COMPANY_ID_NUM\":", "COMPANY_ID_NUM");
        assertKey("\"\":", "");
    }

    @Test
    void namesAreEscapedLikeValues() {
        assertKey("\"a\\\"b\\\\c\":", "a\"b\\c");
        assertKey("\"\\n\\t\\u0001\\u001F\":", "\n\t\u0001\u001F");
        assertKey("\"/\u007F\u0085é€\":", "/\u007F\u0085é€");
    }

    @Test
    void supplementaryCharsAreFourByteUtf8AndLoneSurrogatesAreReplaced() {
        assertArrayEquals(new byte[] {'"', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, '"', ':'},
                JsonKeys.encodeKey("\uD83D\uDE00"));
        assertKey("\"x\uFFFDy\":", "x\uD800y");
    }

    @Test
    void nullNameIsRefused() {
        assertThrows(NullPointerException.class, () -> JsonKeys.encodeKey(null));
    }
}
