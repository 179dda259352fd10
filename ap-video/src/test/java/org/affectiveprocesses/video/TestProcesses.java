package org.affectiveprocesses.video;

import org.affectiveprocesses.api.AffectiveProcess;
import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.Engine;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.Provenance;
import org.affectiveprocesses.core.inference.WindowedAffectiveProcess;
import org.affectiveprocesses.core.io.ModelFile;
import org.affectiveprocesses.core.model.ApModelSpec;
import org.affectiveprocesses.core.model.WeightInitializer;
import org.affectiveprocesses.engine.djl.DjlBackend;

/** Untrained Affective Processes on the DJL engine, for plumbing tests. */
public final class TestProcesses {
    private TestProcesses() {
    }

    /** An initialised (untrained) valence/arousal AP reading {@code featureSize}-d features. */
    public static AffectiveProcess untrained(int featureSize, long seed) {
        ApModelSpec spec = new ApModelSpec(ApArchitecture.paper(), featureSize, LabelSpace.valenceArousal());
        Provenance p = Provenance.untrained("test", "djl", "untrained");
        return WindowedAffectiveProcess.open(new DjlBackend(), Engine.named("djl").onDevice("cpu"),
                ModelFile.Contents.of(WeightInitializer.initialize(spec, seed), InferenceOptions.paper(), p));
    }
}
