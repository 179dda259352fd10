package org.affectiveprocesses.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoInputsTest {
    @TempDir
    Path tmp;

    @Test
    void aDirectoryStandsForItsVideoFilesAtAnyDepth() throws IOException {
        Path a = touch("corpus/batch1/a.MP4");
        Path b = touch("corpus/batch2/b.avi");
        touch("corpus/batch2/notes.txt");
        touch("corpus/frames/0001.png");
        Path c = touch("elsewhere/c.webm");
        assertThat(VideoInputs.expand(List.of(tmp.resolve("corpus"), c, a))).containsExactly(a, b, c);
    }

    @Test
    void aListFileNamesVideosAndImageFoldersRelativeToItself() throws IOException {
        Path a = touch("data/a.mp4");
        Path frames = Files.createDirectories(tmp.resolve("data/frames-b"));
        Path list = Files.writeString(tmp.resolve("data/videos.txt"), "# the corpus\na.mp4\n\n  frames-b  \n" + a + "\n");
        assertThat(VideoInputs.readList(list)).containsExactly(a, frames);
        Files.writeString(list, "a.mp4\nmissing.mp4\n");
        assertThatThrownBy(() -> VideoInputs.readList(list)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("line 2").hasMessageContaining("missing.mp4");
        Files.writeString(list, "# nothing\n");
        assertThatThrownBy(() -> VideoInputs.readList(list)).hasMessageContaining("names no video");
    }

    @Test
    void videosThatWouldShareAFeatureFileAreRefused() throws IOException {
        Path a = touch("x/interview.mp4");
        Path b = touch("y/Interview.avi");
        assertThatThrownBy(() -> VideoInputs.expand(List.of(a, b))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(a.toString()).hasMessageContaining(b.toString()).hasMessageContaining("Interview.npz");
        assertThatThrownBy(() -> ExtractJob.of(List.of(a, b), tmp.resolve("store")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingPathsAndEmptyDirectoriesAreNamed() throws IOException {
        assertThatThrownBy(() -> VideoInputs.expand(List.of(tmp.resolve("nope.mp4"))))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("nope.mp4");
        Files.createDirectories(tmp.resolve("empty"));
        touch("empty/readme.md");
        assertThatThrownBy(() -> VideoInputs.expand(List.of(tmp.resolve("empty"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds no video file");
        assertThatThrownBy(() -> new ExtractJob(List.of("relative.mp4"), tmp.toString(), "face-expression", "blazeface", 30))
                .hasMessageContaining("relative");
        assertThatThrownBy(() -> ExtractJob.of(List.of(), tmp)).hasMessageContaining("at least one video");
    }

    private Path touch(String relative) throws IOException {
        Path p = tmp.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, "x");
    }
}
