package dev.ringline.perf;

/**
 * A running check for outputs delivered one at a time, in order, for inputs 0, 1, 2, ...: throws at the first
 * value that is not {@link Work#expected} of its position, and sums the rest. Not thread-safe; callers deliver
 * serially (possibly from different threads, with a happens-before edge between deliveries).
 */
final class OrderCheck {
    private final String variant;
    private long index;
    private long sum;

    OrderCheck(String variant) {
        this.variant = variant;
    }

    void accept(long value) {
        if (value != Work.expected(index)) {
            throw Work.outOfOrder(variant, index, value);
        }
        index++;
        sum += value;
    }

    long sum() {
        return sum;
    }

    long count() {
        return index;
    }
}
