package dev.ringline.cli;

import picocli.CommandLine;

import java.util.Locale;

/**
 * Byte sizes as people write them: {@code 1048576}, {@code 1000KB}, {@code 64MiB}, {@code 4GiB}. Decimal units
 * (KB, MB, GB, TB) are powers of 1000, binary ones (KiB, MiB, GiB, TiB) powers of 1024; case is ignored.
 */
final class ByteSize {
    private static final String[] DECIMAL = {"B", "KB", "MB", "GB", "TB"};
    private static final String[] BINARY = {"B", "KIB", "MIB", "GIB", "TIB"};

    private ByteSize() {
    }

    /**
     * Parses a size.
     *
     * @throws IllegalArgumentException with the text and the accepted forms if it is not a size
     */
    static long parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        int end = 0;
        while (end < t.length() && (Character.isDigit(t.charAt(end)))) {
            end++;
        }
        if (end == 0) {
            throw invalid(text);
        }
        String unit = t.substring(end).trim();
        long multiplier = -1;
        if (unit.isEmpty()) {
            multiplier = 1;
        }
        for (int i = 0; i < DECIMAL.length && multiplier < 0; i++) {
            if (unit.equals(DECIMAL[i])) {
                multiplier = pow(1000, i);
            } else if (unit.equals(BINARY[i])) {
                multiplier = pow(1024, i);
            }
        }
        if (multiplier < 0) {
            throw invalid(text);
        }
        try {
            return Math.multiplyExact(Long.parseLong(t.substring(0, end)), multiplier);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("size '" + text + "' is too large");
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid size '" + text
                + "': use bytes or a number with KB, MB, GB, TB (x1000) or KiB, MiB, GiB, TiB (x1024)");
    }

    private static long pow(long base, int exponent) {
        long v = 1;
        for (int i = 0; i < exponent; i++) {
            v *= base;
        }
        return v;
    }

    /** {@code 512 B}, {@code 1.5 KiB}, {@code 64.0 MiB}, {@code 4.00 GiB}. */
    static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : v >= 10 ? "%.1f %s" : "%.2f %s", v, units[u]);
    }

    /** picocli converter for size options. */
    static final class Converter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
