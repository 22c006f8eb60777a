package dev.ringline.cobol.copybook;

import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.ErrorCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed COBOL copybook: one immutable {@link RecordLayout} per record description.
 *
 * <p>Source format: fixed columns (1-6 sequence area, 7 indicator with {@code *}/{@code /} comments and
 * {@code -} literal continuation, code in 8-72, TAB = one column) unless some non-comment line has a level
 * number starting in columns 1-6, in which case the text is read as free form (code from column 1, {@code *}
 * comment lines, {@code *>} comments); {@code *>} also ends a fixed-format line's code; see
 * {@code CopybookSource} and {@link CopybookOptions} (other columns, lenient comment lines).
 *
 * <p>What is understood: levels 01-49 nested by number, 77 (each its own one-field record), 88 condition names
 * (metadata), 66 RENAMES (parsed and ignored with a warning); PIC/PICTURE with repetition, {@code S V P A X 9}
 * and the editing symbols {@code Z * + - . , CR DB $ B 0 /}; USAGE DISPLAY, COMP/COMPUTATIONAL, COMP-0 to
 * COMP-5, COMP-9 (little-endian binary), BINARY, PACKED-DECIMAL (also on groups, inherited by elementary items);
 * PIC N / USAGE NATIONAL (UTF-16 big-endian) and PIC G / USAGE DISPLAY-1 (double-byte EBCDIC); SIGN LEADING/TRAILING
 * [SEPARATE]; OCCURS n, OCCURS m TO n DEPENDING ON; INDEXED BY and KEY IS (ignored); REDEFINES; FILLER and
 * unnamed items; VALUE; JUSTIFIED; BLANK WHEN ZERO; SYNCHRONIZED (accepted, no slack bytes: offsets follow
 * Cobrix and most tools; one warning per copybook); GLOBAL and EXTERNAL (ignored).
 *
 * <p>Typing choices: edited pictures with {@code B}, {@code 0} or {@code /} insertion are typed
 * {@link FieldType#ALPHANUMERIC} (they are dates and codes more than numbers); a plain picture with an explicit
 * point ({@code 9(8).9(2)}) is {@link FieldType#NUMERIC_EDITED}. A SIGN clause makes a DISPLAY numeric signed
 * even without {@code S}. {@code OCCURS n DEPENDING ON} without {@code TO} means 0 to n, as in Cobrix.
 *
 * <p>Limits (each a {@link CopybookException} with {@link ErrorCode#COPYBOOK_LIMIT}): 49 nesting levels,
 * 38 digits, 16 MiB per PIC X/A, OCCURS up to 1,000,000, 256 MiB per record. Any malformed input gives a
 * {@link CopybookException} with its line and column, never another exception. Parsing is a set-up cost:
 * linear in the text, allocating freely.
 */
public final class Copybook {
    private final String sourceName;
    private final List<RecordLayout> records;
    private final List<String> warnings;

    private Copybook(String sourceName, List<RecordLayout> records, List<String> warnings) {
        this.sourceName = sourceName;
        this.records = List.copyOf(records);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Parses copybook text.
     *
     * @param text       the copybook source
     * @param sourceName the name used in messages, e.g. {@code customer.cpy}
     * @throws CopybookException if the text is not a valid copybook or exceeds a limit
     */
    public static Copybook parse(String text, String sourceName) {
        return parse(text, sourceName, CopybookOptions.defaults());
    }

    /**
     * Parses copybook text read as {@code options} say (columns, lenient comment lines).
     *
     * @throws CopybookException if the text is not a valid copybook or exceeds a limit
     */
    public static Copybook parse(String text, String sourceName, CopybookOptions options) {
        CopybookSource source = CopybookSource.of(text, sourceName, options);
        List<String> warnings = new ArrayList<>();
        List<CopybookEntry> roots = new CopybookParser(source, warnings).parse();
        if (roots.isEmpty()) {
            throw source.error(ErrorCode.COPYBOOK_SYNTAX, source.length(), "no data description entries");
        }
        DuplicateNames.rename(roots, source, warnings);
        List<RecordLayout> records = new LayoutBuilder(source).build(roots);
        return new Copybook(sourceName, records, warnings);
    }

    /**
     * Reads and parses a copybook file (UTF-8, malformed bytes replaced); its file name is the source name.
     *
     * @throws CopybookException if the text is not a valid copybook
     * @throws CobolException    with {@link ErrorCode#IO_ERROR} if the file cannot be read
     */
    public static Copybook parse(Path file) {
        return parse(file, CopybookOptions.defaults());
    }

    /**
     * Reads and parses a copybook file as {@code options} say.
     *
     * @throws CopybookException if the text is not a valid copybook
     * @throws CobolException    with {@link ErrorCode#IO_ERROR} if the file cannot be read
     */
    public static Copybook parse(Path file, CopybookOptions options) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CobolException(ErrorCode.IO_ERROR, "cannot read copybook " + file + ": " + e.getMessage(), e);
        }
        Path fileName = file.getFileName();
        return parse(new String(bytes, StandardCharsets.UTF_8), fileName == null ? file.toString()
                : fileName.toString(), options);
    }

    /** The name given to {@link #parse(String, String)} or the file name. */
    public String sourceName() {
        return sourceName;
    }

    /** One layout per record description, in copybook order; several records are alternative views of a record. */
    public List<RecordLayout> records() {
        return records;
    }

    /**
     * The record with this name (case ignored).
     *
     * @throws CopybookException {@link ErrorCode#COPYBOOK_REFERENCE} if there is none
     */
    public RecordLayout record(String name) {
        for (RecordLayout record : records) {
            if (record.name().equalsIgnoreCase(name)) {
                return record;
            }
        }
        throw new CopybookException(ErrorCode.COPYBOOK_REFERENCE, sourceName, 0, 0, "no record named " + name);
    }

    /**
     * One layout holding every record of the copybook as alternative views of the same bytes, for segment selection
     * among 01 levels ({@link Segments} with record names as views). Its root is a synthetic group named after the
     * source whose children are the records' roots; its length is the longest record's. With a single record it is
     * that record's layout.
     */
    public RecordLayout union() {
        if (records.size() == 1) {
            return records.get(0);
        }
        List<Field> roots = new ArrayList<>();
        int length = 0;
        for (RecordLayout record : records) {
            roots.add(record.root());
            length = Math.max(length, record.length());
        }
        Field root = new LayoutField("RECORDS", false, 1, "RECORDS", 0, length, FieldType.GROUP, null, null,
                Usage.DISPLAY, 1, 1, false, null, false, null, false, false, false, List.of(), roots);
        return new RecordLayout("RECORDS", root, length, true);
    }

    /** The first record. */
    public RecordLayout firstRecord() {
        return records.get(0);
    }

    /** Things accepted but not applied, as {@code customer.cpy:12: RENAMES (level 66) ignored}. */
    public List<String> warnings() {
        return warnings;
    }
}
