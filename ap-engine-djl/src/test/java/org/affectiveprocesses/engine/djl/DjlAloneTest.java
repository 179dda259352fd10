package org.affectiveprocesses.engine.djl;

import java.util.List;
import org.affectiveprocesses.core.conformance.OnlyEngineTest;

/** An application with only the DJL engine on its classpath ({@link OnlyEngineTest}): no TensorFlow. */
class DjlAloneTest extends OnlyEngineTest {

    @Override
    protected String engineName() {
        return DjlBackend.NAME;
    }

    @Override
    protected List<String> absentClasses() {
        return List.of("org.tensorflow.Graph", "org.affectiveprocesses.engine.tensorflow.TfBackend");
    }
}
