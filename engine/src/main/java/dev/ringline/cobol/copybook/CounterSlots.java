package dev.ringline.cobol.copybook;

import dev.ringline.cobol.error.CobolException;
import dev.ringline.cobol.error.ErrorCode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OCCURS DEPENDING ON counters of a layout numbered 0.. in copybook order, so that a decoder keeps each
 * counter's value of the current record in an array slot instead of a map. Built once per compiled decoder.
 */
public final class CounterSlots {
    private final RecordLayout layout;
    private final Map<Field, Integer> slots = new IdentityHashMap<>();

    /** Numbers the counters of {@code layout}. */
    public CounterSlots(RecordLayout layout) {
        this.layout = layout;
        for (Field f : layout.flatten()) {
            if (f.odoCounter()) {
                slots.put(f, slots.size());
            }
        }
    }

    /** How many counters the layout has (the length of a decoder's per-record counter arrays). */
    public int size() {
        return slots.size();
    }

    /** The slot of {@code field} if it is a counter, else -1. */
    public int of(Field field) {
        Integer slot = slots.get(field);
        return slot == null ? -1 : slot;
    }

    /**
     * The slot of {@code array}'s DEPENDING ON counter, or -1 for a fixed table.
     *
     * @param enclosing the tables that contain {@code array} (its element's path)
     * @throws CobolException COPYBOOK_UNSUPPORTED when the counter lies in a table that does not contain the array:
     *                        "the counter of the current element" would not be defined
     */
    public int forArray(Field array, Collection<Field> enclosing) {
        Field counter = array.dependingOn();
        if (counter == null) {
            return -1;
        }
        for (Field table : tablesHolding(counter)) {
            if (table != array && !enclosing.contains(table)) {
                throw new CobolException(ErrorCode.COPYBOOK_UNSUPPORTED, array.path() + ": DEPENDING ON "
                        + counter.path() + ", a counter inside table " + table.path()
                        + " that does not contain the array");
            }
        }
        return slots.get(counter);
    }

    /** The OCCURS tables that contain {@code field}, innermost first. */
    private List<Field> tablesHolding(Field field) {
        List<Field> tables = new ArrayList<>();
        find(layout.root(), field, new ArrayDeque<>(), tables);
        return tables;
    }

    private static boolean find(Field at, Field target, Deque<Field> path, List<Field> out) {
        if (at == target) {
            for (Field p : path) {
                if (p.isArray()) {
                    out.add(p);
                }
            }
            return true;
        }
        path.push(at);
        for (Field c : at.children()) {
            if (find(c, target, path, out)) {
                path.pop();
                return true;
            }
        }
        path.pop();
        return false;
    }
}
