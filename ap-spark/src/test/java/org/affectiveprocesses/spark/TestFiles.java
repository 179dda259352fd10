package org.affectiveprocesses.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Files of the tests: the test clips and listings. */
final class TestFiles {
    private TestFiles() {
    }

    /** A clip fetched by build/fetch-test-media.sh into the directory of -Dap.testMedia. */
    static Path media(String name) {
        String dir = System.getProperty("ap.testMedia");
        if (dir == null) {
            throw new IllegalStateException("run the tests with Maven, which fetches the test media (-Dap.testMedia)");
        }
        Path p = Path.of(dir, name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(p + " is missing; build/fetch-test-media.sh fetches it");
        }
        return p;
    }

    /** Every file below a directory, relative to it, sorted. */
    static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
