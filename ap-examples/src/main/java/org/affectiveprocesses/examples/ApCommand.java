package org.affectiveprocesses.examples;

import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code ap} command line; picocli handles parsing, help and exit codes. */
@Command(name = "ap", mixinStandardHelpOptions = true, versionProvider = ApCommand.Version.class,
        description = "Affective Processes for Java: facial affect with temporal context.",
        subcommands = {DemoCommand.class, BenchCommand.class, TrainCommand.class, CalibrateCommand.class, EvaluateCommand.class,
            PlotCommand.class, StoreCommand.class, ImportCommand.class, ExtractCommand.class, PredictCommand.class,
            CompareCommand.class, CommandLine.HelpCommand.class})
public final class ApCommand {

    @CommandLine.Option(names = CliErrors.VERBOSE, scope = CommandLine.ScopeType.INHERIT,
            description = "on an error, print the stack trace too")
    boolean verbose;

    /**
     * Runs the command line and exits with its code; running out of memory is one line and exit
     * code 1 too (readers check sizes before they allocate, so this is work too large for -Xmx).
     */
    public static void main(String[] args) {
        int code;
        try {
            code = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("ap: error: out of memory (" + e.getMessage() + "); the JVM may use at most "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB: give it more with java -Xmx or use less data");
            code = CommandLine.ExitCode.SOFTWARE;
        }
        System.exit(code);
    }

    /** The configured command line: exit code 0 ok, 1 runtime failure (one-line error), 2 usage error. */
    static CommandLine commandLine() {
        return new CommandLine(new ApCommand()).setExecutionExceptionHandler(new CliErrors());
    }

    /** Prints the SDK version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ap " + org.affectiveprocesses.core.SdkVersion.get()};
        }
    }
}
