package org.affectiveprocesses.backbone.fan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import org.affectiveprocesses.api.backbone.RgbImage;
import org.affectiveprocesses.backbone.ImageTensors;
import org.affectiveprocesses.backbone.Preprocessing;
import org.affectiveprocesses.djl.Adam;
import org.affectiveprocesses.djl.DjlDevices;
import org.affectiveprocesses.djl.Gradients;
import org.affectiveprocesses.djl.IntraOpThreads;
import org.affectiveprocesses.metrics.Ccc;
import org.affectiveprocesses.metrics.Icc;
import org.affectiveprocesses.metrics.IccType;

/**
 * Trains the paper's backbone (Appendix A.2) with Adam (β 0.9, 0.999, ε 1e-8, L2 weight decay;
 * the SDK's shared {@link Adam}) and a learning-rate schedule, augmentation, validation after
 * every epoch and best-model selection: the parameters of the epoch with the best validation
 * score are restored at the end.
 *
 * <ul>
 *   <li>{@link #trainLandmarks}: heatmap regression of the Face Alignment Module alone (MSE
 *       between predicted and Gaussian target heatmaps; validation score: minus the mean
 *       landmark error in pixels of the input); the module is frozen afterwards.</li>
 *   <li>{@link #trainTask}: the task feature module and head, with the alignment module frozen
 *       (its parameters take no gradient and its batch norm stays in inference mode), as in the
 *       paper. Valence/arousal use {@link FanLosses#multiTask} and are scored by the mean CCC;
 *       other label spaces use the MSE and are scored by the mean ICC(3,1).</li>
 * </ul>
 * Batches of a single image are skipped (batch statistics and CCC need two). A training loss
 * that is not finite stops training with an {@link IllegalStateException} (docs/backbones.md
 * names a native defect that causes one and the environment setting that avoids it). Training
 * runs on any thread; concurrent trainings (of FAN, the AP's DJL engine or the baselines) queue
 * their steps in {@link Gradients}.
 *
 * <p>The loop is not the AP's {@code core.training.EpochLoop}: this module may not depend on the
 * AP core, an epoch here is one pass over a shuffled image list (not a fixed number of sampled
 * clips), the rate follows the paper's backbone schedules by fractional epoch ({@link
 * LearningRate}: step decay, cyclic) rather than a per-step cosine, and validation scores are
 * landmark errors or per-image CCC/ICC rather than the AP's windowed evaluation report.
 */
public final class FanTrainer {
    private static final int EVAL_BATCH = 16;
    private static final double ADAM_BETA1 = 0.9;
    private static final double ADAM_BETA2 = 0.999;
    private static final double ADAM_EPSILON = 1e-8;

    private FanTrainer() {
    }

    /**
     * Trains the task feature module and head on labelled faces, with the alignment module frozen.
     *
     * @param net the network (changed in place)
     * @param train at least two training faces
     * @param validation validation faces (empty: the last epoch is kept)
     * @param config the training settings
     * @param progress called after every epoch
     * @throws IllegalArgumentException if a sample's labels do not fit the network's label space
     */
    public static FanTrainingReport trainTask(FanNetwork net, List<FaceSample> train, List<FaceSample> validation,
            FanTrainingConfig config, Consumer<FanEpoch> progress) {
        FanConfig fc = net.config();
        checkSamples(train, fc, "training", true);
        checkSamples(validation, fc, "validation", false);
        net.freezeAlignment(true);
        Preprocessing pre = pre(fc);
        ImageAugmenter augmenter = new ImageAugmenter(config.augmentation());
        int dy = fc.labels().size();
        Step step = (batch, random, m) -> {
            List<RgbImage> images = new ArrayList<>();
            float[] labels = new float[batch.size() * dy];
            int[] emotions = new int[batch.size()];
            for (int i = 0; i < batch.size(); i++) {
                FaceSample s = train.get(batch.get(i));
                images.add(s.image());
                System.arraycopy(s.labels(), 0, labels, i * dy, dy);
                emotions[i] = s.emotion();
            }
            NDArray x = input(m, images, pre, augmenter, random);
            NDList out = net.forward(x, true);
            NDList heads = out.subNDList(1);
            if (fc.multiTask()) {
                return FanLosses.multiTask(heads, labels, emotions, fc.bins()).get(0);
            }
            return FanLosses.mse(heads.get(0), m.create(labels, new Shape(batch.size(), dy)));
        };
        Scorer scorer = () -> taskScore(net, validation, pre);
        return loop(net, net.block(), train.size(), config, step, validation.isEmpty() ? null : scorer, progress);
    }

