package org.affectiveprocesses.video.pipeline;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The one place where the video pipeline sets PyTorch's threads, for backbones that may run on
 * PyTorch (the built-in networks run on ONNX Runtime and do not load it). The pipeline's networks
 * see a few small faces at a time; PyTorch's OpenMP workers spinning between such calls starve the
 * decoder and the face detector on the other thread, so the pipeline's network thread runs
 * PyTorch on one intra-op thread. PyTorch's OpenMP build keeps the setting per thread: threads
 * that already ran PyTorch operations (the caller's, an engine's) keep theirs; a thread that runs
 * its first operation later starts from the value set last, unless it sets its own (as the AP's
 * DJL engine does for its kernels).
 */
final class TorchThreads {
    private TorchThreads() {
    }

    /** Makes PyTorch operations started on the calling thread use one intra-op thread. */
    static void useOneIntraOpThread() {
        Engine.getEngine("PyTorch");
        JniUtils.setNumThreads(1);
    }
}
