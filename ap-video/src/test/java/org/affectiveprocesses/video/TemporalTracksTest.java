package org.affectiveprocesses.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.backbone.FaceBox;
import org.affectiveprocesses.api.backbone.FrameEncoding;
import org.affectiveprocesses.video.landmarks.FaceLandmarks;
import org.affectiveprocesses.video.pipeline.FaceAnalysis;
import org.affectiveprocesses.video.pipeline.FrameAnalysis;
import org.affectiveprocesses.video.tracking.TrackedFace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Streaming the AP face by face, block by block, gives what predicting each face's frames at once
 * gives, with rows in frame order.
 */
class TemporalTracksTest {
    private static final int DX = 16;
    private static final int SECOND_FACE_FROM = 40;
    private static final int SECOND_FACE_FRAMES = 140;
    private static AffectiveProcess ap;

    @BeforeAll
    static void open() {
        ap = TestProcesses.untrained(DX, 3);
    }

    @AfterAll
    static void close() {
        ap.close();
    }

    private static FaceAnalysis face(int id, SplittableRandom rng, int t) {
        float[] x = new float[DX];
        for (int i = 0; i < DX; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        float[] y = {(float) Math.sin(t / 20.0 + id), (float) Math.cos(t / 30.0 + id)};
        return new FaceAnalysis(new TrackedFace(id, new FaceBox(10 * id, 1, 5, 5, 1)),
                FaceLandmarks.of(new float[136]), null, new FrameEncoding(x, y, Map.of()));
    }

    /**
     * Face 1 in {@code firstFaceFrames} frames, missing after every sixth; face 2 in 140 frames
     * from frame 40 (its track ends after them); frames without a face between.
     */
    private static List<FrameAnalysis> frames(int firstFaceFrames) {
        SplittableRandom rng = new SplittableRandom(9);
        List<FrameAnalysis> out = new ArrayList<>();
        int first = 0;
        int second = 0;
        for (int t = 0; first < firstFaceFrames; t++) {
            List<FaceAnalysis> faces = new ArrayList<>();
            if (t % 7 != 6) {
                faces.add(face(1, rng, t));
                first++;
            }
            boolean secondVisible = t >= SECOND_FACE_FROM && second < SECOND_FACE_FRAMES;
            if (secondVisible) {
                faces.add(face(2, rng, t));
                second++;
            }
            List<Integer> ended = !secondVisible && second == SECOND_FACE_FRAMES && t == SECOND_FACE_FROM
                    + SECOND_FACE_FRAMES ? List.of(2) : List.of();
            out.add(new FrameAnalysis(t, t / 25.0, false, faces, ended));
        }
        return out;
    }

    private static Prediction whole(List<FrameAnalysis> frames, int id) {
        AffectSequence.Builder b = AffectSequence.builder("face" + id, LabelSpace.valenceArousal(), DX);
        for (FrameAnalysis f : frames) {
            for (FaceAnalysis a : f.faces()) {
                if (a.id() == id) {
                    b.addFrame(f.seconds(), a.encoding().features(), a.encoding().pseudoLabels(), null);
                }
            }
        }
        return ap.predict(b.build(), InferenceOptions.paper());
    }

    @ParameterizedTest
    @ValueSource(ints = {280, 300})
    void eachFacesBlocksMatchItsWholeSequenceWhereTheWindowsAreTheSame(int firstFaceFrames) {
        List<FrameAnalysis> frames = frames(firstFaceFrames);
        Prediction[] whole = {null, whole(frames, 1), whole(frames, 2)};
        TemporalTracks tracks = new TemporalTracks(ap, InferenceOptions.paper(), "v", 1);
        List<FrameAffect> streamed = new ArrayList<>();
        int rows = 0;
        int maxPending = 0;
        for (FrameAnalysis f : frames) {
            rows += Math.max(1, f.faces().size());
            streamed.addAll(tracks.add(f));
            maxPending = Math.max(maxPending, rows - streamed.size());
        }
        streamed.addAll(tracks.finish());
        assertThat(streamed).hasSize(rows);
        assertThat(maxPending).as("rows held at once").isLessThanOrEqualTo(200);
        int[] seen = {0, 0, 0};
        int lastFrame = -1;
        for (FrameAffect f : streamed) {
            assertThat(f.frame()).as("frame order").isGreaterThanOrEqualTo(lastFrame);
            lastFrame = f.frame();
            assertThat(f.hasPrediction()).isEqualTo(f.faceFound());
            if (!f.faceFound()) {
                assertThat(f.std(0)).isNaN();
                continue;
            }
            int id = f.faceId();
            int t = seen[id]++;
            // face 1: with 300 frames its whole sequence's last window overlaps the one before it
            // (its frames 230-279 are merged from two windows); face 2's 140 frames are two windows
            boolean coincident = id == 2 || firstFaceFrames == 280 || t < 230 || t >= 280;
            if (coincident) {
                for (int d = 0; d < 2; d++) {
                    assertThat(f.mean(d)).as("face %d frame %d dim %d mean", id, t, d)
                            .isCloseTo(whole[id].mean(t, d), offset(1e-5f));
                    assertThat(f.std(d)).as("face %d frame %d dim %d std", id, t, d)
                            .isCloseTo(whole[id].std(t, d), offset(1e-5f));
                }
            }
        }
        assertThat(seen[1]).isEqualTo(firstFaceFrames);
        assertThat(seen[2]).isEqualTo(SECOND_FACE_FRAMES);
    }
}
