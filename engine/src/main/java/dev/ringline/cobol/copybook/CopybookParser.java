package dev.ringline.cobol.copybook;

import dev.ringline.cobol.codec.SignPosition;
import dev.ringline.cobol.error.ErrorCode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Reads data description entries ({@code level [name] clauses .}) and nests them by level number. Produces one
 * root entry per record: each 01, each 77 (wrapped in a group of the same name), and a synthetic group named
 * {@code RECORD} for items that come before any 01.
 */
final class CopybookParser {
    static final int MAX_DEPTH = 49;
    static final int MAX_OCCURS = 1_000_000;

    private static final Set<String> CLAUSE_WORDS = Set.of("PIC", "PICTURE", "USAGE", "COMP", "COMPUTATIONAL",
            "COMP-0", "COMPUTATIONAL-0", "COMP-1", "COMPUTATIONAL-1", "COMP-2", "COMPUTATIONAL-2", "COMP-3",
            "COMPUTATIONAL-3", "COMP-4", "COMPUTATIONAL-4", "COMP-5", "COMPUTATIONAL-5", "COMP-9", "BINARY",
            "PACKED-DECIMAL", "DISPLAY", "REDEFINES", "OCCURS", "VALUE", "VALUES", "SIGN", "LEADING", "TRAILING",
            "JUSTIFIED", "JUST", "BLANK", "SYNC", "SYNCHRONIZED", "GLOBAL", "EXTERNAL", "INDEXED", "ASCENDING",
            "DESCENDING", "RENAMES", "IS", "DEPENDING", "TIMES", "TO", "KEY", "BY", "ON", "THRU", "THROUGH",
            "INDEX", "POINTER", "NATIONAL", "DISPLAY-1", "COMP-X", "COMP-6", "FUNCTION-POINTER",
            "PROCEDURE-POINTER");
    private static final Set<String> FIGURATIVE = Set.of("ZERO", "ZEROS", "ZEROES", "SPACE", "SPACES",
            "HIGH-VALUE", "HIGH-VALUES", "LOW-VALUE", "LOW-VALUES", "QUOTE", "QUOTES", "NULL", "NULLS");

    private final CopybookSource source;
    private final CopybookLexer lexer;
    private final List<String> warnings;
    private final List<CopybookEntry> roots = new ArrayList<>();
    private final Deque<CopybookEntry> open = new ArrayDeque<>();
    private CopybookEntry last;
    private int sequence;
    private boolean closedByLevel77;
    private boolean syncWarned;

    CopybookParser(CopybookSource source, List<String> warnings) {
        this.source = source;
        this.lexer = new CopybookLexer(source);
        this.warnings = warnings;
    }

    List<CopybookEntry> parse() {
        while (lexer.peek().kind() != CopybookToken.Kind.EOF) {
            CopybookToken first = lexer.peek();
            if (first.kind() == CopybookToken.Kind.WORD) {
                String word = first.upper();
                if (word.equals("EJECT") || word.equals("SKIP1") || word.equals("SKIP2") || word.equals("SKIP3")) {
                    lexer.next();
                    if (lexer.peek().kind() == CopybookToken.Kind.PERIOD) {
                        lexer.next();
                    }
                    continue;
                }
                if (word.equals("COPY") || word.equals("REPLACE")) {
                    throw error(ErrorCode.COPYBOOK_UNSUPPORTED, first, word + " statements are not supported");
                }
            }
            if (first.kind() == CopybookToken.Kind.PERIOD) {
                lexer.next(); // a stray separator period
                continue;
            }
            entry();
        }
        return roots;
    }

    private void entry() {
        CopybookToken levelToken = lexer.next();
        int level = levelNumber(levelToken);
        String name = "FILLER";
        boolean filler = true;
        CopybookToken peek = lexer.peek();
        if (peek.kind() == CopybookToken.Kind.WORD && !CLAUSE_WORDS.contains(peek.upper())) {
            lexer.next();
            filler = peek.upper().equals("FILLER");
            name = filler ? "FILLER" : peek.text();
        }
        if (level == 88) {
            condition(levelToken, name, filler);
            return;
        }
        if (level == 66) {
            renames(levelToken, filler);
            return;
        }
        CopybookEntry entry = new CopybookEntry(level, name, filler, levelToken.index(), sequence++);
        clauses(entry);
        place(entry, levelToken);
        last = entry;
    }

