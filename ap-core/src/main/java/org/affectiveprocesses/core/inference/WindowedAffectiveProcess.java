package org.affectiveprocesses.core.inference;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectStream;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.Complexity;
import org.affectiveprocesses.api.ContextCandidates;
import org.affectiveprocesses.api.ContextSelector;
import org.affectiveprocesses.api.ContextWindow;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.ModelInfo;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.SequenceDataset;
import org.affectiveprocesses.api.StreamListener;
import org.affectiveprocesses.api.StreamOptions;
import org.affectiveprocesses.api.UncertaintyCalibration;
import org.affectiveprocesses.core.engine.ApBackend;
import org.affectiveprocesses.core.engine.InferenceKernel;
import org.affectiveprocesses.core.engine.WindowBatch;
import org.affectiveprocesses.core.engine.WindowOutput;
import org.affectiveprocesses.core.io.ModelFile;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApWeights;
import org.affectiveprocesses.core.model.FrameForward;
import org.affectiveprocesses.core.model.InputStandardization;

/**
 * An Affective Process on some engine: covers each sequence with windows ({@link WindowPlan}),
 * sends them to the engine in batches of {@link Engine#batchSize()} windows, picks every window's
 * context with the selector between the engine's encoding and aggregation, draws the sampling
 * noise in Java (so every engine gives the same samples), and merges overlapping windows ({@link
 * WindowMerger}).
 *
 * <p>The engine runs the weights with the input standardisation folded into their first layers
 * ({@link InputStandardization#foldInto}), so raw features go in at no cost per frame. The
 * calibration scales σ per output dimension after merging, and spreads each function sample
 * around the mean by the same factor: sample' = mean + s·(sample − mean).
 *
 * <p>Frames without a face are left out of the windows and get no prediction. Randomness (random
 * selection, function samples) is keyed by sequence id and window start, so results do not depend
 * on how windows are batched. Instances are safe to use from several threads at once (the kernels
 * are; the state of one call lives on its stack).
 */
public final class WindowedAffectiveProcess implements AffectiveProcess {
    private final ModelFile.Contents model;
    private final ApModelSpec spec;
    private final ApBackend backend;
    private final Engine engine;
    private final InferenceKernel kernel;
    private volatile boolean closed;
    private volatile FrameForward frameForward;

    private WindowedAffectiveProcess(ModelFile.Contents model, ApBackend backend, Engine engine,
            InferenceKernel kernel) {
        this.model = model;
        this.spec = model.spec();
        this.backend = backend;
        this.engine = engine;
        this.kernel = kernel;
    }

    /**
     * Puts a model onto an engine.
     *
     * @param backend the engine's tensor math
     * @param engine the engine choice (device, batch size)
     * @param model the weights, input standardisation, calibration, default test protocol and provenance
     * @return the model, ready to predict
     * @throws IllegalArgumentException if the default options do not suit the architecture
     */
    public static WindowedAffectiveProcess open(ApBackend backend, Engine engine, ModelFile.Contents model) {
        checkOptions(model.spec().architecture(), model.inference());
        ApWeights folded = model.standardization().foldInto(model.weights());
        return new WindowedAffectiveProcess(model, backend, engine, backend.openInference(folded, engine));
    }

    /**
     * Everything this model is made of (what its file holds).
     *
     * @return the weights, input standardisation, calibration, default protocol and provenance
     */
    public ModelFile.Contents contents() {
        return model;
    }

    /** The weights, which read standardised features (for copying a model to another engine, or inspection). */
    public ApWeights weights() {
        return model.weights();
    }

    /** The input standardisation the weights expect. */
    public InputStandardization inputStandardization() {
        return model.standardization();
    }

    /** The model's full shape. */
    public ApModelSpec spec() {
        return spec;
    }

    @Override
    public String engineName() {
        return backend.name();
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("affective-process", spec.architecture().displayName() + " (dx "
                + spec.featureSize() + ", dy " + spec.labelSize() + ", hidden "
                + spec.architecture().hiddenSize() + ", latent " + spec.architecture().latentSize() + ")",
                spec.labelSpace(), spec.featureSize(), spec.parameterCount(), model.provenance());
    }

    @Override
    public ApArchitecture architecture() {
        return spec.architecture();
    }

    @Override
    public InferenceOptions defaultOptions() {
        return model.inference();
    }

    @Override
    public UncertaintyCalibration calibration() {
        return model.calibration();
    }

    @Override
    public AffectiveProcess recalibrate(SequenceDataset validation) {
        Objects.requireNonNull(validation, "validation");
        if (!spec.labelSpace().equals(validation.labelSpace())) {
            throw new IllegalArgumentException("data '" + validation.name() + "' are labelled with "
                    + validation.labelSpace().name() + ", this model predicts " + spec.labelSpace().name());
        }
        List<AffectSequence> sequences = new ArrayList<>();
        validation.forEach(sequences::add);
        UncertaintyCalibration fitted = VarianceScaling.fit(validation.identity(), sequences,
                predictAll(sequences, defaultOptions(), UncertaintyCalibration.none(spec.labelSize())));
        return withCalibration(fitted);
    }

