package org.affectiveprocesses.engine.djl;

import static org.affectiveprocesses.core.model.ApModelSpec.layer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.core.engine.ContextPicker;
import org.affectiveprocesses.core.engine.InferenceKernel;
import org.affectiveprocesses.core.engine.WindowBatch;
import org.affectiveprocesses.core.engine.WindowOutput;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.ApWeights;
import org.affectiveprocesses.core.model.InferenceFolds;

/**
 * The test-time forward pass on DJL/PyTorch, with the same results as {@link
 * org.affectiveprocesses.core.model.ApReference} and less work: the weights are rearranged once
 * by {@link InferenceFolds} (label upsampling folded into the encoder, the encoder's last layer
 * into the latent encoder, the μ head into the decoder), each window's rows [x, ŷ] are packed
 * once into a reused direct buffer, and per window only the small latent path runs. Per-frame
 * ‖σ‖ for context selection is reduced in the engine, so one value per frame crosses into Java.
 *
 * <p>Threads: small batches (see {@link #SINGLE_THREAD_ROWS}) run on the kernel's own threads,
 * whose PyTorch intra-op thread count is set to 1 once, when the kernel is created (the calling
 * thread waits for the result; concurrent callers beyond {@link #NARROW_THREADS} wait in turn);
 * larger batches run on the calling thread with its own count. Small batches use the second core
 * differently: the decoder's per-frame first layer, which does not depend on the context, runs on
 * a helper thread (also single-threaded) while the other runs the encoder and the context
 * selection (docs/engines.md has the measured gain). Only a call that has the kernel to itself
 * uses the helper: concurrent callers already keep the cores busy. The kernel sets no thread
 * count after its creation.
 */
final class DjlInferenceKernel implements InferenceKernel {
    /**
     * Batches of fewer rows (frames) than this run on single-threaded kernel threads: for
     * 70-row products, PyTorch's intra-op threading costs more than it gains (docs/engines.md has
     * the measurements). Set with {@code -Dap.djl.singleThreadRows}; 0 turns it off.
     */
    static final int SINGLE_THREAD_ROWS = Integer.getInteger("ap.djl.singleThreadRows", 1024);
    /**
     * Whether small batches compute the decoder's per-frame first layer on a helper thread
     * ({@code -Dap.djl.helperThread=false} keeps every product on the calling thread).
     */
    static final boolean HELPER_THREAD = Boolean.parseBoolean(System.getProperty("ap.djl.helperThread", "true"));
    /** Kernel threads that run small batches, one PyTorch thread each (callers beyond wait in turn). */
    static final int NARROW_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final int[] FEATURE_AXIS = {1};

