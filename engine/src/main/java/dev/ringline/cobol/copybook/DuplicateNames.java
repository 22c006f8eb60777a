package dev.ringline.cobol.copybook;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes field names unique within each group at parse time, so a record's JSON object never holds the same key
 * twice (most JSON readers keep only one of two equal keys, silently losing a value) and {@code layout} shows the
 * names {@code decode} writes. The rule is {@link UniqueKeys}' (the first field of a name keeps it, later ones
 * become {@code NAME_2}, {@code NAME_3}, ..., case ignored); each renamed field gets a warning naming its line.
 * FILLER is not renamed here: its keys, under {@code --filler keep}, are assigned per JSON object by the decoder.
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
        List<String> names = new ArrayList<>();
        for (CopybookEntry child : group.children) {
            if (named(child)) {
                names.add(child.name);
            }
        }
        List<String> keys = UniqueKeys.assign(names);
        int k = 0;
        for (CopybookEntry child : group.children) { // in line order, so the warnings are too
            if (named(child)) {
                String key = keys.get(k++);
                if (!key.equals(child.name)) {
                    warnings.add(source.sourceName + ":" + source.line(child.index) + ": duplicate name "
                            + child.name + " in group " + group.name + ": emitted as " + key);
                    child.name = key;
                }
            }
            renameIn(child, source, warnings);
        }
    }

    private static boolean named(CopybookEntry entry) {
        return !entry.filler && entry.name != null;
    }
}