    private int levelNumber(CopybookToken token) {
        if (token.kind() != CopybookToken.Kind.NUMBER) {
            throw error(ErrorCode.COPYBOOK_SYNTAX, token,
                    "expected a level number (01-49, 66, 77, 88) but found " + token.describe()
                            + (last != null ? "; is a '.' missing after the previous entry?" : ""));
        }
        String text = token.text();
        int level = -1;
        if (text.length() <= 2 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            level = Integer.parseInt(text);
        }
        if (!((level >= 1 && level <= 49) || level == 66 || level == 77 || level == 88)) {
            throw error(ErrorCode.COPYBOOK_SYNTAX, token, "bad level number " + text
                    + "; expected 01-49, 66, 77 or 88");
        }
        return level;
    }

    private void place(CopybookEntry entry, CopybookToken levelToken) {
        if (entry.level == 1 || entry.level == 77) {
            open.clear();
            roots.add(entry);
            open.push(entry);
            closedByLevel77 = entry.level == 77;
            return;
        }
        if (closedByLevel77) {
            throw error(ErrorCode.COPYBOOK_SYNTAX, levelToken, "level " + levelToken.text()
                    + " item cannot follow a level 77 item; start a new record with 01");
        }
        if (open.isEmpty()) {
            if (!roots.isEmpty()) {
                throw error(ErrorCode.COPYBOOK_SYNTAX, levelToken, "level " + levelToken.text()
                        + " item outside any record");
            }
            CopybookEntry root = new CopybookEntry(0, "RECORD", false, levelToken.index(), sequence++);
            root.synthetic = true;
            roots.add(root);
            open.push(root);
        }
        while (open.size() > 1 && open.peek().level >= entry.level) {
            open.pop();
        }
        CopybookEntry parent = open.peek();
        if (open.size() >= MAX_DEPTH) {
            throw error(ErrorCode.COPYBOOK_LIMIT, levelToken, "nesting deeper than " + MAX_DEPTH + " levels");
        }
        if (parent.pictureText != null) {
            throw source.error(ErrorCode.COPYBOOK_SYNTAX, parent.pictureIndex, "group item " + parent.name
                    + " cannot have a PICTURE clause (it has subordinate items)");
        }
        entry.parent = parent;
        parent.children.add(entry);
        open.push(entry);
    }

    private void clauses(CopybookEntry entry) {
        while (true) {
            CopybookToken token = lexer.next();
            switch (token.kind()) {
                case PERIOD:
                    entry.periodIndex = token.index();
                    return;
                case EOF:
                    throw error(ErrorCode.COPYBOOK_SYNTAX, token, "expected '.' at the end of the entry for "
                            + entry.name);
                case WORD:
                    clause(entry, token);
                    break;
                default:
                    throw error(ErrorCode.COPYBOOK_SYNTAX, token, "unexpected " + token.describe()
                            + " in the entry for " + entry.name
                            + (token.kind() == CopybookToken.Kind.NUMBER ? "; is a '.' missing?" : ""));
            }
        }
    }

