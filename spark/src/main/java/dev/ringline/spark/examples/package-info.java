/**
 * Small runnable programs that use the connector; the tests run them. Kept in the spark module so that the
 * command line's jar (examples module) never depends on Spark.
 */
package dev.ringline.spark.examples;
