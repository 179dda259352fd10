package org.affectiveprocesses.baselines;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.affectiveprocesses.api.AffectModel;
import org.affectiveprocesses.api.AffectSequence;
import org.affectiveprocesses.api.Complexity;
import org.affectiveprocesses.api.ContextWindow;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.ModelInfo;
import org.affectiveprocesses.api.Prediction;
import org.affectiveprocesses.baselines.nn.ParameterNames;
import org.affectiveprocesses.baselines.nn.TemporalNetwork;
import org.affectiveprocesses.core.inference.WindowMerger;
import org.affectiveprocesses.core.inference.WindowPlan;

/**
 * A trained baseline (ConvGRU, BiGRU or self-attention) on DJL/PyTorch, behind the same {@link
 * AffectModel} contract as the Affective Process, so evaluation, the model file and the command
 * line treat both alike.
 *
 * <p>Test protocol: frames without a face are left out; the remaining frames are covered with
 * windows of the architecture's L frames every {@code hop} frames ({@link WindowPlan}; a shorter
 * sequence is one window of all its frames), and overlapping windows are merged with triangular
 * weights ({@link WindowMerger}). The baselines are deterministic: each frame's σ is the
 * per-dimension root-mean-square error the model had on the validation split when it was selected
 * (stored in the model file), widened where windows disagree. Windows carry no context frames.
 *
 * <p>Train one with {@link #trainer(BaselineTrainingConfig)}, load one with {@link #load(Path)}.
 * It holds native memory: close it. Predictions are serialised (one at a time per model).
 */
public final class BaselineModel implements AffectModel {
    private final BaselineModelFile.Contents contents;
    private final BaselineSpec spec;
    private final NDManager manager;
    private final TemporalNetwork network;
    private final ParameterStore store;
    private boolean closed;

    private BaselineModel(BaselineModelFile.Contents contents, Device device) {
        this.contents = contents;
        this.spec = contents.spec();
        this.manager = NDManager.newBaseManager(device, "PyTorch");
        boolean done = false;
        try {
            this.network = NetworkFactory.build(spec);
            network.initialize(manager);
            Map<String, Parameter> params = ParameterNames.of(network);
            if (!NetworkFactory.tensors(network).equals(contents.weights().tensors())) {
                throw new IllegalArgumentException("the weights' tensors " + contents.weights().tensors()
                        + " are not those of " + spec.architecture().describe());
            }
            for (Map.Entry<String, Parameter> e : params.entrySet()) {
                e.getValue().getArray().set(contents.weights().get(e.getKey()));
            }
            this.store = new ParameterStore(manager, false);
            done = true;
        } finally {
            if (!done) {
                manager.close();
            }
        }
    }

    /**
     * Puts stored contents onto a device.
     *
     * @param contents the model
     * @param engine the device choice (the engine must be DJL or auto)
     * @return the model; close it
     */
    public static BaselineModel open(BaselineModelFile.Contents contents, Engine engine) {
        return new BaselineModel(Objects.requireNonNull(contents, "contents"), Devices.of(engine));
    }

    /**
     * Loads a model file on the default device.
     *
     * @throws org.affectiveprocesses.api.ModelFormatException if the file is damaged or not a
     *     baseline model file
     * @throws IOException if it cannot be read
     */
    public static BaselineModel load(Path file) throws IOException {
        return load(file, Engine.auto());
    }

    /** Loads a model file on the engine's device. */
    public static BaselineModel load(Path file, Engine engine) throws IOException {
        return open(BaselineModelFile.read(file), engine);
    }

    /** A trainer on the default device. */
    public static BaselineTrainer trainer(BaselineTrainingConfig config) {
        return trainer(config, Engine.auto());
    }

    /** A trainer on the engine's device. */
    public static BaselineTrainer trainer(BaselineTrainingConfig config, Engine engine) {
        return new BaselineTrainer(config, engine);
    }

    /** The network's shape. */
    public BaselineSpec spec() {
        return spec;
    }

    /** The architecture and window length. */
    public BaselineArchitecture architecture() {
        return spec.architecture();
    }

    /** Everything the model file stores. */
    public BaselineModelFile.Contents contents() {
        return contents;
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo(spec.architecture().modelType(), spec.architecture().describe(), spec.labelSpace(),
                spec.featureSize(), contents.weights().tensors().stream().mapToLong(t -> t.size()).sum(),
                contents.provenance());
    }

    /** Baselines run on DJL / PyTorch. */
    @Override
    public String engineName() {
        return "djl";
    }

    @Override
    public Complexity complexity(int windowLength) {
        return NetworkFactory.complexity(network, windowLength);
    }

