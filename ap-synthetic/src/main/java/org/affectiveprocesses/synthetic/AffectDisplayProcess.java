package org.affectiveprocesses.synthetic;

import java.util.Arrays;

/**
 * Draws the valence/arousal labels of one video and what its face displays (see {@link
 * SyntheticAffectCorpus}, "Valence/arousal: what annotators label and what the face shows"). In
 * the latent space of each dimension d the apparent affect is b_d + sqrt(1 - h_d) s_d(t) +
 * sqrt(h_d) eta_d(t), where s_d are the corpus's within-video dynamics and eta_d a hidden process
 * of the same form; the label at frame t is its tanh at frame t - L_d, and the face displays
 * e_t tanh(b_d + sqrt(1 - h_d) s_d(t)), with e_t the display intensity of the expressive
 * episodes. Each ingredient draws from its own stream.
 */
final class AffectDisplayProcess {
    /** The labels of one video, normalised, [frame][2], and what its face displays. */
    record Planned(float[] labels, AffectDisplay display) {}

    private static final int DIMENSIONS = 2;

    private AffectDisplayProcess() {}

    /**
     * The labels and the display of one valence/arousal video.
     *
     * @param affect the stream of the displayed dynamics s (the corpus's label stream)
     * @param hidden the stream of the hidden dynamics eta
     * @param lag the stream of the annotators' lags
     * @param episodes the stream of the expressive episodes
     * @param baseline the subject's baseline (valence, arousal) before tanh
     * @param expressivity the subject's multiplier of the episode rate
     * @param model the episodes, lags and hidden shares
     * @param length the video's length in frames
     * @param fps the frame rate
     */
    static Planned generate(Rng affect, Rng hidden, Rng lag, Rng episodes, double[] baseline,
            double expressivity, AffectDisplayModel model, int length, double fps) {
        int[] lagFrames = new int[DIMENSIONS];
        for (int d = 0; d < DIMENSIONS; d++) {
            lagFrames[d] = (int) Math.round(lag.uniform(model.minLagSeconds(), model.maxLagSeconds()) * fps);
        }
        // the affect starts the longest lag accepted before the first frame (series index i is
        // frame i - lead), whatever the model's lags, so that the lag shifts the labels and leaves
        // what the face shows unchanged
        int lead = leadFrames(fps);
        int n = length + lead;
        double[] shownV = new double[n];
        double[] shownA = new double[n];
        Arrays.fill(shownV, baseline[0]);
        Arrays.fill(shownA, baseline[1]);
        double hiddenV = model.hiddenValenceShare();
        double hiddenA = model.hiddenArousalShare();
        LabelProcesses.addDynamics(affect, shownV, shownA, Math.sqrt(1.0 - hiddenV), Math.sqrt(1.0 - hiddenA), fps);
        boolean hide = hiddenV > 0 || hiddenA > 0;
        double[] labelV = hide ? shownV.clone() : shownV;
        double[] labelA = hide ? shownA.clone() : shownA;
        if (hide) {
            LabelProcesses.addDynamics(hidden, labelV, labelA, Math.sqrt(hiddenV), Math.sqrt(hiddenA), fps);
        }
        double resting = model.restingDisplay();
        double[] profile = new double[length];
        if (resting < 1) {
            addEpisodes(episodes, profile, model.episodesPerMinute() * expressivity, model.minEpisodeSeconds(),
                    model.maxEpisodeSeconds(), fps);
        }
        float[] labels = new float[length * DIMENSIONS];
        float[] displayed = new float[length * DIMENSIONS];
        for (int t = 0; t < length; t++) {
            labels[2 * t] = (float) StrictMath.tanh(labelV[t + lead - lagFrames[0]]);
            labels[2 * t + 1] = (float) StrictMath.tanh(labelA[t + lead - lagFrames[1]]);
            double e = resting + (1.0 - resting) * profile[t];
            displayed[2 * t] = (float) (e * StrictMath.tanh(shownV[t + lead]));
            displayed[2 * t + 1] = (float) (e * StrictMath.tanh(shownA[t + lead]));
        }
        return new Planned(labels, new AffectDisplay(displayed, profile, resting, lagFrames));
    }

    /** The frames of affect generated before the first frame: {@link AffectDisplayModel#MAX_LAG_SECONDS}. */
    static int leadFrames(double fps) {
        return (int) Math.round(AffectDisplayModel.MAX_LAG_SECONDS * fps);
    }

    /** Adds Poisson expressive episodes of apex 1 to the profile, the larger value where they overlap. */
    private static void addEpisodes(Rng rng, double[] profile, double perMinute, double minS, double maxS,
            double fps) {
        if (perMinute == 0) {
            return;
        }
        int length = profile.length;
        // start before frame 0 so that episodes already under way at the first frame are there
        rng.poissonTimes(60.0 * fps / perMinute, -maxS * fps, length, start -> {
            double duration = rng.uniform(minS, maxS) * fps;
            LabelProcesses.addEvent(rng, profile, 1, 0, length, start, duration, 1.0);
        });
    }
}