    /**
     * Trains the Face Alignment Module on landmark heatmaps, then freezes it.
     *
     * @param net the network (changed in place)
     * @param train at least two training faces with as many landmarks as the network has heatmaps
     * @param validation validation faces (empty: the last epoch is kept)
     * @param config the training settings (its augmentation must be {@link Augmentation#none()})
     * @param progress called after every epoch
     */
    public static FanTrainingReport trainLandmarks(FanNetwork net, List<LandmarkSample> train,
            List<LandmarkSample> validation, FanTrainingConfig config, Consumer<FanEpoch> progress) {
        FanConfig fc = net.config();
        if (train.size() < 2) {
            throw new IllegalArgumentException("landmark training needs at least 2 images, got " + train.size());
        }
        if (!config.augmentation().isIdentity()) {
            throw new IllegalArgumentException("landmark training takes no augmentation (a flip or crop would move the "
                    + "landmarks); use Augmentation.none()");
        }
        for (List<LandmarkSample> set : List.of(train, validation)) {
            for (LandmarkSample s : set) {
                if (s.count() != fc.landmarks()) {
                    throw new IllegalArgumentException("a sample has " + s.count() + " landmarks; the network has "
                            + fc.landmarks() + " heatmaps");
                }
            }
        }
        net.freezeAlignment(false);
        Preprocessing pre = pre(fc);
        ImageAugmenter none = new ImageAugmenter(Augmentation.none());
        int map = fc.alignmentMapSize();
        Step step = (batch, random, m) -> {
            List<RgbImage> images = new ArrayList<>();
            float[] targets = new float[batch.size() * fc.landmarks() * map * map];
            for (int i = 0; i < batch.size(); i++) {
                LandmarkSample s = train.get(batch.get(i));
                images.add(s.image());
                float[] t = Heatmaps.render(s.landmarks(), s.image().width(), s.image().height(), map);
                System.arraycopy(t, 0, targets, i * t.length, t.length);
            }
            NDArray x = input(m, images, pre, none, random);
            NDArray maps = net.forwardAlignment(x, true).get(1);
            return FanLosses.mse(maps, m.create(targets, maps.getShape()));
        };
        Scorer scorer = () -> -landmarkError(net, validation);
        try {
            return loop(net, net.block().alignment(), train.size(), config, step,
                    validation.isEmpty() ? null : scorer, progress);
        } finally {
            net.freezeAlignment(true);
        }
    }

    /**
     * The mean distance, in pixels of the network's input, between each landmark and the peak of
     * its predicted heatmap.
     *
     * @param net the network
     * @param samples faces with landmarks
     */
    public static double landmarkError(FanNetwork net, List<LandmarkSample> samples) {
        Preprocessing pre = pre(net.config());
        int size = net.config().inputSize();
        int map = net.config().alignmentMapSize();
        double sum = 0;
        int n = 0;
        for (int from = 0; from < samples.size(); from += EVAL_BATCH) {
            List<LandmarkSample> part = samples.subList(from, Math.min(samples.size(), from + EVAL_BATCH));
            List<RgbImage> images = new ArrayList<>();
            part.forEach(s -> images.add(s.image()));
            try (NDManager m = net.manager().newSubManager()) {
                NDArray x = m.create(ImageTensors.batch(images, pre, "fan"), FanNetwork.inputShape(net.config(),
                        images.size()));
                float[] maps = net.forwardAlignment(x, false).get(1).toFloatArray();
                int per = net.config().landmarks() * map * map;
                for (int i = 0; i < part.size(); i++) {
                    float[] one = new float[per];
                    System.arraycopy(maps, i * per, one, 0, per);
                    float[] peaks = Heatmaps.peaks(one, map, size, size);
                    float[] truth = part.get(i).landmarks();
                    double sx = (double) size / part.get(i).image().width();
                    double sy = (double) size / part.get(i).image().height();
                    for (int l = 0; l < truth.length / 2; l++) {
                        double tx = (truth[2 * l] + 0.5) * sx - 0.5;
                        double ty = (truth[2 * l + 1] + 0.5) * sy - 0.5;
                        sum += Math.hypot(peaks[2 * l] - tx, peaks[2 * l + 1] - ty);
                        n++;
                    }
                }
            }
        }
        return sum / n;
    }

    /**
     * The network's regression outputs on faces (no augmentation, inference mode), row-major
     * {@code [N, dy]}.
     *
     * @param net the network
     * @param faces the faces
     */
    public static float[] predict(FanNetwork net, List<RgbImage> faces) {
        int dy = net.config().labels().size();
        float[] out = new float[faces.size() * dy];
        Preprocessing pre = pre(net.config());
        for (int from = 0; from < faces.size(); from += EVAL_BATCH) {
            List<RgbImage> part = faces.subList(from, Math.min(faces.size(), from + EVAL_BATCH));
            try (NDManager m = net.manager().newSubManager()) {
                NDArray x = m.create(ImageTensors.batch(part, pre, "fan"), FanNetwork.inputShape(net.config(),
                        part.size()));
                float[] y = net.forward(x, false).get(1).toFloatArray();
                System.arraycopy(y, 0, out, from * dy, y.length);
            }
        }
        return out;
    }

    /** One training step's loss on a batch. */
    private interface Step {
        NDArray loss(List<Integer> batch, Random random, NDManager manager);
    }

