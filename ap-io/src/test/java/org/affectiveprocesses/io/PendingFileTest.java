package org.affectiveprocesses.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingFileTest {
    @TempDir
    Path dir;

    private List<String> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aCommittedFileAppearsWholeAndAnUncommittedOneLeavesNothing() throws IOException {
        Path target = dir.resolve("scores.csv");
        try (PendingFile f = PendingFile.create(target)) {
            try (OutputStream out = f.outputStream()) {
                out.write("a,b\n".getBytes(StandardCharsets.UTF_8));
            }
            List<String> during = listing(dir);
            assertThat(during).hasSize(1);
            assertThat(during.get(0)).matches("\\.scores\\.csv\\.ap-[0-9a-f]{16}\\.tmp");
            assertThat(Temporaries.isTemporaryName(during.get(0))).isTrue();
            f.commit();
        }
        assertThat(listing(dir)).containsExactly("scores.csv");
        assertThat(Files.readString(target)).isEqualTo("a,b\n");
        try (PendingFile f = PendingFile.create(target)) {
            f.outputStream().write(1);
        }
        assertThat(listing(dir)).containsExactly("scores.csv");
        assertThat(Files.readString(target)).isEqualTo("a,b\n");
    }

    @Test
    void missingDirectoriesAreNeverCreatedAndDirectoriesAreNotFiles() throws IOException {
        assertThatThrownBy(() -> PendingFile.create(dir.resolve("missing").resolve("x.npz")))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("x.npz").hasMessageContaining("missing does not exist (create it first)");
        assertThatThrownBy(() -> PendingFile.create(dir)).hasMessageContaining("is a directory; give a file name");
        assertThatThrownBy(() -> PendingDirectory.create(dir.resolve("missing").resolve("store")))
                .isInstanceOf(NoSuchFileException.class);
        assertThat(listing(dir)).isEmpty();
    }

    @Test
    void staleTemporariesOfKilledWritersAreSweptAndLiveOnesKept() throws IOException {
        // what a killed writer leaves: unlocked temporary files and directories of the SDK's pattern
        Path staleFile = dir.resolve(".k.apmodel.ap-0123456789abcdef.tmp");
        Files.writeString(staleFile, "partial");
        Path staleDir = dir.resolve(".store.ap-fedcba9876543210.tmp");
        Files.createDirectories(staleDir);
        Files.writeString(staleDir.resolve(Temporaries.LOCK_FILE), "");
        Files.writeString(staleDir.resolve("S01.npz"), "partial");
        Path freshUnlockedDir = dir.resolve(".young.ap-00000000000000aa.tmp");
        Files.createDirectories(freshUnlockedDir); // a writer between mkdir and its lock file: kept
        Path oldUnlockedDir = dir.resolve(".old.ap-00000000000000bb.tmp");
        Files.createDirectories(oldUnlockedDir);
        Files.setLastModifiedTime(oldUnlockedDir, FileTime.from(Instant.now().minusSeconds(3600)));
        Path notOurs = dir.resolve(".k.apmodel.6f96c2d1aa52878c.tmp"); // another pattern: never touched
        Files.writeString(notOurs, "x");
        try (PendingFile live = PendingFile.create(dir.resolve("a.bin"))) {
            List<String> afterFirst = listing(dir);
            assertThat(afterFirst).doesNotContain(staleFile.getFileName().toString(), staleDir.getFileName().toString(),
                    oldUnlockedDir.getFileName().toString());
            assertThat(afterFirst).contains(freshUnlockedDir.getFileName().toString(), notOurs.getFileName().toString());
            // a second writer in the same directory must not sweep the first one's live file
            try (PendingFile second = PendingFile.create(dir.resolve("b.bin"))) {
                assertThat(listing(dir).stream().filter(n -> n.startsWith(".a.bin.ap-"))).hasSize(1);
                second.commit();
            }
            live.commit();
        }
        assertThat(listing(dir)).contains("a.bin", "b.bin").noneMatch(n -> n.startsWith(".a.bin") || n.startsWith(".b.bin"));
    }

    @Test
    void aPendingDirectoryIsRenamedIntoPlaceOrRemoved() throws IOException {
        Path target = dir.resolve("store");
        try (PendingDirectory d = PendingDirectory.create(target)) {
            Files.writeString(d.path().resolve("a.npz"), "a");
            assertThat(Files.exists(target)).isFalse();
            assertThat(Temporaries.isTemporaryName(d.path().getFileName().toString())).isTrue();
            d.commit();
        }
        assertThat(listing(target)).containsExactly("a.npz");
        assertThatThrownBy(() -> PendingDirectory.create(target)).isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("is not empty");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        try (PendingDirectory d = PendingDirectory.create(empty)) {
            Files.writeString(d.path().resolve("b.npz"), "b");
            d.commit();
        }
        assertThat(listing(empty)).containsExactly("b.npz");
        try (PendingDirectory d = PendingDirectory.create(dir.resolve("abandoned"))) {
            Files.writeString(d.path().resolve("c.npz"), "c");
        }
        assertThat(listing(dir)).containsExactly("empty", "store");
    }
}
