package dev.ringline.cobol.copybook;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Makes field names unique within each group, so a record's JSON object never holds the same key twice (most
 * JSON readers keep only one of two equal keys, silently losing a value). The rule: the first field of a name
 * keeps it; a later field with the same name in the same group (case ignored, as COBOL compares names) becomes
 * {@code NAME_2}, {@code NAME_3}, ... (the first suffix not already taken), with a warning naming the line.
 * FILLER is never emitted and never renamed.
 */
final class DuplicateNames {
    private DuplicateNames() {
    }

    /** Renames duplicates under every root, adding one warning per renamed field. */
    static void rename(List<CopybookEntry> roots, CopybookSource source, List<String> warnings) {
        for (CopybookEntry root : roots) {
            renameIn(root, source, warnings);
        }
    }

    private static void renameIn(CopybookEntry group, CopybookSource source, List<String> warnings) {
        Set<String> taken = new HashSet<>();
        for (CopybookEntry child : group.children) {
            if (!child.filler && child.name != null) {
                taken.add(child.name.toUpperCase(Locale.ROOT));
            }
        }
        Set<String> seen = new HashSet<>();
        for (CopybookEntry child : group.children) {
            if (child.filler || child.name == null) {
                continue;
            }
            String upper = child.name.toUpperCase(Locale.ROOT);
            if (!seen.add(upper)) {
                String renamed = child.name;
                for (int n = 2; taken.contains(renamed.toUpperCase(Locale.ROOT)); n++) {
                    renamed = child.name + "_" + n;
                }
                warnings.add(source.sourceName + ":" + source.line(child.index) + ": duplicate name " + child.name
                        + " in group " + group.name + ": emitted as " + renamed);
                taken.add(renamed.toUpperCase(Locale.ROOT));
                seen.add(renamed.toUpperCase(Locale.ROOT));
                child.name = renamed;
            }
            renameIn(child, source, warnings);
        }
    }
}
