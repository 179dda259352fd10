package org.affectiveprocesses.core.inference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.Complexity;
import org.affectiveprocesses.api.ContextCandidates;
import org.affectiveprocesses.api.ContextSelector;
import org.affectiveprocesses.api.ContextSelectors;
import org.affectiveprocesses.api.ContextWindow;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.ModelInfo;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.api.Provenance;
import org.affectiveprocesses.core.engine.ApBackend;
import org.affectiveprocesses.core.engine.InferenceKernel;
import org.affectiveprocesses.core.engine.WindowBatch;
import org.affectiveprocesses.core.engine.WindowOutput;
import org.affectiveprocesses.core.io.ModelFile;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApWeights;

/**
 * An Affective Process on some engine: covers each sequence with windows ({@link WindowPlan}),
 * sends them to the engine in batches, picks every window's context with the selector between the
 * engine's encoding and aggregation, draws the sampling noise in Java (so every engine gives the
 * same samples), and merges overlapping windows ({@link WindowMerger}).
 *
 * <p>Frames without a face are left out of the windows and get no prediction. Randomness (random
 * selection, function samples) is keyed by sequence id and window start, so results do not depend
 * on how windows are batched.
 */
public final class WindowedAffectiveProcess implements AffectiveProcess {
    private final ApModelSpec spec;
    private final ApWeights weights;
    private final InferenceKernel kernel;
    private final InferenceOptions defaults;
    private final Provenance provenance;
    private final String engineName;
    private volatile boolean closed;

    private WindowedAffectiveProcess(ApWeights weights, InferenceKernel kernel, InferenceOptions defaults,
            Provenance provenance, String engineName) {
        this.spec = weights.spec();
        this.weights = weights;
        this.kernel = kernel;
        this.defaults = defaults;
        this.provenance = provenance;
        this.engineName = engineName;
    }

    /**
     * Puts weights onto an engine.
     *
     * @param backend the engine's tensor math
     * @param engine the engine choice (device)
     * @param weights the model's weights
     * @param defaults the default test protocol
     * @param provenance how the weights were made
     */
    public static WindowedAffectiveProcess open(ApBackend backend, Engine engine, ApWeights weights,
            InferenceOptions defaults, Provenance provenance) {
        checkOptions(weights.spec().architecture(), defaults);
        return new WindowedAffectiveProcess(weights, backend.openInference(weights, engine), defaults,
                provenance, backend.name());
    }

    /** The weights (for copying a model to another engine, or inspection). */
    public ApWeights weights() {
        return weights;
    }

    /** The model's full shape. */
    public ApModelSpec spec() {
        return spec;
    }

    /** The engine that runs this model. */
    public String engineName() {
        return engineName;
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("affective-process", spec.architecture().displayName() + " (dx "
                + spec.featureSize() + ", dy " + spec.labelSize() + ", hidden "
                + spec.architecture().hiddenSize() + ", latent " + spec.architecture().latentSize() + ")",
                spec.labelSpace(), spec.featureSize(), spec.parameterCount(), provenance);
    }

    @Override
    public ApArchitecture architecture() {
        return spec.architecture();
    }

    @Override
    public InferenceOptions defaultOptions() {
        return defaults;
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
        if (closed) {
            throw new IllegalStateException("this Affective Process is closed");
        }
        Objects.requireNonNull(options, "options");
        checkOptions(spec.architecture(), options);
        List<SequenceRun> runs = new ArrayList<>();
        Map<Integer, List<WindowJob>> byLength = new LinkedHashMap<>();
        for (AffectSequence s : sequences) {
            checkSequence(s);
            SequenceRun run = new SequenceRun(s, options.numSamples());
            runs.add(run);
            for (WindowPlan.Window w : WindowPlan.cover(run.validFrames.length, options.windowLength(), options.hop())) {
                int[] frames = new int[w.length()];
                System.arraycopy(run.validFrames, w.start(), frames, 0, w.length());
                byLength.computeIfAbsent(w.length(), k -> new ArrayList<>())
                        .add(new WindowJob(run, w.start(), frames, windowKey(s.id(), frames[0])));
            }
        }
        for (List<WindowJob> jobs : byLength.values()) {
            for (int from = 0; from < jobs.size(); from += options.batchSize()) {
                runBatch(jobs.subList(from, Math.min(jobs.size(), from + options.batchSize())), options);
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
            SplittableRandom rng = new SplittableRandom(options.samplingSeed() * 0x9E3779B97F4A7C15L
                    ^ jobs.get(i).key);
            for (int s = 0; s < n; s++) {
                for (int k = 0; k < z; k++) {
                    noise[(s * b + i) * z + k] = (float) rng.nextGaussian();
                }
            }
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
                int[] chosen = ContextSelectors.validated(selector,
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
            job.run.windows.add(new ContextWindow(job.frames[0], span, ctx));
        }
    }

    @Override
    public void save(Path file) throws IOException {
        ModelFile.write(file, new ModelFile.Contents(spec, weights, defaults, provenance));
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
        return "AffectiveProcess[" + info().description() + ", engine " + engineName + "]";
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

    /** A 64-bit key of a window: FNV-1a of the sequence id, mixed with the start frame. */
    static long windowKey(String sequenceId, int start) {
        long h = 0xcbf29ce484222325L;
        for (byte c : sequenceId.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (c & 0xff)) * 0x100000001b3L;
        }
        return h * 31 + start;
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

        SequenceRun(AffectSequence sequence, int numSamples) {
            if ((long) numSamples * sequence.length() * sequence.labelSize() > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("sequence '" + sequence.id() + "': " + numSamples + " function samples x "
                        + sequence.length() + " frames x " + sequence.labelSize() + " dimensions are more values than an "
                        + "array holds; draw fewer samples");
            }
            this.sequence = sequence;
            this.numSamples = numSamples;
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
                System.arraycopy(m, v * dy, mean, t * dy, dy);
                System.arraycopy(s, v * dy, std, t * dy, dy);
                for (int n = 0; n < numSamples; n++) {
                    System.arraycopy(smp, (n * frames + v) * dy, samples, (n * len + t) * dy, dy);
                }
            }
            windows.sort(java.util.Comparator.comparingInt(ContextWindow::start));
            return new Prediction(sequence.id(), sequence.labelSpace(), mean, std, predicted, windows,
                    numSamples, samples);
        }
    }
}
