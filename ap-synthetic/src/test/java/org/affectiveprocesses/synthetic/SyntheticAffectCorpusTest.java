package org.affectiveprocesses.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.metrics.Ccc;
import org.affectiveprocesses.metrics.Icc;
import org.affectiveprocesses.metrics.IccType;
import org.affectiveprocesses.metrics.Metric;
import org.ejml.concurrency.EjmlConcurrency;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticAffectCorpusTest {
    /** The data of {@code SyntheticAffectCorpus.small(11)} (features, labels, pseudo-labels) hashed in video order. */
    private static final long PINNED_SMALL_11_DATA = -2790609650091343490L;

    /** The default valence/arousal preset (about 50k frames of 512 features). */
    private static SyntheticAffectCorpus defaultVa;
    /** The preset with {@link AffectDisplayModel#none()}: the face shows the label on every frame. */
    private static SyntheticAffectCorpus faithfulVa;
    private static SyntheticAffectCorpus small;
    private static SyntheticAffectCorpus smallAu;

    @BeforeAll
    static void generate() {
        defaultVa = SyntheticAffectCorpus.generate(SyntheticConfig.valenceArousal());
        faithfulVa = SyntheticAffectCorpus.generate(SyntheticConfig.valenceArousal()
                .withAffectDisplay(AffectDisplayModel.none()));
        small = SyntheticAffectCorpus.small(11);
        smallAu = SyntheticAffectCorpus.generate(SyntheticConfig.actionUnits().withSeed(11)
                .withSubjects(4, 2, 2).withFrames(300, 400).withFeatureSize(64));
    }

    @Test
    void sameSeedGivesBitwiseIdenticalData() {
        SyntheticAffectCorpus again = SyntheticAffectCorpus.small(11);
        for (String split : small.splitNames()) {
            SequenceDataset a = small.split(split);
            SequenceDataset b = again.split(split);
            assertThat(b.size()).isEqualTo(a.size());
            for (int i = 0; i < a.size(); i++) {
                AffectSequence x = a.get(i);
                AffectSequence y = b.get(i);
                assertThat(y.id()).isEqualTo(x.id());
                assertThat(fingerprint(y)).isEqualTo(fingerprint(x));
                assertThat(again.degradation(y.id())).isEqualTo(small.degradation(x.id()));
                assertThat(again.affectDisplay(y.id())).isEqualTo(small.affectDisplay(x.id()));
            }
            assertThat(b.source()).isEqualTo(a.source()).isEqualTo(SyntheticConfig.small(11).fingerprint());
            assertThat(b.identity()).isEqualTo(a.identity()).endsWith(", source " + a.source() + ")");
        }
        assertThat(again.head().weights()).isEqualTo(small.head().weights());
        assertThat(again.head().bias()).isEqualTo(small.head().bias());
        assertThat(again.featureMaps("S05-V2")).isEqualTo(small.featureMaps("S05-V2"));
    }

    @Test
    void dataAreTheSameOnAnyNumberOfThreads() throws Exception {
        SyntheticConfig config = SyntheticConfig.small(11).withSubjects(3, 2, 2).withFrames(150, 250);
        List<Long> prints = new ArrayList<>();
        for (int threads : new int[] {1, 4}) {
            ForkJoinPool pool = new ForkJoinPool(threads);
            try {
                EjmlConcurrency.setMaxThreads(threads);
                SyntheticAffectCorpus corpus = pool.submit(() -> SyntheticAffectCorpus.generate(config)).get();
                long print = 0;
                for (AffectSequence seq : sequences(corpus)) {
                    print = print * 31 + fingerprint(seq);
                }
                prints.add(print);
            } finally {
                pool.shutdown();
                EjmlConcurrency.setMaxThreads(Runtime.getRuntime().availableProcessors());
            }
        }
        assertThat(prints.get(1)).isEqualTo(prints.get(0));
    }

    @Test
    void differentSeedGivesDifferentData() {
        SyntheticAffectCorpus other = SyntheticAffectCorpus.small(12);
        AffectSequence a = small.split(SyntheticAffectCorpus.TRAIN).get(0);
        AffectSequence b = other.split(SyntheticAffectCorpus.TRAIN).get(0);
        assertThat(b.id()).isEqualTo(a.id());
        assertThat(fingerprint(b)).isNotEqualTo(fingerprint(a));
        assertThat(b.features(0)).isNotEqualTo(a.features(0));
        assertThat(b.label(0, 0)).isNotEqualTo(a.label(0, 0));
        AffectDisplay da = small.affectDisplay(a.id());
        AffectDisplay db = other.affectDisplay(b.id());
        assertThat(db).isNotEqualTo(da);
        assertThat(new int[] {db.lagFrames(0), db.lagFrames(1)}).isNotEqualTo(new int[] {da.lagFrames(0), da.lagFrames(1)});
        assertThat(other.split(SyntheticAffectCorpus.TRAIN).source()).isNotEqualTo(small.split(SyntheticAffectCorpus.TRAIN).source());
    }

    @Test
    void theGeneratorsOutputIsPinnedToItsVersion() {
        // the data of one configuration are part of the generator's version, which the
        // fingerprint (and so a model's provenance) records: if this fails, the generator's output
        // changed, so raise SyntheticAffectCorpus.GENERATOR_VERSION and pin the new value
        long print = 0;
        for (AffectSequence s : sequences(small)) {
            print = print * 31 + fingerprint(s);
        }
        assertThat(SyntheticAffectCorpus.GENERATOR_VERSION).isEqualTo(3);
        assertThat(print).as("the data of small(11), generator version 3").isEqualTo(PINNED_SMALL_11_DATA);
    }

    @Test
    void thePresetsFacesAreInAnExpressiveEpisodeOnAFifthOfTheFrames() {
        // expressive episodes: Poisson at 6/min x expressivity g ~ U(0.6, 1.4), lasting U(0.5, 4) s
        // (mean 2.25 s), so a frame lies in one with probability 1 - exp(-0.225 g), on average
        // over g 1 - (exp(-0.135) - exp(-0.315)) / 0.18 = 0.2004; the share over the preset's 48
        // videos varies with a standard deviation of 0.018 (simulated), hence the tolerance of 0.07
        long frames = 0;
        long inEpisode = 0;
        for (AffectSequence s : sequences(defaultVa)) {
            AffectDisplay d = defaultVa.affectDisplay(s.id());
            assertThat(d.length()).isEqualTo(s.length());
            for (int t = 0; t < s.length(); t++) {
                double p = d.episode(t);
                double e = d.intensity(t);
                // between episodes the face shows the resting fifth, at an apex all of it
                assertThat(e).isCloseTo(0.2 + 0.8 * p, within(1e-12));
                if (p == 0) {
                    assertThat(e).isEqualTo(0.2);
                }
                for (int k = 0; k < 2; k++) {
                    assertThat(Math.abs(d.displayed(t, k))).isLessThanOrEqualTo((float) e);
                }
                frames++;
                inEpisode += p > 0 ? 1 : 0;
            }
        }
        double expected = 1 - (Math.exp(-0.135) - Math.exp(-0.315)) / 0.18;
        assertThat((double) inEpisode / frames).isCloseTo(expected, within(0.07));
    }

    @Test
    void annotatorLagsAreUniformOverOneToSixSecondsPerVideoAndDimension() {
        // many short videos: one lag per video and dimension, U(1, 6) s rounded to frames
        SyntheticAffectCorpus many = SyntheticAffectCorpus.generate(SyntheticConfig.small(11)
                .withSubjects(100, 2, 2).withFrames(20, 20));
        List<Double> seconds = new ArrayList<>();
        List<Double> valence = new ArrayList<>();
        List<Double> arousal = new ArrayList<>();
        for (AffectSequence s : sequences(many)) {
            AffectDisplay d = many.affectDisplay(s.id());
            for (int k = 0; k < 2; k++) {
                assertThat(d.lagFrames(k)).isBetween(30, 180);
                seconds.add(d.lagFrames(k) / 30.0);
            }
            valence.add((double) d.lagFrames(0));
            arousal.add((double) d.lagFrames(1));
        }
        assertThat(seconds).hasSize(416);
        // Kolmogorov-Smirnov distance to U(1, 6): 1% critical value 1.63 / sqrt(416) = 0.080,
        // plus 1/300 for the rounding to whole frames
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double ks = 0;
        for (int i = 0; i < sorted.length; i++) {
            double cdf = (sorted[i] - 1) / 5;
            ks = Math.max(ks, Math.max((i + 1.0) / sorted.length - cdf, cdf - (double) i / sorted.length));
        }
        assertThat(ks).as("KS distance of the lags to U(1, 6) s").isLessThan(0.080 + 1.0 / 300);
        // drawn independently for valence and arousal: |r| below three standard errors (3 / sqrt(208))
        double r = pearson(valence.stream().mapToDouble(Double::doubleValue).toArray(),
                arousal.stream().mapToDouble(Double::doubleValue).toArray());
        assertThat(Math.abs(r)).as("correlation of the valence and arousal lags").isLessThan(3 / Math.sqrt(208));
    }

    @Test
    void featureKnobsLeaveLabelsAndDegradationUnchanged() {
        SyntheticAffectCorpus other = SyntheticAffectCorpus.generate(SyntheticConfig.small(11)
                .withFeatures(FeatureModel.defaults().withShares(0.1, 0.5, 0.2, 0.2).withChannelGainSigma(0)));
        AffectSequence a = small.split(SyntheticAffectCorpus.TEST).get(1);
        AffectSequence b = other.split(SyntheticAffectCorpus.TEST).get(1);
        assertThat(labels(b, 0)).isEqualTo(labels(a, 0));
        assertThat(other.degradation(b.id())).isEqualTo(small.degradation(a.id()));
        assertThat(b.features(5)).isNotEqualTo(a.features(5));
        // and the degradation model does not change the labels either
        SyntheticAffectCorpus clean = SyntheticAffectCorpus.generate(SyntheticConfig.small(11)
                .withDegradation(DegradationModel.none()));
        assertThat(labels(clean.split(SyntheticAffectCorpus.TEST).get(1), 0)).isEqualTo(labels(a, 0));
        // nor do the display episodes, which change only what the face shows
        SyntheticAffectCorpus otherEpisodes = SyntheticAffectCorpus.generate(SyntheticConfig.small(11)
                .withAffectDisplay(AffectDisplayModel.defaults().withDisplayEpisodes(20, 1, 2, 0.5)));
        AffectSequence c = otherEpisodes.split(SyntheticAffectCorpus.TEST).get(1);
        assertThat(labels(c, 0)).isEqualTo(labels(a, 0));
        assertThat(labels(c, 1)).isEqualTo(labels(a, 1));
        assertThat(otherEpisodes.degradation(c.id())).isEqualTo(small.degradation(a.id()));
        assertThat(otherEpisodes.affectDisplay(c.id())).isNotEqualTo(small.affectDisplay(a.id()));
        // while the lag changes the labels, not what the face shows
        SyntheticAffectCorpus noLag = SyntheticAffectCorpus.generate(SyntheticConfig.small(11)
                .withAffectDisplay(AffectDisplayModel.defaults().withoutLag()));
        AffectSequence e = noLag.split(SyntheticAffectCorpus.TEST).get(1);
        assertThat(labels(e, 0)).isNotEqualTo(labels(a, 0));
        for (int t = 0; t < e.length(); t += 17) {
            assertThat(noLag.affectDisplay(e.id()).displayed(t, 1)).isEqualTo(small.affectDisplay(a.id()).displayed(t, 1));
        }
    }

    @Test
    void splitsAreSubjectDisjointWithTheConfiguredCounts() {
        for (SyntheticAffectCorpus corpus : List.of(small, defaultVa)) {
            SyntheticConfig c = corpus.config();
            assertThat(corpus.splitNames()).containsExactly("train", "validation", "test");
            int[] expected = {c.trainSubjects(), c.validationSubjects(), c.testSubjects()};
            Set<String> seen = new HashSet<>();
            for (int s = 0; s < 3; s++) {
                SequenceDataset d = corpus.split(corpus.splitNames().get(s));
                Set<String> subjects = new HashSet<>();
                for (AffectSequence seq : d) {
                    subjects.add(seq.subject());
                    assertThat(seq.id()).matches("S\\d\\d-V\\d").startsWith(seq.subject() + "-V");
                    assertThat(seq.length()).isBetween(c.minFrames(), c.maxFrames());
                }
                assertThat(subjects).hasSize(expected[s]);
                assertThat(d.size()).isEqualTo(expected[s] * c.videosPerSubject());
                assertThat(seen).doesNotContainAnyElementsOf(subjects);
                seen.addAll(subjects);
            }
            assertThat(seen).hasSize(c.subjects());
        }
        assertThat(small.split("train").get(0).id()).isEqualTo("S01-V1");
        assertThat(small.split("test").get(3).id()).isEqualTo("S08-V2");
        assertThat(defaultVa.name()).isEqualTo("synthetic-va(seed 1)");
        assertThat(defaultVa.split("test").name()).isEqualTo("synthetic-va(seed 1)/test");
        assertThat(small.name()).isEqualTo(SyntheticConfig.small(11).corpusName())
                .matches("synthetic-va\\(seed 11, config [0-9a-f]{8}\\)");
        assertThat(small.split("train").name()).isEqualTo(small.name() + "/train");
        assertThat(smallAu.name()).matches("synthetic-bp4d-au\\(seed 11, config [0-9a-f]{8}\\)");
        assertThat(faithfulVa.name()).isNotEqualTo(defaultVa.name()).startsWith("synthetic-va(seed 1, config ");
    }

    @Test
    void everyFrameIsValidLabelledAndFinite() {
        for (SyntheticAffectCorpus corpus : List.of(small, smallAu)) {
            assertThat(corpus.featureSize()).isEqualTo(64);
            for (String split : corpus.splitNames()) {
                for (AffectSequence seq : corpus.split(split)) {
                    assertThat(seq.validFrameCount()).isEqualTo(seq.length());
                    assertThat(seq.labelledFrameCount()).isEqualTo(seq.length());
                    assertThat(seq.seconds(30)).isCloseTo(1.0, within(1e-9));
                    for (int t = 0; t < seq.length(); t++) {
                        for (float v : seq.features(t)) {
                            assertThat(Float.isFinite(v)).isTrue();
                        }
                        for (int d = 0; d < seq.labelSize(); d++) {
                            assertThat(seq.label(t, d)).isBetween(-1f, 1f);
                            assertThat(seq.pseudoLabel(t, d)).isBetween(-1f, 1f);
                        }
                    }
                }
            }
        }
    }

    @Test
    void valenceArousalIsSmoothSpreadAndWeaklyCorrelated() {
        List<AffectSequence> all = sequences(defaultVa);
        double[] v = pooled(all, 0);
        double[] a = pooled(all, 1);
        for (int d = 0; d < 2; d++) {
            double[] y = d == 0 ? v : a;
            double sd = std(y);
            assertThat(sd).as("std of dimension %d", d).isBetween(0.25, 0.5);
            double change = 0;
            long n = 0;
            for (AffectSequence s : all) {
                for (int t = 1; t < s.length(); t++) {
                    change += Math.abs(s.label(t, d) - s.label(t - 1, d));
                    n++;
                }
            }
            assertThat(change / n).as("mean frame-to-frame change of dimension %d", d)
                    .isLessThan(0.05 * sd);
        }
        double r = pearson(v, a);
        assertThat(r).isBetween(0.05, 0.6);
    }

    @Test
    void actionUnitsAreSparseBurstyIntegersOnTheRawScale() {
        LabelSpace space = smallAu.labelSpace();
        List<AffectSequence> all = sequences(smallAu);
        int dy = space.size();
        long frames = 0;
        long[] zero = new long[dy];
        long[] above2 = new long[dy];
        long au12 = 0;
        long au6And12 = 0;
        long au6 = 0;
        int i6 = space.indexOf("AU6");
        int i12 = space.indexOf("AU12");
        for (AffectSequence s : all) {
            for (int t = 0; t < s.length(); t++) {
                frames++;
                for (int d = 0; d < dy; d++) {
                    double raw = space.denormalize(s.label(t, d));
                    assertThat(raw).isBetween(-1e-5, 5 + 1e-5);
                    assertThat(raw).isCloseTo(Math.rint(raw), within(1e-5));
                    if (Math.rint(raw) == 0) {
                        zero[d]++;
                    } else if (raw > 2.5) {
                        above2[d]++;
                    }
                }
                boolean has6 = s.label(t, i6) > -1f;
                boolean has12 = s.label(t, i12) > -1f;
                au6 += has6 ? 1 : 0;
                au12 += has12 ? 1 : 0;
                au6And12 += has6 && has12 ? 1 : 0;
            }
        }
        for (int d = 0; d < dy; d++) {
            assertThat((double) zero[d] / frames).as("zero fraction of %s", space.dimension(d))
                    .isBetween(0.5, 0.97);
            assertThat(above2[d]).as("frames of %s at intensity 3-5", space.dimension(d)).isPositive();
        }
        // AU6 co-occurs with AU12: much more likely during AU12 than overall
        assertThat((double) au6And12 / au12).isGreaterThan(1.5 * au6 / frames);
    }

    @Test
    void backboneHeadIsUsefulButImperfectOnTheTestSplit() {
        // the head reads the face: on the preset whose face shows the label on every frame it is
        // useful but imperfect; with the label-side ingredients (sparse display, lag, hidden
        // affect) it still carries information about the labels
        SequenceDataset faithful = faithfulVa.split(SyntheticAffectCorpus.TEST);
        SequenceDataset test = defaultVa.split(SyntheticAffectCorpus.TEST);
        for (int d = 0; d < 2; d++) {
            double ccc = Ccc.of(pooled(sequences(faithful), d), pooledPseudo(sequences(faithful), d));
            assertThat(ccc).as("test CCC of %s, face shows the label", faithful.labelSpace().dimension(d))
                    .isBetween(0.3, 0.97);
            double preset = Ccc.of(pooled(sequences(test), d), pooledPseudo(sequences(test), d));
            assertThat(preset).as("test CCC of %s, preset", test.labelSpace().dimension(d)).isBetween(0.0, ccc);
        }
        double icc = meanIcc(smallAu.split(SyntheticAffectCorpus.TEST));
        assertThat(icc).as("mean test ICC(3,1) of the small AU corpus").isBetween(0.2, 0.9);
    }

    @Test
    void degradedFramesHaveLargerHeadErrors() {
        // on the preset whose face shows the label on every frame, so that only degradation varies
        double good = 0;
        double bad = 0;
        long nGood = 0;
        long nBad = 0;
        long frames = 0;
        for (AffectSequence s : faithfulVa.split(SyntheticAffectCorpus.TEST)) {
            double[] q = faithfulVa.quality(s.id());
            assertThat(q).hasSize(s.length());
            for (int t = 0; t < s.length(); t++) {
                assertThat(q[t]).isBetween(0.0, 1.0);
                double e = Math.abs(s.label(t, 0) - s.pseudoLabel(t, 0))
                        + Math.abs(s.label(t, 1) - s.pseudoLabel(t, 1));
                frames++;
                if (q[t] < 0.5) {
                    bad += e;
                    nBad++;
                } else if (q[t] == 1.0) {
                    good += e;
                    nGood++;
                }
            }
        }
        assertThat((double) nGood / frames).as("fraction of clean frames").isBetween(0.7, 0.95);
        assertThat((double) nBad / frames).as("fraction of badly degraded frames").isBetween(0.03, 0.25);
        assertThat(bad / nBad).isGreaterThan(1.5 * (good / nGood));
    }

    @Test
    void pseudoLabelsAreTheFrozenHeadsPredictionsOnTheMaps() {
        RidgeHead head = small.head();
        assertThat(head.featureSize()).isEqualTo(4 * 64);
        assertThat(head.labelSize()).isEqualTo(2);
        for (String split : small.splitNames()) {
            AffectSequence s = small.split(split).get(0);
            float[][] maps = small.featureMaps(s.id());
            assertThat(maps).hasNumberOfRows(s.length());
            float[] pooled = new float[64];
            for (int t = 0; t < s.length(); t += 37) {
                assertThat(head.predict(maps[t])).isEqualTo(s.pseudoLabels(t));
                // the features are the maps' 2 x 2 average pool: feature 4c + 2r + k averages
                // cells 16c + 4(2r + i) + 2k + j, i, j in {0, 1}
                FeatureWorld.pool(maps[t], pooled, 0);
                assertThat(s.features(t)).isEqualTo(pooled);
                double cell = (maps[t][16 * 3 + 4 * 2 + 2] + maps[t][16 * 3 + 4 * 2 + 3]
                        + maps[t][16 * 3 + 4 * 3 + 2] + maps[t][16 * 3 + 4 * 3 + 3]) / 4.0;
                assertThat((double) s.features(t)[4 * 3 + 3]).isCloseTo(cell, within(1e-5));
            }
        }
        // the head is fitted on the maps of the training split only (all of its frames: fewer
        // than the cap), with the penalty chosen on the validation split: refitting reproduces it
        float[][][] train = mapsAndLabels(small, SyntheticAffectCorpus.TRAIN);
        float[][][] validation = mapsAndLabels(small, SyntheticAffectCorpus.VALIDATION);
        RidgeHead refit = RidgeHead.fit(train[0], train[1], validation[0], validation[1], Metric.CCC,
                RidgeHead.DEFAULT_LAMBDAS);
        assertThat(refit.lambda()).isEqualTo(head.lambda());
        assertThat(refit.weights()).isEqualTo(head.weights());
        assertThat(refit.bias()).isEqualTo(head.bias());
    }

    @Test
    void cleanFramesHaveTheSpecifiedStatistics() {
        // no degradation, unit channel gains and a face that displays the whole label on every
        // frame: a cell is mu0 + identity + nuisance + g_s F(y) + noise
        SyntheticAffectCorpus clean = SyntheticAffectCorpus.generate(SyntheticConfig.valenceArousal()
                .withFeatureSize(64).withSubjects(16, 4, 4).withFrames(300, 400)
                .withFeatures(FeatureModel.defaults().withChannelGainSigma(0))
                .withDegradation(DegradationModel.none()).withAffectDisplay(AffectDisplayModel.none()));
        double sum = 0;
        double squares = 0;
        double steps = 0;
        long n = 0;
        long nSteps = 0;
        double pooledSquares = 0;
        double pooledSum = 0;
        long nPooled = 0;
        for (AffectSequence s : sequences(clean)) {
            assertThat(clean.quality(s.id())).containsOnly(1.0);
            float[][] maps = clean.featureMaps(s.id());
            for (int t = 0; t < maps.length; t++) {
                for (int j = 0; j < maps[t].length; j++) {
                    sum += maps[t][j];
                    squares += (double) maps[t][j] * maps[t][j];
                    n++;
                    if (t > 0) {
                        double step = maps[t][j] - maps[t - 1][j];
                        steps += step * step;
                        nSteps++;
                    }
                }
                for (float x : s.features(t)) {
                    pooledSum += x;
                    pooledSquares += (double) x * x;
                    nPooled++;
                }
            }
        }
        double mean = sum / n;
        double variance = squares / n - mean * mean;
        // the offset mu0 = 1.03; variance 0.35 + 0.25 + 0.30 E[g²] (1.053) + 0.10 = 1.016
        assertThat(mean).isCloseTo(FeatureWorld.CENTRE, within(0.03));
        assertThat(variance).isCloseTo(1.016, within(0.1));
        // the four pooled cells are independent: the features keep the offset at a quarter of the variance
        double pooledMean = pooledSum / nPooled;
        assertThat(pooledMean).isCloseTo(FeatureWorld.CENTRE, within(0.03));
        assertThat(pooledSquares / nPooled - pooledMean * pooledMean).isCloseTo(1.016 / 4, within(0.025));
        // everything but the per-frame noise (share 0.10) is slow: half the mean squared
        // frame-to-frame step is the noise variance plus a little
        assertThat(steps / nSteps / 2).isBetween(0.099, 0.11);
    }

    @Test
    void featureDeviationFallsWithDegradationSeverity() {
        // on the default corpus, the mean distance of a frame's features from the mean clean
        // frame falls as the frame's quality falls
        float[] centre = new float[512];
        long clean = 0;
        for (AffectSequence s : sequences(defaultVa)) {
            double[] q = defaultVa.quality(s.id());
            for (int t = 0; t < s.length(); t++) {
                if (q[t] == 1.0) {
                    float[] x = s.features(t);
                    for (int i = 0; i < x.length; i++) {
                        centre[i] += x[i];
                    }
                    clean++;
                }
            }
        }
        for (int i = 0; i < centre.length; i++) {
            centre[i] /= clean;
        }
        double[] bins = {1.0, 0.75, 0.5, 0.25, 0.0};
        double[] distance = new double[bins.length];
        long[] count = new long[bins.length];
        for (AffectSequence s : sequences(defaultVa)) {
            double[] q = defaultVa.quality(s.id());
            for (int t = 0; t < s.length(); t++) {
                int bin = q[t] == 1.0 ? 0 : 1;
                while (bin < bins.length - 1 && q[t] < bins[bin]) {
                    bin++;
                }
                float[] x = s.features(t);
                double d = 0;
                for (int i = 0; i < x.length; i++) {
                    d += (x[i] - centre[i]) * (x[i] - centre[i]);
                }
                distance[bin] += Math.sqrt(d);
                count[bin]++;
            }
        }
        for (int b = 1; b < bins.length; b++) {
            assertThat(count[b]).as("frames in quality bin %d", b).isPositive();
            assertThat(distance[b] / count[b]).as("mean distance in quality bin %d", b)
                    .isLessThan(distance[b - 1] / count[b - 1]);
        }
        int last = bins.length - 1;
        assertThat(distance[last] / count[last]).isLessThan(0.75 * distance[0] / count[0]);
    }

    @Test
    void accessorsReportTheConfigurationAndRejectUnknownNames() {
        assertThat(small.config()).isEqualTo(SyntheticConfig.small(11));
        assertThat(small.labelSpace()).isEqualTo(LabelSpace.valenceArousal());
        assertThat(defaultVa.featureSize()).isEqualTo(512);
        assertThat(defaultVa.split("train").featureSize()).isEqualTo(512);
        assertThatThrownBy(() -> small.split("dev")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("train").hasMessageContaining("dev");
        assertThatThrownBy(() -> small.quality("S99-V1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("S99-V1");
        assertThatThrownBy(() -> small.degradation("S99-V1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("S99-V1");
        assertThatThrownBy(() -> small.featureMaps("S99-V1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("S99-V1");
        double[] q = small.quality("S01-V1");
        q[0] = -7;
        assertThat(small.quality("S01-V1")[0]).isPositive();
        float[][] maps = small.featureMaps("S01-V1");
        maps[0][0] = Float.NaN;
        assertThat(small.featureMaps("S01-V1")[0][0]).isNotNaN();
    }

    @Test
    void supportsOtherActionUnitSetsAndFullQuality() {
        SyntheticAffectCorpus disfa = SyntheticAffectCorpus.generate(SyntheticConfig.small(5)
                .withLabelSpace(LabelSpace.disfa()).withSubjects(2, 1, 1).withVideosPerSubject(1)
                .withFrames(200, 200).withDegradation(DegradationModel.none()));
        assertThat(disfa.name()).startsWith("synthetic-disfa-au(seed 5, config ");
        assertThat(disfa.head().labelSize()).isEqualTo(12);
        for (String split : disfa.splitNames()) {
            for (AffectSequence s : disfa.split(split)) {
                assertThat(s.labelSize()).isEqualTo(12);
                assertThat(s.length()).isEqualTo(200);
                assertThat(disfa.quality(s.id())).containsOnly(1.0);
            }
        }
    }

    @Test
    void theHeadErrsMoreBetweenDisplayEpisodesThanWithinThem() {
        // sparse display alone (no lag, nothing hidden, no degradation): between episodes the
        // face shows a fifth of the affect, at an episode's apex all of it
        SyntheticAffectCorpus sparse = SyntheticAffectCorpus.generate(SyntheticConfig.small(11)
                .withDegradation(DegradationModel.none())
                .withAffectDisplay(AffectDisplayModel.defaults().withoutLag().withoutHiddenAffect()));
        double[] error = new double[2];
        long[] frames = new long[2];
        for (String split : List.of(SyntheticAffectCorpus.VALIDATION, SyntheticAffectCorpus.TEST)) {
            for (AffectSequence s : sparse.split(split)) {
                AffectDisplay d = sparse.affectDisplay(s.id());
                for (int t = 0; t < s.length(); t++) {
                    int bin = d.episode(t) == 0 ? 0 : d.episode(t) == 1 ? 1 : -1;
                    if (bin >= 0) {
                        error[bin] += Math.abs(s.label(t, 0) - s.pseudoLabel(t, 0))
                                + Math.abs(s.label(t, 1) - s.pseudoLabel(t, 1));
                        frames[bin]++;
                    }
                }
            }
        }
        assertThat(frames[1]).as("frames at an episode's apex").isPositive();
        assertThat(frames[0]).as("frames between episodes").isGreaterThan(frames[1]);
        assertThat(error[0] / frames[0]).as("mean error between episodes")
                .isGreaterThan(error[1] / frames[1]);
    }

    @Test
    void theLagShiftsTheCrossCorrelationOfLabelsAndDisplayByTheDrawnLag() {
        // the lag alone: the label at t is the displayed affect at t - L, so their
        // cross-correlation is exactly 1 at the drawn lag and below 1 at any other shift
        SyntheticAffectCorpus lagOnly = SyntheticAffectCorpus.generate(SyntheticConfig.small(11)
                .withAffectDisplay(AffectDisplayModel.none().withLagSeconds(1, 6)));
        for (AffectSequence s : lagOnly.split(SyntheticAffectCorpus.TEST)) {
            AffectDisplay display = lagOnly.affectDisplay(s.id());
            for (int d = 0; d < 2; d++) {
                int lag = display.lagFrames(d);
                assertThat(lag).isBetween(30, 180);
                int n = s.length() - 180;
                double best = -2;
                int argBest = -1;
                for (int k = 0; k <= 180; k++) {
                    double[] label = new double[n];
                    double[] shown = new double[n];
                    for (int i = 0; i < n; i++) {
                        label[i] = s.label(180 + i, d);
                        shown[i] = display.displayed(180 + i - k, d);
                    }
                    double r = pearson(label, shown);
                    if (r > best) {
                        best = r;
                        argBest = k;
                    }
                }
                assertThat(argBest).as("peak of the cross-correlation of %s, dimension %d", s.id(), d).isEqualTo(lag);
                assertThat(best).isCloseTo(1.0, within(1e-9));
            }
        }
        // every ingredient on (the preset): pooled over the test videos, the label correlates more
        // with the displayed affect one drawn lag earlier than with the displayed affect at the
        // same frame
        for (int d = 0; d < 2; d++) {
            List<Double> label = new ArrayList<>();
            List<Double> aligned = new ArrayList<>();
            List<Double> same = new ArrayList<>();
            for (AffectSequence s : defaultVa.split(SyntheticAffectCorpus.TEST)) {
                AffectDisplay display = defaultVa.affectDisplay(s.id());
                int lag = display.lagFrames(d);
                for (int t = lag; t < s.length(); t++) {
                    label.add((double) s.label(t, d));
                    aligned.add((double) display.displayed(t - lag, d));
                    same.add((double) display.displayed(t, d));
                }
            }
            double[] y = label.stream().mapToDouble(Double::doubleValue).toArray();
            double rAligned = pearson(y, aligned.stream().mapToDouble(Double::doubleValue).toArray());
            double rSame = pearson(y, same.stream().mapToDouble(Double::doubleValue).toArray());
            assertThat(rAligned).as("correlation at the drawn lag, dimension %d", d).isGreaterThan(rSame);
        }
    }

    @Test
    void actionUnitFacesDisplayTheirLabelsOnEveryFrame() {
        for (AffectSequence s : smallAu.split(SyntheticAffectCorpus.TEST)) {
            AffectDisplay d = smallAu.affectDisplay(s.id());
            assertThat(d.dimensions()).isEqualTo(5);
            for (int k = 0; k < 5; k++) {
                assertThat(d.lagFrames(k)).isZero();
            }
            for (int t = 0; t < s.length(); t++) {
                assertThat(d.intensity(t)).isEqualTo(1.0);
                for (int k = 0; k < 5; k++) {
                    assertThat(d.displayed(t, k)).isEqualTo(s.label(t, k));
                }
            }
        }
        assertThatThrownBy(() -> smallAu.affectDisplay("S99-V1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("S99-V1");
    }

    private static double meanIcc(SequenceDataset data) {
        double sum = 0;
        List<AffectSequence> all = sequences(data);
        for (int d = 0; d < data.labelSpace().size(); d++) {
            sum += Icc.of(IccType.ICC_3_1, pooled(all, d), pooledPseudo(all, d));
        }
        return sum / data.labelSpace().size();
    }

    /** Every frame's maps and labels of a split, in video order. */
    private static float[][][] mapsAndLabels(SyntheticAffectCorpus corpus, String split) {
        List<float[]> maps = new ArrayList<>();
        List<float[]> labels = new ArrayList<>();
        for (AffectSequence s : corpus.split(split)) {
            maps.addAll(List.of(corpus.featureMaps(s.id())));
            for (int t = 0; t < s.length(); t++) {
                labels.add(s.labels(t));
            }
        }
        return new float[][][] {maps.toArray(float[][]::new), labels.toArray(float[][]::new)};
    }

    private static long fingerprint(AffectSequence s) {
        long h = 17;
        for (int t = 0; t < s.length(); t++) {
            for (float v : s.features(t)) {
                h = h * 31 + Float.floatToIntBits(v);
            }
            for (int d = 0; d < s.labelSize(); d++) {
                h = h * 31 + Float.floatToIntBits(s.label(t, d));
                h = h * 31 + Float.floatToIntBits(s.pseudoLabel(t, d));
            }
        }
        return h;
    }

    private static float[] labels(AffectSequence s, int d) {
        float[] y = new float[s.length()];
        for (int t = 0; t < y.length; t++) {
            y[t] = s.label(t, d);
        }
        return y;
    }

    private static List<AffectSequence> sequences(SyntheticAffectCorpus corpus) {
        List<AffectSequence> all = new ArrayList<>();
        for (String split : corpus.splitNames()) {
            all.addAll(sequences(corpus.split(split)));
        }
        return all;
    }

    private static List<AffectSequence> sequences(SequenceDataset d) {
        return d.stream().toList();
    }

    private static double[] pooled(List<AffectSequence> all, int d) {
        return all.stream().flatMapToDouble(s -> Arrays.stream(toDouble(labels(s, d)))).toArray();
    }

    private static double[] pooledPseudo(List<AffectSequence> all, int d) {
        return all.stream().flatMapToDouble(s -> {
            double[] p = new double[s.length()];
            for (int t = 0; t < p.length; t++) {
                p[t] = s.pseudoLabel(t, d);
            }
            return Arrays.stream(p);
        }).toArray();
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static double std(double[] y) {
        double m = Arrays.stream(y).average().orElseThrow();
        return Math.sqrt(Arrays.stream(y).map(v -> (v - m) * (v - m)).average().orElseThrow());
    }

    private static double pearson(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
