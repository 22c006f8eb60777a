package dev.ringline.memory;

/**
 * A snapshot of a {@link StreamingProcessor}.
 *
 * @param maxMemoryBytes           the limit
 * @param currentMemoryBytes       bytes currently accounted
 * @param memoryUtilizationPercent current bytes as a percentage of the limit (0-100, may exceed 100)
 * @param recordsProcessed         records reported through {@link StreamingProcessor#recordProcessed(long)}
 * @param bytesProcessed           bytes reported through {@link StreamingProcessor#recordProcessed(long)}
 */
public record StreamingProcessorStats(long maxMemoryBytes, long currentMemoryBytes, double memoryUtilizationPercent,
                                      long recordsProcessed, long bytesProcessed) {
}
