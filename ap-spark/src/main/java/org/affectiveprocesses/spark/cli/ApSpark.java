package org.affectiveprocesses.spark.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ap spark}: extract, predict, evaluate and bench on Apache Spark. Exit codes: 0 ok, 1 the
 * job failed (one line on standard error; {@code --verbose} for the stack trace), 2 usage error, 3
 * an extraction finished but some videos failed (they are in the errors table).
 */
@Command(name = "ap spark", mixinStandardHelpOptions = true,
        description = {"Feature extraction, AP inference and evaluation over a corpus on Apache Spark.",
            "One machine: ap spark extract --master local[2] VIDEOS... --store DIR",
            "A cluster:   spark-submit --master spark://HOST:7077 ... ap-spark-cluster.jar extract ... (see docs/spark.md)"},
        subcommands = {ExtractCommand.class, PredictCommand.class, EvaluateCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class ApSpark implements Runnable {
    /** The exit code of an extraction that finished with failed videos. */
    public static final int SOME_VIDEOS_FAILED = 3;
    private static final String SUBMITTED = "spark.master";
    private static final String LOG_CONFIG = "log4j2.configurationFile";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command: extract, predict, evaluate or bench");
    }

    /** Runs {@code ap spark} and exits with its code. */
    public static void main(String[] args) {
        if (System.getProperty(SUBMITTED) == null && System.getProperty(LOG_CONFIG) == null) {
            System.setProperty(LOG_CONFIG, "org/affectiveprocesses/spark/cli/log4j2.properties");
        }
        System.exit(commandLine().execute(args));
    }

    /** The command line, with errors while running reported in one line (the stack trace with --verbose). */
    static CommandLine commandLine() {
        return new CommandLine(new ApSpark()).setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            err.println(cmd.getCommandSpec().qualifiedName() + ": error: " + oneLine(ex));
            if (parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--verbose")) {
                ex.printStackTrace(err);
            } else {
                err.println("(run with --verbose for the stack trace)");
            }
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        });
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
