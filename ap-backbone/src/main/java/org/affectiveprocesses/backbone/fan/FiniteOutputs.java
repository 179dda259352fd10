package org.affectiveprocesses.backbone.fan;

/**
 * Refuses non-finite network outputs with a message that names the known cause.
 *
 * <p>PyTorch 2.7.1 (the DJL 0.36.0 natives) bundles oneDNN 3.7.1. On x86 CPUs with AVX2 or
 * AVX-512, a float convolution whose channel count is not a multiple of oneDNN's channel block
 * (8 with AVX2, 16 with AVX-512; the task feature module's input has 2·width + 68 channels) runs
 * on a blocked copy of its input whose padding channels are not zeroed: they keep whatever the
 * reused memory held, and when that was NaN every output becomes NaN (0 · NaN). Starting the JVM
 * with the environment variable {@code ONEDNN_MAX_CPU_ISA=SSE41} (oneDNN's documented dispatcher
 * control) avoids it: oneDNN's SSE4.1 convolutions take no channel padding. See
 * docs/backbones.md.
 */
final class FiniteOutputs {
    /** The environment setting that avoids the defect. */
    static final String SWITCH = "ONEDNN_MAX_CPU_ISA=SSE41";

    private FiniteOutputs() {
    }

    /**
     * @param values the values to check
     * @param what what they are, for the message
     * @throws IllegalStateException at the first NaN or infinity
     */
    static void check(float[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalStateException(what + " is not finite (value " + i + " is " + values[i] + "). "
                        + hint());
            }
        }
    }

    /** The sentence that names the native defect and the switch, adapted to the environment. */
    static String hint() {
        String isa = System.getenv("ONEDNN_MAX_CPU_ISA");
        if (isa != null && isa.equalsIgnoreCase("SSE41")) {
            return "The oneDNN switch " + SWITCH + " is set, so this is not the known convolution defect.";
        }
        return "PyTorch 2.7.1's oneDNN can read stale memory in convolutions whose channel count is not a multiple "
                + "of 8 or 16; start the JVM with the environment variable " + SWITCH + " (docs/backbones.md).";
    }
}