    @Override
    public Prediction predict(AffectSequence sequence) {
        return predictAll(List.of(sequence)).get(0);
    }

    @Override
    public synchronized List<Prediction> predictAll(List<AffectSequence> sequences) {
        if (closed) {
            throw new IllegalStateException("this " + spec.architecture().displayName() + " model is closed");
        }
        List<Run> runs = new ArrayList<>();
        Map<Integer, List<Job>> byLength = new LinkedHashMap<>();
        for (AffectSequence s : sequences) {
            check(s);
            Run run = new Run(s);
            runs.add(run);
            for (WindowPlan.Window w : WindowPlan.cover(run.valid.length, spec.architecture().windowLength(), contents.hop())) {
                int[] frames = new int[w.length()];
                System.arraycopy(run.valid, w.start(), frames, 0, w.length());
                byLength.computeIfAbsent(w.length(), k -> new ArrayList<>()).add(new Job(run, frames));
            }
        }
        for (List<Job> jobs : byLength.values()) {
            for (int from = 0; from < jobs.size(); from += contents.inferenceBatchSize()) {
                run(jobs.subList(from, Math.min(jobs.size(), from + contents.inferenceBatchSize())));
            }
        }
        List<Prediction> out = new ArrayList<>(runs.size());
        for (Run r : runs) {
            out.add(r.toPrediction());
        }
        return out;
    }

    private void run(List<Job> jobs) {
        int b = jobs.size();
        int l = jobs.get(0).frames.length;
        int in = spec.inputSize();
        int dy = spec.labelSize();
        float[] x = new float[b * l * in];
        for (int i = 0; i < b; i++) {
            Job job = jobs.get(i);
            for (int j = 0; j < l; j++) {
                contents.normalization().standardizedRow(job.run.sequence, job.frames[j], spec.usePseudoLabels(), x,
                        (i * l + j) * in);
            }
        }
        float[] mean;
        try (NDManager scratch = manager.newSubManager()) {
            NDArray input = scratch.create(x, new Shape(b, l, in));
            mean = network.predict(store, input, false).toFloatArray();
        }
        float[] sigma = contents.outputStd();
        float[] std = new float[b * l * dy];
        for (int r = 0; r < b * l; r++) {
            System.arraycopy(sigma, 0, std, r * dy, dy);
        }
        for (int i = 0; i < b; i++) {
            Job job = jobs.get(i);
            job.run.merger.add(job.frames, mean, std, new float[0], i, b, l);
            job.run.windows.add(new ContextWindow(job.frames[0], job.frames[l - 1] - job.frames[0] + 1, new int[0]));
        }
    }

    private void check(AffectSequence s) {
        if (!s.labelSpace().equals(spec.labelSpace())) {
            throw new IllegalArgumentException("sequence '" + s.id() + "' has label space " + s.labelSpace().name()
                    + ", this " + spec.architecture().displayName() + " predicts " + spec.labelSpace().name());
        }
        if (s.featureSize() != spec.featureSize()) {
            throw new IllegalArgumentException("sequence '" + s.id() + "' has " + s.featureSize() + "-d features, this "
                    + spec.architecture().displayName() + " reads " + spec.featureSize() + "-d features");
        }
    }

    @Override
    public void save(Path file) throws IOException {
        BaselineModelFile.write(file, contents);
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }

    @Override
    public String toString() {
        return "BaselineModel[" + spec.architecture().describe() + ", dx " + spec.featureSize() + ", "
                + spec.labelSpace().name() + "]";
    }

    /** One sequence being predicted. */
    private static final class Run {
        final AffectSequence sequence;
        final int[] valid;
        final WindowMerger merger;
        final List<ContextWindow> windows = new ArrayList<>();

        Run(AffectSequence sequence) {
            this.sequence = sequence;
            int[] frames = new int[sequence.length()];
            int n = 0;
            for (int t = 0; t < sequence.length(); t++) {
                if (sequence.isValid(t)) {
                    frames[n++] = t;
                }
            }
            this.valid = Arrays.copyOf(frames, n);
            this.merger = new WindowMerger(sequence.length(), sequence.labelSize(), 0);
        }

        Prediction toPrediction() {
            boolean[] predicted = new boolean[sequence.length()];
            for (int t = 0; t < predicted.length; t++) {
                predicted[t] = merger.covered(t);
            }
            return new Prediction(sequence.id(), sequence.labelSpace(), merger.mean(), merger.std(), predicted, windows,
                    0, new float[0]);
        }
    }

    /** One window: its sequence and frames. */
    private record Job(Run run, int[] frames) {
    }
}
