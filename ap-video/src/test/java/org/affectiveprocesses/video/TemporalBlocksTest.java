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
import org.affectiveprocesses.video.face.TrackedFace;
import org.affectiveprocesses.video.pipeline.FrameAnalysis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Streaming the AP block by block gives what predicting the whole video at once gives. */
class TemporalBlocksTest {
    private static final int DX = 16;
    private static AffectiveProcess ap;

    @BeforeAll
    static void open() {
        ap = TestProcesses.untrained(DX, 3);
    }

    @AfterAll
    static void close() {
        ap.close();
    }

    /** {@code validFrames} frames with a face, and a frame without one after every sixth. */
    private static List<FrameAnalysis> frames(int validFrames) {
        SplittableRandom rng = new SplittableRandom(9);
        List<FrameAnalysis> out = new ArrayList<>();
        int valid = 0;
        int t = 0;
        while (valid < validFrames) {
            double s = t / 25.0;
            if (t % 7 == 6) {
                out.add(new FrameAnalysis(t, s, null, null));
            } else {
                float[] x = new float[DX];
                for (int i = 0; i < DX; i++) {
                    x[i] = (float) rng.nextGaussian();
                }
                float[] y = {(float) Math.sin(t / 20.0), (float) Math.cos(t / 30.0)};
                out.add(new FrameAnalysis(t, s, new TrackedFace(1, new FaceBox(1, 1, 5, 5, 1)),
                        new FrameEncoding(x, y, Map.of())));
                valid++;
            }
            t++;
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {280, 300})
    void blocksMatchTheWholeSequenceWhereTheWindowsAreTheSame(int validFrames) {
        List<FrameAnalysis> frames = frames(validFrames);
        AffectSequence.Builder b = AffectSequence.builder("whole", LabelSpace.valenceArousal(), DX);
        for (FrameAnalysis f : frames) {
            if (f.faceFound()) {
                b.addFrame(f.seconds(), f.encoding().features(), f.encoding().pseudoLabels(), null);
            } else {
                b.addInvalidFrame(f.seconds());
            }
        }
        Prediction whole = ap.predict(b.build(), InferenceOptions.paper());
        TemporalBlocks blocks = new TemporalBlocks(ap, InferenceOptions.paper(), "v", 1);
        List<FrameAffect> streamed = new ArrayList<>();
        int maxPending = 0;
        for (FrameAnalysis f : frames) {
            List<FrameAffect> ready = blocks.add(f);
            streamed.addAll(ready);
            maxPending = Math.max(maxPending, f.index() + 1 - streamed.size());
        }
        streamed.addAll(blocks.finish());
        assertThat(streamed).hasSize(frames.size());
        assertThat(maxPending).as("frames held at once").isLessThanOrEqualTo(90);
        // with 300 valid frames the whole sequence's last window overlaps the one before it (frames
        // 230-279 of the valid frames are merged from two windows); elsewhere the windows coincide
        int lastCoincident = validFrames == 280 ? 280 : 230;
        int valid = 0;
        for (int t = 0; t < frames.size(); t++) {
            FrameAffect f = streamed.get(t);
            assertThat(f.frame()).isEqualTo(t);
            assertThat(f.hasPrediction()).isEqualTo(whole.isPredicted(t));
            if (!f.faceFound()) {
                assertThat(f.std(0)).isNaN();
                continue;
            }
            if (valid < lastCoincident || valid >= 280) {
                for (int d = 0; d < 2; d++) {
                    assertThat(f.mean(d)).as("frame %d dim %d mean", t, d).isCloseTo(whole.mean(t, d), offset(1e-5f));
                    assertThat(f.std(d)).as("frame %d dim %d std", t, d).isCloseTo(whole.std(t, d), offset(1e-5f));
                }
            }
            valid++;
        }
    }
}
