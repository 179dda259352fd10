package org.affectiveprocesses.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code kill -9} leaves: a writer process killed midway leaves only its temporary file or
 * directory, never the target; while it runs, other writers into the same directory leave its
 * temporary alone (its lock is held), and once it is dead the next write deletes it.
 */
class KillTest {
    @TempDir
    Path dir;

    private static Process start(String kind, Path target) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                KilledWriter.class.getName(), kind, target.toString()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the writer started").isEqualTo("ready");
        return p;
    }

    private static void kill(Process p) throws InterruptedException {
        p.destroyForcibly(); // SIGKILL on POSIX systems: no shutdown hook, no finally block runs
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    private List<String> temporaries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(Temporaries::isTemporaryName).sorted().toList();
        }
    }

    @Test
    void aKilledWriterLeavesOnlyATemporaryThatTheNextWriteSweeps() throws IOException, InterruptedException {
        Process file = start("file", dir.resolve("k.apmodel"));
        Process store = start("directory", dir.resolve("store"));
        try {
            assertThat(temporaries()).hasSize(2);
            // a write while both writers live must not touch their temporaries (their locks are held)
            try (PendingFile other = PendingFile.create(dir.resolve("other.csv"))) {
                assertThat(temporaries()).hasSize(3);
                other.commit();
            }
            assertThat(temporaries()).hasSize(2);
        } finally {
            kill(file);
            kill(store);
        }
        assertThat(dir.resolve("k.apmodel")).doesNotExist();
        assertThat(dir.resolve("store")).doesNotExist();
        List<String> left = temporaries();
        assertThat(left).hasSize(2).anyMatch(n -> n.startsWith(".k.apmodel.ap-")).anyMatch(n -> n.startsWith(".store.ap-"));
        // the next write into the directory deletes what the killed writers left
        try (PendingFile next = PendingFile.create(dir.resolve("k.apmodel"))) {
            next.outputStream().write(1);
            next.commit();
        }
        assertThat(temporaries()).isEmpty();
        assertThat(dir.resolve("k.apmodel")).hasSize(1);
    }
}
