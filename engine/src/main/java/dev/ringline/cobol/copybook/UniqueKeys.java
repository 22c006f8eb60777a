package dev.ringline.cobol.copybook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one rule that keeps keys unique within one JSON object: the first occurrence of a name keeps it; the n-th
 * occurrence (n &gt;= 2) is written {@code NAME_n}, or the next {@code NAME_k} (k &gt; n) when that candidate is
 * already taken by a real name of the object or by an earlier generated key. Names are compared ignoring case,
 * as COBOL compares them; keys keep the case as written. Applied twice, by the same code: at parse time to the
 * named fields of each group ({@code DuplicateNames}, with a warning), and when a decoder is compiled to the members
 * of each JSON object, where FILLER groups are transparent and FILLER items kept by {@code --filler keep} are
 * {@code FILLER}, {@code FILLER_2}, {@code FILLER_3} ... Never computed per record.
 */
public final class UniqueKeys {
    private UniqueKeys() {
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    /** The keys for {@code names} (one object's members, in order), unique by the rule above. */
    public static List<String> assign(List<String> names) {
        Set<String> taken = new HashSet<>();
        for (String name : names) {
            taken.add(upper(name));
        }
        Map<String, Integer> seen = new HashMap<>();
        Set<String> used = new HashSet<>();
        List<String> keys = new ArrayList<>(names.size());
        for (String name : names) {
            int n = seen.merge(upper(name), 1, Integer::sum);
            if (n == 1 && used.add(upper(name))) {
                keys.add(name);
                continue;
            }
            int k = Math.max(n, 2);
            String candidate = name + "_" + k;
            while (taken.contains(upper(candidate)) || used.contains(upper(candidate))) {
                candidate = name + "_" + ++k;
            }
            used.add(upper(candidate));
            keys.add(candidate);
        }
        return keys;
    }
}
