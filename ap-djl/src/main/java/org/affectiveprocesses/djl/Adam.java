package org.affectiveprocesses.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.affectiveprocesses.api.TrainingConfig;

/**
 * Adam on a list of parameter arrays, in Kingma &amp; Ba's efficient form, with L2 weight decay
 * added to the gradient (PyTorch's {@code Adam(weight_decay=…)}) and optional clipping of the
 * global gradient norm first:
 *
 * <pre>
 * g = ∇L · min(1, c / ‖∇L‖₂)  (when clipping at c)      g = g + wd·θ
 * m = β1·m + (1 − β1)·g        v = β2·v + (1 − β2)·g²
 * θ = θ − lr·√(1 − β2^t)/(1 − β1^t) · m / (√v + ε)
 * </pre>
 *
 * Gradients are cleared after every step (PyTorch accumulates them across backward passes). The
 * update writes through detached views of the parameters, so it works on any thread whatever its
 * PyTorch gradient mode (see {@link Gradients}). Its state (the step count t and the moment
 * estimates m and v of every parameter) is read with {@link #state()} and set with {@link
 * #restore}, so that a training continues bitwise where a checkpoint left it. Used by the
 * Affective Process's DJL engine, the baselines and the FAN trainer. Not thread-safe: one
 * training owns it.
 */
public final class Adam {
    private final List<NDArray> parameters;
    private final List<NDArray> values = new ArrayList<>();
    private final List<NDArray> firstMoments = new ArrayList<>();
    private final List<NDArray> secondMoments = new ArrayList<>();
    private final Settings settings;
    private long t;

    /**
     * Adam's constants.
     *
     * @param beta1 β1, in [0, 1)
     * @param beta2 β2, in [0, 1)
     * @param epsilon ε, positive
     * @param weightDecay L2 weight decay, at least 0 (0 = none)
     * @param clipNorm the largest global gradient norm, at least 0 (0 = no clipping)
     */
    public record Settings(double beta1, double beta2, double epsilon, double weightDecay, double clipNorm) {
        /** Validates ({@link TrainingConfig#checkAdam}, and the clipping norm). */
        public Settings {
            TrainingConfig.checkAdam(weightDecay, beta1, beta2, epsilon);
            if (!(clipNorm >= 0) || !Double.isFinite(clipNorm)) {
                throw new IllegalArgumentException("the gradient clipping norm must be >= 0 (0 = off), got " + clipNorm);
            }
        }
    }

    /**
     * What Adam carries from step to step.
     *
     * @param steps t, the number of updates applied
     * @param firstMoments m of every parameter, in the order of the parameters, flattened row-major
     * @param secondMoments v of every parameter, likewise
     */
    public record State(long steps, List<float[]> firstMoments, List<float[]> secondMoments) {
        /** Copies the lists (not the arrays). */
        public State {
            if (steps < 0) {
                throw new IllegalArgumentException("Adam's step count must be >= 0, got " + steps);
            }
            firstMoments = List.copyOf(firstMoments);
            secondMoments = List.copyOf(secondMoments);
        }
    }

    /**
     * @param parameters the arrays to update (with gradients attached), alive as long as this
     * @param manager where the moment estimates and the parameters' views live (the
     *     parameters' manager)
     * @param settings Adam's constants
     */
    public Adam(List<NDArray> parameters, NDManager manager, Settings settings) {
        this.parameters = List.copyOf(parameters);
        this.settings = settings;
        for (NDArray p : this.parameters) {
            NDArray view = p.stopGradient();
            view.attach(manager);
            values.add(view);
            firstMoments.add(manager.zeros(p.getShape()));
            secondMoments.add(manager.zeros(p.getShape()));
        }
    }

    /**
     * Applies one update with the gradients of the last backward pass, then clears them.
     *
     * @param scratch a manager for temporaries, closed by the caller after the step
     * @param learningRate this step's learning rate
     */
    public void step(NDManager scratch, double learningRate) {
        t++;
        List<NDArray> grads = new ArrayList<>(parameters.size());
        for (NDArray p : parameters) {
            grads.add(scoped(p.getGradient(), scratch));
        }
        float scale = clipScale(grads, scratch);
        double b1 = settings.beta1();
        double b2 = settings.beta2();
        double lrT = learningRate * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
        for (int i = 0; i < parameters.size(); i++) {
            NDArray theta = values.get(i);
            NDArray g = scale == 1f ? grads.get(i) : scoped(grads.get(i).mul(scale), scratch);
            if (settings.weightDecay() > 0) {
                g = scoped(g.add(scoped(theta.mul((float) settings.weightDecay()), scratch)), scratch);
            }
            NDArray m = firstMoments.get(i);
            NDArray v = secondMoments.get(i);
            m.muli((float) b1).addi(scoped(g.mul((float) (1 - b1)), scratch));
            v.muli((float) b2).addi(scoped(g.square(), scratch).muli((float) (1 - b2)));
            NDArray denominator = scoped(v.sqrt(), scratch).addi((float) settings.epsilon());
            theta.subi(scoped(m.div(denominator), scratch).muli((float) lrT));
            grads.get(i).muli(0f);
        }
    }

    /** The step count and copies of the moment estimates. */
    public State state() {
        List<float[]> m = new ArrayList<>(firstMoments.size());
        List<float[]> v = new ArrayList<>(secondMoments.size());
        for (int i = 0; i < firstMoments.size(); i++) {
            m.add(firstMoments.get(i).toFloatArray());
            v.add(secondMoments.get(i).toFloatArray());
        }
        return new State(t, m, v);
    }

    /**
     * Sets the step count and the moment estimates, e.g. to those {@link #state()} returned in an
     * earlier training: the next {@link #step} is then bitwise the one that training took.
     *
     * @param state one first and one second moment per parameter, of its size
     * @throws IllegalArgumentException naming the parameter whose moments have another size, or
     *     if the counts differ
     */
    public void restore(State state) {
        int n = parameters.size();
        if (state.firstMoments().size() != n || state.secondMoments().size() != n) {
            throw new IllegalArgumentException("Adam updates " + n + " parameters; the state has "
                    + state.firstMoments().size() + " first and " + state.secondMoments().size() + " second moments");
        }
        for (int i = 0; i < n; i++) {
            long size = parameters.get(i).size();
            if (state.firstMoments().get(i).length != size || state.secondMoments().get(i).length != size) {
                throw new IllegalArgumentException("parameter " + i + " has " + size + " values; its moments have "
                        + state.firstMoments().get(i).length + " and " + state.secondMoments().get(i).length);
            }
        }
        for (int i = 0; i < n; i++) {
            OwnedArrays.copyInto(firstMoments.get(i), state.firstMoments().get(i));
            OwnedArrays.copyInto(secondMoments.get(i), state.secondMoments().get(i));
        }
        t = state.steps();
    }

    /** 1, or c / ‖g‖₂ when clipping at c and the global norm is larger. */
    private float clipScale(List<NDArray> grads, NDManager scratch) {
        if (settings.clipNorm() == 0) {
            return 1f;
        }
        NDArray squares = scratch.zeros(new Shape());
        for (NDArray g : grads) {
            squares = squares.add(g.square().sum());
        }
        double norm = Math.sqrt(squares.getFloat());
        return norm > settings.clipNorm() ? (float) (settings.clipNorm() / norm) : 1f;
    }

    /** Moves a temporary into the step's scratch manager. */
    private static NDArray scoped(NDArray a, NDManager scratch) {
        a.attach(scratch);
        return a;
    }
}
