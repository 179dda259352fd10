package org.affectiveprocesses.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectStream;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.api.ContextSelectors;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.FrameEstimate;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.Provenance;
import org.affectiveprocesses.api.StreamListener;
import org.affectiveprocesses.api.StreamOptions;
import org.affectiveprocesses.api.UncertaintyCalibration;
import org.affectiveprocesses.core.engine.ApBackend;
import org.affectiveprocesses.core.inference.WindowedAffectiveProcess;
import org.affectiveprocesses.core.io.ModelFile;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.InputStandardization;
import org.affectiveprocesses.core.model.WeightInitializer;

/**
 * Checks that a live stream ({@link AffectiveProcess#stream}) says what the batch API says: each
 * settled estimate is {@link AffectiveProcess#predict} on the whole stream, each provisional one
 * is {@code predict} on the frames received up to it. Shared by the engine conformance suite and
 * the engine-neutral stream tests.
 */
public final class StreamConformance {
    private StreamConformance() {
    }

    /** Everything a stream told its listener, by frame and in order. */
    public static final class Heard implements StreamListener {
        /** The provisional estimates by frame. */
        public final Map<Long, FrameEstimate> provisional = new HashMap<>();
        /** The settled estimates by frame. */
        public final Map<Long, FrameEstimate> settled = new HashMap<>();
        /** Every estimate in the order heard. */
        public final List<FrameEstimate> order = new ArrayList<>();
        /** How many times the stream said it closed. */
        public int closes;

        @Override
        public void onEstimate(FrameEstimate e) {
            Map<Long, FrameEstimate> byFrame = e.isSettled() ? settled : provisional;
            assertThat(byFrame.put(e.frame(), e)).as("a second %s estimate of frame %d", e.status(), e.frame()).isNull();
            order.add(e);
        }

        @Override
        public void onClose() {
            closes++;
        }
    }

    /**
     * Feeds a sequence frame by frame (frames without a face as such) and closes the stream.
     *
     * @param ap the model
     * @param options the stream's options
     * @param s the frames
     * @return what the stream said
     */
    public static Heard feed(AffectiveProcess ap, StreamOptions options, AffectSequence s) {
        Heard heard = new Heard();
        try (AffectStream stream = ap.stream(options, heard)) {
            for (int t = 0; t < s.length(); t++) {
                if (s.isValid(t)) {
                    stream.accept(s.seconds(t), s.features(t), s.pseudoLabels(t));
                } else {
                    stream.acceptWithoutFace(s.seconds(t));
                }
            }
        }
        assertThat(heard.closes).isEqualTo(1);
        return heard;
    }

    /**
     * Streams a sequence and asserts, within {@code tolerance}: every frame's settled estimate is
     * {@code predict} on the whole sequence (mean, calibrated σ, samples; frames without a face
     * have none) and came when the L-th frame with a face after it arrived, or at the end; the
     * settled estimates of frames with a face came in order; and every {@code prefixStep}-th
     * frame's provisional estimate is {@code predict} on the sequence up to it.
     *
     * @param ap the model
     * @param options the inference options
     * @param s the sequence (its id becomes the stream id)
     * @param prefixStep check the provisional estimate of every this many frames with a face
     * @param tolerance the largest difference allowed
     */
    public static void assertMatchesBatch(AffectiveProcess ap, InferenceOptions options, AffectSequence s,
            int prefixStep, double tolerance) {
        Heard heard = feed(ap, new StreamOptions(s.id(), options, true), s);
        Prediction whole = ap.predict(s, options);
        int n = s.length();
        assertThat(heard.settled).hasSize(n);
        int l = options.windowLength();
        long lastSettled = -1;
        for (FrameEstimate e : heard.order) {
            if (e.isSettled() && e.faceFound()) {
                assertThat(e.frame()).as("settled estimates of frames with a face come in frame order")
                        .isGreaterThan(lastSettled);
                lastSettled = e.frame();
            }
        }
        int valid = 0;
        for (int t = 0; t < n; t++) {
            FrameEstimate e = heard.settled.get((long) t);
            assertThat(e.faceFound()).as("face in frame %d", t).isEqualTo(s.isValid(t));
            assertThat(e.seconds()).isEqualTo(s.seconds(t));
            if (!s.isValid(t)) {
                assertThat(e.mean(0)).isNaN();
                assertThat(heard.provisional).doesNotContainKey((long) t);
                continue;
            }
            assertThat(e.lagFrames()).as("lag of frame %d", t).isEqualTo(lag(s, t, l) - t);
            assertThat(e.lagSeconds()).isEqualTo(s.seconds(lag(s, t, l)) - s.seconds(t));
            assertSame("settled", t, e, whole, t, tolerance);
            FrameEstimate p = heard.provisional.get((long) t);
            assertThat(p.status()).isEqualTo(FrameEstimate.Status.PROVISIONAL);
            assertThat(p.lagFrames()).isZero();
            if (valid % prefixStep == 0 || valid < l) {
                assertSame("provisional", t, p, ap.predict(prefix(s, t + 1), options), t, tolerance);
            }
            valid++;
        }
    }

    /** The frame at which frame t is settled: the L-th frame with a face after it, or the last frame. */
    private static int lag(AffectSequence s, int t, int l) {
        int seen = 0;
        for (int u = t + 1; u < s.length(); u++) {
            if (s.isValid(u) && ++seen == l) {
                return u;
            }
        }
        return s.length() - 1;
    }

