package dev.ringline.cobol.framing;

/** How records are delimited in a data set. */
public enum RecordFormat {
    /** Every record has the same length (or a length computed from its first bytes, see {@link RecordLengthFunction}). */
    FIXED,
    /** Each record is preceded by a 4-byte record descriptor word (RDW) giving its length. */
    RDW,
    /** Variable blocked: 4-byte block descriptor words (BDW), each followed by RDW records filling the block. */
    VB
}
