package dev.ringline.cobol.copybook;

import dev.ringline.cobol.codec.NumericFormat;
import dev.ringline.cobol.codec.SignPosition;

import java.util.ArrayList;
import java.util.List;

/**
 * A data description entry while the copybook is being read: mutable, with token positions kept for error
 * messages. {@link LayoutBuilder} turns a tree of these into immutable {@link Field}s.
 */
final class CopybookEntry {
    final int level;
    String name;               // not final: a duplicate within its group is renamed (DuplicateNames)
    final boolean filler;
    final int index;           // source position of the level number
    final int sequence;        // order of appearance in the copybook
    final List<CopybookEntry> children = new ArrayList<>();
    final List<ConditionName> conditions = new ArrayList<>();
    CopybookEntry parent;
    boolean synthetic;

    String pictureText;
    int pictureIndex = -1;
    Usage usage;
    int usageIndex = -1;
    SignPosition signPosition;
    boolean signSeparate;
    int signIndex = -1;
    boolean array;
    int occursMin = 1;
    int occursMax = 1;
    int occursIndex = -1;
    String dependingOnName;
    int dependingOnIndex = -1;
    String redefinesName;
    int redefinesIndex = -1;
    boolean justifiedRight;
    boolean blankWhenZero;
    boolean sync;
    int periodIndex;

    // filled by LayoutBuilder
    CopybookEntry redefinesTarget;
    boolean redefined;
    CopybookEntry counter;
    boolean odoCounter;
    FieldType type;
    NumericFormat numeric;
    Usage effectiveUsage;
    long length;
    long offset;
    String path;

    CopybookEntry(int level, String name, boolean filler, int index, int sequence) {
        this.level = level;
        this.name = name;
        this.filler = filler;
        this.index = index;
        this.sequence = sequence;
    }

    boolean isGroup() {
        return !children.isEmpty();
    }
}
