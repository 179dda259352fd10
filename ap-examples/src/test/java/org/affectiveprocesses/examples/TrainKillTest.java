package org.affectiveprocesses.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.affectiveprocesses.core.io.CheckpointFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ap train} survives {@code kill -9}: on each engine ({@code --engine}), a training in a
 * child JVM (small synthetic corpus, stored once; 3 epochs of 10 steps, a checkpoint every 4) is
 * killed with SIGKILL three times, each time continued with {@code --resume}, and its final model
 * is the model of an uninterrupted run of the same seed without checkpoints, byte for byte (every
 * child runs with the same {@code SOURCE_DATE_EPOCH}, which fixes the provenance's creation time).
 *
 * <p>The kills are placed by the child's own output, never by a timer: the first when it has
 * printed a seeded random step of the first half (a checkpoint step, so the kill lands while that
 * checkpoint is written or just after), the second at a seeded random step of the second half,
 * the third when it has printed the last epoch's report (while it validates, calibrates σ and
 * writes the model). The kill lands wherever the child is by then. After every kill the
 * checkpoint on disk is complete and holds the last step the child announced, or the next one
 * (written but not yet announced); at the end no temporary file is left and no child is alive.
 */
class TrainKillTest {
    private static final long SEED = 14;
    private static final int EPOCHS = 3;
    private static final int STEPS = 10;
    private static final int EVERY = 4;
    private static final int TOTAL = EPOCHS * STEPS;
    private static final long TIMEOUT_SECONDS = 600;
    private static final Pattern PROGRESS = Pattern.compile("epoch (\\d+)/" + EPOCHS + " \\[[# ]*\\] (\\d+)/" + STEPS
            + " .*");
    private static final Pattern CHECKPOINT = Pattern.compile("checkpoint: step (\\d+) of " + TOTAL + " saved to .*");
    private static final Pattern RESUMED = Pattern.compile("Resuming from .* at step (\\d+) of " + TOTAL);

    @TempDir
    static Path shared;
    static Path store;

    @TempDir
    Path dir;

    private final List<Child> children = new ArrayList<>();