    private final ApModelSpec spec;
    private final NDManager manager;
    private final Map<String, NDArray> p = new HashMap<>();
    private final DjlForward forward;
    private final NDArray encoderFirst;
    private final NDArray encoderFirstBias;
    private final NDArray detEncoderFirst;
    private final NDArray detEncoderFirstBias;
    private final NDArray decoderX;
    private final NDArray decoderXBias;
    private final NDArray latentIn;
    private final NDArray latentInBias;
    private final NDArray decoderFromShared;
    private final NDArray decoderFromSharedBias;
    private final NDArray decoderZt;
    private final NDArray decoderDett;
    private final ThreadLocal<ByteBuffer> rowBuffers = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(0));
    private final AtomicInteger running = new AtomicInteger();
    private final ThreadPoolExecutor narrow;
    private final ThreadPoolExecutor helper;

    DjlInferenceKernel(ApWeights weights, Device device) {
        this.spec = weights.spec();
        this.manager = NDManager.newBaseManager(device, "PyTorch");
        for (String name : weights.names()) {
            p.put(name, manager.create(weights.get(name), shapeOf(name)));
        }
        this.forward = new DjlForward(spec, p::get);
        InferenceFolds f = InferenceFolds.of(weights);
        int h = f.hiddenSize();
        int width = f.rowWidth();
        int z = spec.architecture().latentSize();
        int s = f.sharedSize();
        this.encoderFirst = manager.create(f.encoderFirst(), new Shape(h, width));
        this.encoderFirstBias = manager.create(f.encoderFirstBias());
        boolean det = spec.architecture().variant().hasDeterministicPath();
        this.detEncoderFirst = det ? manager.create(f.detEncoderFirst(), new Shape(h, width)) : null;
        this.detEncoderFirstBias = det ? manager.create(f.detEncoderFirstBias()) : null;
        this.decoderX = manager.create(f.decoderX(), new Shape(h, width));
        this.decoderXBias = manager.create(f.decoderXBias());
        this.latentIn = manager.create(f.latentIn(), new Shape(s, h));
        this.latentInBias = manager.create(f.latentInBias());
        this.decoderFromShared = manager.create(f.decoderFromShared(), new Shape(h, s));
        this.decoderFromSharedBias = manager.create(f.decoderFromSharedBias());
        this.decoderZt = manager.create(f.decoderZ(), new Shape(h, z)).transpose().duplicate();
        this.decoderDett = det ? manager.create(f.decoderDet(), new Shape(h, z)).transpose().duplicate() : null;
        this.narrow = singleThreadedPool("ap-djl-small-batch", NARROW_THREADS);
        this.helper = singleThreadedPool("ap-djl-decoder-input", 1);
        startSingleThreaded(narrow, helper);
    }

    /** A pool of daemon threads for work that runs with one PyTorch intra-op thread. */
    private static ThreadPoolExecutor singleThreadedPool(String name, int size) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(size, size, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread t = new Thread(task, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts every thread of the pools and sets its PyTorch intra-op thread count to 1, then
     * restores the count that threads starting later take (PyTorch's setter also sets that) to
     * this thread's. The only thread-count settings the kernel makes.
     */
    private static void startSingleThreaded(ThreadPoolExecutor... pools) {
        int threads = JniUtils.getNumThreads();
        int total = 0;
        for (ThreadPoolExecutor pool : pools) {
            total += pool.getCorePoolSize();
        }
        CountDownLatch set = new CountDownLatch(total);
        CountDownLatch release = new CountDownLatch(1);
        for (ThreadPoolExecutor pool : pools) {
            for (int i = 0; i < pool.getCorePoolSize(); i++) {
                pool.execute(() -> {
                    JniUtils.setNumThreads(1);
                    set.countDown();
                    awaitUninterruptibly(release);
                });
            }
        }
        awaitUninterruptibly(set);
        JniUtils.setNumThreads(threads);
        release.countDown();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public WindowOutput run(WindowBatch batch, ContextPicker picker, int numSamples, float[] noise) {
        int b = batch.batch();
        int l = batch.length();
        int rows = b * l;
        int dx = spec.featureSize();
        int dy = spec.labelSize();
        if (batch.featureSize() != dx || batch.labelSize() != dy) {
            throw new IllegalArgumentException("window batch has dx " + batch.featureSize() + ", dy "
                    + batch.labelSize() + "; the model reads dx " + dx + ", dy " + dy);
        }
        if (rows >= SINGLE_THREAD_ROWS) {
            return compute(batch, picker, numSamples, noise, false);
        }
        return join(narrow.submit(() -> compute(batch, picker, numSamples, noise, true)), "the window batch");
    }

    /** Runs a batch on this thread; {@code small}: on a single-threaded kernel thread. */
    private WindowOutput compute(WindowBatch batch, ContextPicker picker, int numSamples, float[] noise,
            boolean small) {
        int b = batch.batch();
        int l = batch.length();
        int rows = b * l;
        boolean alone = running.getAndIncrement() == 0;
        try (NDManager m = manager.newSubManager()) {
            NDArray in = m.create(packRows(batch), new Shape(rows, spec.featureSize() + spec.labelSize()),
                    DataType.FLOAT32);
            Future<NDArray> decoderInput = HELPER_THREAD && small && alone
                    ? helper.submit(() -> linear(in, decoderX, decoderXBias)) : null;
            try {
                return decode(m, in, b, l, picker, numSamples, noise, small, decoderInput);
            } finally {
                if (decoderInput != null) {
                    // returns at once when decode joined it; after a failure, lets the helper
                    // finish before the rows it reads are freed
                    awaitQuietly(decoderInput);
                }
            }
        } finally {
            running.decrementAndGet();
        }
    }

    private WindowOutput decode(NDManager m, NDArray in, int b, int l, ContextPicker picker, int numSamples,
            float[] noise, boolean small, Future<NDArray> decoderInput) {
        ApArchitecture a = spec.architecture();
        int rows = b * l;
        int h = a.hiddenSize();
        int z = a.latentSize();
        // encoder up to its second hidden layer h₂; its last layer is folded into latentIn
        NDArray h2 = relu(forward.linear(layer(ApModelSpec.ENCODER, 1),
                relu(linear(in, encoderFirst, encoderFirstBias))));
        float[] sigmaNorms = a.variant().isStochastic() ? frameSigmaNorms(h2, small) : null;
        NDArray ctx = m.create(picker.contextWeights(sigmaNorms), new Shape(b, l));
        NDArray shared = relu(linear(aggregate(ctx, h2, b, l, h), latentIn, latentInBias));
        NDArray zPart = linear(shared, decoderFromShared, decoderFromSharedBias);
        if (a.variant().hasDeterministicPath()) {
            zPart = zPart.addi(deterministicPath(in, ctx, b, l).matMul(decoderDett));
        }
        NDArray decoderIn = decoderInput == null ? linear(in, decoderX, decoderXBias) : join(decoderInput, "the decoder input");
        NDArray hid;
        if (numSamples == 0) {
            hid = relu(b == 1 ? decoderIn.addi(zPart)
                    : decoderIn.reshape(b, l, h).addi(zPart.reshape(b, 1, h)).reshape(rows, h));
        } else {
            // copy 0 decodes z = μ_C, copy n decodes z = μ_C + σ_C ⊙ ε_n
            NDArray eps = m.create(noise, new Shape(numSamples, b, z));
            NDArray offsets = latentSigma(shared).expandDims(0).mul(eps).reshape((long) numSamples * b, z)
                    .matMul(decoderZt).reshape(numSamples, b, h);
            NDArray zAll = zPart.expandDims(0).concat(offsets.addi(zPart), 0);
            hid = relu(decoderIn.reshape(1, b, l, h).add(zAll.reshape(numSamples + 1, b, 1, h)))
                    .reshape((long) (numSamples + 1) * rows, h);
        }
        hid = relu(forward.linear(layer(ApModelSpec.DECODER, 1), hid));
        hid = relu(forward.linear(layer(ApModelSpec.DECODER, 2), hid));
        return split(forward.linear(layer(ApModelSpec.DECODER, 3), hid).toFloatArray(), rows, numSamples,
                sigmaNorms);
    }

    private static <T> T join(Future<T> task, String what) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            task.cancel(false);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what + " was computed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(what + " failed: " + e.getCause(), e.getCause());
        }
    }

    private static void awaitQuietly(Future<?> task) {
        boolean interrupted = false;
        while (true) {
            try {
                task.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * ‖σ(r_t)‖ of every frame, from its h₂ through the folded shared layer and the σ head. A small
     * batch takes its [rows, Z] sigmoids into Java (one call instead of four small ones); a large
     * one reduces them in the engine (one value per frame crosses instead of Z).
     */
    private float[] frameSigmaNorms(NDArray h2, boolean small) {
        NDArray shared = relu(linear(h2, latentIn, latentInBias));
        if (!small) {
            return latentSigma(shared).norm(FEATURE_AXIS).toFloatArray();
        }
        float[] s = Activation.sigmoid(forward.linear(ApModelSpec.LATENT_SIGMA, shared)).toFloatArray();
        int z = spec.architecture().latentSize();
        double floor = spec.architecture().latentSigmaFloor();
        float[] norms = new float[s.length / z];
        for (int i = 0; i < norms.length; i++) {
            double sum = 0;
            for (int k = 0; k < z; k++) {
                double sigma = floor + (1 - floor) * s[i * z + k];
                sum += sigma * sigma;
            }
            norms[i] = (float) Math.sqrt(sum);
        }
        return norms;
    }

    /** σ = floor + (1 − floor)·sigmoid(σ head) of latent shared-layer rows. */
    private NDArray latentSigma(NDArray shared) {
        float floor = (float) spec.architecture().latentSigmaFloor();
        return Activation.sigmoid(forward.linear(ApModelSpec.LATENT_SIGMA, shared))
                .muli(1 - floor).addi(floor);
    }

    /** The deterministic path's context representation [B, Z] (attention within each window). */
    private NDArray deterministicPath(NDArray in, NDArray ctx, int b, int l) {
        NDArray hid = relu(forward.linear(layer(ApModelSpec.DET_ENCODER, 1),
                relu(linear(in, detEncoderFirst, detEncoderFirstBias))));
        NDArray d = forward.linear(layer(ApModelSpec.DET_ENCODER, 2), hid);
        if (spec.architecture().variant() == ApVariant.LATENT_DETERMINISTIC_ATTENTION) {
            d = windowAttention(d, ctx.reshape(b, 1, l), b, l);
        }
        return aggregate(ctx, d, b, l, spec.architecture().latentSize());
    }

    /**
     * The rows [x, ŷ] of a batch, packed into this thread's reusable native-order direct buffer
     * (a fresh direct buffer per call would make the JVM run its collector to free them).
     */
    private ByteBuffer packRows(WindowBatch batch) {
        int rows = batch.batch() * batch.length();
        int bytes = rows * (batch.featureSize() + batch.labelSize()) * Float.BYTES;
        ByteBuffer buffer = rowBuffers.get();
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(bytes);
            rowBuffers.set(buffer);
        }
        ByteBuffer packed = buffer.slice(0, bytes).order(ByteOrder.nativeOrder());
        batch.writeRows(packed.asFloatBuffer());
        return packed;
    }

    /** Σ_t w[b, t]·rows[b, t, :] per window: the context mean of [B·L, K] rows as [B, K]. */
    private static NDArray aggregate(NDArray weights, NDArray rows, int b, int l, int k) {
        if (b == 1) {
            return weights.matMul(rows);
        }
        return weights.reshape(b, 1, l).batchMatMul(rows.reshape(b, l, k)).reshape(b, k);
    }

    private static NDArray linear(NDArray in, NDArray w, NDArray bias) {
        return Linear.linear(in, w, bias).singletonOrThrow();
    }

    private static NDArray relu(NDArray in) {
        return Activation.relu(in);
    }

    /** Mean, σ_y = floor + (1 − floor)·softplus(raw) and sample means from the decoder's rows. */
    private WindowOutput split(float[] out, int rows, int numSamples, float[] sigmaNorms) {
        int dy = spec.labelSize();
        double floor = spec.architecture().outputSigmaFloor();
        float[] mean = new float[rows * dy];
        float[] std = new float[rows * dy];
        float[] samples = new float[numSamples * rows * dy];
        for (int r = 0; r < rows; r++) {
            for (int d = 0; d < dy; d++) {
                mean[r * dy + d] = out[r * 2 * dy + d];
                double raw = out[r * 2 * dy + dy + d];
                std[r * dy + d] = (float) (floor + (1 - floor) * (raw > 30 ? raw : Math.log1p(Math.exp(raw))));
            }
        }
        for (int r = rows; r < (numSamples + 1) * rows; r++) {
            for (int d = 0; d < dy; d++) {
                samples[(r - rows) * dy + d] = out[r * 2 * dy + d];
            }
        }
        return new WindowOutput(mean, std, samples, sigmaNorms);
    }

    /** Self-attention within each window, keys restricted to the window's context. */
    private NDArray windowAttention(NDArray d, NDArray ctx, int b, int l) {
        int heads = spec.architecture().attentionHeads();
        int z = spec.architecture().latentSize();
        int dh = z / heads;
        NDArray q = heads(forward.linear(ApModelSpec.ATTENTION_QUERY, d), b, l, heads, dh);
        NDArray k = heads(forward.linear(ApModelSpec.ATTENTION_KEY, d), b, l, heads, dh);
        NDArray v = heads(forward.linear(ApModelSpec.ATTENTION_VALUE, d), b, l, heads, dh);
        NDArray keyMask = ctx.gt(0).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).sub(1f).mul(1e9f)
                .reshape(b, 1, 1, l).broadcast(b, heads, l, l).reshape((long) b * heads, l, l);
        NDArray scores = q.batchMatMul(k.transpose(0, 2, 1)).div((float) Math.sqrt(dh)).add(keyMask).softmax(2);
        NDArray out = scores.batchMatMul(v).reshape(b, heads, l, dh).transpose(0, 2, 1, 3)
                .reshape((long) b * l, z);
        return forward.linear(ApModelSpec.ATTENTION_OUTPUT, out);
    }

    private static NDArray heads(NDArray t, int b, int l, int heads, int dh) {
        return t.reshape(b, l, heads, dh).transpose(0, 2, 1, 3).reshape((long) b * heads, l, dh);
    }

    private Shape shapeOf(String name) {
        for (var t : spec.parameters()) {
            if (t.name().equals(name)) {
                return new Shape(java.util.Arrays.stream(t.shape()).asLongStream().toArray());
            }
        }
        throw new IllegalArgumentException("no tensor " + name);
    }

    @Override
    public void close() {
        narrow.shutdown();
        helper.shutdown();
        manager.close();
    }
}
