package org.affectiveprocesses.backbone.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GlibcMallocTest {
    @Test
    void glibcTakesTheThresholdsOnceAndAgainIsANoOp() {
        assumeTrue(Files.exists(Path.of("/lib/x86_64-linux-gnu/libc.so.6")), "a glibc Linux");
        assertThat(GlibcMalloc.keepFreedMemory()).isTrue();
        assertThat(GlibcMalloc.keepFreedMemory()).isTrue();
    }
}