    private void clause(CopybookEntry entry, CopybookToken token) {
        String word = token.upper();
        switch (word) {
            case "PIC":
            case "PICTURE": {
                if (entry.pictureText != null) {
                    throw error(ErrorCode.COPYBOOK_SYNTAX, token, "duplicate PICTURE clause");
                }
                skipWord("IS");
                CopybookToken picture = lexer.next();
                if (picture.kind() != CopybookToken.Kind.PICTURE) {
                    throw error(ErrorCode.COPYBOOK_SYNTAX, picture, "expected a picture string after " + word
                            + " but found " + picture.describe());
                }
                entry.pictureText = picture.text();
                entry.pictureIndex = picture.index();
                return;
            }
            case "USAGE": {
                skipWord("IS");
                CopybookToken usage = lexer.next();
                Usage parsed = usage.kind() == CopybookToken.Kind.WORD ? usage(usage) : null;
                if (parsed == null) {
                    String hint = usage.kind() == CopybookToken.Kind.WORD ? usageHint(usage.upper()) : null;
                    throw error(ErrorCode.COPYBOOK_SYNTAX, usage, "expected a usage after USAGE but found "
                            + usage.describe() + (hint == null ? "" : "; did you mean " + hint + "?"));
                }
                setUsage(entry, parsed, usage);
                return;
            }
            case "REDEFINES": {
                CopybookToken target = lexer.next();
                if (target.kind() != CopybookToken.Kind.WORD || CLAUSE_WORDS.contains(target.upper())) {
                    throw error(ErrorCode.COPYBOOK_SYNTAX, target, "expected a name after REDEFINES but found "
                            + target.describe());
                }
                entry.redefinesName = target.text();
                entry.redefinesIndex = target.index();
                return;
            }
            case "OCCURS":
                occurs(entry, token);
                return;
            case "VALUE":
            case "VALUES":
                skipWord("IS");
                skipWord("ARE");
                values(token);
                return;
            case "SIGN":
                skipWord("IS");
                CopybookToken position = lexer.next();
                if (!position.isWord("LEADING") && !position.isWord("TRAILING")) {
                    throw error(ErrorCode.COPYBOOK_SYNTAX, position, "expected LEADING or TRAILING after SIGN");
                }
                sign(entry, position);
                return;
            case "LEADING":
            case "TRAILING":
                sign(entry, token);
                return;
            case "JUSTIFIED":
            case "JUST":
                entry.justifiedRight = true;
                skipWord("RIGHT");
                return;
            case "BLANK": {
                skipWord("WHEN");
                CopybookToken zero = lexer.next();
                if (!zero.isWord("ZERO") && !zero.isWord("ZEROS") && !zero.isWord("ZEROES")) {
                    throw error(ErrorCode.COPYBOOK_SYNTAX, zero, "expected ZERO after BLANK WHEN");
                }
                entry.blankWhenZero = true;
                return;
            }
            case "SYNC":
            case "SYNCHRONIZED":
                entry.sync = true;
                if (!skipWord("LEFT")) {
                    skipWord("RIGHT");
                }
                if (!syncWarned) {
                    syncWarned = true;
                    warnings.add(source.sourceName + ":" + source.line(token.index())
                            + ": SYNCHRONIZED accepted but no slack bytes are inserted (offsets as in Cobrix)");
                }
                return;
            case "GLOBAL":
            case "EXTERNAL":
                return;
            case "IS":
                return; // stray IS, e.g. "IS EXTERNAL"
            default:
                Usage usage = usage(token);
                if (usage != null) {
                    setUsage(entry, usage, token);
                    return;
                }
                String hint = usageHint(word);
                if (hint != null) {
                    throw error(ErrorCode.COPYBOOK_SYNTAX, token, "unknown usage " + token.text()
                            + "; did you mean " + hint + "?");
                }
                if (word.equals("INDEX") || word.equals("POINTER") || word.startsWith("COMP")
                        || word.endsWith("-POINTER")) {
                    throw error(ErrorCode.COPYBOOK_UNSUPPORTED, token, "USAGE " + word + " is not supported");
                }
                throw error(ErrorCode.COPYBOOK_SYNTAX, token, "unexpected " + token.describe()
                        + " in the entry for " + entry.name);
        }
    }

    /** The usage a misspelt one most likely means ({@code COMP3} is COMP-3), or null. */
    static String usageHint(String word) {
        String w = word.replace('_', '-');
        String[] forms = {w, w.replaceFirst("^(COMP|COMPUTATIONAL)-?([0-9X])$", "$1-$2"),
            w.replaceFirst("^COMPUTATION-?([0-9])$", "COMPUTATIONAL-$1"), w.replaceFirst("^PACKED-?DECIMAL$",
                "PACKED-DECIMAL"), w.replaceFirst("^DISPLAY-?1$", "DISPLAY-1"), w.replace("COMPUTATINAL",
                "COMPUTATIONAL")};
        for (String form : forms) {
            if (!form.equals(word) && usage(form) != null) {
                return form;
            }
        }
        return null;
    }

    private void setUsage(CopybookEntry entry, Usage usage, CopybookToken token) {
        if (entry.usage != null) {
            throw error(ErrorCode.COPYBOOK_SYNTAX, token, "duplicate USAGE clause");
        }
        entry.usage = usage;
        entry.usageIndex = token.index();
    }

    private static Usage usage(CopybookToken token) {
        return usage(token.upper());
    }

