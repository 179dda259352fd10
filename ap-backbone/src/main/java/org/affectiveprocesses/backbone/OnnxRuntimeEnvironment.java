package org.affectiveprocesses.backbone;

import ai.djl.engine.Engine;
import ai.onnxruntime.OrtEnvironment;

/**
 * The process's one ONNX Runtime environment, for the SDK's own ONNX Runtime sessions (face-api
 * networks, the BlazeFace detector). ONNX Runtime allows one environment per process, and DJL's
 * ONNX Runtime engine (for {@link org.affectiveprocesses.backbone.adapters.ExternalBackbones#onnx})
 * can only start if it creates it itself: it asks for one with thread-pool options, which ONNX
 * Runtime refuses once an environment exists. So when that engine is on the classpath it is started
 * first and its environment shared; otherwise ONNX Runtime's default environment is used. Either
 * way every part of the SDK works whatever is created first.
 */
public final class OnnxRuntimeEnvironment {
    /** DJL's name for its ONNX Runtime engine. */
    private static final String DJL_ENGINE = "OnnxRuntime";

    private OnnxRuntimeEnvironment() {
    }

    /** The environment, created on first use. */
    public static synchronized OrtEnvironment get() {
        if (Engine.hasEngine(DJL_ENGINE)) {
            Engine.getEngine(DJL_ENGINE);
        }
        return OrtEnvironment.getEnvironment();
    }
}