    @BeforeAll
    static void storeTheCorpus() {
        store = shared.resolve("store");
        CliRun r = CliRun.of("store", "synthetic", "--preset", "small", store.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    @AfterEach
    void noChildIsLeft() throws InterruptedException {
        for (Child c : children) {
            c.process.destroyForcibly();
            assertThat(c.process.waitFor(60, TimeUnit.SECONDS)).as("child %d ended", c.process.pid()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"djl", "tensorflow"})
    void aTrainingKilledAtRandomPointsAndResumedWritesTheModelOfAnUninterruptedRun(String engine) throws Exception {
        Path reference = dir.resolve("reference.apmodel");
        assertThat(start(engine, train(reference)).awaitExit()).as("uninterrupted run").isZero();

        Path model = dir.resolve("model.apmodel");
        Path checkpoint = dir.resolve("run.apckpt");
        Random random = new Random(SEED);
        int firstHalfCheckpoints = TOTAL / 2 / EVERY;
        int first = EVERY * (1 + random.nextInt(firstHalfCheckpoints));
        int second = TOTAL / 2 + 1 + random.nextInt(TOTAL / 2 - EVERY);
        List<Predicate<String>> kills = List.of(line -> step(line) == first, line -> step(line) == second,
                line -> line.startsWith("  epoch " + EPOCHS + "/" + EPOCHS + "  loss"));
        List<String> story = new ArrayList<>();
        for (Predicate<String> when : kills) {
            Child child = start(engine, resumable(model, checkpoint));
            String reached = child.awaitLine(when);
            assertThat(child.kill()).as("the child was alive when killed, after: " + reached).isTrue();
            long onDisk = Files.exists(checkpoint) ? CheckpointFile.read(checkpoint).loop().completedSteps() : 0;
            assertThat(onDisk).as("the checkpoint after the kill holds the last announced step or the next one")
                    .isIn(child.lastCheckpoint, child.lastCheckpoint + EVERY);
            boolean temporary = temporaries().findAny().isPresent();
            story.add((child.resumedAt == null ? "fresh" : "from step " + child.resumedAt) + ", killed after '"
                    + reached.replaceAll("\\s*\\[[# ]*\\]", "").strip() + "', checkpoint at step " + onDisk
                    + (temporary ? " and a temporary file" : ""));
        }
        Child finish = start(engine, resumable(model, checkpoint));
        assertThat(finish.awaitExit()).as("resumed run to the end").isZero();
        story.add("from step " + finish.resumedAt + " to the end");
        System.out.println("kill test, " + engine + ": " + String.join("; ", story));

        assertThat(finish.resumedAt).as("the last run continued the last checkpoint before the last epoch's report")
                .isEqualTo((TOTAL - 1) / EVERY * EVERY);
        assertThat(Files.mismatch(reference, model)).as("the resumed model file is the uninterrupted one, byte for byte")
                .isEqualTo(-1L);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file is left")
                    .containsExactlyInAnyOrder("reference.apmodel", "model.apmodel", "run.apckpt");
        }
    }

    /**
     * {@code --resume} refuses, before any step and without touching the checkpoint or the
     * output, a checkpoint written with other options or on another engine, and a file that is
     * not a checkpoint.
     */
    @Test
    void aCheckpointOfOtherOptionsOrEngineOrAFileOfAnotherKindIsRefused() throws IOException {
        Path checkpoint = dir.resolve("c.apckpt");
        Path model = dir.resolve("m.apmodel");
        CliRun written = CliRun.of(args(train(model, 1, 2), "--engine", "djl", "--checkpoint", checkpoint.toString(),
                "--checkpoint-every", "1", "--no-calibrate", "-q"));
        assertThat(written.code()).as(written.err()).isZero();
        byte[] before = Files.readAllBytes(checkpoint);
        Path other = dir.resolve("other.apmodel");

        CliRun reseeded = CliRun.of(args(train(other, 1, 2), "--engine", "djl", "--no-calibrate", "-q", "--seed", "2",
                "--resume", checkpoint.toString()));
        assertThat(reseeded.code()).isEqualTo(1);
        assertThat(reseeded.err()).contains("ap train: error: " + checkpoint
                + " is a checkpoint of another training configuration (seed: 1 in the checkpoint, 2 now)");
        assertThat(reseeded.out()).doesNotContain("epoch 1/1");

        CliRun otherEngine = CliRun.of(args(train(other, 1, 2), "--engine", "tensorflow", "--no-calibrate", "-q",
                "--resume", checkpoint.toString()));
        assertThat(otherEngine.code()).isEqualTo(1);
        assertThat(otherEngine.err()).contains("ap train: error: " + checkpoint
                + " is a checkpoint of a training on engine 'djl', not 'tensorflow'");
        assertThat(Files.readAllBytes(checkpoint)).isEqualTo(before);
        assertThat(other).doesNotExist();

        CliRun wrongKind = CliRun.of(args(train(other, 1, 2), "--resume", model.toString(), "-q"));
        assertThat(wrongKind.code()).isEqualTo(1);
        assertThat(wrongKind.err()).contains(model + ": entry 'apmodel.json' field 'format' is 'affective-process-model',"
                + " expected 'affective-process-checkpoint'");
        assertThat(other).doesNotExist();
    }

    /** Usage errors of the checkpoint and engine options, before any work. */
    @Test
    void badCheckpointOrEngineOptionsAreUsageErrors() {
        Path model = dir.resolve("m.apmodel");
        CliRun sameFile = CliRun.of(args(train(model, 1, 2), "--checkpoint", model.toString()));
        assertThat(sameFile.code()).isEqualTo(2);
        assertThat(sameFile.err()).contains("--checkpoint names " + model + ", which --out already names");
        CliRun engine = CliRun.of(args(train(model, 1, 2), "--engine", "onnx"));
        assertThat(engine.code()).isEqualTo(2);
        assertThat(engine.err()).contains("unknown --engine 'onnx'; available: [djl, tensorflow]");
        assertThat(model).doesNotExist();
    }

    private Child start(String engine, List<String> args) throws IOException {
        Child child = Child.start(engine, args);
        children.add(child);
        return child;
    }

    private Stream<Path> temporaries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList().stream();
        }
    }

