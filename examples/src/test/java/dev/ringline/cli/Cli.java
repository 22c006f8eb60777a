package dev.ringline.cli;

import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code ringline} in-process with captured streams. */
final class Cli {
    private static final Pattern RECORDS = Pattern.compile("records: read ([\\d,]+), written ([\\d,]+), rejected ([\\d,]+)");

    final int exitCode;
    final byte[] stdout;
    final String out;
    final String err;

    private Cli(int exitCode, byte[] stdout, String out, String err) {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.out = out;
        this.err = err;
    }

    static Cli run(String... args) {
        return run(new byte[0], args);
    }

    static Cli run(byte[] stdin, String... args) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        return run(new ByteArrayInputStream(stdin), data, data, args);
    }

    static Cli run(InputStream stdin, OutputStream stdout, ByteArrayOutputStream captured, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Ringline.commandLine(new Ringline(stdin, stdout), new PrintWriter(out, true),
                new PrintWriter(err, true));
        int code = cmd.execute(args);
        byte[] bytes = captured == null ? new byte[0] : captured.toByteArray();
        return new Cli(code, bytes, out.toString(), err.toString());
    }

    String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** read, written, rejected from the end-of-run summary. */
    long[] records() {
        Matcher m = RECORDS.matcher(err);
        if (!m.find()) {
            throw new AssertionError("no summary in stderr: " + err);
        }
        return new long[] {number(m.group(1)), number(m.group(2)), number(m.group(3))};
    }

    private static long number(String s) {
        return Long.parseLong(s.replace(",", ""));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nout: " + out + "\nerr: " + err;
    }
}