    /** A validation score, higher is better. */
    private interface Scorer {
        double score();
    }

    private static FanTrainingReport loop(FanNetwork net, Block trained, int size, FanTrainingConfig config,
            Step step, Scorer scorer, Consumer<FanEpoch> progress) {
        Objects.requireNonNull(progress, "progress");
        IntraOpThreads.pin();
        Random random = new Random(config.seed());
        ai.djl.engine.Engine.getEngine(DjlDevices.PYTORCH).setRandomSeed((int) config.seed());
        int perEpoch = (size + config.batchSize() - 1) / config.batchSize();
        LearningRate lr = config.learningRate();
        List<NDArray> params = new ArrayList<>();
        for (Pair<String, Parameter> p : trained.getParameters()) {
            if (p.getValue().requiresGradient()) {
                params.add(p.getValue().getArray());
            }
        }
        Adam adam = new Adam(params, net.manager(), new Adam.Settings(ADAM_BETA1, ADAM_BETA2, ADAM_EPSILON,
                config.weightDecay(), 0));
        long updates = 0;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        List<FanEpoch> epochs = new ArrayList<>();
        double bestScore = Double.NEGATIVE_INFINITY;
        int bestEpoch = 0;
        Map<String, float[]> best = null;
        for (int e = 1; e <= config.epochs(); e++) {
            long start = System.nanoTime();
            Collections.shuffle(order, random);
            double lossSum = 0;
            int steps = 0;
            for (int from = 0; from + 1 < size; from += config.batchSize()) {
                List<Integer> batch = order.subList(from, Math.min(size, from + config.batchSize()));
                try (NDManager m = net.manager().newSubManager()) {
                    float value = Gradients.backward(() -> step.loss(batch, random, m));
                    FiniteOutputs.check(new float[] {value}, "the training loss of epoch " + e + ", step "
                            + (steps + 1));
                    lossSum += value;
                    adam.step(m, lr.at(updates++ / (double) perEpoch));
                }
                steps++;
            }
            double score = scorer == null ? Double.NaN : scorer.score();
            FanEpoch epoch = new FanEpoch(e, lossSum / steps, score, lr.at(e - 1), (System.nanoTime() - start) / 1e9);
            epochs.add(epoch);
            progress.accept(epoch);
            if (scorer == null || score > bestScore || best == null) {
                bestScore = scorer == null ? bestScore : score;
                bestEpoch = e;
                best = scorer == null ? null : net.snapshot();
            }
        }
        if (best != null) {
            net.restore(best);
        }
        return new FanTrainingReport(epochs, bestEpoch);
    }

    private static double taskScore(FanNetwork net, List<FaceSample> validation, Preprocessing pre) {
        FanConfig fc = net.config();
        int dy = fc.labels().size();
        List<RgbImage> images = new ArrayList<>();
        validation.forEach(s -> images.add(s.image()));
        float[] pred = predict(net, images);
        double sum = 0;
        for (int d = 0; d < dy; d++) {
            double[] t = new double[validation.size()];
            double[] p = new double[validation.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = validation.get(i).labels()[d];
                p[i] = Math.max(-1, Math.min(1, pred[i * dy + d]));
            }
            double s = fc.multiTask() ? Ccc.of(t, p) : Icc.of(IccType.ICC_3_1, t, p);
            sum += Double.isFinite(s) ? s : 0;
        }
        return sum / dy;
    }

    private static NDArray input(NDManager m, List<RgbImage> images, Preprocessing pre, ImageAugmenter augmenter,
            Random random) {
        int size = pre.width();
        float[] x = ImageTensors.batch(images, pre, "fan");
        int per = pre.valuesPerImage();
        for (int i = 0; i < images.size(); i++) {
            float[] one = new float[per];
            System.arraycopy(x, i * per, one, 0, per);
            System.arraycopy(augmenter.apply(one, size, random), 0, x, i * per, per);
        }
        return m.create(x, new Shape(images.size(), 3, size, size));
    }

    private static Preprocessing pre(FanConfig fc) {
        return Preprocessing.of(fc.inputSize()).withMinFaceSize(1);
    }

    private static void checkSamples(List<FaceSample> samples, FanConfig fc, String what, boolean training) {
        if (training && samples.size() < 2) {
            throw new IllegalArgumentException("training needs at least 2 images, got " + samples.size());
        }
        for (int i = 0; i < samples.size(); i++) {
            FaceSample s = samples.get(i);
            if (s.labels().length != fc.labels().size()) {
                throw new IllegalArgumentException(what + " sample " + i + " has " + s.labels().length
                        + " labels; the label space " + fc.labels().name() + " has " + fc.labels().size());
            }
            if (s.emotion() >= fc.emotions()) {
                throw new IllegalArgumentException(what + " sample " + i + " has emotion " + s.emotion()
                        + "; the network has " + fc.emotions() + " classes");
            }
        }
    }
}