    @Override
    public AffectiveProcess withCalibration(UncertaintyCalibration calibration) {
        return open(backend, engine, new ModelFile.Contents(spec, model.weights(), model.standardization(),
                Objects.requireNonNull(calibration, "calibration"), model.inference(), model.provenance()));
    }

    @Override
    public Complexity complexity(int windowLength) {
        return spec.complexity(windowLength);
    }

    @Override
    public Prediction predict(AffectSequence sequence, InferenceOptions options) {
        return predictAll(List.of(sequence), options).get(0);
    }

    @Override
    public List<Prediction> predictAll(List<AffectSequence> sequences, InferenceOptions options) {
        return predictAll(sequences, options, model.calibration());
    }

    private List<Prediction> predictAll(List<AffectSequence> sequences, InferenceOptions options,
            UncertaintyCalibration calibration) {
        if (closed) {
            throw new IllegalStateException("this Affective Process is closed");
        }
        Objects.requireNonNull(options, "options");
        checkOptions(spec.architecture(), options);
        List<SequenceRun> runs = new ArrayList<>();
        Map<Integer, List<WindowJob>> byLength = new LinkedHashMap<>();
        for (AffectSequence s : sequences) {
            checkSequence(s);
            long idHash = WindowSeeds.idHash(s.id());
            SequenceRun run = new SequenceRun(s, options.numSamples(), calibration);
            runs.add(run);
            for (WindowPlan.Window w : WindowPlan.cover(run.validFrames.length, options.windowLength(), options.hop())) {
                int[] frames = new int[w.length()];
                System.arraycopy(run.validFrames, w.start(), frames, 0, w.length());
                byLength.computeIfAbsent(w.length(), k -> new ArrayList<>())
                        .add(new WindowJob(run, w.start(), frames, WindowSeeds.key(idHash, frames[0])));
            }
        }
        for (List<WindowJob> jobs : byLength.values()) {
            int batch = engine.batchSize();
            for (int from = 0; from < jobs.size(); from += batch) {
                runBatch(jobs.subList(from, Math.min(jobs.size(), from + batch)), options);
            }
        }
        List<Prediction> out = new ArrayList<>(runs.size());
        for (SequenceRun run : runs) {
            out.add(run.toPrediction());
        }
        return out;
    }

