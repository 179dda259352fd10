package org.affectiveprocesses.synthetic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.affectiveprocesses.api.AffectCorpus;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.SequenceDataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in synthetic affect corpus: per-frame features modelled on what real deep face
 * features do, ground-truth labels, and the pseudo-labels of a frozen per-frame backbone head,
 * with the structure the Affective Process exploits: labels that are smooth in time, features
 * dominated by identity, expression and slow nuisance, and degraded frames whose features a
 * per-frame model can see are degraded and on which the head errs, so that temporal context has
 * real, time-varying errors to correct. {@code docs/synthetic-corpus.md} gives the sources and
 * the reasoning for every ingredient in full; what follows is the model.
 *
 * <h2>Determinism</h2>
 * The corpus is a pure function of its {@link SyntheticConfig}: the same configuration (same
 * seed) gives bitwise identical features, labels, pseudo-labels and degradation on every JVM,
 * platform and thread count (the generator uses its own SplitMix64 streams and {@link
 * StrictMath}, and the head is fitted in a fixed order); a different seed gives different data.
 * Every ingredient draws from its own stream (the world's loadings, each subject's identity and
 * traits, each video's affect, hidden affect, annotation lags, display episodes, nuisance,
 * degradation episodes and noise), so changing one setting leaves the draws of the others
 * unchanged: the labels, for instance, depend only on the seed, the label space, the subject and
 * video counts, the lengths, the frame rate and (for valence/arousal) the lags and hidden shares
 * of the {@link AffectDisplayModel}, not on the features, the degradation or the display
 * episodes. The corpus's {@link #name()} identifies the configuration ({@link
 * SyntheticConfig#corpusName()}).
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
 *   <li><b>Valence/arousal</b>: the apparent affect as annotators trace it. Per dimension, a
 *       subject baseline (N(0, 0.2²)) plus a sum of three slow random processes (each white
 *       noise through two cascaded low-pass stages with a time constant uniform in 2-7 s, total
 *       standard deviation 0.4), squashed by tanh into (-1, 1); the standard deviation is about
 *       0.3-0.4 per dimension, and valence and arousal are weakly correlated (their baselines and
 *       driving processes correlate at 0.3). How these labels relate to what the face displays
 *       is described below ("Valence/arousal: what annotators label and what the face shows").
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
 * <h2>Valence/arousal: what annotators label and what the face shows</h2>
 * Emotions "only partially explain facial appearance over time", annotations are subjective,
 * and "the cues for inferring a person's apparent emotion from their facial behaviour are often
 * sparsely and non-regularly distributed over a temporal window" (Sanchez et al., CVPR 2021,
 * Sec. 1). So the face, which the features show, displays the labelled affect in three
 * restricted ways ({@link AffectDisplayModel}; on in the presets, each with its own stream and
 * knob, all off with {@link AffectDisplayModel#none()}; read them with {@link
 * #affectDisplay(String)}). With l_d(t) = b_d + sqrt(1 - h_d) s_d(t) + sqrt(h_d) eta_d(t) in the
 * latent space of dimension d (b the baseline, s the dynamics above, eta a hidden process of the
 * same form), the label is y_d(t) = tanh l_d(t - L_d) and the face displays D_d(t) = e_t tanh(b_d
 * + sqrt(1 - h_d) s_d(t)):
 * <ul>
 *   <li><b>Sparse, irregular display</b>: the face displays the affect fully only in expressive
 *       episodes and is closer to neutral in between, e_t = 0.2 + 0.8 p_t with p_t the episode
 *       profile. The coherence between emotion and facial expression is limited (Reisenzein et
 *       al., Emotion Review 2013: expressions accompany surprise and disgust only in a minority of
 *       cases; Fernández-Dols &amp; Crivelli, Emotion Review 2013: weak correlation in field
 *       studies) and strongest where the feeling is intense (Mauss et al., Emotion 2005).
 *       Episodes start at 6 per minute times the subject's expressivity (our choice; no rate for
 *       conversation video was found), last 0.5-4 s (the usual range of macro-expressions, Ekman
 *       2003), and have the onset-apex-offset profile of the Action Unit events; about 20% of the
 *       frames lie in an episode. The resting display 0.2 is our choice.
 *   <li><b>Annotator reaction lag</b>: the label trails the face by L_d, uniform in 1-6 s per video
 *       and dimension and rounded to frames; continuous annotations lag the behaviour by 1-6 s
 *       depending on annotator, dimension and behaviour (Mariooryad &amp; Busso, IEEE TAC 2015).
 *   <li><b>Hidden affect</b>: a share h of the within-video dynamics, 0.2 for valence and 0.4
 *       for arousal (our choice), is not shown by the face: annotators read part of the apparent
 *       affect from the voice and words, arousal more than valence (Wu et al., Frontiers in
 *       Computer Science 2021). The labels' distribution is unchanged.
 * </ul>
 * Action Units are facial actions coded frame by frame (FACS): the face displays its Action Unit
 * labels on every frame, with no lag and nothing hidden.
 *
 * <h2>Features</h2>
 * The paper's features are the 2 &times; 2 average pool of a 128 &times; 4 &times; 4 tensor
 * (four ConvBlocks each followed by max-pooling), flattened to 512 values (Sanchez et al., CVPR
 * 2021, App. A). The corpus renders that tensor, C = featureSize / 4 channels of 4 &times; 4
 * cells, and pools it the same way; the four 2 &times; 2 blocks of the features (0 upper left,
 * 1 upper right, 2 lower left, 3 lower right; feature 4c + b is channel c of block b) are four
 * regions of the face. Cell j of channel c in block b at frame t of subject s is
 *
 * <pre>
 *   gamma_c [ mu0 + (1 - Delta_t[b]) (I_s + P u_t + g_s F(D_t)) + Delta_t[b] rho r_k + sigma_f e_t ]
 * </pre>
 *
 * <ul>
 *   <li><b>Offset</b> mu0 = 1.03 and no ReLU: the ConvBlocks of the paper's backbone are
 *       pre-activation blocks whose output (the residual added to the concatenated convolutions)
 *       is signed, so max-pooled features are signed with a positive offset (E[max of 4 N(0, 1)]
 *       = 1.03) (Bulat &amp; Tzimiropoulos, ICCV 2017, code {@code ConvBlock}). The value is our
 *       choice; it places the centre of the features, towards which degraded frames move.
 *   <li><b>Identity</b> I_s = B_id z_s, rank 16 (z_s ~ N(0, I), fixed per subject), share 0.35
 *       of a clean cell's variance. Identity dominates deep face features, ahead of viewpoint and
 *       then expression (Hill et al., Nat. Mach. Intell. 2019; Colón et al., J. Vision 2021);
 *       person-independent affect and AU models are held back by between-subject differences
 *       (Baltrušaitis et al., FG 2015); a 512-d face representation has an intrinsic
 *       dimensionality of about 16 (Gong et al., CVPR 2019). With 16 training subjects the head
 *       cannot project identity out, so test subjects get a per-subject bias.
 *   <li><b>Expression</b> g_s F(D_t) of the displayed label values D_t, share 0.30 (of a fully
 *       expressive face): a fixed random network F(y) = B (tanh(A (y -
 *       y0) + a) - m), dy &rarr; 64 &rarr; cells (A ~ N(0, 1), a ~ N(0, 0.5²), m the mean
 *       activation over the label prior, y0 = 0 for valence/arousal and the normalised
 *       intensity 1 for Action Units; B ~ N(0, 1) rescaled so that over 8,192 frames drawn from
 *       the label prior the variance of F averages 0.30 per cell). Hidden units 0-31 are
 *       upper-face units and write only to the upper blocks, units 32-63 only to the lower
 *       blocks; for Action Units the upper units read only upper-face units (AU1, 2, 4, 5, 6, 7,
 *       41-46) and the lower units the others (Tian, Kanade &amp; Cohn, TPAMI 2001), for
 *       valence/arousal both read both. Identity and expression loadings are independent, hence
 *       nearly orthogonal, as in deep layers of expression networks (Schwartz et al., Brain
 *       Sciences 2023). The display gain g_s ~ U(0.6, 1.4) per subject models person-specific
 *       expressiveness (Baltrušaitis et al. 2015).
 *   <li><b>Slow nuisance</b> P u_t, rank 8, share 0.25: 3 pose coordinates (yaw, pitch, roll;
 *       time constants uniform in 1-5 s) and 5 illumination and camera coordinates (5-20 s),
 *       each a smooth unit-variance process. Pose is linearly decodable from deep face features
 *       (Parde et al., FG 2017), and deep features change slowly over video frames (Zhu et al.,
 *       CVPR 2017; Shelhamer et al., ECCV-W 2016).
 *   <li><b>Per-frame noise</b> sigma_f e_t, e_t ~ N(0, I), share 0.10, the same on every frame:
 *       compression and crop jitter act on the image, not on the face's content (jitter
 *       matters: Azulay &amp; Weiss, JMLR 2019). Because degradation shrinks the content, the
 *       noise's share of a degraded frame grows by itself, as the embedding instability of
 *       low-quality faces does (SER-FIQ, CVPR 2020; PFE, ICCV 2019).
 *   <li><b>Degradation</b>: a fraction Delta_t[b] of block b's content (identity, nuisance and
 *       expression alike) is replaced by the prototype rho r_k of the degradation type k, r_k =
 *       (R_0 + R_k) / sqrt 2 with R ~ N(0, I) fixed: one direction shared by every degradation,
 *       one per type, rho = 0.3 clean standard deviations from the centre. Degraded faces join a
 *       common cluster whatever the cause (Deng et al., arXiv:2106.04112), distinct from but near
 *       the centre of the features, where low-quality images lie (Parde et al. 2017); the norm
 *       of deep features falls with quality (MagFace, CVPR 2021; Ranjan et al., arXiv:1703.09507;
 *       Park et al., ICCV 2023), and networks confuse covered faces with specific other
 *       expressions rather than neutral (Shehu et al., TechRxiv). So the norm of x - gamma mu0
 *       falls with severity, and the head's output on a degraded frame drifts to a
 *       type-specific value. The head is never told about it.
 *   <li><b>Channel gains</b> gamma_c ~ LogNormal(0, 0.5²) per channel: channels of networks
 *       trained with BatchNorm, ReLU, Adam and weight decay differ in scale, some nearly dead
 *       (Mehta et al., CVPR 2019).
 * </ul>
 *
 * The shares are of a clean cell's variance before the channel gain (the four cells pooled into
 * one feature have independent loadings and noise, so every share holds for the features too,
 * at a quarter of the variance). The ordering identity &gt; expression &gt; nuisance &gt;
 * per-frame noise is what the sources support; the sizes, rho, the gain spread and every rate
 * below are our choice: no source gives them ({@link FeatureModel}, {@link DegradationModel}).
 *
 * <h2>Degradation</h2>
 * Per video, independent Poisson episodes of three types: lower-face occlusions (1.5 per
 * minute), upper-face occlusions (0.5 per minute), both scaled by a per-subject multiplier
 * uniform in [0.5, 1.5], lasting 1-5 s at a peak severity uniform in [0.5, 1]; and global
 * degradations (motion blur, exposure, compression bursts; 3 per minute) lasting 0.2-1 s at a
 * peak uniform in [0.2, 0.8]. Each episode ramps up and down with a raised cosine over
 * min(0.2 s, a quarter of its length). Extreme pose follows the yaw, 25° times the first pose
 * coordinate: beyond 45° the far column of blocks degrades by (|yaw| - 45°) / 45° (capped at
 * 1), the near column by half that. Masks spread a source over the blocks: a lower occlusion
 * degrades blocks 2-3 fully and blocks 0-1 by the leak 0.25 (effective receptive fields reach
 * beyond their own region: Luo et al., NeurIPS 2016), an upper occlusion the converse, a global
 * one all four. Each block takes its most severe source. Hand-over-face occlusion is common in
 * natural interaction (Mahmoud et al., ACII 2011, ICMI 2014), occlusion and pose are the main
 * obstacles of in-the-wild expression recognition (Wang et al., TIP 2020); on average about 18%
 * of the frames are degraded to some degree (15.7% with seed 1). Read the degradation with {@link #degradation(String)}
 * and the quality q<sub>t</sub> = 1 - max<sub>b</sub> &Delta;<sub>t</sub>[b] with {@link
 * #quality(String)}; neither is part of the sequences.
 *
 * <h2>The backbone head</h2>
 * As in the paper, whose head W is a 4 &times; 4 convolution over the 128 &times; 4 &times; 4
 * tensor while the AP reads its average pool, the pseudo-labels ŷ<sub>t</sub> of every split
 * are the outputs of one {@link RidgeHead} that reads the full maps (4 &times; featureSize values,
 * {@link #featureMaps(String)}), fitted on the ground truth of the training split only (at most
 * {@code maxHeadTrainingFrames} evenly spaced frames, degraded ones included, as a real backbone
 * trains on occluded faces too) and then frozen; its penalty is chosen from {@link
 * RidgeHead#DEFAULT_LAMBDAS} by the mean headline metric (CCC for valence/arousal, ICC(3,1) for
 * Action Units) on the validation split (also capped at {@code maxHeadTrainingFrames} evenly
 * spaced frames). Its errors are therefore those of a real per-frame model, larger on degraded
 * frames and, for valence/arousal, between expressive episodes.
 *
 * <p>Instances are immutable and thread-safe. Generation runs the videos in parallel on the
 * common fork-join pool and renders each video twice (once for the features and the head's
 * training frames, once for the pseudo-labels), because the maps are four times the size of the
 * features and are not kept.
 */
public final class SyntheticAffectCorpus implements AffectCorpus {
    /** The name of the training split. */
    public static final String TRAIN = "train";
    /** The name of the validation split. */
    public static final String VALIDATION = "validation";
    /** The name of the test split. */
    public static final String TEST = "test";

    /**
     * The version of the generator, part of every configuration's {@link
     * SyntheticConfig#fingerprint()}: it changes whenever the data one configuration generates
     * change, so that the data of an older generator are told apart by their source even where
     * the name is the same. 1: the first generator (isotropic per-frame noise); 2: features
     * modelled on real deep face features; 3: valence/arousal labels as annotated apparent
     * affect that the face shows only in part.
     */
    public static final int GENERATOR_VERSION = 3;

    private static final List<String> SPLITS = List.of(TRAIN, VALIDATION, TEST);
    private static final Logger LOG = LoggerFactory.getLogger(SyntheticAffectCorpus.class);

    private final SyntheticConfig config;
    private final String name;
    private final Map<String, SequenceDataset> splits;
    private final Map<String, VideoRenderer.Video> videos;
    private final VideoRenderer renderer;
    private final RidgeHead head;

    private SyntheticAffectCorpus(SyntheticConfig config, String name, Map<String, SequenceDataset> splits,
            Map<String, VideoRenderer.Video> videos, VideoRenderer renderer, RidgeHead head) {
        this.config = config;
        this.name = name;
        this.splits = splits;
        this.videos = videos;
        this.renderer = renderer;
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
        LabelSpace space = config.labelSpace();
        int dx = config.featureSize();
        int dy = space.size();
        VideoRenderer renderer = new VideoRenderer(config);
        int perSubject = config.videosPerSubject();
        List<VideoRenderer.Video> planned = IntStream.range(0, config.subjects() * perSubject).parallel()
                .mapToObj(i -> renderer.plan(i / perSubject, i % perSubject, splitOf(config, i / perSubject)))
                .toList();

        // first rendering: the features, and the maps of the frames the head is fitted and validated on
        int cells = renderer.cells();
        HeadSample train = HeadSample.plan(planned, TRAIN, config.maxHeadTrainingFrames(), cells, dy);
        HeadSample validation = HeadSample.plan(planned, VALIDATION, config.maxHeadTrainingFrames(), cells, dy);
        float[][] features = IntStream.range(0, planned.size()).parallel().mapToObj(i -> {
            VideoRenderer.Video video = planned.get(i);
            float[] x = new float[video.length() * dx];
            renderer.render(video, (t, maps) -> {
                FeatureWorld.pool(maps, x, t * dx);
                train.offer(i, t, maps, video.labels());
                validation.offer(i, t, maps, video.labels());
            });
            return x;
        }).toArray(float[][]::new);
        RidgeHead head = RidgeHead.fitSelecting(train.rows(), validation.rows(), space.headlineMetric(),
                RidgeHead.DEFAULT_LAMBDAS);

        // second rendering: the frozen head's pseudo-labels
        List<AffectSequence> sequences = IntStream.range(0, planned.size()).parallel().mapToObj(i -> {
            VideoRenderer.Video video = planned.get(i);
            AffectSequence.Builder b = AffectSequence.builder(video.id(), space, dx).subject(video.subject())
                    .fps(config.fps());
            float[] x = new float[dx];
            float[] y = new float[dy];
            float[] yHat = new float[dy];
            renderer.render(video, (t, maps) -> {
                head.predict(maps, 0, yHat, 0);
                System.arraycopy(features[i], t * dx, x, 0, dx);
                System.arraycopy(video.labels(), t * dy, y, 0, dy);
                b.addFrame(x, yHat, y);
            });
            return b.build();
        }).toList();

        String corpusName = config.corpusName();
        String source = config.fingerprint();
        Map<String, SequenceDataset> splits = new LinkedHashMap<>();
        Map<String, VideoRenderer.Video> byId = new LinkedHashMap<>();
        for (String split : SPLITS) {
            List<AffectSequence> members = new ArrayList<>();
            for (int i = 0; i < planned.size(); i++) {
                if (planned.get(i).split().equals(split)) {
                    members.add(sequences.get(i));
                    byId.put(planned.get(i).id(), planned.get(i));
                }
            }
            splits.put(split, SequenceDataset.of(corpusName + "/" + split, source, members));
        }
        LOG.debug("generated {} ({} videos, dx {}) in {} ms; backbone head lambda {}, validation {} {}",
                corpusName, planned.size(), dx, (System.nanoTime() - start) / 1_000_000, head.lambda(),
                space.headlineMetric().displayName(), head.validationScore());
        return new SyntheticAffectCorpus(config, corpusName, Collections.unmodifiableMap(splits),
                Collections.unmodifiableMap(byId), renderer, head);
    }

    /**
     * A small valence/arousal corpus for tests and examples ({@link SyntheticConfig#small(long)}:
     * 8 subjects split 4 / 2 / 2, 2 videos each of 300-400 frames, 64 features).
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
     * The frozen backbone head whose outputs are the pseudo-labels of every split. It reads a
     * frame's maps ({@link #featureMaps(String)}, 4 &times; featureSize values), not its
     * features.
     *
     * @return the head
     */
    public RidgeHead head() {
        return head;
    }

    /**
     * The corpus name, which identifies its configuration ({@link SyntheticConfig#corpusName()}):
     * {@code "synthetic-va(seed 1)"} for the valence/arousal preset, {@code
     * "synthetic-bp4d-au(seed 1)"} for the Action Unit preset, and with the configuration's
     * fingerprint for anything else, e.g. {@code "synthetic-va(seed 11, config 1a2b3c4d)"}.
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
     * One split, named {@code "<corpus name>/<split>"}, whose {@link SequenceDataset#source()} is
     * the configuration's {@link SyntheticConfig#fingerprint()}.
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
     * sees it): one minus the severity of the frame's most degraded block, exactly 1 on a clean
     * frame.
     *
     * @param sequenceId a sequence id such as {@code "S03-V1"}
     * @return a new array, one value per frame
     * @throws IllegalArgumentException if the corpus has no such sequence
     */
    public double[] quality(String sequenceId) {
        return degradation(sequenceId).quality();
    }

    /**
     * The per-frame, per-block degradation of a sequence: severity and type (for diagnostics,
     * tests and studies; a model never sees it).
     *
     * @param sequenceId a sequence id such as {@code "S03-V1"}
     * @return the degradation (immutable)
     * @throws IllegalArgumentException if the corpus has no such sequence
     */
    public Degradation degradation(String sequenceId) {
        return video(sequenceId).degradation();
    }

    /**
     * What the face of a sequence displays next to its labels: the expressive episodes, the
     * displayed label values and the annotators' lags (for diagnostics, tests and studies; a model
     * never sees it). For Action Units the face displays the labels themselves.
     *
     * @param sequenceId a sequence id such as {@code "S03-V1"}
     * @return the display (immutable)
     * @throws IllegalArgumentException if the corpus has no such sequence
     */
    public AffectDisplay affectDisplay(String sequenceId) {
        return video(sequenceId).display();
    }

    /**
     * The backbone's maps of every frame of a sequence, which the head reads: C = featureSize / 4
     * channels of 4 &times; 4 cells, flattened channel-major (value 16 c + 4 row + column); a
     * frame's features are their 2 &times; 2 average pool. They are rendered again on each call
     * (bitwise the same every time), since the corpus does not keep them.
     *
     * @param sequenceId a sequence id such as {@code "S03-V1"}
     * @return new arrays, [frame][4 featureSize]
     * @throws IllegalArgumentException if the corpus has no such sequence
     */
    public float[][] featureMaps(String sequenceId) {
        VideoRenderer.Video video = video(sequenceId);
        float[][] out = new float[video.length()][];
        renderer.render(video, (t, maps) -> out[t] = maps.clone());
        return out;
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

    private VideoRenderer.Video video(String sequenceId) {
        VideoRenderer.Video video = videos.get(sequenceId);
        if (video == null) {
            throw new IllegalArgumentException("corpus " + name + " has no sequence '" + sequenceId + "'");
        }
        return video;
    }
}
