package dev.ringline.cobol.encode;

/**
 * Reads one JSON text (RFC 8259, UTF-8) from a byte range, token by token, for {@link RecordEncoder}: the encoder
 * walks its compiled layout and asks for the value it expects, so no tree is built. Strings go to a reused
 * {@link StringBuilder}, numbers to a reused {@link JsonNumber}: nothing is allocated per line unless a syntax
 * error is reported. Reused: {@link #reset} starts a new line.
 */
final class JsonCursor {
    private byte[] buf;
    private int start;
    private int pos;
    private int end;
    /** Key bytes after unescaping, when a key has escapes (rare). */
    private byte[] keyScratch = new byte[64];
    private int keyScratchLength;
    private boolean keyEscaped;
    private int keyStart;
    private int keyEnd;

    void reset(byte[] buf, int off, int len) {
        this.buf = buf;
        this.start = off;
        this.pos = off;
        this.end = off + len;
    }

    /** Column of the cursor in the line, 1-based, for messages. */
    int column() {
        return pos - start + 1;
    }

    /** The next non-blank byte without consuming it, or -1 at the end. */
    int peek() {
        while (pos < end) {
            byte b = buf[pos];
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
                pos++;
            } else {
                return b & 0xFF;
            }
        }
        return -1;
    }

    /** Consumes {@code c} (after blanks) or fails. */
    void expect(char c) {
        if (peek() != c) {
            throw syntax("expected '" + c + "' but found " + found());
        }
        pos++;
    }

    /** Consumes {@code c} (after blanks) if it is next. */
    boolean consume(char c) {
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** Fails unless only blanks are left. */
    void expectEnd() {
        if (peek() != -1) {
            throw syntax("unexpected " + found() + " after the object");
        }
    }

    /** Consumes {@code null} if it is next. */
    boolean consumeNull() {
        if (peek() == 'n') {
            literal("null");
            return true;
        }
        return false;
    }

    /**
     * Reads an object key and its colon; afterwards {@link #keyEquals} compares it with a field name's UTF-8 bytes
     * without allocating.
     */
    void readKey() {
        if (peek() != '"') {
            throw syntax("expected a key (a string) but found " + found());
        }
        pos++;
        keyStart = pos;
        keyEscaped = false;
        while (true) {
            if (pos >= end) {
                throw syntax("unterminated key");
            }
            int b = buf[pos] & 0xFF;
            if (b == '"') {
                break;
            }
            if (b == '\\') {
                keyEscaped = true;
                pos += 2;
                continue;
            }
            if (b < 0x20) {
                throw syntax("control character in a key");
            }
            pos++;
        }
        keyEnd = pos;
        pos++;
        if (keyEscaped) {
            unescapeKey();
        }
        expect(':');
    }

    private void unescapeKey() {
        StringBuilder chars = new StringBuilder(keyEnd - keyStart);
        int save = pos;
        pos = keyStart;
        readStringBody(chars);
        pos = save;
        byte[] utf8 = chars.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        keyScratch = utf8;
        keyScratchLength = utf8.length;
    }

    /** Whether the last key read is exactly {@code utf8}. */
    boolean keyEquals(byte[] utf8) {
        if (keyEscaped) {
            return java.util.Arrays.equals(keyScratch, 0, keyScratchLength, utf8, 0, utf8.length);
        }
        return java.util.Arrays.equals(buf, keyStart, keyEnd, utf8, 0, utf8.length);
    }

    /** The last key read, for messages. Allocates. */
    String key() {
        if (keyEscaped) {
            return new String(keyScratch, 0, keyScratchLength, java.nio.charset.StandardCharsets.UTF_8);
        }
        return new String(buf, keyStart, keyEnd - keyStart, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Reads a string value into {@code out} (cleared first). */
    void readString(StringBuilder out) {
        if (peek() != '"') {
            throw syntax("expected a string but found " + found());
        }
        pos++;
        out.setLength(0);
        readStringBody(out);
    }

    /** Reads chars up to and including the closing quote. */
    private void readStringBody(StringBuilder out) {
        while (true) {
            if (pos >= end) {
                throw syntax("unterminated string");
            }
            int b = buf[pos++] & 0xFF;
            if (b == '"') {
                return;
            }
            if (b == '\\') {
                escape(out);
            } else if (b < 0x20) {
                throw syntax("control character 0x" + Integer.toHexString(b) + " in a string (must be escaped)");
            } else if (b < 0x80) {
                out.append((char) b);
            } else {
                utf8(b, out);
            }
        }
    }

    private void escape(StringBuilder out) {
        if (pos >= end) {
            throw syntax("unterminated string");
        }
        int e = buf[pos++];
        switch (e) {
            case '"': out.append('"'); break;
            case '\\': out.append('\\'); break;
            case '/': out.append('/'); break;
            case 'b': out.append('\b'); break;
            case 'f': out.append('\f'); break;
            case 'n': out.append('\n'); break;
            case 'r': out.append('\r'); break;
            case 't': out.append('\t'); break;
            case 'u': out.append((char) hex4()); break;
            default: throw syntax("bad escape \\" + (char) e);
        }
    }

    private int hex4() {
        if (pos + 4 > end) {
            throw syntax("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(buf[pos++], 16);
            if (d < 0) {
                throw syntax("bad \\u escape");
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** Decodes one multi-byte UTF-8 sequence whose lead byte {@code b} was consumed. */
    private void utf8(int b, StringBuilder out) {
        int extra;
        int cp;
        if ((b & 0xE0) == 0xC0) {
            extra = 1;
            cp = b & 0x1F;
        } else if ((b & 0xF0) == 0xE0) {
            extra = 2;
            cp = b & 0x0F;
        } else if ((b & 0xF8) == 0xF0) {
            extra = 3;
            cp = b & 0x07;
        } else {
            throw syntax("invalid UTF-8 byte 0x" + Integer.toHexString(b));
        }
        if (pos + extra > end) {
            throw syntax("truncated UTF-8 sequence");
        }
        for (int i = 0; i < extra; i++) {
            int c = buf[pos++] & 0xFF;
            if ((c & 0xC0) != 0x80) {
                throw syntax("invalid UTF-8 continuation byte 0x" + Integer.toHexString(c));
            }
            cp = cp << 6 | (c & 0x3F);
        }
        int min = extra == 1 ? 0x80 : extra == 2 ? 0x800 : 0x10000;
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw syntax("invalid UTF-8 sequence");
        }
        out.appendCodePoint(cp);
    }

    /** Reads a number token into {@code out}. */
    void readNumber(JsonNumber out) {
        peek();
        int next = out.parse(buf, pos, end);
        if (next < 0) {
            throw syntax("bad number " + found());
        }
        pos = next;
    }

    /** Skips one value of any kind. */
    void skipValue() {
        int c = peek();
        switch (c) {
            case '{':
                pos++;
                if (consume('}')) {
                    return;
                }
                do {
                    readKey();
                    skipValue();
                } while (consume(','));
                expect('}');
                return;
            case '[':
                pos++;
                if (consume(']')) {
                    return;
                }
                do {
                    skipValue();
                } while (consume(','));
                expect(']');
                return;
            case '"':
                pos++;
                skipStringBody();
                return;
            case 't':
                literal("true");
                return;
            case 'f':
                literal("false");
                return;
            case 'n':
                literal("null");
                return;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    skipNumber();
                    return;
                }
                throw syntax("expected a value but found " + found());
        }
    }

    private void skipStringBody() {
        while (true) {
            if (pos >= end) {
                throw syntax("unterminated string");
            }
            int b = buf[pos++] & 0xFF;
            if (b == '"') {
                return;
            }
            if (b == '\\') {
                pos++;
            } else if (b < 0x20) {
                throw syntax("control character in a string");
            }
        }
    }

    private final JsonNumber skipped = new JsonNumber();

    private void skipNumber() {
        readNumber(skipped);
    }

    private void literal(String word) {
        int n = word.length();
        if (pos + n > end) {
            throw syntax("expected " + word + " but found " + found());
        }
        for (int i = 0; i < n; i++) {
            if (buf[pos + i] != word.charAt(i)) {
                throw syntax("expected " + word + " but found " + found());
            }
        }
        pos += n;
    }

    /** What kind of value is next: a name for messages. */
    String kindAhead() {
        int c = peek();
        switch (c) {
            case '{': return "an object";
            case '[': return "an array";
            case '"': return "a string";
            case 't':
            case 'f': return "a boolean";
            case 'n': return "null";
            case -1: return "the end of the line";
            default: return c == '-' || (c >= '0' && c <= '9') ? "a number" : "'" + (char) c + "'";
        }
    }

    private String found() {
        if (pos >= end) {
            return "the end of the line";
        }
        int n = Math.min(12, end - pos);
        return "'" + new String(buf, pos, n, java.nio.charset.StandardCharsets.UTF_8) + (n < end - pos ? "..." : "")
                + "'";
    }

    /** A syntax error at the cursor. */
    JsonSyntaxException syntax(String message) {
        return new JsonSyntaxException(message + " at column " + column());
    }

    /** Malformed JSON; the encoder turns it into a {@code BAD_JSON} reject. */
    static final class JsonSyntaxException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JsonSyntaxException(String message) {
            super(message, null, false, false);
        }
    }
}
