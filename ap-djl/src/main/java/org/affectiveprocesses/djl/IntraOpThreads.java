package org.affectiveprocesses.djl;

import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's intra-op thread count for training: one fixed count, so that a seed gives bitwise the
 * same model whichever thread trains and whatever ran before.
 *
 * <p>What PyTorch does (2.7.1, OpenMP build): the count is per thread (OpenMP's and MKL's
 * thread-local settings); a thread takes the last count any thread set the first time it runs a
 * parallel operation; and until some thread sets a count, MKL chooses its thread count
 * dynamically, by load, so reductions can split differently from run to run. DJL sets a count
 * once, when the engine loads, only if {@code -Dai.djl.pytorch.num_threads} is given, and offers
 * no public call for it afterwards (this class uses its {@code JniUtils}).
 *
 * <p>What the SDK sets, and when: {@link #pin()} at the start of every training (the AP's DJL
 * training kernel, the baselines' and the FAN trainer) sets the calling thread's count to {@link
 * #count()}, which also turns MKL's dynamic choice off for the process. The DJL inference kernel
 * runs batches of few rows single-threaded (see its documentation); nothing else in the SDK sets
 * a count.
 */
public final class IntraOpThreads {
    private static final int COUNT = initialCount();

    private IntraOpThreads() {
    }

    /**
     * The training thread count: DJL's {@code ai.djl.pytorch.num_threads} when given, else the
     * count PyTorch chose for the first thread that asked.
     */
    public static int count() {
        return COUNT;
    }

    /** Sets this thread's PyTorch intra-op thread count to {@link #count()}. */
    public static void pin() {
        JniUtils.setNumThreads(COUNT);
    }

    private static int initialCount() {
        ai.djl.engine.Engine.getEngine(DjlDevices.PYTORCH);
        Integer configured = Integer.getInteger("ai.djl.pytorch.num_threads");
        return configured != null && configured > 0 ? configured : JniUtils.getNumThreads();
    }
}
