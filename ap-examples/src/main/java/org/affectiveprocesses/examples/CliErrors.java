package org.affectiveprocesses.examples;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * What the {@code ap} command line does when a command fails while running: one line on standard
 * error saying what went wrong and where ({@code ap evaluate: error: ...}), the stack trace only
 * with {@code --verbose}, and exit code 1. Usage errors (exit code 2) stay with picocli, which
 * prints the problem and the command's usage.
 */
public final class CliErrors implements CommandLine.IExecutionExceptionHandler {
    /** The option that asks for stack traces. */
    public static final String VERBOSE = "--verbose";

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult fullParseResult) {
        PrintWriter err = commandLine.getErr();
        err.println(commandLine.getCommandSpec().qualifiedName() + ": error: " + oneLine(ex));
        if (verbose(fullParseResult)) {
            err.print(stackTrace(ex));
        } else {
            err.println("(run with " + VERBOSE + " for the stack trace)");
        }
        err.flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    /** The message of an error in one line, saying what is wrong and, where known, what to fix. */
    static String oneLine(Throwable ex) {
        Throwable e = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        String message;
        if (e instanceof NoSuchFileException f) {
            message = f.getFile() + ": " + (f.getReason() != null ? f.getReason() : "no such file or directory");
        } else if (e instanceof FileAlreadyExistsException f) {
            message = f.getFile() + ": " + (f.getReason() != null ? f.getReason() : "already exists");
        } else if (e instanceof AccessDeniedException f) {
            message = f.getFile() + ": " + (f.getReason() != null ? f.getReason() : "permission denied");
        } else if (e instanceof FileSystemException f) {
            message = f.getMessage();
        } else if (e.getMessage() == null || e.getMessage().isBlank()) {
            message = e.getClass().getSimpleName();
        } else {
            message = e.getMessage();
        }
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static boolean verbose(ParseResult pr) {
        for (ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(VERBOSE)) {
                return true;
            }
        }
        return false;
    }

    /** The stack trace of a throwable and its causes, as the JVM prints it. */
    static String stackTrace(Throwable ex) {
        StringBuilder sb = new StringBuilder();
        String prefix = "";
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            sb.append(prefix).append(t).append(System.lineSeparator());
            for (StackTraceElement frame : t.getStackTrace()) {
                sb.append("\tat ").append(frame).append(System.lineSeparator());
            }
            prefix = "Caused by: ";
        }
        return sb.toString();
    }
}
