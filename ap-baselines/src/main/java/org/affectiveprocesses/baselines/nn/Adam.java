package org.affectiveprocesses.baselines.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam on a list of parameter arrays, the same update as the Affective Process's trainer
 * (Kingma &amp; Ba's efficient form, L2 weight decay added to the gradient as PyTorch's {@code
 * Adam(weight_decay=…)}), with optional clipping of the global gradient norm first:
 *
 * <pre>
 * g = ∇L · min(1, c / ‖∇L‖₂)  (when clipping at c)      g = g + wd·θ
 * m = β1·m + (1 − β1)·g        v = β2·v + (1 − β2)·g²
 * θ = θ − lr·√(1 − β2^t)/(1 − β1^t) · m / (√v + ε)
 * </pre>
 *
 * Gradients are cleared after every step (PyTorch accumulates them across backward passes).
 */
public final class Adam {
    private final List<NDArray> parameters;
    private final List<NDArray> firstMoments = new ArrayList<>();
    private final List<NDArray> secondMoments = new ArrayList<>();
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final double clipNorm;
    private long t;

    /**
     * @param parameters the arrays to update (with gradients attached)
     * @param manager where the moment estimates live (the parameters' manager)
     * @param beta1 β1
     * @param beta2 β2
     * @param epsilon ε
     * @param weightDecay L2 weight decay (0 = none)
     * @param clipNorm the largest global gradient norm (0 = no clipping)
     */
    public Adam(List<NDArray> parameters, NDManager manager, double beta1, double beta2, double epsilon,
            double weightDecay, double clipNorm) {
        this.parameters = List.copyOf(parameters);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.clipNorm = clipNorm;
        for (NDArray p : this.parameters) {
            firstMoments.add(manager.zeros(p.getShape()));
            secondMoments.add(manager.zeros(p.getShape()));
        }
    }

    /**
     * Applies one update with the gradients of the last backward pass, then clears them.
     *
     * @param scratch a manager for temporaries, closed by the caller after the step
     * @param learningRate this step's learning rate
     * @return the global gradient norm before clipping
     */
    public double step(NDManager scratch, double learningRate) {
        t++;
        List<NDArray> grads = new ArrayList<>(parameters.size());
        NDArray squares = scratch.zeros(new ai.djl.ndarray.types.Shape());
        for (NDArray p : parameters) {
            NDArray g = p.getGradient();
            g.attach(scratch);
            grads.add(g);
            squares = squares.add(g.square().sum());
        }
        double norm = Math.sqrt(squares.getFloat());
        float scale = clipNorm > 0 && norm > clipNorm ? (float) (clipNorm / norm) : 1f;
        double lrT = learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        for (int i = 0; i < parameters.size(); i++) {
            NDArray p = parameters.get(i);
            NDArray g = grads.get(i).mul(scale);
            if (weightDecay > 0) {
                g = g.add(scoped(p.mul((float) weightDecay), scratch));
            }
            NDArray m = firstMoments.get(i);
            NDArray v = secondMoments.get(i);
            m.muli((float) beta1).addi(g.mul((float) (1 - beta1)));
            v.muli((float) beta2).addi(g.square().muli((float) (1 - beta2)));
            NDArray denominator = scoped(v.sqrt(), scratch).addi((float) epsilon);
            p.subi(scoped(m.div(denominator), scratch).muli((float) lrT));
            grads.get(i).muli(0f);
        }
        return norm;
    }

    /** Moves a temporary computed from a long-lived array into the step's scratch manager. */
    private static NDArray scoped(NDArray a, NDManager scratch) {
        a.attach(scratch);
        return a;
    }
}
