package org.affectiveprocesses.corpora;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.io.FeatureFile;

/** Writes small files in the corpora's exact layouts and feature files to join them with. */
final class Fixtures {
    private Fixtures() {
    }

    /** Writes a text file (creating its directories). */
    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** DISFA lines {@code frame,intensity} for frames 1..n with intensity {@code (frame + au) % 6}. */
    static String disfaLines(int n, int au) {
        StringBuilder sb = new StringBuilder();
        for (int f = 1; f <= n; f++) {
            sb.append(f).append(',').append((f + au) % 6).append('\n');
        }
        return sb.toString();
    }

    /** The 12 DISFA files of a subject, {@code n} frames each. */
    static void disfaSubject(Path root, String subject, int n) throws IOException {
        for (String dim : LabelSpace.disfa().dimensions()) {
            int au = Integer.parseInt(dim.substring(2));
            write(root.resolve(subject).resolve(subject + "_au" + au + ".txt"), disfaLines(n, au));
        }
    }

    /** An Aff-Wild2 file with {@code n} frames: valence = t/n, arousal = -t/n, frame 1 unannotated. */
    static Path affWild2(Path file, int n) throws IOException {
        StringBuilder sb = new StringBuilder("valence,arousal\n");
        for (int t = 0; t < n; t++) {
            if (t == 1) {
                sb.append("-5,-5\n");
            } else {
                sb.append(String.format(Locale.ROOT, "%.4f,%.4f%n", (double) t / n, -(double) t / n));
            }
        }
        return write(file, sb.toString());
    }

    /** A feature sequence of random features and pseudo-labels, no labels, 30 frames/s. */
    static AffectSequence features(String id, LabelSpace space, int frames, int dx, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        AffectSequence.Builder b = AffectSequence.builder(id, space, dx).subject(id);
        for (int t = 0; t < frames; t++) {
            float[] x = new float[dx];
            float[] y = new float[space.size()];
            for (int i = 0; i < dx; i++) {
                x[i] = (float) rng.nextGaussian();
            }
            for (int d = 0; d < y.length; d++) {
                y[d] = (float) (rng.nextDouble() * 2 - 1);
            }
            b.addFrame(t / 30.0, x, y, null);
        }
        return b.build();
    }

    /** Writes {@link #features} as {@code dir/<name>.npz}. */
    static Path featureFile(Path dir, String name, LabelSpace space, int frames, int dx, long seed) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".npz");
        FeatureFile.write(file, features(name, space, frames, dx, seed), FeatureFile.Extras.backbone("fixture"));
        return file;
    }
}
