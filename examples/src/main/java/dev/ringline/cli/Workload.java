package dev.ringline.cli;

/** The synthetic data sets {@code ringline generate} writes, each defined by its copybook. */
enum Workload {
    /** Ten 50-byte text fields: 500-byte records of letters, digits and spaces. */
    display(lines(
            "      * Synthetic text workload: 10 x PIC X(50), 500-byte records.",
            "       01  TEXT-RECORD.",
            "           05  TEXT-01                PIC X(50).",
            "           05  TEXT-02                PIC X(50).",
            "           05  TEXT-03                PIC X(50).",
            "           05  TEXT-04                PIC X(50).",
            "           05  TEXT-05                PIC X(50).",
            "           05  TEXT-06                PIC X(50).",
            "           05  TEXT-07                PIC X(50).",
            "           05  TEXT-08                PIC X(50).",
            "           05  TEXT-09                PIC X(50).",
            "           05  TEXT-10                PIC X(50).")),
    /** Ten signed packed amounts with two decimals: 60-byte records. */
    comp3(lines(
            "      * Synthetic packed-decimal workload: 10 x PIC S9(9)V99 COMP-3, 60-byte records.",
            "       01  AMOUNT-RECORD.",
            "           05  AMOUNT-01              PIC S9(9)V99 COMP-3.",
            "           05  AMOUNT-02              PIC S9(9)V99 COMP-3.",
            "           05  AMOUNT-03              PIC S9(9)V99 COMP-3.",
            "           05  AMOUNT-04              PIC S9(9)V99 COMP-3.",
            "           05  AMOUNT-05              PIC S9(9)V99 COMP-3.",
            "           05  AMOUNT-06              PIC S9(9)V99 COMP-3.",
            "           05  AMOUNT-07              PIC S9(9)V99 COMP-3.",
            "           05  AMOUNT-08              PIC S9(9)V99 COMP-3.",
            "           05  AMOUNT-09              PIC S9(9)V99 COMP-3.",
            "           05  AMOUNT-10              PIC S9(9)V99 COMP-3.")),
    /** A customer record: text, signed zoned with decimals, packed, binary, an OCCURS table and a REDEFINES. */
    mixed(lines(
            "      * Synthetic customer workload: text, zoned, packed, binary,",
            "      * an OCCURS 3 TIMES table and a REDEFINES; 122-byte records.",
            "       01  CUSTOMER-RECORD.",
            "           05  CUSTOMER-ID            PIC 9(10).",
            "           05  CUSTOMER-NAME          PIC X(30).",
            "           05  CITY                   PIC X(20).",
            "           05  BALANCE                PIC S9(9)V99.",
            "           05  CREDIT-LIMIT           PIC S9(7)V99 COMP-3.",
            "           05  VISIT-COUNT            PIC S9(9) COMP.",
            "           05  LOYALTY-POINTS         PIC 9(4) COMP.",
            "           05  OPENED-DATE            PIC 9(8).",
            "           05  OPENED-PARTS REDEFINES OPENED-DATE.",
            "               10  OPENED-YEAR        PIC 9(4).",
            "               10  OPENED-MONTH       PIC 9(2).",
            "               10  OPENED-DAY         PIC 9(2).",
            "           05  RECENT-ORDER OCCURS 3 TIMES.",
            "               10  ORDER-ID           PIC 9(8) COMP.",
            "               10  ORDER-AMOUNT       PIC S9(7)V99 COMP-3.",
            "               10  ORDER-STATUS       PIC X(1).",
            "           05  STATUS-CODE            PIC X(2)."));

    private final String copybook;

    Workload(String copybook) {
        this.copybook = copybook;
    }

    /** The copybook text (fixed format). */
    String copybook() {
        return copybook;
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
