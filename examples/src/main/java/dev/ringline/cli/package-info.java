/**
 * The {@code ringline} command line (picocli): {@code decode}, {@code layout}, {@code generate} and {@code demo},
 * their option parsing, output files and exit codes, and the synthetic data they generate.
 *
 * <p>May use: the public API of the engine module ({@code dev.ringline.cobol..}, {@code dev.ringline.pipeline},
 * {@code dev.ringline.memory}) and picocli.
 */
package dev.ringline.cli;
