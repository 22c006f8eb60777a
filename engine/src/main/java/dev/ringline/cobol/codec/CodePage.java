package dev.ringline.cobol.codec;

import dev.ringline.cobol.error.ErrorCode;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A single-byte code page: a 256-entry byte-to-char table and its reverse. Immutable and thread-safe; the
 * per-byte lookups ({@link #toChar(int)}, {@link #toByte(char)}) are array reads and allocate nothing.
 *
 * <p>Built-in pages ({@link #names()}): every single-byte EBCDIC charset the JDK ships, named {@code cpNNN}
 * ({@code cp037} = {@code IBM037}, {@code cp1140} = {@code IBM01140}, {@code cp838} = {@code IBM-Thai} ...), each
 * table built once from the JDK charset (bytes the charset does not define become U+FFFD); {@code ascii}, which maps
 * each byte to the char of the same value (ISO-8859-1); and {@code utf8}, the ASCII side with text fields holding
 * UTF-8 (see {@link #isUtf8()}). The mixed single/double-byte EBCDIC charsets (cp930, cp939 ...) are built-in
 * pages too: their single-byte half is the table, their double-byte half decodes PIC G fields. {@link #of(String)} also accepts a JDK charset name ({@code IBM01141},
 * {@code x-IBM1025}, {@code windows-1252}) of a single-byte charset. Other tables (e.g. a variant that maps
 * control bytes to spaces) can be built with {@link #custom(String, char[], boolean)}.
 */
public final class CodePage {
    /** The built-in pages, built on first use. */
    private static final class BuiltIn {
        static final Map<String, CodePage> PAGES = load();

        private static Map<String, CodePage> load() {
            java.util.TreeMap<Integer, CodePage> ebcdic = new java.util.TreeMap<>();
            for (Charset charset : Charset.availableCharsets().values()) {
                int number = ibmNumber(charset);
                if (number < 0 || ebcdic.containsKey(number)) {
                    continue;
                }
                char[] table = table(charset);
                Charset doubleByte = null;
                if (table == null && isMixedEbcdic(charset)) {
                    table = singleBytesOf(charset);
                    doubleByte = charset;
                }
                if (table != null && table[0x40] == ' ' && table[0xF0] == '0' && table[0xC1] == 'A') {
                    String name = number < 100 ? String.format(Locale.ROOT, "cp%03d", number) : "cp" + number;
                    ebcdic.put(number, new CodePage(name, table, true, false, doubleByte));
                }
            }
            Map<String, CodePage> pages = new LinkedHashMap<>();
            for (CodePage page : ebcdic.values()) {
                pages.put(page.name, page);
            }
            char[] latin1 = new char[256];
            for (int i = 0; i < 256; i++) {
                latin1[i] = (char) i;
            }
            pages.put("ascii", new CodePage("ascii", latin1, false, false, null));
            pages.put("utf8", new CodePage("utf8", latin1, false, true, null));
            return pages;
        }
    }

    /** The IBM code page number of a charset named {@code cpNNN} by one of its aliases, or -1. */
    private static int ibmNumber(Charset charset) {
        List<String> names = new ArrayList<>(charset.aliases());
        names.add(charset.name());
        for (String n : names) {
            String lower = n.toLowerCase(Locale.ROOT);
            if (lower.matches("cp0*[0-9]{2,5}")) {
                return Integer.parseInt(lower.substring(2));
            }
        }
        return -1;
    }

    /** A mixed single/double-byte EBCDIC charset: double-byte text goes between shift-out 0x0E and shift-in 0x0F. */
    private static boolean isMixedEbcdic(Charset charset) {
        try {
            if (!charset.canEncode()) {
                return false;
            }
            byte[] b = "\u65e5".getBytes(charset);
            return b.length == 4 && b[0] == SHIFT_OUT && b[3] == SHIFT_IN;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The single-byte half of a mixed charset: each byte decoded alone (the shift codes become U+FFFD). */
    private static char[] singleBytesOf(Charset charset) {
        char[] table = new char[256];
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        for (int b = 0; b < 256; b++) {
            String one;
            try {
                one = decoder.reset().decode(ByteBuffer.wrap(new byte[] {(byte) b})).toString();
            } catch (CharacterCodingException e) {
                one = "";
            }
            table[b] = one.length() == 1 && !Character.isSurrogate(one.charAt(0)) ? one.charAt(0) : '\uFFFD';
        }
        return table;
    }

    /** The 256 chars of a single-byte charset, or null if it is not single-byte. */
    private static char[] table(Charset charset) {
        if (!charset.canEncode() || charset.newEncoder().maxBytesPerChar() != 1f) {
            return null;
        }
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            String text = decoder.decode(ByteBuffer.wrap(all)).toString();
            if (text.length() != 256) {
                return null;
            }
            char[] table = text.toCharArray();
            for (char c : table) {
                if (Character.isSurrogate(c)) {
                    return null;
                }
            }
            return table;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private final String name;
    private final boolean ebcdic;
    private final char[] toChar;
    /** Byte for each char below 256, or -1. */
    private final short[] lowToByte = new short[256];
    /** Chars of 256 and above that have a byte, sorted, with their bytes in {@link #highBytes}. */
    private final char[] highChars;
    private final byte[] highBytes;
    private final byte space;
    private final byte digitZero;

    private static final byte SHIFT_OUT = 0x0E;
    private static final byte SHIFT_IN = 0x0F;

    private final boolean utf8;
    /** The mixed charset whose double-byte half decodes PIC G / DISPLAY-1 fields, or null. */
    private final Charset doubleByte;

    private CodePage(String name, char[] table, boolean ebcdic, boolean utf8, Charset doubleByte) {
        this.utf8 = utf8;
        this.doubleByte = doubleByte;
        if (table.length != 256) {
            throw new IllegalArgumentException("a code page table has 256 entries, not " + table.length);
        }
        this.name = name;
        this.ebcdic = ebcdic;
        this.toChar = table;
        Arrays.fill(lowToByte, (short) -1);
        // Where several bytes map to one char, the reverse picks the first in the graphic range (EBCDIC 0x40..,
        // ASCII 0x20..), scanning round to the control bytes last, so a space encodes as 0x40 / 0x20.
        int start = ebcdic ? 0x40 : 0x20;
        Map<Character, Byte> high = new java.util.TreeMap<>();
        for (int k = 0; k < 256; k++) {
            int b = (start + k) & 0xFF;
            char c = table[b];
            if (c < 256) {
                if (lowToByte[c] < 0) {
                    lowToByte[c] = (short) b;
                }
            } else {
                high.putIfAbsent(c, (byte) b);
            }
        }
        highChars = new char[high.size()];
        highBytes = new byte[high.size()];
        int i = 0;
        for (Map.Entry<Character, Byte> e : high.entrySet()) {
            highChars[i] = e.getKey();
            highBytes[i++] = e.getValue();
        }
        int sp = toByte(' ');
        int zero = toByte('0');
        if (sp < 0 || zero < 0) {
            throw new IllegalArgumentException("code page " + name + " must encode ' ' and '0'");
        }
        space = (byte) sp;
        digitZero = (byte) zero;
    }

    /**
     * The built-in code page of that name (case ignored; see {@link #names()}), or the single-byte JDK charset of
     * that name (its own name, e.g. {@code IBM01141}, {@code x-IBM1025}), EBCDIC when its byte 0xF0 is '0'.
     *
     * @throws IllegalArgumentException for any other name (the message lists the built-in ones)
     */
    public static CodePage of(String name) {
        Objects.requireNonNull(name, "name");
        CodePage page = BuiltIn.PAGES.get(name.toLowerCase(Locale.ROOT));
        if (page != null) {
            return page;
        }
        Charset charset = null;
        try {
            if (Charset.isSupported(name)) {
                charset = Charset.forName(name);
            }
        } catch (IllegalArgumentException e) {
            charset = null; // an illegal charset name: reported below like an unknown one
        }
        if (charset != null) {
            int number = ibmNumber(charset);
            String builtIn = number < 0 ? null : number < 100 ? String.format(Locale.ROOT, "cp%03d", number)
                    : "cp" + number;
            if (builtIn != null && BuiltIn.PAGES.containsKey(builtIn)) {
                return BuiltIn.PAGES.get(builtIn);
            }
            char[] table = table(charset);
            if (table == null) {
                throw new IllegalArgumentException("charset " + charset.name() + " is not a single-byte code page"
                        + " (the JDK may ship its double-byte form for PIC G / DISPLAY-1 fields only)");
            }
            boolean ebcdic = table[0xF0] == '0';
            if (!ebcdic && table[0x30] != '0') {
                throw new IllegalArgumentException("charset " + charset.name() + " has digits neither at 0xF0 "
                        + "(EBCDIC) nor at 0x30 (ASCII)");
            }
            return new CodePage(charset.name(), table, ebcdic, false, null);
        }
        throw new IllegalArgumentException("unknown code page '" + name + "'; valid: " + String.join(", ", names())
                + ", or a single-byte JDK charset name");
    }

    /** Names accepted by {@link #of(String)} for the built-in pages: cpNNN by number, then ascii and utf8. */
    public static List<String> names() {
        return List.copyOf(BuiltIn.PAGES.keySet());
    }

    /**
     * A code page from a caller's table (copied). Every entry must be set; ' ' and '0' must be encodable.
     *
     * @param ebcdic whether numeric DISPLAY fields in this code page use EBCDIC zones (0xF0..0xF9 digits)
     */
    public static CodePage custom(String name, char[] table256, boolean ebcdic) {
        return new CodePage(Objects.requireNonNull(name, "name"), table256.clone(), ebcdic, false, null);
    }

    /** The name given to {@link #of} or {@link #custom}. */
    public String name() {
        return name;
    }

    /** True for EBCDIC code pages (zoned digits are 0xF0-0xF9, not ASCII). */
    public boolean isEbcdic() {
        return ebcdic;
    }

    /**
     * True for {@code utf8}: text fields hold UTF-8 (written to JSON as is; an invalid or cut sequence becomes
     * U+FFFD); numbers and the per-byte table are those of {@code ascii}.
     */
    public boolean isUtf8() {
        return utf8;
    }

    /**
     * True for the mixed EBCDIC pages of the JDK (cp930, cp933, cp935, cp937, cp939, cp1364): their double-byte
     * half decodes {@code PIC G} / {@code USAGE DISPLAY-1} fields. The single-byte table is the rest of the page.
     */
    public boolean hasDoubleByte() {
        return doubleByte != null;
    }

    /**
     * A new decoder (one per thread) of double-byte text: give it {@code 0x0E}, the field's bytes, {@code 0x0F};
     * bad pairs become U+FFFD.
     *
     * @throws IllegalStateException if {@link #hasDoubleByte()} is false
     */
    public CharsetDecoder newDoubleByteDecoder() {
        if (doubleByte == null) {
            throw new IllegalStateException("code page " + name + " has no double-byte charset");
        }
        return doubleByte.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    /** The char of byte {@code unsignedByte} (0..255). */
    public char toChar(int unsignedByte) {
        return toChar[unsignedByte & 0xFF];
    }

    /** The byte (0..255) that shows {@code c}, or -1 if this code page cannot encode it. */
    public int toByte(char c) {
        if (c < 256) {
            return lowToByte[c];
        }
        int i = Arrays.binarySearch(highChars, c);
        return i >= 0 ? highBytes[i] & 0xFF : -1;
    }

    /** A copy of the 256-entry byte-to-char table. */
    public char[] toCharTable() {
        return toChar.clone();
    }

    /** The byte of ' '. */
    public byte space() {
        return space;
    }

    /** The byte of '0'. */
    public byte digitZero() {
        return digitZero;
    }

    /** Appends the chars of {@code len} bytes to {@code out}. Allocation-free once {@code out} has grown. */
    public void decode(byte[] src, int off, int len, StringBuilder out) {
        for (int i = 0; i < len; i++) {
            out.append(toChar[src[off + i] & 0xFF]);
        }
    }

    /**
     * Writes {@code text} into {@code dst[off..off+len)}, padded on the right with spaces.
     *
     * @throws FieldDecodeException UNENCODABLE_CHARACTER if a char has no byte, VALUE_OUT_OF_RANGE if the text is
     *                              longer than {@code len}
     */
    public void encode(CharSequence text, byte[] dst, int off, int len) {
        int n = text.length();
        if (n > len) {
            throw new FieldDecodeException(ErrorCode.VALUE_OUT_OF_RANGE,
                    "text of " + n + " chars does not fit a field of " + len + " bytes");
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int b = toByte(c);
            if (b < 0) {
                throw new FieldDecodeException(ErrorCode.UNENCODABLE_CHARACTER, "char U+"
                        + String.format("%04X", (int) c) + " at index " + i + " has no byte in code page " + name, i);
            }
            dst[off + i] = (byte) b;
        }
        Arrays.fill(dst, off + n, off + len, space);
    }

    @Override
    public String toString() {
        return name;
    }
}
