package org.affectiveprocesses.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One output policy for every command, checked before any work: an output's directory must
 * exist (it is never created), a file output is not a directory, a new store's directory is
 * missing or empty; and bad option values are usage errors (exit code 2) before any work.
 */
class OutputPolicyTest {
    @TempDir
    Path dir;

    private static void assertFailsBeforeWork(CliRun r, int code, String... messageParts) {
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        assertThat(r.err()).contains(messageParts);
        assertThat(r.out()).as("nothing was done").doesNotContain("epoch").doesNotContain("Training")
                .doesNotContain("#").doesNotContain("Read ");
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void aMissingOutputDirectoryFailsAtOnceAndIsNotCreated() throws IOException {
        String missing = dir.resolve("nodir").resolve("k.apmodel").toString();
        assertFailsBeforeWork(CliRun.of("train", "--synthetic", "small", "-o", missing), 1,
                "ap train: error: " + missing + ": the directory " + dir.resolve("nodir")
                        + " does not exist; create it first (--out)");
        assertFailsBeforeWork(CliRun.of("evaluate", "--synthetic", "small", "-m", "x.apmodel", "--json",
                dir.resolve("a/b.json").toString()), 1, "does not exist; create it first (--json)");
        assertFailsBeforeWork(CliRun.of("evaluate", "--synthetic", "small", "-m", "x.apmodel", "--figures-dir",
                dir.resolve("a/figs").toString()), 1, "(--figures-dir)");
        assertFailsBeforeWork(CliRun.of("plot", "window", "--synthetic", "small", "-m", "x.apmodel", "-o",
                dir.resolve("a/f.png").toString()), 1, "(--out)");
        assertFailsBeforeWork(CliRun.of("store", "synthetic", "--preset", "small", dir.resolve("a/store").toString()), 1,
                "(DIR)");
        assertFailsBeforeWork(CliRun.of("import", "--layout", "sewa", "--annotations", dir.toString(), "--features",
                dir.toString(), "--out", dir.resolve("a/store").toString()), 1, "(--out)");
        assertFailsBeforeWork(CliRun.of("extract", dir.resolve("video.mp4").toString(), "-o",
                dir.resolve("a/v.npz").toString(), "-q"), 1, "(--output)");
        assertFailsBeforeWork(CliRun.of("predict", dir.resolve("video.mp4").toString(), "-o",
                dir.resolve("a/v.csv").toString(), "--quiet"), 1, "(--output)");
        assertFailsBeforeWork(CliRun.of("demo", "--report", dir.resolve("a/report").toString()), 1, "(--report)");
        assertFailsBeforeWork(CliRun.of("compare", "--save", dir.resolve("a/models").toString()), 1, "(--save)");
        assertThat(listing()).isEmpty();
    }

    @Test
    void aDirectoryIsNotAFileAndANewStoreNeedsAnEmptyDirectory() throws IOException {
        Files.createDirectories(dir.resolve("models"));
        assertFailsBeforeWork(CliRun.of("train", "--synthetic", "small", "-o", dir.resolve("models").toString()), 1,
                "is a directory; --out needs a file name");
        Files.writeString(dir.resolve("models/readme.txt"), "x");
        assertFailsBeforeWork(CliRun.of("store", "synthetic", "--preset", "small", dir.resolve("models").toString()), 1,
                "is not empty; DIR needs a new or empty directory");
        assertFailsBeforeWork(CliRun.of("evaluate", "--synthetic", "small", "-m", "x.apmodel", "--figures-dir",
                dir.resolve("models/readme.txt").toString()), 1, "is a file; --figures-dir needs a directory");
    }

    @Test
    void badValuesAreUsageErrorsBeforeAnyWork() {
        assertFailsBeforeWork(CliRun.of("demo", "--epochs", "0"), 2, "epochs must be >= 1");
        assertFailsBeforeWork(CliRun.of("demo", "--objective", "nll+foo"), 2, "unknown objective 'nll+foo'");
        assertFailsBeforeWork(CliRun.of("demo", "--labels", "xy"), 2, "--labels must be va or au");
        assertFailsBeforeWork(CliRun.of("train", "--synthetic", "small", "-o", "x.apmodel", "--objective", "nll+foo"), 2,
                "unknown objective 'nll+foo'");
        // a bad value is reported before a bad output
        assertFailsBeforeWork(CliRun.of("train", "--synthetic", "small", "-o", "nodir/x.apmodel", "--epochs", "0"), 2,
                "epochs must be >= 1");
        assertFailsBeforeWork(CliRun.of("store", "synthetic", "--preset", "xx", "nodir/store"), 2, "unknown --preset 'xx'");
        assertFailsBeforeWork(CliRun.of("extract", "video.mp4", "--detector", "foo"), 2, "unknown --detector 'foo'");
        assertFailsBeforeWork(CliRun.of("predict", "video.mp4", "--backbone", "foo"), 2, "unknown --backbone 'foo'");
        assertFailsBeforeWork(CliRun.of("extract", "video.mp4", "-o", "same.out", "--csv", "same.out"), 2,
                "--csv names same.out, which another output already names");
        assertFailsBeforeWork(CliRun.of("bench", "--rounds", "0"), 2, "--rounds must be >= 1");
        assertFailsBeforeWork(CliRun.of("compare", "--epochs", "0"), 2, "--epochs and --iterations must be >= 1");
        assertFailsBeforeWork(CliRun.of("plot", "window", "--synthetic", "small", "-m", "x.apmodel", "--samples",
                "5000"), 2, "--samples must be in [0, 1000]");
    }
}
