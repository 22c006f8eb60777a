package dev.ringline.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.List;

/**
 * The root command's handler of bad arguments: one line with the reason (an unknown option is named, with
 * picocli's closest match), then a pointer to the command's {@code --help} instead of the whole usage text.
 * An unknown option is reported before the required options it may have hidden ({@code --copybok}).
 */
final class UsageErrors implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String command = cmd.getCommandSpec().qualifiedName();
        List<String> unmatched = ex instanceof UnmatchedArgumentException
                ? ((UnmatchedArgumentException) ex).getUnmatched() : cmd.getUnmatchedArguments();
        String reason;
        if (!unmatched.isEmpty()) {
            reason = unknown(cmd, unmatched);
        } else {
            reason = ex.getMessage();
        }
        err.println(command + ": " + reason);
        err.println(hint(command));
        err.flush();
        return ExitCodes.USAGE;
    }

    private static String unknown(CommandLine cmd, List<String> unmatched) {
        String first = unmatched.get(0);
        boolean option = first.startsWith("-");
        StringBuilder sb = new StringBuilder(option ? "unknown option '" : "unexpected argument '")
                .append(first).append('\'');
        List<String> suggestions = new UnmatchedArgumentException(cmd, List.of(first)).getSuggestions();
        if (!suggestions.isEmpty()) {
            sb.append(" (did you mean ").append(String.join(" or ", suggestions.subList(0,
                    Math.min(2, suggestions.size())))).append("?)");
        }
        if (unmatched.size() > 1) {
            sb.append("; also not understood: ").append(String.join(" ", unmatched.subList(1, unmatched.size())));
        }
        return sb.toString();
    }

    /** The second line of every usage error. */
    static String hint(String command) {
        return "see `" + command + " --help`";
    }
}
