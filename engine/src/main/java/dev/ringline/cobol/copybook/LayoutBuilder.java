package dev.ringline.cobol.copybook;

import dev.ringline.cobol.codec.BinaryInteger;
import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.codec.SignPosition;
import dev.ringline.cobol.error.ErrorCode;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns parsed entries into immutable {@link RecordLayout}s: resolves types and sizes (inheriting USAGE and SIGN
 * from groups), REDEFINES and OCCURS DEPENDING ON references, then offsets. Sizes are computed in {@code long}
 * and checked against {@link #MAX_RECORD_LENGTH}, so no input can overflow.
 *
 * <p>SYNCHRONIZED is accepted but no slack bytes are inserted, as in Cobrix and most tools.
 */
final class LayoutBuilder {
    /** Largest record: 256 MiB. */
    static final long MAX_RECORD_LENGTH = 256L * 1024 * 1024;


    private final CopybookSource source;

    LayoutBuilder(CopybookSource source) {
        this.source = source;
    }

    List<RecordLayout> build(List<CopybookEntry> roots) {
        List<RecordLayout> layouts = new ArrayList<>();
        for (int r = 0; r < roots.size(); r++) {
            CopybookEntry root = roots.get(r);
            if (root.redefinesName != null) {
                CopybookEntry target = null;
                for (int k = 0; k < r; k++) {
                    if (roots.get(k).name.equalsIgnoreCase(root.redefinesName)) {
                        target = roots.get(k);
                    }
                }
                if (target == null) {
                    throw source.error(ErrorCode.COPYBOOK_REFERENCE, root.redefinesIndex,
                            "REDEFINES names unknown record " + root.redefinesName);
                }
                target.redefined = true;
                root.redefinesTarget = target;
            }
        }
        for (CopybookEntry root : roots) {
            CopybookEntry top = root;
            if (root.children.isEmpty()) {
                // a 77 item or an elementary 01: wrap it so every record has a group root and fields()
                top = new CopybookEntry(1, root.name, root.filler, root.index, -1);
                top.synthetic = true;
                top.children.add(root);
                root.parent = top;
            }
            resolveTypes(top, null, null);
            resolveRedefines(top);
            long length = size(top);
            top.offset = 0;
            place(top);
            List<CopybookEntry> order = new ArrayList<>();
            preorder(top, order);
            resolveDependingOn(order);
            top.path = top.name;
            Map<CopybookEntry, Field> built = new IdentityHashMap<>();
            Field rootField = toField(top, built);
            layouts.add(new RecordLayout(top.name, rootField, (int) length));
        }
        return layouts;
    }

    private void resolveTypes(CopybookEntry entry, Usage inheritedUsage, CopybookEntry inheritedSign) {
        Usage usage = entry.usage != null ? entry.usage : inheritedUsage != null ? inheritedUsage : Usage.DISPLAY;
        entry.effectiveUsage = usage;
        CopybookEntry sign = entry.signPosition != null ? entry : inheritedSign;
        if (entry.isGroup() || (entry.synthetic && entry.children.size() > 0)) {
            entry.type = FieldType.GROUP;
            for (CopybookEntry child : entry.children) {
                resolveTypes(child, entry.usage != null ? entry.usage : inheritedUsage, sign);
            }
            return;
        }
        elementary(entry, usage, sign);
    }

    private void elementary(CopybookEntry entry, Usage usage, CopybookEntry sign) {
        if (entry.pictureText == null) {
            if (usage == Usage.COMP_1 || usage == Usage.COMP_2) {
                entry.type = usage == Usage.COMP_1 ? FieldType.FLOAT_SINGLE : FieldType.FLOAT_DOUBLE;
                entry.length = usage == Usage.COMP_1 ? 4 : 8;
                return;
            }
            throw source.error(ErrorCode.COPYBOOK_SYNTAX, entry.periodIndex,
                    "expected PIC clause after " + entry.name);
        }
        Picture picture = Picture.parse(entry.pictureText, source, entry.pictureIndex);
        if (usage == Usage.COMP_1 || usage == Usage.COMP_2) {
            throw source.error(ErrorCode.COPYBOOK_SYNTAX, entry.pictureIndex,
                    "a " + usageName(usage) + " item takes no PICTURE clause");
        }
        boolean ownSign = entry.signPosition != null;
        if (picture.category == Picture.Category.NATIONAL || picture.category == Picture.Category.DBCS) {
            boolean dbcs = picture.category == Picture.Category.DBCS || usage == Usage.DISPLAY_1;
            boolean fits = dbcs ? usage == Usage.DISPLAY_1 || usage == Usage.DISPLAY
                    : usage == Usage.NATIONAL || usage == Usage.DISPLAY;
            if (!fits || ownSign || (usage == Usage.DISPLAY && entry.usageIndex >= 0)) {
                int at = entry.usageIndex >= 0 ? entry.usageIndex : entry.pictureIndex;
                throw source.error(ErrorCode.COPYBOOK_SYNTAX, at, "PICTURE " + entry.pictureText + " needs USAGE "
                        + (dbcs ? "DISPLAY-1" : "NATIONAL") + " (or none), not " + usageName(usage));
            }
            entry.type = dbcs ? FieldType.DBCS : FieldType.NATIONAL;
            entry.length = picture.displayLength;
            return;
        }
        if (usage == Usage.NATIONAL || usage == Usage.DISPLAY_1) {
            int at = entry.usageIndex >= 0 ? entry.usageIndex : entry.pictureIndex;
            throw source.error(ErrorCode.COPYBOOK_UNSUPPORTED, at, "USAGE " + usageName(usage) + " needs PIC "
                    + (usage == Usage.NATIONAL ? "N" : "G") + ", not " + entry.pictureText
                    + " (national numbers are not supported)");
        }
        switch (picture.category) {
            case ALPHABETIC:
            case ALPHANUMERIC:
            case EDITED:
                if (usage != Usage.DISPLAY) {
                    int at = entry.usageIndex >= 0 ? entry.usageIndex : entry.pictureIndex;
                    throw source.error(ErrorCode.COPYBOOK_SYNTAX, at, "USAGE " + usageName(usage)
                            + " needs a numeric PICTURE, not " + entry.pictureText
                            + (entry.usageIndex < 0 ? " (the usage is inherited from a group)" : ""));
                }
                if (ownSign) {
                    throw source.error(ErrorCode.COPYBOOK_SYNTAX, entry.signIndex,
                            "SIGN clause needs a numeric DISPLAY PICTURE, not " + entry.pictureText);
                }
                if (picture.category == Picture.Category.EDITED) {
                    entry.type = FieldType.NUMERIC_EDITED;
                    entry.numeric = new NumericFormat(picture.digits, picture.scale, picture.signed,
                            SignPosition.TRAILING, false, entry.blankWhenZero);
                } else {
                    entry.type = picture.category == Picture.Category.ALPHABETIC ? FieldType.ALPHABETIC
                            : FieldType.ALPHANUMERIC;
                }
                entry.length = picture.displayLength;
                return;
            default:
                break;
        }
        boolean display = usage == Usage.DISPLAY;
        if (ownSign && !display) {
            throw source.error(ErrorCode.COPYBOOK_SYNTAX, entry.signIndex,
                    "SIGN clause applies to DISPLAY items, not USAGE " + usageName(usage));
        }
        SignPosition position = SignPosition.TRAILING;
        boolean separate = false;
        boolean signed = picture.signed;
        if (display && sign != null) {
            position = sign.signPosition;
            separate = sign.signSeparate;
            signed = true; // a SIGN clause means the field carries a sign, even without S
        }
        entry.numeric = new NumericFormat(picture.digits, picture.scale, signed, position, separate,
                entry.blankWhenZero);
        switch (usage) {
            case DISPLAY:
                entry.type = FieldType.ZONED;
                entry.length = picture.storedDigits + (separate ? 1 : 0);
                break;
            case COMP_3:
            case PACKED_DECIMAL:
                entry.type = FieldType.PACKED;
                entry.length = picture.storedDigits / 2 + 1;
                break;
            case COMP_5:
                entry.type = FieldType.NATIVE_BINARY;
                entry.length = BinaryInteger.byteLength(picture.storedDigits);
                break;
            default:
                entry.type = FieldType.BINARY;
                entry.length = BinaryInteger.byteLength(picture.storedDigits);
                break;
        }
    }

    private static String usageName(Usage usage) {
        return usage.name().replace('_', '-');
    }

    private void resolveRedefines(CopybookEntry group) {
        List<CopybookEntry> children = group.children;
        CopybookEntry area = null;
        for (int i = 0; i < children.size(); i++) {
            CopybookEntry child = children.get(i);
            if (child.redefinesName == null || child.level == 1 || child.level == 77) {
                area = child; // a wrapped 01/77 was resolved against the other records
            } else {
                CopybookEntry named = null;
                for (int k = i - 1; k >= 0 && named == null; k--) {
                    if (children.get(k).name.equalsIgnoreCase(child.redefinesName) && !children.get(k).filler) {
                        named = children.get(k);
                    }
                }
                if (named == null) {
                    throw source.error(ErrorCode.COPYBOOK_REFERENCE, child.redefinesIndex, "REDEFINES "
                            + child.redefinesName + ": no earlier item of that name at the same level in "
                            + group.name);
                }
                CopybookEntry original = named.redefinesTarget != null ? named.redefinesTarget : named;
                if (original != area) {
                    throw source.error(ErrorCode.COPYBOOK_REFERENCE, child.redefinesIndex, "REDEFINES "
                            + child.redefinesName + ": must name the item just before (or one redefining it)");
                }
                named.redefined = true;
                child.redefinesTarget = original;
            }
            if (child.isGroup()) {
                resolveRedefines(child);
            }
        }
    }

    /** Element length of {@code entry}; sets children's offsets relative to it. */
    private long size(CopybookEntry entry) {
        if (entry.type == FieldType.GROUP) {
            long end = 0;
            for (CopybookEntry child : entry.children) {
                long childLength = size(child);
                long total = childLength * child.occursMax;
                checkLength(child, total);
                child.offset = child.redefinesTarget != null ? child.redefinesTarget.offset : end;
                end = Math.max(end, child.offset + total);
                checkLength(child, end);
            }
            entry.length = end;
        }
        checkLength(entry, entry.length);
        return entry.length;
    }

    private void checkLength(CopybookEntry entry, long length) {
        if (length > MAX_RECORD_LENGTH) {
            throw source.error(ErrorCode.COPYBOOK_LIMIT, entry.index, "item " + entry.name + " makes the record "
                    + "longer than the limit of " + MAX_RECORD_LENGTH + " bytes");
        }
    }

    /** Turns relative offsets into offsets from the record start. */
    private static void place(CopybookEntry group) {
        for (CopybookEntry child : group.children) {
            child.offset += group.offset;
            place(child);
        }
    }

    private static void preorder(CopybookEntry entry, List<CopybookEntry> out) {
        out.add(entry);
        for (CopybookEntry child : entry.children) {
            preorder(child, out);
        }
    }

    private void resolveDependingOn(List<CopybookEntry> order) {
        for (int i = 0; i < order.size(); i++) {
            CopybookEntry entry = order.get(i);
            if (entry.dependingOnName == null) {
                continue;
            }
            CopybookEntry counter = null;
            for (int k = i - 1; k >= 0 && counter == null; k--) {
                if (order.get(k).name.equalsIgnoreCase(entry.dependingOnName) && !order.get(k).filler) {
                    counter = order.get(k);
                }
            }
            if (counter == null) {
                throw source.error(ErrorCode.COPYBOOK_REFERENCE, entry.dependingOnIndex, "DEPENDING ON "
                        + entry.dependingOnName + ": no such field earlier in the record");
            }
            FieldType type = counter.type;
            if (type != FieldType.ZONED && type != FieldType.PACKED && type != FieldType.BINARY
                    && type != FieldType.NATIVE_BINARY) {
                throw source.error(ErrorCode.COPYBOOK_REFERENCE, entry.dependingOnIndex, "DEPENDING ON "
                        + entry.dependingOnName + ": the counter must be an elementary numeric field");
            }
            counter.odoCounter = true;
            entry.counter = counter;
        }
    }

    private Field toField(CopybookEntry entry, Map<CopybookEntry, Field> built) {
        List<Field> children = new ArrayList<>(entry.children.size());
        for (CopybookEntry child : entry.children) {
            child.path = entry.parent == null ? child.name : entry.path + "." + child.name;
            children.add(toField(child, built));
        }
        Field field = new LayoutField(entry.name, entry.filler, entry.synthetic ? 1 : entry.level, entry.path,
                (int) entry.offset, (int) entry.length, entry.type, entry.numeric,
                entry.pictureText == null ? null : normalized(entry), entry.effectiveUsage, entry.occursMin,
                entry.occursMax, entry.array, entry.counter == null ? null : built.get(entry.counter),
                entry.odoCounter, entry.redefinesName, entry.redefined, entry.justifiedRight, entry.sync,
                entry.conditions, children);
        built.put(entry, field);
        return field;
    }

    private String normalized(CopybookEntry entry) {
        return Picture.parse(entry.pictureText, source, entry.pictureIndex).normalized;
    }
}
