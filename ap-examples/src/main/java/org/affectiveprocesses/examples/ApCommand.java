package org.affectiveprocesses.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ap} command line; picocli handles parsing, help and exit codes. */
@Command(name = "ap", mixinStandardHelpOptions = true, versionProvider = ApCommand.Version.class,
        description = "Affective Processes for Java: facial affect with temporal context.",
        subcommands = {DemoCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class ApCommand {

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        int code = new CommandLine(new ApCommand()).execute(args);
        System.exit(code);
    }

    /** Prints the SDK version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ap " + org.affectiveprocesses.core.SdkVersion.get()};
        }
    }
}
