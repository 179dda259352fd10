package org.affectiveprocesses.core.inference;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;
import org.affectiveprocesses.api.AffectStream;
import org.affectiveprocesses.api.FrameEstimate;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.InvalidSequenceException;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.StreamListener;
import org.affectiveprocesses.api.StreamOptions;
import org.affectiveprocesses.api.UncertaintyCalibration;
import org.affectiveprocesses.core.model.FrameForward;

/**
 * An {@link AffectStream} computed in plain Java by {@link FrameForward}, with bounded work per
 * frame.
 *
 * <p>The frames with a face are numbered v = 0, 1, … (their <i>valid index</i>; the batch API
 * windows these too). Per frame: the encoder runs once (h₂, the decoder's per-frame input, ‖σ‖;
 * they do not depend on the window) into a ring of L + 1 slots; the sliding window of the last
 * L frames updates its context ({@link SlidingContext}) and the context's h₂ sum by the frames
 * that enter or leave it; the latent path runs only when the context changed; and the newest
 * frame alone is decoded for its provisional estimate.
 *
 * <p>Every window of the batch API's plan for the stream is the sliding window at some moment:
 * window [s, s + L) when frame s + L − 1 arrives (s a multiple of the hop), and the last window,
 * aligned to the end, when the stream closes. The stream keeps those windows' decoder inputs
 * (one vector of H per window and function sample) while they have frames to settle. Frame v
 * is settled when frame v + L arrives: every plan window that covers it is complete, and no
 * end-aligned window can cover it any more. It is decoded once per covering window and merged
 * as {@link WindowMerger} merges the batch API's windows.
 */
final class LiveStream implements AffectStream {
    private final FrameForward forward;
    private final FrameForward.Workspace ws;
    private final StreamOptions options;
    private final LabelSpace labelSpace;
    private final UncertaintyCalibration calibration;
    private final StreamListener listener;
    private final int windowLength;
    private final int hop;
    private final int numSamples;
    private final long samplingSeed;
    private final int dx;
    private final int dy;
    private final int h;
    private final int z;
    private final long idHash;
    private final int ring;
    private final FrameForward.Frame[] frames;
    private final long[] streamIndex;
    private final double[] timestamps;
    private final SlidingContext context;
    private final double[] h2Sum;
    private final double[] detSum;
    private final float[] h2Mean;
    private final float[] detMean;
    private final FrameForward.Frame[] attending;
    private final long[] selectedFrames;
    private final Latent sliding;
    private final ArrayDeque<PlanWindow> windows = new ArrayDeque<>();
    private final ArrayDeque<PlanWindow> spareWindows = new ArrayDeque<>();
    private final WindowMerger merger;
    private final float[] mean;
    private final float[] std;
    private final float[] samples;
    private long validCount;
    private volatile long frameCount;
    private double lastSeconds = Double.NEGATIVE_INFINITY;
    private long nextToSettle;
    private long windowKey;
    private boolean latentStale = true;
    private boolean closed;
    private boolean emitting;
    private RuntimeException failure;

    /** A window's decoder inputs: the context columns at z = μ<sub>C</sub>, and per function sample. */
    private static final class Latent {
        final float[] columns;
        final float[] sigmaC;
        final float[] noise;
        final float[][] sampleColumns;

        Latent(int h, int z, int numSamples) {
            this.columns = new float[h];
            this.sigmaC = new float[z];
            this.noise = new float[numSamples * z];
            this.sampleColumns = new float[numSamples][h];
        }

        void copyFrom(Latent other) {
            System.arraycopy(other.columns, 0, columns, 0, columns.length);
            for (int n = 0; n < sampleColumns.length; n++) {
                System.arraycopy(other.sampleColumns[n], 0, sampleColumns[n], 0, columns.length);
            }
        }
    }

    /** A window of the batch API's plan, kept while it has frames to settle. */
    private static final class PlanWindow {
        final Latent latent;
        long start;
        int length;

        PlanWindow(Latent latent) {
            this.latent = latent;
        }
    }

    LiveStream(FrameForward forward, StreamOptions options, UncertaintyCalibration calibration, LabelSpace labelSpace,
            StreamListener listener) {
        this.forward = forward;
        this.options = options;
        this.labelSpace = labelSpace;
        this.calibration = calibration;
        this.listener = Objects.requireNonNull(listener, "listener");
        InferenceOptions o = options.inference();
        this.windowLength = o.windowLength();
        this.hop = o.hop();
        this.numSamples = o.numSamples();
        this.samplingSeed = o.samplingSeed();
        this.dx = forward.featureSize();
        this.dy = forward.labelSize();
        this.h = forward.hiddenSize();
        this.z = forward.latentSize();
        this.idHash = WindowSeeds.idHash(options.streamId());
        this.ring = windowLength + 1;
        this.ws = forward.newWorkspace(windowLength);
        this.frames = new FrameForward.Frame[ring];
        for (int i = 0; i < ring; i++) {
            frames[i] = forward.newFrame();
        }
        this.streamIndex = new long[ring];
        this.timestamps = new double[ring];
        this.h2Sum = new double[h];
        this.detSum = forward.hasDeterministicPath() ? new double[z] : null;
        this.h2Mean = new float[h];
        this.detMean = forward.hasDeterministicPath() ? new float[z] : null;
        this.attending = forward.hasAttention() ? new FrameForward.Frame[windowLength] : null;
        this.selectedFrames = new long[windowLength];
        this.sliding = new Latent(h, z, numSamples);
        this.merger = new WindowMerger(ring, dy, numSamples);
        this.mean = new float[dy];
        this.std = new float[dy];
        this.samples = new float[numSamples * dy];
        this.context = new SlidingContext(windowLength, o.contextSize(), o.selector(), forward.isStochastic(),
                new SlidingContext.Members() {
                    @Override
                    public void entered(long frame) {
                        add(frame, 1);
                    }

                    @Override
                    public void left(long frame) {
                        add(frame, -1);
                    }
                });
    }