    private static String[] args(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static List<String> train(Path out) {
        return train(out, EPOCHS, STEPS);
    }

    private static List<String> train(Path out, int epochs, int steps) {
        return List.of("train", "--store", store.toString(), "--epochs", String.valueOf(epochs), "--iterations",
                String.valueOf(steps), "--batch", "4", "--hidden", "32", "--latent", "16", "--window", "40",
                "--context", "20", "-o", out.toString());
    }

    private static List<String> resumable(Path out, Path checkpoint) {
        List<String> args = new ArrayList<>(train(out));
        args.addAll(List.of("--checkpoint", checkpoint.toString(), "--checkpoint-every", String.valueOf(EVERY)));
        if (Files.exists(checkpoint)) {
            args.addAll(List.of("--resume", checkpoint.toString()));
        }
        return args;
    }

    /** The global step of a progress line, or -1. */
    private static int step(String line) {
        Matcher m = PROGRESS.matcher(line);
        return m.matches() ? (Integer.parseInt(m.group(1)) - 1) * STEPS + Integer.parseInt(m.group(2)) : -1;
    }

    /**
     * {@code ap} in a child JVM, its standard output and error read line by line; it notes the
     * step it resumed from and the last checkpoint it announced.
     */
    private static final class Child {
        private static final String END = "\u0000end";
        /** The creation time every child records: 2026-12-07T00:00:00Z. */
        private static final String CREATED = "1796601600";
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private volatile Long resumedAt;
        private volatile long lastCheckpoint;

        private Child(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        Matcher resumed = RESUMED.matcher(line);
                        if (resumed.matches()) {
                            resumedAt = Long.parseLong(resumed.group(1));
                            lastCheckpoint = resumedAt;
                        }
                        Matcher saved = CHECKPOINT.matcher(line);
                        if (saved.matches()) {
                            lastCheckpoint = Long.parseLong(saved.group(1));
                        }
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("(output unreadable: " + e + ")");
                } finally {
                    lines.add(END);
                }
            }, "ap child output");
            reader.setDaemon(true);
            reader.start();
        }

        static Child start(String engine, List<String> args) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx512m", "-Dai.djl.offline=true", "-Dorg.slf4j.simpleLogger.log.ai.djl=error",
                    "-cp", System.getProperty("java.class.path"), ApCommand.class.getName()));
            command.addAll(args);
            command.addAll(List.of("--engine", engine, "--verbose"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("SOURCE_DATE_EPOCH", CREATED);
            return new Child(builder.start());
        }

        /**
         * Waits for a line that passes the test and returns it; fails if the child ends first or
         * prints nothing for the timeout.
         */
        String awaitLine(Predicate<String> wanted) throws InterruptedException {
            List<String> seen = new ArrayList<>();
            for (String line = lines.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS); line != null;
                    line = lines.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                if (line.equals(END)) {
                    throw new AssertionError("ap ended (exit " + process.waitFor() + ") before the awaited line:\n"
                            + String.join("\n", seen));
                }
                seen.add(line);
                if (wanted.test(line)) {
                    return line;
                }
            }
            throw new AssertionError("ap printed nothing for " + TIMEOUT_SECONDS + " s:\n" + String.join("\n", seen));
        }

        /**
         * SIGKILL (no shutdown hook, no finally block runs) and waits until the child and its
         * output are gone; false if it had ended already.
         */
        boolean kill() throws InterruptedException {
            boolean alive = process.isAlive();
            process.destroyForcibly();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the killed child ended").isTrue();
            drain();
            return alive;
        }

        /** Waits for the end and returns the exit code; its output is printed when it is not 0. */
        int awaitExit() throws InterruptedException {
            assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("ap ended in time").isTrue();
            List<String> seen = drain();
            if (process.exitValue() != 0) {
                System.out.println(String.join("\n", seen));
            }
            return process.exitValue();
        }

        /** The rest of the output, to its end (after the process ended). */
        private List<String> drain() throws InterruptedException {
            List<String> seen = new ArrayList<>();
            for (String line = lines.poll(60, TimeUnit.SECONDS); line != null && !line.equals(END);
                    line = lines.poll(60, TimeUnit.SECONDS)) {
                seen.add(line);
            }
            return seen;
        }
    }
}
