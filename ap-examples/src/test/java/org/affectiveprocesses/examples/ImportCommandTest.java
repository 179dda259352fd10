package org.affectiveprocesses.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.io.FeatureFile;
import org.affectiveprocesses.corpora.FeatureStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ap import}: BP4D files in the FERA 2015 layout plus feature files into a store. */
class ImportCommandTest {
    private static final int FRAMES = 12;

    @TempDir
    Path dir;

    private void bp4dVideo(String video, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int au : LabelSpace.BP4D_ACTION_UNITS) {
            StringBuilder sb = new StringBuilder();
            for (int f = 1; f <= FRAMES; f++) {
                sb.append(f).append(',').append(f == 3 ? 9 : rng.nextInt(6)).append('\n');
            }
            Path file = dir.resolve(String.format(Locale.ROOT, "labels/AU%02d/%s_AU%02d.csv", au, video, au));
            Files.createDirectories(file.getParent());
            Files.writeString(file, sb.toString());
        }
        AffectSequence.Builder b = AffectSequence.builder(video, LabelSpace.bp4d(), 4);
        for (int t = 0; t < FRAMES; t++) {
            b.addFrame(new float[] {t, 1, 2, 3}, new float[] {0, 0, 0, 0, 0}, null);
        }
        Files.createDirectories(dir.resolve("features"));
        FeatureFile.write(dir.resolve("features/" + video + ".npz"), b.build(), FeatureFile.Extras.NONE);
    }

    @Test
    void bp4dWithOfficialListsBecomesAStore() throws IOException {
        for (String v : new String[] {"F001_T1", "F001_T2", "F002_T1", "M001_T1"}) {
            bp4dVideo(v, v.hashCode());
        }
        Files.createDirectories(dir.resolve("lists"));
        Files.writeString(dir.resolve("lists/train.txt"), "F001\nM001\n");
        Files.writeString(dir.resolve("lists/validation.txt"), "F002\n");
        Path out = dir.resolve("store");

        CliRun r = CliRun.of("import", "--layout", "bp4d", "--annotations", dir.resolve("labels").toString(), "--features",
                dir.resolve("features").toString(), "--protocol", "lists:" + dir.resolve("lists"), "-o", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Read 4 bp4d annotations (3 subjects)").contains("4 videos, 48 frames (44 labelled)");
        FeatureStore store = FeatureStore.open(out);
        assertThat(store.splitNames()).containsExactly("train", "validation");
        assertThat(store.videoIds("train")).containsExactly("F001_T1", "F001_T2", "M001_T1");
        AffectSequence s = store.split("validation").get(0);
        assertThat(s.subject()).isEqualTo("F002");
        assertThat(s.label(2, 0)).as("9 = missing, masked").isNaN();
        assertThat(s.label(3, 0)).isBetween(-1f, 1f);
        CliRun info = CliRun.of("store", "info", out.toString());
        assertThat(info.out()).contains("| train | 3 | 2 | 36 |").contains("protocol: official partition from");
    }

    @Test
    void disfaFoldsCanHoldOutValidationSubjects() throws IOException {
        for (int i = 1; i <= 6; i++) {
            String subject = String.format(Locale.ROOT, "SN%03d", i);
            for (String dim : LabelSpace.disfa().dimensions()) {
                Path file = dir.resolve("disfa/" + subject + "/" + subject + "_" + dim.toLowerCase(Locale.ROOT) + ".txt");
                Files.createDirectories(file.getParent());
                StringBuilder sb = new StringBuilder();
                for (int f = 1; f <= FRAMES; f++) {
                    sb.append(f).append(',').append((f + i) % 6).append('\n');
                }
                Files.writeString(file, sb.toString());
            }
            AffectSequence.Builder b = AffectSequence.builder(subject, LabelSpace.disfa(), 3);
            for (int t = 0; t < FRAMES; t++) {
                b.addFrame(new float[] {t, i, 0}, new float[12], null);
            }
            Files.createDirectories(dir.resolve("disfa-npz"));
            FeatureFile.write(dir.resolve("disfa-npz/LeftVideo" + subject + "_comp.npz"), b.build(), FeatureFile.Extras.NONE);
        }
        Path out = dir.resolve("disfa-store");
        CliRun r = CliRun.of("import", "--layout", "disfa", "--annotations", dir.resolve("disfa").toString(), "--features",
                dir.resolve("disfa-npz").toString(), "--validation-subjects", "1", "-o", out.toString(), "-q");
        assertThat(r.code()).as(r.err()).isZero();
        FeatureStore store = FeatureStore.open(out);
        assertThat(store.splitNames()).contains("fold1/train", "fold1/validation", "fold1/test");
        assertThat(store.videoIds("fold2/validation")).hasSize(1);
        assertThat(store.videoIds("fold2/train")).hasSize(3);
        assertThat(store.videoIds("fold2/test")).hasSize(2);
        CliRun tooMany = CliRun.of("import", "--layout", "disfa", "--annotations", dir.resolve("disfa").toString(),
                "--features", dir.resolve("disfa-npz").toString(), "--validation-subjects", "4", "-o",
                dir.resolve("x").toString());
        assertThat(tooMany.code()).isEqualTo(2);
        assertThat(tooMany.err()).contains("cannot hold out 4 for validation");
    }

    @Test
    void errorsNameTheFileAndWhatToDo() throws IOException {
        bp4dVideo("F001_T1", 1);
        Files.delete(dir.resolve("features/F001_T1.npz"));
        Files.writeString(dir.resolve("features/other.npz"), "not a feature file");
        CliRun noLists = CliRun.of("import", "--layout", "bp4d", "--annotations", dir.resolve("labels").toString(),
                "--features", dir.resolve("features").toString(), "-o", dir.resolve("s").toString());
        assertThat(noLists.code()).isEqualTo(2);
        assertThat(noLists.err()).contains("give --protocol lists:DIR");

        CliRun noFeatures = CliRun.of("import", "--layout", "bp4d", "--annotations", dir.resolve("labels").toString(),
                "--features", dir.resolve("features").toString(), "--protocol", "none", "-o", dir.resolve("s").toString());
        assertThat(noFeatures.code()).isEqualTo(1);
        assertThat(noFeatures.err()).contains("F001_T1_AU06.csv: annotates video 'F001_T1', but")
                .contains("no feature file F001_T1.npz");

        Files.writeString(dir.resolve("labels/AU06/F001_T1_AU06.csv"), "1,0\n2,x\n");
        CliRun malformed = CliRun.of("import", "--layout", "bp4d", "--annotations", dir.resolve("labels").toString(),
                "--features", dir.resolve("features").toString(), "--protocol", "none", "-o", dir.resolve("s").toString());
        assertThat(malformed.code()).isEqualTo(1);
        assertThat(malformed.err()).contains("F001_T1_AU06.csv: line 2: intensity 'x' is not a finite number");

        CliRun badLayout = CliRun.of("import", "--layout", "fera", "--annotations", "a", "--features", "b", "-o", "c");
        assertThat(badLayout.code()).isEqualTo(2);
        assertThat(badLayout.err()).contains("expected affwild2, sewa, disfa or bp4d");
    }
}
