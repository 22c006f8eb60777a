package dev.ringline.perf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a large file through the CLI jar ({@code java -Xmx64m -jar ringline.jar decode ...}) with stdout piped
 * into a SHA-256 computed here, GC logged to a file ({@code -Xlog:gc}), and the CLI's own end-of-run summary
 * (peak heap, peak RSS = VmHWM) read from its stderr.
 */
final class MemoryCheck {
    private static final Pattern RSS = Pattern.compile("peak RSS ([0-9.]+) (B|KiB|MiB|GiB)");
    private static final Pattern HEAP = Pattern.compile("peak heap ([0-9.]+) (B|KiB|MiB|GiB)");
    private static final Pattern SPEED = Pattern.compile("([0-9.]+) MiB/s");

    private MemoryCheck() {
    }

    /** One CLI run. {@code threads} 0 = the CLI's default. */
    record Result(int threads, String sha256, long outputBytes, double seconds, double mibPerSecond,
                  double peakRssMiB, double peakHeapMiB, long gcPauses, String summary) {
    }

    static Result decode(Path jar, Path copybook, Path data, int threads, String heap, Path gcLog)
            throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("ringline-cli", ".err");
        try {
            List<String> command = new java.util.ArrayList<>(List.of(Harness.javaExecutable(), "-Xmx" + heap,
                    "-Xlog:gc:file=" + gcLog + "::filecount=0", "-jar", jar.toString(), "decode",
                    "--copybook", copybook.toString(),
                    "--input", data.toString(), "--progress", "never"));
            if (threads > 0) {
                command.add("--threads");
                command.add(Integer.toString(threads));
            }
            Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            process.getOutputStream().close();
            MessageDigest sha = sha256();
            long bytes = 0;
            long t0 = System.nanoTime();
            byte[] buffer = new byte[1 << 16];
            try (InputStream out = process.getInputStream()) {
                int n;
                while ((n = out.read(buffer)) > 0) {
                    sha.update(buffer, 0, n);
                    bytes += n;
                }
            }
            int exit = process.waitFor();
            double seconds = (System.nanoTime() - t0) / 1e9;
            String err = Files.readString(stderr, StandardCharsets.UTF_8);
            if (exit != 0) {
                throw new IllegalStateException("CLI exit " + exit + ": " + err);
            }
            long pauses = Files.readAllLines(gcLog).stream().filter(l -> l.contains("Pause")).count();
            return new Result(threads, HexFormat.of().formatHex(sha.digest()), bytes, seconds,
                    number(SPEED, err), mib(RSS, err), mib(HEAP, err), pauses, err.trim());
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double number(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    private static double mib(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return -1;
        }
        double v = Double.parseDouble(m.group(1));
        switch (m.group(2)) {
            case "B":
                return v / (1 << 20);
            case "KiB":
                return v / 1024;
            case "GiB":
                return v * 1024;
            default:
                return v;
        }
    }
}
