package org.affectiveprocesses.spark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's answers to requests it can refuse before starting Spark. */
class ApSparkTest {
    @TempDir
    Path tmp;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = ApSpark.commandLine();
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("name a command");
        assertThat(run("extract", "--store", tmp.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("name the videos");
        assertThat(run("evaluate", "--pooling", "median", tmp.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--pooling must be pooled or per-sequence");
        assertThat(run("predict", "--store", tmp.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--model");
    }

    @Test
    void badInputsAreOneLineErrorsWithExitOne() throws Exception {
        assertThat(run("extract", tmp.resolve("missing.mp4").toString(), "--store", tmp.resolve("store").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("ap spark extract: error: ").contains("missing.mp4")
                .contains("(run with --verbose for the stack trace)");
        Path a = Files.writeString(Files.createDirectories(tmp.resolve("x")).resolve("clip.mp4"), "x");
        Path b = Files.writeString(Files.createDirectories(tmp.resolve("y")).resolve("clip.avi"), "x");
        assertThat(run("extract", a.toString(), b.toString(), "--store", tmp.resolve("store").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("would both write clip.npz");
        assertThat(tmp.resolve("store")).doesNotExist();
    }
}
