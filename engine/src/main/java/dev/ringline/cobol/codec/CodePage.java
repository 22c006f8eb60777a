package dev.ringline.cobol.codec;

import dev.ringline.cobol.error.ErrorCode;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A single-byte code page: a 256-entry byte-to-char table and its reverse. Immutable and thread-safe; the
 * per-byte lookups ({@link #toChar(int)}, {@link #toByte(char)}) are array reads and allocate nothing.
 *
 * <p>The EBCDIC tables are those of the JDK charsets of the same number ({@code cp037} = {@code IBM037},
 * {@code cp1140} = {@code IBM01140} ...), hard-coded. {@code ascii} maps each byte to the char of the same value
 * (ISO-8859-1). Other tables (e.g. a variant that maps control bytes to spaces) can be built with
 * {@link #custom(String, char[], boolean)}.
 */
public final class CodePage {
    private static final Map<String, CodePage> BUILT_IN = new LinkedHashMap<>();

    static {
        register(new CodePage("cp037", EbcdicTables.CP037.toCharArray(), true));
        register(new CodePage("cp273", EbcdicTables.CP273.toCharArray(), true));
        register(new CodePage("cp500", EbcdicTables.CP500.toCharArray(), true));
        register(new CodePage("cp1047", EbcdicTables.CP1047.toCharArray(), true));
        register(new CodePage("cp1140", EbcdicTables.CP1140.toCharArray(), true));
        register(new CodePage("cp1141", EbcdicTables.CP1141.toCharArray(), true));
        register(new CodePage("cp1148", EbcdicTables.CP1148.toCharArray(), true));
        char[] latin1 = new char[256];
        for (int i = 0; i < 256; i++) {
            latin1[i] = (char) i;
        }
        register(new CodePage("ascii", latin1, false));
    }

    private static void register(CodePage page) {
        BUILT_IN.put(page.name, page);
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

    private CodePage(String name, char[] table, boolean ebcdic) {
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
     * The built-in code page of that name: {@code cp037 cp273 cp500 cp1047 cp1140 cp1141 cp1148 ascii}.
     *
     * @throws IllegalArgumentException for any other name (the message lists the valid ones)
     */
    public static CodePage of(String name) {
        CodePage page = BUILT_IN.get(Objects.requireNonNull(name, "name"));
        if (page == null) {
            throw new IllegalArgumentException("unknown code page '" + name + "'; valid: " + String.join(", ", names()));
        }
        return page;
    }

    /** Names accepted by {@link #of(String)}, in a stable order. */
    public static List<String> names() {
        return List.copyOf(BUILT_IN.keySet());
    }

    /**
     * A code page from a caller's table (copied). Every entry must be set; ' ' and '0' must be encodable.
     *
     * @param ebcdic whether numeric DISPLAY fields in this code page use EBCDIC zones (0xF0..0xF9 digits)
     */
    public static CodePage custom(String name, char[] table256, boolean ebcdic) {
        return new CodePage(Objects.requireNonNull(name, "name"), table256.clone(), ebcdic);
    }

    /** The name given to {@link #of} or {@link #custom}. */
    public String name() {
        return name;
    }

    /** True for EBCDIC code pages (zoned digits are 0xF0-0xF9, not ASCII). */
    public boolean isEbcdic() {
        return ebcdic;
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
