package org.affectiveprocesses.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.io.FeatureFile;
import org.affectiveprocesses.video.AffectRecognizer;
import org.affectiveprocesses.video.output.VideoExport;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * extract on local[2,2] with the test clips and a corrupt file, while the first attempt of one
 * task dies part-way through its video: the job finishes with every good video extracted once,
 * byte for byte what {@code ap extract} writes, the corrupt one in the errors table, no partial
 * file anywhere; a rerun does nothing but retry the failure.
 */
class ExtractJobTest {
    private static final SparkSession SPARK = SparkTestSession.get();
    /** Attempts the hook has killed (tasks run in this JVM in local mode). */
    private static final AtomicInteger KILLED = new AtomicInteger();

    @TempDir
    Path tmp;

    /** What an executor lost mid-task looks like to Spark: the attempt ends with an error, not an exception. */
    static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String video) {
            super("simulated crash of the first attempt on " + video);
        }
    }

    @Test
    void everyGoodVideoIsExtractedOnceThroughAFailureAndACrashedAttempt() throws IOException {
        Path videos = Files.createDirectories(tmp.resolve("videos"));
        Path megamind = Files.copy(TestFiles.media("Megamind.avi"), videos.resolve("Megamind.avi"));
        Files.copy(TestFiles.media("vtest.avi"), videos.resolve("vtest.avi"));
        byte[] garbage = new byte[64 * 1024];
        new Random(1).nextBytes(garbage);
        Path broken = Files.write(videos.resolve("broken.avi"), garbage);
        Path store = tmp.resolve("store");
        ExtractJob job = ExtractJob.of(VideoInputs.expand(List.of(videos)), store);
        FrameHook crashFirstAttempt = (video, attempt, frames) -> {
            if (video.endsWith("Megamind.avi") && attempt == 0 && frames == 40) {
                KILLED.incrementAndGet();
                throw new SimulatedCrash(video);
            }
        };

        ExtractReport report = Extraction.run(SPARK, job, crashFirstAttempt);

        assertThat(KILLED.get()).isEqualTo(1);
        assertThat(report.withStatus(VideoOutcome.Status.EXTRACTED)).extracting(VideoOutcome::video)
                .containsExactlyInAnyOrder(megamind.toString(), videos.resolve("vtest.avi").toString());
        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.video()).isEqualTo(broken.toString());
            assertThat(f.error()).contains("broken.avi");
        });
        assertThat(report.outcomes()).hasSize(3);
        List<Row> errors = SPARK.read().option("header", true).csv(report.errorsTable().toUri().toString()).collectAsList();
        assertThat(errors).singleElement().satisfies(r -> {
            assertThat(r.getString(0)).isEqualTo(broken.toString());
            assertThat(r.getString(1)).isEqualTo(report.failures().get(0).error());
        });
        assertThat(TestFiles.listing(store).stream().filter(f -> !f.startsWith(StoreLayout.ERRORS_DIR)).toList())
                .containsExactly("Megamind.npz", "csv/Megamind.csv", "csv/vtest.csv", "vtest.npz");
        assertThat(RecognizerPool.created()).as("recognizers built in this JVM (2 task slots)").isBetween(1, 2);

        // The same bytes as the single-machine `ap extract` path on the same clip.
        Path refNpz = tmp.resolve("ref/Megamind.npz");
        Path refCsv = tmp.resolve("ref/Megamind.csv");
        Files.createDirectories(refNpz.getParent());
        try (AffectRecognizer r = AffectRecognizer.builder().build()) {
            VideoExport.run(r, megamind, refCsv, refNpz, (f, d, s) -> { });
        }
        assertSameFeatures(store.resolve("Megamind.npz"), refNpz);
        assertThat(Files.readAllBytes(store.resolve("csv/Megamind.csv"))).isEqualTo(Files.readAllBytes(refCsv));

        // A rerun skips the done videos without touching them and retries the failed one.
        FileTime written = Files.getLastModifiedTime(store.resolve("Megamind.npz"));
        ExtractReport again = job.run(SPARK);
        assertThat(again.withStatus(VideoOutcome.Status.SKIPPED)).hasSize(2);
        assertThat(again.failures()).extracting(VideoOutcome::video).containsExactly(broken.toString());
        assertThat(again.framesExtracted()).isZero();
        assertThat(Files.getLastModifiedTime(store.resolve("Megamind.npz"))).isEqualTo(written);
        assertThat(store.resolve(StoreLayout.STAGING_DIR)).doesNotExist();
    }

    /** Every array and extra of two feature files is equal. */
    private static void assertSameFeatures(Path actual, Path expected) throws IOException {
        FeatureFile.Contents a = FeatureFile.readContents(actual);
        FeatureFile.Contents e = FeatureFile.readContents(expected);
        assertThat(a.extras()).isEqualTo(e.extras());
        AffectSequence sa = a.sequence();
        AffectSequence se = e.sequence();
        assertThat(sa.id()).isEqualTo(se.id()).isEqualTo("Megamind.avi");
        assertThat(sa.length()).isEqualTo(se.length()).isGreaterThan(200);
        assertThat(sa.validFrameCount()).isEqualTo(se.validFrameCount()).isPositive();
        for (int t = 0; t < sa.length(); t++) {
            assertThat(sa.isValid(t)).isEqualTo(se.isValid(t));
            assertThat(sa.seconds(t)).isEqualTo(se.seconds(t));
            if (se.isValid(t)) {
                assertThat(sa.features(t)).as("frame %d", t).isEqualTo(se.features(t));
                assertThat(sa.pseudoLabels(t)).as("frame %d", t).isEqualTo(se.pseudoLabels(t));
            }
        }
    }
}