    private void runBatch(List<WindowJob> jobs, InferenceOptions options) {
        int b = jobs.size();
        int l = jobs.get(0).frames.length;
        int z = spec.architecture().latentSize();
        List<AffectSequence> sequences = new ArrayList<>(b);
        List<int[]> frames = new ArrayList<>(b);
        for (WindowJob job : jobs) {
            sequences.add(job.run.sequence);
            frames.add(job.frames);
        }
        int n = options.numSamples();
        float[] noise = new float[n * b * z];
        for (int i = 0; i < b; i++) {
            WindowSeeds.noise(options.samplingSeed(), jobs.get(i).key, n, z, noise, i * z, b * z);
        }
        ContextSelector selector = options.selector();
        int contextSize = Math.min(options.contextSize(), l);
        WindowOutput out = kernel.run(WindowBatch.ofSequences(sequences, frames), sigma -> {
            float[] weightsOut = new float[b * l];
            for (int i = 0; i < b; i++) {
                double[] s = null;
                if (sigma != null) {
                    s = new double[l];
                    for (int j = 0; j < l; j++) {
                        s[j] = sigma[i * l + j];
                    }
                }
                WindowJob job = jobs.get(i);
                int[] chosen = SelectedContext.validated(selector,
                        selector.select(new ContextCandidates(s, l, job.key), contextSize), l, -1);
                job.context = chosen;
                for (int c : chosen) {
                    weightsOut[i * l + c] = 1f / chosen.length;
                }
            }
            return weightsOut;
        }, n, noise);
        for (int i = 0; i < b; i++) {
            WindowJob job = jobs.get(i);
            int[] positions = new int[l];
            for (int j = 0; j < l; j++) {
                positions[j] = job.validStart + j;
            }
            job.run.merger.add(positions, out.mean(), out.std(), out.samples(), i, b, l);
            int[] ctx = new int[job.context.length];
            for (int c = 0; c < ctx.length; c++) {
                ctx[c] = job.frames[job.context[c]];
            }
            int span = job.frames[l - 1] - job.frames[0] + 1;
            double[] norms = new double[0];
            if (out.frameSigmaNorms() != null) {
                norms = new double[span];
                java.util.Arrays.fill(norms, Double.NaN);
                for (int j = 0; j < l; j++) {
                    norms[job.frames[j] - job.frames[0]] = out.frameSigmaNorms()[i * l + j];
                }
            }
            job.run.windows.add(new ContextWindow(job.frames[0], span, ctx, norms));
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>The stream computes in plain Java ({@link FrameForward}) from this model's weights with
     * the input standardisation folded in, as the engine runs them, and reports σ with this
     * model's calibration; so it gives the same estimates on every engine.
     */
    @Override
    public AffectStream stream(StreamOptions options, StreamListener listener) {
        if (closed) {
            throw new IllegalStateException("this Affective Process is closed");
        }
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        checkOptions(spec.architecture(), options.inference());
        return new LiveStream(frameForward(), options, model.calibration(), spec.labelSpace(), listener);
    }

    /** The plain-Java forward pass the streams share, prepared when the first stream opens. */
    private FrameForward frameForward() {
        FrameForward f = frameForward;
        if (f == null) {
            synchronized (this) {
                f = frameForward;
                if (f == null) {
                    f = FrameForward.of(model.standardization().foldInto(model.weights()));
                    frameForward = f;
                }
            }
        }
        return f;
    }

    @Override
    public void save(Path file) throws IOException {
        ModelFile.write(file, model);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            kernel.close();
        }
    }

    @Override
    public String toString() {
        return "AffectiveProcess[" + info().description() + ", engine " + backend.name() + "]";
    }

    private void checkSequence(AffectSequence s) {
        if (!s.labelSpace().equals(spec.labelSpace())) {
            throw new IllegalArgumentException("sequence '" + s.id() + "' has label space "
                    + s.labelSpace().name() + ", this model predicts " + spec.labelSpace().name());
        }
        if (s.featureSize() != spec.featureSize()) {
            throw new IllegalArgumentException("sequence '" + s.id() + "' has " + s.featureSize()
                    + "-d features, this model reads " + spec.featureSize() + "-d features");
        }
    }

    private static void checkOptions(ApArchitecture a, InferenceOptions options) {
        if (options.selector().needsUncertainty() && !a.variant().isStochastic()) {
            throw new IllegalArgumentException("context selector '" + options.selector().name()
                    + "' needs per-frame σ, which the " + a.displayName()
                    + " does not give; use ContextSelectors.random(seed) or all()");
        }
        if (options.numSamples() > 0 && !a.variant().isStochastic()) {
            throw new IllegalArgumentException("the " + a.displayName() + " has no latent distribution to sample");
        }
    }

    /** The frames of one window and its chosen context. */
    private static final class WindowJob {
        final SequenceRun run;
        final int validStart;
        final int[] frames;
        final long key;
        int[] context;

        /**
         * @param validStart the window's first position among the sequence's valid frames
         * @param frames the window's sequence frame indices
         */
        WindowJob(SequenceRun run, int validStart, int[] frames, long key) {
            this.run = run;
            this.validStart = validStart;
            this.frames = frames;
            this.key = key;
        }
    }

    /** The state of one sequence while its windows run. */
    private static final class SequenceRun {
        final AffectSequence sequence;
        final int[] validFrames;
        final WindowMerger merger;
        final List<ContextWindow> windows = new ArrayList<>();
        final int numSamples;
        final UncertaintyCalibration calibration;

        SequenceRun(AffectSequence sequence, int numSamples, UncertaintyCalibration calibration) {
            if ((long) numSamples * sequence.length() * sequence.labelSize() > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("sequence '" + sequence.id() + "': " + numSamples + " function samples x "
                        + sequence.length() + " frames x " + sequence.labelSize() + " dimensions are more values than an "
                        + "array holds; draw fewer samples");
            }
            this.sequence = sequence;
            this.numSamples = numSamples;
            this.calibration = calibration;
            int n = 0;
            int[] idx = new int[sequence.length()];
            for (int t = 0; t < sequence.length(); t++) {
                if (sequence.isValid(t)) {
                    idx[n++] = t;
                }
            }
            this.validFrames = java.util.Arrays.copyOf(idx, n);
            this.merger = new WindowMerger(n, sequence.labelSize(), numSamples);
        }

        Prediction toPrediction() {
            int dy = sequence.labelSize();
            int len = sequence.length();
            float[] mean = new float[len * dy];
            float[] std = new float[len * dy];
            float[] samples = new float[numSamples * len * dy];
            java.util.Arrays.fill(mean, Float.NaN);
            java.util.Arrays.fill(std, Float.NaN);
            java.util.Arrays.fill(samples, Float.NaN);
            boolean[] predicted = new boolean[len];
            float[] m = merger.mean();
            float[] s = merger.std();
            float[] smp = merger.samples();
            int frames = validFrames.length;
            for (int v = 0; v < frames; v++) {
                int t = validFrames[v];
                predicted[t] = true;
                for (int d = 0; d < dy; d++) {
                    float mu = m[v * dy + d];
                    mean[t * dy + d] = mu;
                    std[t * dy + d] = CalibratedOutput.std(calibration, d, s[v * dy + d]);
                    for (int n = 0; n < numSamples; n++) {
                        samples[(n * len + t) * dy + d] = CalibratedOutput.sample(calibration, d, mu,
                                smp[(n * frames + v) * dy + d]);
                    }
                }
            }
            windows.sort(java.util.Comparator.comparingInt(ContextWindow::start));
            return new Prediction(sequence.id(), sequence.labelSpace(), mean, std, predicted, windows,
                    numSamples, samples);
        }
    }
}