    private static Usage usage(String upper) {
        switch (upper) {
            case "DISPLAY": return Usage.DISPLAY;
            case "COMP": case "COMPUTATIONAL": return Usage.COMP;
            case "COMP-0": case "COMPUTATIONAL-0": return Usage.COMP_0;
            case "COMP-1": case "COMPUTATIONAL-1": return Usage.COMP_1;
            case "COMP-2": case "COMPUTATIONAL-2": return Usage.COMP_2;
            case "COMP-3": case "COMPUTATIONAL-3": return Usage.COMP_3;
            case "COMP-4": case "COMPUTATIONAL-4": return Usage.COMP_4;
            case "COMP-5": case "COMPUTATIONAL-5": return Usage.COMP_5;
            case "COMP-9": case "COMPUTATIONAL-9": return Usage.COMP_9;
            case "BINARY": return Usage.BINARY;
            case "PACKED-DECIMAL": return Usage.PACKED_DECIMAL;
            case "NATIONAL": return Usage.NATIONAL;
            case "DISPLAY-1": return Usage.DISPLAY_1;
            default: return null;
        }
    }

    private void sign(CopybookEntry entry, CopybookToken position) {
        if (entry.signPosition != null) {
            throw error(ErrorCode.COPYBOOK_SYNTAX, position, "duplicate SIGN clause");
        }
        entry.signPosition = position.isWord("LEADING") ? SignPosition.LEADING : SignPosition.TRAILING;
        entry.signIndex = position.index();
        if (skipWord("SEPARATE")) {
            entry.signSeparate = true;
            skipWord("CHARACTER");
        }
    }

    private void occurs(CopybookEntry entry, CopybookToken occursToken) {
        if (entry.array) {
            throw error(ErrorCode.COPYBOOK_SYNTAX, occursToken, "duplicate OCCURS clause");
        }
        long first = occursCount(lexer.next());
        long min = first;
        long max = first;
        if (skipWord("TO")) {
            max = occursCount(lexer.next());
        }
        skipWord("TIMES");
        if (lexer.peek().isWord("DEPENDING")) {
            lexer.next();
            skipWord("ON");
            CopybookToken counter = lexer.next();
            if (counter.kind() != CopybookToken.Kind.WORD || CLAUSE_WORDS.contains(counter.upper())) {
                throw error(ErrorCode.COPYBOOK_SYNTAX, counter, "expected a counter name after DEPENDING ON"
                        + " but found " + counter.describe());
            }
            entry.dependingOnName = counter.text();
            entry.dependingOnIndex = counter.index();
            if (min == max) {
                min = 0; // "OCCURS n DEPENDING ON": Cobrix reads it as 0 TO n
            }
        }
        if (max < 1 || max > MAX_OCCURS) {
            throw error(max > MAX_OCCURS ? ErrorCode.COPYBOOK_LIMIT : ErrorCode.COPYBOOK_SYNTAX, occursToken,
                    "OCCURS maximum " + max + " is outside 1.." + MAX_OCCURS);
        }
        if (min > max) {
            throw error(ErrorCode.COPYBOOK_SYNTAX, occursToken, "OCCURS minimum " + min + " exceeds maximum "
                    + max);
        }
        entry.array = true;
        entry.occursMin = (int) min;
        entry.occursMax = (int) max;
        entry.occursIndex = occursToken.index();
        // ASCENDING/DESCENDING KEY and INDEXED BY name lists: parsed and ignored
        while (true) {
            CopybookToken peek = lexer.peek();
            if (peek.isWord("ASCENDING") || peek.isWord("DESCENDING")) {
                lexer.next();
                skipWord("KEY");
                skipWord("IS");
                names("KEY");
            } else if (peek.isWord("INDEXED")) {
                lexer.next();
                skipWord("BY");
                names("INDEXED BY");
            } else {
                return;
            }
        }
    }

    private void names(String after) {
        int count = 0;
        while (lexer.peek().kind() == CopybookToken.Kind.WORD && !CLAUSE_WORDS.contains(lexer.peek().upper())) {
            lexer.next();
            count++;
        }
        if (count == 0) {
            throw error(ErrorCode.COPYBOOK_SYNTAX, lexer.peek(), "expected a name after " + after + " but found "
                    + lexer.peek().describe());
        }
    }

