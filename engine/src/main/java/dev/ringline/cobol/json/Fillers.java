package dev.ringline.cobol.json;

/**
 * How FILLER items are written. In both modes a FILLER group is transparent: its named children are written in
 * the enclosing object as if they were declared there, so named data is never dropped (a FILLER group with OCCURS
 * is written as an array under a FILLER key, its elements being objects). Keys stay unique in every object by the
 * rule of {@code UniqueKeys}.
 */
public enum Fillers {
    /** Elementary FILLER values are omitted. Default. */
    OMIT,
    /** Elementary FILLER values are written too, under the keys {@code FILLER}, {@code FILLER_2}, ... */
    KEEP
}