    @Override
    public synchronized void accept(double seconds, float[] features, float[] pseudoLabels) {
        checkUsable();
        long frame = frameCount;
        checkTime(frame, seconds);
        checkValues(frame, features, dx, "features", "feature ");
        checkValues(frame, pseudoLabels, dy, "pseudo-labels", null);
        run(() -> addFrame(frame, seconds, features, pseudoLabels));
    }

    @Override
    public synchronized void acceptWithoutFace(double seconds) {
        checkUsable();
        long frame = frameCount;
        checkTime(frame, seconds);
        run(() -> {
            frameCount = frame + 1;
            lastSeconds = seconds;
            listener.onEstimate(FrameEstimate.withoutFace(frame, seconds, labelSpace));
        });
    }

    @Override
    public long frameCount() {
        return frameCount;
    }

    @Override
    public int settleLag() {
        return windowLength;
    }

    @Override
    public StreamOptions options() {
        return options;
    }

    @Override
    public synchronized void close() {
        if (emitting) {
            throw new IllegalStateException("a listener may not close the stream it listens to");
        }
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (failure == null) {
                run(this::settleAll);
            }
        } finally {
            listener.onClose();
        }
    }

    private void addFrame(long frame, double seconds, float[] x, float[] yHat) {
        long v = validCount;
        int slot = slot(v);
        forward.encodeFrame(x, yHat, frames[slot], ws);
        streamIndex[slot] = frame;
        timestamps[slot] = seconds;
        frameCount = frame + 1;
        lastSeconds = seconds;
        validCount = v + 1;
        windowKey = WindowSeeds.key(idHash, streamIndex[slot(Math.max(0, v - windowLength + 1))]);
        latentStale |= context.slide(frames[slot].sigmaNorm(), windowKey) || numSamples > 0;
        if (v % windowLength == 0 && v > 0) {
            resum();
        }
        if (options.provisional()) {
            refreshLatent();
            decode(slot, sliding, mean, std, samples);
            for (int d = 0; d < dy; d++) {
                for (int n = 0; n < numSamples; n++) {
                    samples[n * dy + d] = CalibratedOutput.sample(calibration, d, mean[d], samples[n * dy + d]);
                }
                std[d] = CalibratedOutput.std(calibration, d, std[d]);
            }
            emit(slot, FrameEstimate.Status.PROVISIONAL);
        }
        if (validCount >= windowLength && (validCount - windowLength) % hop == 0) {
            keepWindow(validCount - windowLength, windowLength);
        }
        if (v >= windowLength) {
            settle(v - windowLength);
        }
    }

    /** At the end: the plan's last window, then every frame not yet settled. */
    private void settleAll() {
        long n = validCount;
        if (n == 0) {
            return;
        }
        if (n < windowLength) {
            keepWindow(0, (int) n);
        } else if ((n - windowLength) % hop != 0) {
            keepWindow(n - windowLength, windowLength);
        }
        while (nextToSettle < n) {
            settle(nextToSettle);
        }
    }

    /** Keeps the sliding window, which is now the plan window [start, start + length). */
    private void keepWindow(long start, int length) {
        refreshLatent();
        PlanWindow w = spareWindows.isEmpty() ? new PlanWindow(new Latent(h, z, numSamples)) : spareWindows.pop();
        w.latent.copyFrom(sliding);
        w.start = start;
        w.length = length;
        windows.addLast(w);
    }

    /** Decodes frame v in every plan window that covers it, merges, and emits the settled estimate. */
    private void settle(long v) {
        int slot = slot(v);
        for (PlanWindow w : windows) {
            if (w.start <= v && v < w.start + w.length) {
                decode(slot, w.latent, mean, std, samples);
                merger.add(slot, WindowMerger.positionWeight((int) (v - w.start), w.length), mean, std, 0, samples, dy);
            }
        }
        for (int d = 0; d < dy; d++) {
            mean[d] = merger.mean(slot, d);
            std[d] = CalibratedOutput.std(calibration, d, merger.std(slot, d));
            for (int n = 0; n < numSamples; n++) {
                samples[n * dy + d] = CalibratedOutput.sample(calibration, d, mean[d], merger.sample(n, slot, d));
            }
        }
        merger.clear(slot);
        nextToSettle = v + 1;
        for (Iterator<PlanWindow> it = windows.iterator(); it.hasNext();) {
            PlanWindow w = it.next();
            if (w.start + w.length <= nextToSettle) {
                it.remove();
                spareWindows.push(w);
            }
        }
        emit(slot, FrameEstimate.Status.SETTLED);
    }

    /** Decodes the frame in a slot with a window's latent: mean and σ, and each sample's mean. */
    private void decode(int slot, Latent latent, float[] meanOut, float[] stdOut, float[] samplesOut) {
        float[] in = frames[slot].decoderInput();
        forward.decode(in, latent.columns, meanOut, stdOut, 0, ws);
        for (int n = 0; n < numSamples; n++) {
            forward.decode(in, latent.sampleColumns[n], samplesOut, null, n * dy, ws);
        }
    }

    private void emit(int slot, FrameEstimate.Status status) {
        long frame = streamIndex[slot];
        boolean settled = status == FrameEstimate.Status.SETTLED;
        listener.onEstimate(new FrameEstimate(frame, timestamps[slot], status, labelSpace, mean, std, numSamples,
                samples, frames[slot].sigmaNorm(), settled ? frameCount - 1 - frame : 0,
                settled ? lastSeconds - timestamps[slot] : 0));
    }

    /** Runs the sliding context's latent path if its context (or its window, for samples) changed. */
    private void refreshLatent() {
        if (!latentStale) {
            return;
        }
        int c = context.selectedCount();
        for (int k = 0; k < h; k++) {
            h2Mean[k] = (float) (h2Sum[k] / c);
        }
        if (forward.hasAttention()) {
            int count = context.selected(selectedFrames);
            for (int i = 0; i < count; i++) {
                attending[i] = frames[slot(selectedFrames[i])];
            }
            forward.attend(attending, count, detMean, ws);
        } else if (detMean != null) {
            for (int k = 0; k < z; k++) {
                detMean[k] = (float) (detSum[k] / c);
            }
        }
        forward.contextInput(h2Mean, detMean, sliding.columns, numSamples > 0 ? sliding.sigmaC : null, ws);
        if (numSamples > 0) {
            WindowSeeds.noise(samplingSeed, windowKey, numSamples, z, sliding.noise, 0, z);
            for (int n = 0; n < numSamples; n++) {
                forward.sampleInput(sliding.columns, sliding.sigmaC, sliding.noise, n * z, sliding.sampleColumns[n], ws);
            }
        }
        latentStale = false;
    }

    /** Adds (+1) or removes (−1) a frame's vectors from the context sums. */
    private void add(long frame, int sign) {
        FrameForward.Frame f = frames[slot(frame)];
        float[] v = f.h2();
        for (int k = 0; k < h; k++) {
            h2Sum[k] += sign * v[k];
        }
        if (detSum != null) {
            float[] d = f.det();
            for (int k = 0; k < z; k++) {
                detSum[k] += sign * d[k];
            }
        }
    }

    /** Recomputes the context sums from their frames, so rounding cannot build up over a long stream. */
    private void resum() {
        Arrays.fill(h2Sum, 0);
        if (detSum != null) {
            Arrays.fill(detSum, 0);
        }
        int count = context.selected(selectedFrames);
        for (int i = 0; i < count; i++) {
            add(selectedFrames[i], 1);
        }
        latentStale = true;
    }

    /** Runs a state change; an exception in it (e.g. from the listener) fails the stream. */
    private void run(Runnable change) {
        emitting = true;
        try {
            change.run();
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            emitting = false;
        }
    }

    private void checkUsable() {
        if (emitting) {
            throw new IllegalStateException("a listener may not feed the stream it listens to");
        }
        if (failure != null) {
            throw new IllegalStateException("stream '" + options.streamId() + "' failed: " + failure, failure);
        }
        if (closed) {
            throw new IllegalStateException("stream '" + options.streamId() + "' is closed");
        }
    }

    private void checkTime(long frame, double seconds) {
        if (!Double.isFinite(seconds)) {
            throw invalid(frame, "timestamp", "is " + seconds);
        }
        if (seconds < lastSeconds) {
            throw invalid(frame, "timestamp", "goes backwards (" + lastSeconds + " s then " + seconds + " s)");
        }
    }

    private void checkValues(long frame, float[] values, int expected, String what, String featureName) {
        if (values == null) {
            throw invalid(frame, what, "are missing");
        }
        if (values.length != expected) {
            throw invalid(frame, what, "have " + values.length + " values, expected " + expected);
        }
        for (int i = 0; i < expected; i++) {
            if (!Float.isFinite(values[i])) {
                throw invalid(frame, featureName != null ? featureName + i : "pseudo-label " + labelSpace.dimension(i),
                        "is " + values[i]);
            }
        }
    }

    private InvalidSequenceException invalid(long frame, String field, String problem) {
        boolean fits = frame <= Integer.MAX_VALUE;
        return new InvalidSequenceException(options.streamId(), fits ? (int) frame : -1,
                (fits ? "" : "frame " + frame + ": ") + field, problem);
    }

    private int slot(long v) {
        return (int) (v % ring);
    }
}
