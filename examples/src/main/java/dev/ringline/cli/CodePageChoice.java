package dev.ringline.cli;

import dev.ringline.cobol.codec.CodePage;

/**
 * A value of {@code decode --codepage}: a code page, by any name {@link CodePage#of} accepts, or {@code LIST}
 * (case ignored), which asks for the built-in names instead of a decode.
 *
 * @param page the code page, or null for {@code LIST}
 */
record CodePageChoice(CodePage page) {
    /** {@code --codepage LIST}. */
    static final CodePageChoice LIST = new CodePageChoice(null);

    /** The converter registered on the command line: LIST, else what {@link Ringline#codePage} accepts. */
    static CodePageChoice parse(String name) {
        return "list".equalsIgnoreCase(name) ? LIST : new CodePageChoice(Ringline.codePage(name));
    }

    boolean isList() {
        return page == null;
    }
}
