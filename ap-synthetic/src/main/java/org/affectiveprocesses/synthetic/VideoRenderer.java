package org.affectiveprocesses.synthetic;

import java.util.Locale;
import org.affectiveprocesses.api.LabelKind;
import org.affectiveprocesses.api.LabelSpace;

/**
 * Everything of the synthetic corpus that is not the backbone head: the fixed world, the
 * subjects' traits, and for each video its labels, what its face displays, slow nuisance and
 * degradation ({@link #plan}) and its rendered maps ({@link #render}). Every ingredient draws from its own stream
 * derived from the seed and the subject and video indices, so a video's data does not depend on
 * the order or the thread in which videos are generated, and re-rendering a video reproduces it
 * bit for bit.
 */
final class VideoRenderer {
    // stream identifiers of Rng.derive
    private static final long WORLD = 1;
    private static final long SUBJECT = 2;
    private static final long VIDEO = 3;
    private static final long IDENTITY = 0;
    private static final long TRAITS = 1;
    private static final long LENGTH = 0;
    private static final long LABELS = 1;
    private static final long DEGRADATION = 2;
    private static final long NUISANCE = 3;
    private static final long RENDER = 4;
    private static final long HIDDEN_AFFECT = 5;
    private static final long LAG = 6;
    private static final long DISPLAY = 7;
    private static final long LOWER = 0;
    private static final long UPPER = 1;
    private static final long GLOBAL = 2;

    /** Range of a subject's display gain g_s (how strongly expression shows in the features). */
    static final double DISPLAY_GAIN_MIN = 0.6;
    static final double DISPLAY_GAIN_MAX = 1.4;
    /** Range of a subject's multiplier of the occlusion rates. */
    static final double OCCLUSION_RATE_MIN = 0.5;
    static final double OCCLUSION_RATE_MAX = 1.5;

    /** One subject's identity and traits. */
    private record Subject(float[] identity, double[] baseline, double expressivity, double displayGain,
            double occlusionRate) {}

    /** One video before rendering: its labels, what its face displays and how it is degraded. */
    record Video(String id, String subject, int subjectIndex, int videoIndex, String split,
            int length, float[] labels, AffectDisplay display, double[][] nuisance, Degradation degradation) {}

    private final SyntheticConfig config;
    private final FeatureWorld world;
    private final Subject[] subjects;

    VideoRenderer(SyntheticConfig config) {
        this.config = config;
        long seed = config.seed();
        this.world = new FeatureWorld(seed, WORLD, config);
        this.subjects = new Subject[config.subjects()];
        for (int s = 0; s < subjects.length; s++) {
            Rng traits = Rng.derive(seed, SUBJECT, s, TRAITS);
            double[] baseline = LabelProcesses.baseline(traits);
            double expressivity = traits.uniform(LabelProcesses.EXPRESSIVITY_MIN, LabelProcesses.EXPRESSIVITY_MAX);
            double displayGain = traits.uniform(DISPLAY_GAIN_MIN, DISPLAY_GAIN_MAX);
            double occlusionRate = traits.uniform(OCCLUSION_RATE_MIN, OCCLUSION_RATE_MAX);
            subjects[s] = new Subject(world.identity(Rng.derive(seed, SUBJECT, s, IDENTITY)), baseline,
                    expressivity, displayGain, occlusionRate);
        }
    }

    /** The number of values of a frame's maps (the backbone head's input). */
    int cells() {
        return world.cells();
    }

    /** The length of video {@code v} of subject {@code s}. */
    int length(int s, int v) {
        return Rng.derive(config.seed(), VIDEO, s, v, LENGTH).uniformInt(config.minFrames(), config.maxFrames());
    }

    /** Video {@code v} of subject {@code s}: its labels, display, nuisance and degradation. */
    Video plan(int s, int v, String split) {
        long seed = config.seed();
        double fps = config.fps();
        LabelSpace space = config.labelSpace();
        Subject subject = subjects[s];
        int width = Math.max(2, String.valueOf(subjects.length).length());
        String name = "S" + String.format(Locale.ROOT, "%0" + width + "d", s + 1);
        int length = length(s, v);
        float[] labels;
        AffectDisplay display;
        if (space.kind() == LabelKind.VALENCE_AROUSAL) {
            AffectDisplayProcess.Planned planned = AffectDisplayProcess.generate(
                    Rng.derive(seed, VIDEO, s, v, LABELS), Rng.derive(seed, VIDEO, s, v, HIDDEN_AFFECT),
                    Rng.derive(seed, VIDEO, s, v, LAG), Rng.derive(seed, VIDEO, s, v, DISPLAY),
                    subject.baseline, subject.expressivity, config.affectDisplay(), length, fps);
            labels = planned.labels();
            display = planned.display();
        } else {
            // Action Units are coded from the face itself: the face displays its labels
            labels = LabelProcesses.normalised(Rng.derive(seed, VIDEO, s, v, LABELS), space,
                    subject.baseline, subject.expressivity, length, fps);
            display = AffectDisplay.faithful(labels, space.size());
        }
        double[][] u = FeatureWorld.nuisance(Rng.derive(seed, VIDEO, s, v, NUISANCE), length, fps);
        Degradation degradation = DegradationProcess.generate(
                Rng.derive(seed, VIDEO, s, v, DEGRADATION, LOWER),
                Rng.derive(seed, VIDEO, s, v, DEGRADATION, UPPER),
                Rng.derive(seed, VIDEO, s, v, DEGRADATION, GLOBAL),
                u[0], subject.occlusionRate, config.degradation(), fps);
        return new Video(name + "-V" + (v + 1), name, s, v, split, length, labels, display, u, degradation);
    }

    /** Renders every frame of a planned video, in order; the same video renders the same maps. */
    void render(Video video, FeatureWorld.FrameSink sink) {
        Subject subject = subjects[video.subjectIndex()];
        world.render(Rng.derive(config.seed(), VIDEO, video.subjectIndex(), video.videoIndex(), RENDER),
                video.display().values(), video.nuisance(), video.degradation(), subject.identity, subject.displayGain,
                sink);
    }
}
