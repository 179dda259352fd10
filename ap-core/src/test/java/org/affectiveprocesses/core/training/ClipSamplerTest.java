package org.affectiveprocesses.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.api.TrainingConfig;
import org.junit.jupiter.api.Test;

class ClipSamplerTest {

    static SequenceDataset data(int sequences, int frames) {
        List<AffectSequence> list = new ArrayList<>();
        for (int s = 0; s < sequences; s++) {
            AffectSequence.Builder b = AffectSequence.builder("s" + s, LabelSpace.valenceArousal(), 4);
            for (int t = 0; t < frames; t++) {
                float gt = t % 5 == 0 ? Float.NaN : t / (float) frames;
                b.addFrame(new float[] {s, t, 0, 1}, new float[] {0.5f, -0.5f}, new float[] {gt, gt});
            }
            list.add(b.build());
        }
        return SequenceDataset.of("toy", list);
    }

    @Test
    void batchesFollowTheProtocol() {
        TrainingConfig c = TrainingConfig.valenceArousal().withBatchSize(8);
        ClipSampler sampler = new ClipSampler(data(3, 200), c, 6, 1);
        for (int i = 0; i < 20; i++) {
            TrainingBatch b = sampler.next();
            assertThat(b.clips()).isEqualTo(8);
            assertThat(b.noise()).hasSize(8 * 6);
            float total = 0;
            for (int k = 0; k < 8; k++) {
                int len = b.clipOffsets()[k + 1] - b.clipOffsets()[k];
                assertThat(len).isBetween(35, 70);
                int ctx = 0;
                float ctxSum = 0;
                float tgtSum = 0;
                for (int r = 0; r < b.rows(); r++) {
                    float w = b.contextWeights()[k * b.rows() + r];
                    if (w > 0) {
                        assertThat(r).isBetween(b.clipOffsets()[k], b.clipOffsets()[k + 1] - 1);
                        ctx++;
                    }
                    ctxSum += w;
                    tgtSum += b.targetWeights()[k * b.rows() + r];
                }
                assertThat(ctx).isBetween(3, len);
                assertThat(ctxSum).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
                assertThat(tgtSum).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
            }
            for (float w : b.frameWeights()) {
                total += w;
            }
            assertThat(total).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
            // missing ground truth is masked and replaced by the pseudo-label
            for (int r = 0; r < b.rows(); r++) {
                int frame = (int) b.features()[r * 4 + 1];
                if (frame % 5 == 0) {
                    assertThat(b.truthMask()[r * 2]).isZero();
                    assertThat(b.truth()[r * 2]).isEqualTo(0.5f);
                    assertThat(b.frameWeights()[r]).isZero();
                }
            }
        }
    }

    @Test
    void contextReadsGroundTruthAboutHalfTheTime() {
        ClipSampler sampler = new ClipSampler(data(2, 300), TrainingConfig.valenceArousal(), 4, 3);
        int truthClips = 0;
        int clips = 0;
        for (int i = 0; i < 50; i++) {
            TrainingBatch b = sampler.next();
            for (int k = 0; k < b.clips(); k++) {
                int r = b.clipOffsets()[k] + 1;
                if (b.truthMask()[r * 2] == 0) {
                    r++;
                }
                clips++;
                if (b.contextLabels()[r * 2] != 0.5f) {
                    truthClips++;
                }
            }
        }
        assertThat(truthClips / (double) clips).isBetween(0.4, 0.6);
    }

    @Test
    void sameSeedSameBatches() {
        TrainingConfig c = TrainingConfig.valenceArousal();
        TrainingBatch a = new ClipSampler(data(3, 100), c, 4, 9).next();
        TrainingBatch b = new ClipSampler(data(3, 100), c, 4, 9).next();
        assertThat(a.features()).containsExactly(b.features());
        assertThat(a.contextWeights()).containsExactly(b.contextWeights());
        assertThat(a.noise()).containsExactly(b.noise());
    }

    /** Skipping k batches draws what k batches draw: the next batch is the (k + 1)-th, array for array. */
    @Test
    void skippingBatchesGivesTheBatchThatFollowsThem() {
        TrainingConfig c = TrainingConfig.valenceArousal().withBatchSize(5);
        for (int k : new int[] {0, 1, 7}) {
            ClipSampler stepping = new ClipSampler(data(3, 150), c, 4, 11);
            TrainingBatch expected = stepping.next();
            for (int i = 0; i < k; i++) {
                expected = stepping.next();
            }
            ClipSampler skipping = new ClipSampler(data(3, 150), c, 4, 11);
            skipping.skip(k);
            TrainingBatch got = skipping.next();
            assertThat(got.clipOffsets()).as("after %d skipped", k).containsExactly(expected.clipOffsets());
            assertThat(got.features()).containsExactly(expected.features());
            assertThat(got.contextLabels()).containsExactly(expected.contextLabels());
            assertThat(got.contextWeights()).containsExactly(expected.contextWeights());
            assertThat(got.targetWeights()).containsExactly(expected.targetWeights());
            assertThat(got.noise()).containsExactly(expected.noise());
        }
        assertThatThrownBy(() -> new ClipSampler(data(3, 150), c, 4, 11).skip(-1))
                .hasMessageContaining("cannot skip -1 batches");
    }

    @Test
    void tooShortSequencesAreAClearError() {
        assertThatThrownBy(() -> new ClipSampler(data(2, 20), TrainingConfig.valenceArousal(), 4, 1))
                .hasMessageContaining("35 frames");
    }

    @Test
    void cosineScheduleEndsNearZero() {
        LearningRateSchedule s = new LearningRateSchedule(1e-3, 100, true);
        assertThat(s.at(0)).isEqualTo(1e-3);
        assertThat(s.at(50)).isCloseTo(5e-4, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s.at(99)).isLessThan(1e-5);
        assertThat(new LearningRateSchedule(1e-3, 100, false).at(99)).isEqualTo(1e-3);
    }
}
