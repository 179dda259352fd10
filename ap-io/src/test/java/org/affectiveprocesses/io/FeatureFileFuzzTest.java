package org.affectiveprocesses.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the feature file (see {@link FileFuzzer}): 360 mutations of a version-2 file
 * (with checksums) each fail with a checked exception naming the file or load identical content,
 * within the memory and CPU bounds; forged files (checksums recomputed) fail cleanly or load.
 */
class FeatureFileFuzzTest {
    @TempDir
    Path dir;

    /** 40 frames, dx 6, BP4D labels; some frames invalid, labels partly missing, face boxes. */
    private static AffectSequence sequence() {
        AffectSequence.Builder b = AffectSequence.builder("F002_T3", LabelSpace.bp4d(), 6).subject("F002");
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int t = 0; t < 40; t++) {
            if (t % 9 == 4) {
                b.addInvalidFrame(t / 25.0);
                continue;
            }
            float[] x = new float[6];
            float[] p = new float[5];
            float[] y = new float[5];
            for (int i = 0; i < 6; i++) {
                x[i] = (float) rng.nextGaussian();
            }
            for (int d = 0; d < 5; d++) {
                p[d] = (float) (rng.nextDouble() * 2 - 1);
                y[d] = t % 5 == d ? Float.NaN : (float) (rng.nextDouble() * 2 - 1);
            }
            b.addFrame(t / 25.0, x, p, y);
        }
        return b.build();
    }

    private static FileFuzzer.Canonical<FeatureFile.Contents> canonical(Path scratch) {
        return FileFuzzer.writtenAgain(scratch, "c.npz", (f, c) -> FeatureFile.write(f, c.sequence(), c.extras()));
    }

    @Test
    void everyMutationOfAVersionTwoFileIsRejectedNamingItOrLoadsIdentically() throws IOException {
        Path scratch = Files.createDirectory(dir.resolve("scratch"));
        Path valid = dir.resolve("F002_T3.npz");
        AffectSequence s = sequence();
        float[] boxes = new float[s.length() * FeatureFile.FACE_BOX_SIZE];
        for (int i = 0; i < boxes.length; i++) {
            boxes[i] = i % 5 == 4 ? 0.9f : i;
        }
        FeatureFile.write(valid, s, new FeatureFile.Extras("fuzz", boxes));
        FileFuzzer.Report r = FileFuzzer.of(valid, FeatureFile::readContents, canonical(scratch))
                .seed(14).perStrategy(60).run(Files.createDirectory(dir.resolve("work")));
        System.out.println("FeatureFile (version 2), " + Files.size(valid) + " bytes:\n" + r);
        assertThat(r.failures()).as(r.toString()).isEmpty();
        assertThat(r.cases()).hasSize(360);
    }

    @Test
    void mutationsOfAVersionOneFileFailCleanlyOrLoadWithinTheBounds() throws IOException {
        Path scratch = Files.createDirectory(dir.resolve("scratch"));
        Path valid = IoFixtures.numpyFeatureFile(Files.createDirectory(dir.resolve("v1")));
        // version 1 has no checksums: a rewritten entry may load with other values, but never unchecked
        FileFuzzer.Report r = FileFuzzer.of(valid, FeatureFile::readContents, canonical(scratch))
                .seed(15).perStrategy(40).run(Files.createDirectory(dir.resolve("work")),
                        FileFuzzer.Strategy.BIT_FLIP, FileFuzzer.Strategy.BYTE_SET, FileFuzzer.Strategy.INTEGER,
                        FileFuzzer.Strategy.TRUNCATE, FileFuzzer.Strategy.FORGED);
        System.out.println("FeatureFile (version 1, numpy-made), " + Files.size(valid) + " bytes:\n" + r);
        assertThat(r.failures()).as(r.toString()).isEmpty();
    }
}