    private static void assertSame(String what, int t, FrameEstimate e, Prediction p, int pt, double tolerance) {
        assertThat(p.isPredicted(pt)).isTrue();
        int dy = p.labelSpace().size();
        for (int d = 0; d < dy; d++) {
            assertThat((double) e.mean(d)).as("%s mean of frame %d, dimension %d", what, t, d)
                    .isCloseTo(p.mean(pt, d), within(tolerance));
            assertThat((double) e.std(d)).as("%s σ of frame %d, dimension %d", what, t, d)
                    .isCloseTo(p.std(pt, d), within(tolerance));
            assertThat(e.numSamples()).isEqualTo(p.numSamples());
            for (int k = 0; k < p.numSamples(); k++) {
                assertThat((double) e.sample(k, d)).as("%s sample %d of frame %d, dimension %d", what, k, t, d)
                        .isCloseTo(p.sample(k, pt, d), within(tolerance));
            }
        }
    }

    /**
     * The first frames of a sequence, under the same id (the batch API keys random choices by id).
     *
     * @param s the sequence
     * @param to the number of frames
     * @return frames [0, to)
     */
    public static AffectSequence prefix(AffectSequence s, int to) {
        AffectSequence.Builder b = AffectSequence.builder(s.id(), s.labelSpace(), s.featureSize());
        for (int t = 0; t < to; t++) {
            if (s.isValid(t)) {
                b.addFrame(s.seconds(t), s.features(t), s.pseudoLabels(t), s.labels(t));
            } else {
                b.addInvalidFrame(s.seconds(t));
            }
        }
        return b.build();
    }

    /**
     * A copy of the first {@code frames} frames of a sequence in which no face was found in every
     * 9th frame and in frames 40-45.
     *
     * @param src the frames
     * @param frames how many
     * @return the copy, with the source's id
     */
    public static AffectSequence withGaps(AffectSequence src, int frames) {
        AffectSequence.Builder b = AffectSequence.builder(src.id(), src.labelSpace(), src.featureSize());
        for (int t = 0; t < frames; t++) {
            if (t % 9 == 4 || (t >= 40 && t <= 45) || !src.isValid(t)) {
                b.addInvalidFrame(src.seconds(t));
            } else {
                b.addFrame(src.seconds(t), src.features(t), src.pseudoLabels(t), src.labels(t));
            }
        }
        return b.build();
    }

    /**
     * Smooth random frames for a small model: features a slow sine per feature plus noise,
     * pseudo-labels in [-1, 1], with gaps as {@link #withGaps}.
     *
     * @param id the sequence id
     * @param frames how many frames
     * @param dx the feature size
     * @param seed the seed
     * @return the sequence
     */
    public static AffectSequence randomSequence(String id, int frames, int dx, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        AffectSequence.Builder b = AffectSequence.builder(id, ConformanceFixtures.VA, dx);
        for (int t = 0; t < frames; t++) {
            float[] x = new float[dx];
            for (int i = 0; i < dx; i++) {
                x[i] = (float) (1.5 * Math.sin(0.07 * t + i) + 0.8 * rng.nextGaussian() + 0.4);
            }
            float v = (float) Math.tanh(Math.sin(0.05 * t) + 0.3 * rng.nextGaussian());
            b.addFrame(t / 25.0, x, new float[] {v, -0.6f * v}, null);
        }
        return withGaps(b.build(), frames);
    }

    /**
     * A small model of a variant with seeded initial weights, a standardisation that is not the
     * identity, and a calibration that scales σ by 1.7 and 0.6 per dimension.
     *
     * @param backend the engine
     * @param engine the engine choice
     * @param variant the variant
     * @param inference the model's default options
     * @param seed the weights' seed
     * @return the model (close it)
     */
    public static WindowedAffectiveProcess randomModel(ApBackend backend, Engine engine, ApVariant variant,
            InferenceOptions inference, long seed) {
        ApModelSpec spec = new ApModelSpec(new ApArchitecture(variant, true, ConformanceFixtures.WIDTH,
                ConformanceFixtures.WIDTH, 2, 0.1, 0.1), ConformanceFixtures.DX, ConformanceFixtures.VA);
        float[] mean = new float[spec.featureSize()];
        float[] std = new float[spec.featureSize()];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = 0.4f + 0.1f * i;
            std[i] = 0.5f + 0.3f * i;
        }
        UncertaintyCalibration calibration = new UncertaintyCalibration(UncertaintyCalibration.Method.VARIANCE_SCALING,
                new double[] {1.7, 0.6}, "stream conformance", 100, 1.0, 0.9);
        return WindowedAffectiveProcess.open(backend, engine, new ModelFile.Contents(spec,
                WeightInitializer.initialize(spec, seed), InputStandardization.of(mean, std, 100), calibration, inference,
                Provenance.untrained("stream conformance", backend.name(), "seeded weights")));
    }

    /** The σ-selecting options the variant checks use: L = 24, C = 9, lowest σ, 2 samples. */
    public static InferenceOptions smallOptions() {
        return new InferenceOptions(24, 24, 9, ContextSelectors.lowestSigma(), 2, 11);
    }
}
