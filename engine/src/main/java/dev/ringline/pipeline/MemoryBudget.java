package dev.ringline.pipeline;

/**
 * The byte budget a pipeline accounts its records to (see {@link OrderedPipeline.Builder#memoryBound}). The
 * pipeline adds each record's size at publish and subtracts it at release, and its producers wait while the
 * budget reports pressure. Implementations must be thread-safe: producers and the ordered stage call them
 * concurrently.
 */
public interface MemoryBudget {
    /**
     * Whether claims should wait until released records free some bytes.
     *
     * @return true while the budget is under pressure
     */
    boolean isMemoryPressure();

    /**
     * Adds {@code deltaBytes} (negative to release) to the bytes in use.
     *
     * @param deltaBytes bytes to add, or to subtract when negative
     */
    void updateMemoryUsage(long deltaBytes);

    /**
     * The bytes in use now.
     *
     * @return bytes accounted and not yet released
     */
    long currentMemoryBytes();

    /**
     * The limit the pressure is measured against.
     *
     * @return the budget in bytes
     */
    long maxMemoryBytes();
}
