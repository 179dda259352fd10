package org.affectiveprocesses.synthetic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.affectiveprocesses.api.AffectCorpus;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelKind;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.SequenceDataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in synthetic affect corpus: per-frame face-like features, ground-truth labels and
 * the pseudo-labels of a frozen per-frame backbone head, with the structure the Affective
 * Process exploits: labels that are smooth in time, features that carry them through a fixed
 * nonlinear map buried in subject identity, slow nuisance and noise, and frames of very unequal
 * quality, so that a per-frame model makes real, time-varying errors that temporal context can
 * correct.
 *
 * <h2>Determinism</h2>
 * The corpus is a pure function of its {@link SyntheticConfig}: the same configuration (same
 * seed) gives bitwise identical features, labels, pseudo-labels and quality on every JVM,
 * platform and thread count (the generator uses its own SplitMix64 streams and {@link
 * StrictMath}); a different seed gives different data. Every video draws from its own streams,
 * one per ingredient, so changing a noise knob changes neither the labels nor the quality.
 *
 * <h2>Subjects, videos and splits</h2>
 * Subjects are named {@code S01}, {@code S02}, ... and videos {@code S01-V1}, {@code S01-V2},
 * ...; each video's length is uniform in [{@code minFrames}, {@code maxFrames}] at {@code fps}
 * frames per second. The splits are subject-disjoint: the first {@code trainSubjects} subjects
 * form {@code "train"}, the next {@code validationSubjects} {@code "validation"}, the last
 * {@code testSubjects} {@code "test"}. Every frame is valid and fully labelled.
 *
 * <h2>Labels</h2>
 * <ul>
 *   <li><b>Valence/arousal</b>: per dimension, a subject baseline (N(0, 0.2²)) plus a sum of
 *       three slow random processes (each white noise through two cascaded low-pass stages with
 *       a time constant uniform in 2-7 s, total standard deviation 0.4), squashed by tanh into
 *       (-1, 1); the standard deviation is about 0.3-0.4 per dimension, and valence and arousal
 *       are weakly correlated (their baselines and driving processes correlate at 0.3).
 *   <li><b>Action Units</b>: sparse, bursty intensities on the raw 0-5 scale. Each Action Unit
 *       has solo events at Poisson times (4 per minute), and co-occurrence groups have joint
 *       events (4 per minute per group; e.g. AU12 with AU6 (probability 0.75) and AU10 (0.35);
 *       AU14 with AU17 (0.5); also AU1+AU2+AU5, AU4+AU9+AU17, AU15+AU17, AU25+AU26), both rates
 *       scaled by a per-subject expressivity uniform in [0.6, 1.4]. An event has a level 1-5
 *       (probabilities 0.3, 0.25, 0.2, 0.15, 0.1; group members within one level of the leader)
 *       and an onset-apex-offset profile lasting 1-5 s (raised-cosine onset over 15-35% and
 *       offset over 20-40% of it). Overlapping events take the maximum; the result is rounded
 *       to integers as FACS coders do, and stored normalised to [-1, 1] with {@link
 *       LabelSpace#normalize}. Most frames of every Action Unit are zero (about 70-90%).
 * </ul>
 *
 * <h2>Features</h2>
 * Each frame t gets a quality q<sub>t</sub> and features
 *
 * <pre>
 *   x_t = q_t F(y_t) + s_subject + P u_t + (1 - q_t) J v_t + sigma_n (1 + 3 (1 - q_t)) e_t
 * </pre>
 *
 * <ul>
 *   <li>F is a fixed random 2-layer network {@code F(y) = B tanh(A (y - y0) + a)}, dy &rarr; 64
 *       &rarr; featureSize, drawn once from the seed (A ~ N(0, 1), a ~ N(0, 0.5²), B ~ N(0,
 *       1/64); y0 = 0 for valence/arousal and the normalised intensity 1 for Action Units);
 *   <li>s<sub>subject</sub> is a per-subject identity vector, N(0, identityStd²) per feature;
 *   <li>u<sub>t</sub> is an 8-dimensional smooth nuisance (head pose, lighting; time constants
 *       1-5 s) through a fixed loading P (per-feature standard deviation nuisanceStd);
 *   <li>J v<sub>t</sub> is an occlusion pattern: a fixed 16-column J with a fresh N(0, I) code
 *       v<sub>t</sub> every frame (per-feature standard deviation occlusionStd at q = 0);
 *   <li>e<sub>t</sub> is i.i.d. N(0, 1) noise, so the noise grows from sigma_n at full quality
 *       to 4 sigma_n at quality 0.
 * </ul>
 *
 * The standard deviations are stated at 512 features and scaled by {@code sqrt(featureSize /
 * 512)}. Quality is a Markov switching process: near 1 (1 - |N(0, 0.03)|, at least 0.9) most of
 * the time, with low-quality episodes (occlusion, extreme pose) starting at {@code
 * lowQualityEpisodesPerMinute} (6 by default, about 10% of frames), lasting 0.3-2 s, during
 * which it drops to 0.1-0.4. It is not part of the sequences; read it with {@link
 * #quality(String)}.
 *
 * <h2>The backbone head</h2>
 * The pseudo-labels ŷ<sub>t</sub> of every split are the outputs of one {@link RidgeHead}
 * fitted on the ground truth of the training split only (at most {@code maxHeadTrainingFrames}
 * evenly spaced frames) and then frozen; its penalty is chosen from {@link
 * RidgeHead#DEFAULT_LAMBDAS} by the mean headline metric (CCC for valence/arousal, ICC(3,1) for
 * Action Units) on the validation split (also capped at {@code maxHeadTrainingFrames} evenly
 * spaced frames). Its errors are therefore those of a real per-frame model: with the default
 * valence/arousal preset its test CCC is 0.58 (valence) and 0.61 (arousal) (0.4-0.7 across
 * seeds), with the Action Unit preset its mean test ICC(3,1) is 0.63, and its mean absolute
 * error on low-quality frames is more than twice that on good frames. Much of its error is
 * per-frame: a 1 s moving average of the pseudo-labels alone lifts the valence/arousal test
 * CCC to about 0.72, which is the room temporal context has to exploit.
 *
 * <p>Instances are immutable and thread-safe. Generation runs the videos in parallel on the
 * common fork-join pool; the default presets (48 videos of about 1,000 frames of 512 features,
 * about 100 MB) take a few seconds.
 */
public final class SyntheticAffectCorpus implements AffectCorpus {
    /** The name of the training split. */
    public static final String TRAIN = "train";
    /** The name of the validation split. */
    public static final String VALIDATION = "validation";
    /** The name of the test split. */
    public static final String TEST = "test";

    private static final List<String> SPLITS = List.of(TRAIN, VALIDATION, TEST);
    private static final Logger LOG = LoggerFactory.getLogger(SyntheticAffectCorpus.class);

    // stream identifiers of Rng.derive
    private static final long WORLD = 1;
    private static final long SUBJECT = 2;
    private static final long VIDEO = 3;
    private static final long LENGTH = 0;
    private static final long LABELS = 1;
    private static final long QUALITY = 2;
    private static final long NUISANCE = 3;
    private static final long RENDER = 4;
    private static final long IDENTITY = 0;
    private static final long TRAITS = 1;

    private final SyntheticConfig config;
    private final String name;
    private final Map<String, SequenceDataset> splits;
    private final Map<String, double[]> quality;
    private final RidgeHead head;

    private SyntheticAffectCorpus(SyntheticConfig config, String name,
            Map<String, SequenceDataset> splits, Map<String, double[]> quality, RidgeHead head) {
        this.config = config;
        this.name = name;
        this.splits = splits;
        this.quality = quality;
        this.head = head;
    }

    /**
     * Generates the corpus a configuration describes (see the class documentation).
     *
     * @param config the settings, e.g. {@link SyntheticConfig#valenceArousal()}
     * @return the corpus
     */
    public static SyntheticAffectCorpus generate(SyntheticConfig config) {
        Objects.requireNonNull(config, "config");
        long start = System.nanoTime();
        long seed = config.seed();
        LabelSpace space = config.labelSpace();
        boolean va = space.kind() == LabelKind.VALENCE_AROUSAL;
        FeatureWorld world = new FeatureWorld(Rng.derive(seed, WORLD), config);

        int subjects = config.subjects();
        int width = Math.max(2, String.valueOf(subjects).length());
        float[][] identity = new float[subjects][];
        double[][] baseline = new double[subjects][];
        double[] expressivity = new double[subjects];
        for (int s = 0; s < subjects; s++) {
            identity[s] = world.identity(Rng.derive(seed, SUBJECT, s, IDENTITY));
            Rng traits = Rng.derive(seed, SUBJECT, s, TRAITS);
            baseline[s] = LabelProcesses.baseline(traits);
            expressivity[s] = traits.uniform(0.6, 1.4);
        }

        int videos = config.videosPerSubject();
        List<RawVideo> raw = IntStream.range(0, subjects * videos).parallel().mapToObj(i -> {
            int s = i / videos;
            int v = i % videos;
            String subject = "S" + String.format(Locale.ROOT, "%0" + width + "d", s + 1);
            int length = Rng.derive(seed, VIDEO, s, v, LENGTH)
                    .uniformInt(config.minFrames(), config.maxFrames());
            Rng labelRng = Rng.derive(seed, VIDEO, s, v, LABELS);
            float[] labels;
            if (va) {
                labels = LabelProcesses.valenceArousal(labelRng, baseline[s], length, config.fps());
            } else {
                double[] rawLabels = LabelProcesses.actionUnitsRaw(labelRng, space, expressivity[s],
                        length, config.fps());
                labels = new float[rawLabels.length];
                for (int k = 0; k < rawLabels.length; k++) {
                    labels[k] = (float) space.normalize(rawLabels[k]);
                }
            }
            double[] q = LabelProcesses.quality(Rng.derive(seed, VIDEO, s, v, QUALITY), length,
                    config.fps(), config.lowQualityEpisodesPerMinute());
            double[][] u = world.nuisance(Rng.derive(seed, VIDEO, s, v, NUISANCE), length, config.fps());
            float[] x = world.render(Rng.derive(seed, VIDEO, s, v, RENDER), labels, q, u, identity[s]);
            return new RawVideo(subject + "-V" + (v + 1), subject, splitOf(config, s), length, x,
                    labels, q);
        }).toList();

        RidgeHead.Rows train = rows(raw, TRAIN, config);
        RidgeHead.Rows validation = rows(raw, VALIDATION, config);
        RidgeHead head = RidgeHead.fitSelecting(train, validation, space.headlineMetric(),
                RidgeHead.DEFAULT_LAMBDAS);

        int dx = config.featureSize();
        int dy = space.size();
        List<AffectSequence> sequences = raw.parallelStream().map(r -> {
            AffectSequence.Builder b = AffectSequence.builder(r.id, space, dx).subject(r.subject)
                    .fps(config.fps());
            float[] x = new float[dx];
            float[] yHat = new float[dy];
            float[] y = new float[dy];
            for (int t = 0; t < r.length; t++) {
                System.arraycopy(r.features, t * dx, x, 0, dx);
                System.arraycopy(r.labels, t * dy, y, 0, dy);
                head.predict(r.features, t * dx, yHat, 0);
                b.addFrame(x, yHat, y);
            }
            return b.build();
        }).toList();

        String corpusName = "synthetic-" + (va ? "va" : space.name());
        Map<String, SequenceDataset> splits = new LinkedHashMap<>();
        Map<String, double[]> quality = new LinkedHashMap<>();
        for (String split : SPLITS) {
            List<AffectSequence> members = new ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                if (raw.get(i).split.equals(split)) {
                    members.add(sequences.get(i));
                    quality.put(raw.get(i).id, raw.get(i).quality);
                }
            }
            splits.put(split, SequenceDataset.of(corpusName + "/" + split, members));
        }
        LOG.debug("generated {} ({} videos, dx {}) in {} ms; backbone head lambda {}, validation {} {}",
                corpusName, raw.size(), dx, (System.nanoTime() - start) / 1_000_000, head.lambda(),
                space.headlineMetric().displayName(), head.validationScore());
        return new SyntheticAffectCorpus(config, corpusName, Collections.unmodifiableMap(splits),
                Collections.unmodifiableMap(quality), head);
    }

    /**
     * A small valence/arousal corpus for tests and examples ({@link SyntheticConfig#small(long)}:
     * 8 subjects split 4 / 2 / 2, 2 videos each of 300-400 frames, 64 features); generated in
     * well under a second.
     *
     * @param seed the seed
     * @return the corpus
     */
    public static SyntheticAffectCorpus small(long seed) {
        return generate(SyntheticConfig.small(seed));
    }

    /**
     * The settings the corpus was generated from.
     *
     * @return the configuration
     */
    public SyntheticConfig config() {
        return config;
    }

    /**
     * The frozen backbone head whose outputs are the pseudo-labels of every split.
     *
     * @return the head
     */
    public RidgeHead head() {
        return head;
    }

    /**
     * The corpus name: {@code "synthetic-va"} for valence/arousal, else {@code "synthetic-"}
     * followed by the label space's name (e.g. {@code "synthetic-bp4d-au"}).
     *
     * @return the name
     */
    @Override
    public String name() {
        return name;
    }

    /**
     * The splits, {@code "train"}, {@code "validation"} and {@code "test"}.
     *
     * @return the split names in that order
     */
    @Override
    public List<String> splitNames() {
        return SPLITS;
    }

    /**
     * One split, named {@code "<corpus name>/<split>"}.
     *
     * @param splitName {@code "train"}, {@code "validation"} or {@code "test"}
     * @return the split's sequences, in subject and video order
     * @throws IllegalArgumentException naming the available splits if there is no such split
     */
    @Override
    public SequenceDataset split(String splitName) {
        SequenceDataset d = splits.get(splitName);
        if (d == null) {
            throw new IllegalArgumentException("corpus " + name + " has no split '" + splitName
                    + "'; it has " + SPLITS);
        }
        return d;
    }

    /**
     * The label space of every split.
     *
     * @return the configured label space
     */
    @Override
    public LabelSpace labelSpace() {
        return config.labelSpace();
    }

    /**
     * The feature size of every split.
     *
     * @return the configured feature size
     */
    @Override
    public int featureSize() {
        return config.featureSize();
    }

    /**
     * The per-frame quality q<sub>t</sub> of a sequence (for diagnostics and tests; a model never
     * sees it): near 1 on good frames, 0.05-0.45 during low-quality episodes.
     *
     * @param sequenceId a sequence id such as {@code "S03-V1"}
     * @return a copy of the quality, one value per frame
     * @throws IllegalArgumentException if the corpus has no such sequence
     */
    public double[] quality(String sequenceId) {
        double[] q = quality.get(sequenceId);
        if (q == null) {
            throw new IllegalArgumentException("corpus " + name + " has no sequence '" + sequenceId
                    + "'");
        }
        return q.clone();
    }

    @Override
    public String toString() {
        return "SyntheticAffectCorpus[" + name + ", seed " + config.seed() + ", "
                + config.subjects() + " subjects x " + config.videosPerSubject() + " videos, dx "
                + config.featureSize() + "]";
    }

    private static String splitOf(SyntheticConfig config, int subject) {
        if (subject < config.trainSubjects()) {
            return TRAIN;
        }
        return subject < config.trainSubjects() + config.validationSubjects() ? VALIDATION : TEST;
    }

    /** At most maxHeadTrainingFrames evenly spaced frames of one split, in video order. */
    private static RidgeHead.Rows rows(List<RawVideo> raw, String split, SyntheticConfig config) {
        List<RawVideo> videos = raw.stream().filter(r -> r.split.equals(split)).toList();
        long total = 0;
        for (RawVideo r : videos) {
            total += r.length;
        }
        int n = (int) Math.min(total, config.maxHeadTrainingFrames());
        int dx = config.featureSize();
        int dy = config.labelSpace().size();
        float[] x = new float[n * dx];
        float[] y = new float[n * dy];
        int video = 0;
        long videoStart = 0;
        for (int k = 0; k < n; k++) {
            long frame = k * total / n;
            while (frame >= videoStart + videos.get(video).length) {
                videoStart += videos.get(video).length;
                video++;
            }
            RawVideo r = videos.get(video);
            int t = (int) (frame - videoStart);
            System.arraycopy(r.features, t * dx, x, k * dx, dx);
            System.arraycopy(r.labels, t * dy, y, k * dy, dy);
        }
        return new RidgeHead.Rows(n, dx, dy, x, y);
    }

    /** One generated video before the head has labelled it. */
    private record RawVideo(String id, String subject, String split, int length, float[] features,
            float[] labels, double[] quality) {}
}