    private long occursCount(CopybookToken token) {
        if (token.kind() != CopybookToken.Kind.NUMBER || !token.text().chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw error(ErrorCode.COPYBOOK_SYNTAX, token, "expected an integer after OCCURS but found "
                    + token.describe());
        }
        String digits = token.text().replaceFirst("^0+(?=.)", "");
        return digits.length() > 10 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private List<String> values(CopybookToken valueToken) {
        List<String> values = new ArrayList<>();
        while (startsLiteral(lexer.peek())) {
            String low = literal();
            if (lexer.peek().isWord("THRU") || lexer.peek().isWord("THROUGH")) {
                lexer.next();
                if (!startsLiteral(lexer.peek())) {
                    throw error(ErrorCode.COPYBOOK_SYNTAX, lexer.peek(), "expected a literal after THRU but found "
                            + lexer.peek().describe());
                }
                values.add(low + " THRU " + literal());
            } else {
                values.add(low);
            }
        }
        if (values.isEmpty()) {
            throw error(ErrorCode.COPYBOOK_SYNTAX, lexer.peek(), "expected a literal after "
                    + valueToken.upper() + " but found " + lexer.peek().describe());
        }
        return values;
    }

    private static boolean startsLiteral(CopybookToken token) {
        return token.kind() == CopybookToken.Kind.LITERAL || token.kind() == CopybookToken.Kind.NUMBER
                || (token.kind() == CopybookToken.Kind.WORD && (FIGURATIVE.contains(token.upper())
                || token.isWord("ALL")));
    }

    private String literal() {
        CopybookToken token = lexer.next();
        if (token.isWord("ALL")) {
            CopybookToken what = lexer.next();
            if (what.kind() != CopybookToken.Kind.LITERAL && !(what.kind() == CopybookToken.Kind.WORD
                    && FIGURATIVE.contains(what.upper()))) {
                throw error(ErrorCode.COPYBOOK_SYNTAX, what, "expected a literal after ALL but found "
                        + what.describe());
            }
            return "ALL " + (what.kind() == CopybookToken.Kind.LITERAL ? "'" + what.text() + "'" : what.upper());
        }
        return token.kind() == CopybookToken.Kind.WORD ? token.upper() : token.text();
    }

    private void condition(CopybookToken levelToken, String name, boolean filler) {
        if (last == null) {
            throw error(ErrorCode.COPYBOOK_SYNTAX, levelToken, "level 88 condition before any data item");
        }
        if (filler) {
            throw error(ErrorCode.COPYBOOK_SYNTAX, lexer.peek(), "expected a condition name after level 88");
        }
        CopybookToken value = lexer.next();
        if (!value.isWord("VALUE") && !value.isWord("VALUES")) {
            throw error(ErrorCode.COPYBOOK_SYNTAX, value, "expected VALUE after condition name " + name
                    + " but found " + value.describe());
        }
        skipWord("IS");
        skipWord("ARE");
        List<String> values = values(value);
        CopybookToken end = lexer.next();
        if (end.kind() != CopybookToken.Kind.PERIOD) {
            throw error(ErrorCode.COPYBOOK_SYNTAX, end, "expected '.' after the values of " + name
                    + " but found " + end.describe());
        }
        last.conditions.add(new ConditionName(name, values));
    }

    private void renames(CopybookToken levelToken, boolean filler) {
        CopybookToken renames = lexer.next();
        if (filler || !renames.isWord("RENAMES")) {
            throw error(ErrorCode.COPYBOOK_SYNTAX, renames, "expected a name and RENAMES after level 66");
        }
        CopybookToken from = lexer.next();
        if (from.kind() != CopybookToken.Kind.WORD) {
            throw error(ErrorCode.COPYBOOK_SYNTAX, from, "expected a name after RENAMES");
        }
        if (skipWord("THRU") || skipWord("THROUGH")) {
            CopybookToken to = lexer.next();
            if (to.kind() != CopybookToken.Kind.WORD) {
                throw error(ErrorCode.COPYBOOK_SYNTAX, to, "expected a name after THRU");
            }
        }
        CopybookToken end = lexer.next();
        if (end.kind() != CopybookToken.Kind.PERIOD) {
            throw error(ErrorCode.COPYBOOK_SYNTAX, end, "expected '.' after RENAMES but found " + end.describe());
        }
        warnings.add(source.sourceName + ":" + source.line(levelToken.index()) + ": RENAMES (level 66) ignored");
    }

    private boolean skipWord(String word) {
        if (lexer.peek().isWord(word)) {
            lexer.next();
            return true;
        }
        return false;
    }

    private CopybookException error(ErrorCode code, CopybookToken token, String detail) {
        return source.error(code, token.index(), detail);
    }
}
