package org.affectiveprocesses.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A block of Java code the README shows between {@code <!-- readme-NAME:start -->} and
 * {@code <!-- readme-NAME:end -->}, and the same code in a test's source between
 * {@code // readme-NAME:start} and {@code // readme-NAME:end}: both as their non-empty lines,
 * stripped, so that a test can check that the README shows exactly the code it compiles.
 */
final class ReadmeBlock {
    private ReadmeBlock() {
    }

    /** The repository's root (tests run in the module's folder). */
    static Path root() {
        return Path.of("").toAbsolutePath().getParent();
    }

    /** The lines the README shows in block {@code name}. */
    static List<String> shown(String name) throws IOException {
        String readme = Files.readString(root().resolve("README.md"), StandardCharsets.UTF_8);
        String block = readme.substring(readme.indexOf("<!-- readme-" + name + ":start -->"),
                readme.indexOf("<!-- readme-" + name + ":end -->"));
        return block.lines().filter(l -> !l.startsWith("<!--") && !l.startsWith("```")).map(String::strip)
                .filter(l -> !l.isEmpty()).collect(Collectors.toList());
    }

    /** The lines of block {@code name} in the source of a test class of this package. */
    static List<String> compiled(Class<?> test, String name) throws IOException {
        String source = Files.readString(root().resolve("ap-examples/src/test/java/org/affectiveprocesses/examples/"
                + test.getSimpleName() + ".java"), StandardCharsets.UTF_8);
        String start = "// readme-" + name + ":start";
        String body = source.substring(source.lastIndexOf(start) + start.length(),
                source.lastIndexOf("// readme-" + name + ":end"));
        return body.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toList());
    }
}
