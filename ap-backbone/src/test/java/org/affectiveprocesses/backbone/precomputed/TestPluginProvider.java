package org.affectiveprocesses.backbone.precomputed;

import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.backbone.Backbone;
import org.affectiveprocesses.api.backbone.BackboneProvider;
import org.affectiveprocesses.api.backbone.FrameEncoding;
import org.affectiveprocesses.api.backbone.RgbImage;

/**
 * A plugin as docs/backbones.md describes it, registered in the test resources'
 * META-INF/services: its one feature is the face's width.
 */
public final class TestPluginProvider implements BackboneProvider {
    /** For ServiceLoader. */
    public TestPluginProvider() {
        // instantiated by ServiceLoader
    }

    @Override
    public String name() {
        return "test-plugin";
    }

    @Override
    public String description() {
        return "a test plugin: the face's width as its one feature";
    }

    @Override
    public Backbone create() {
        return new Backbone() {
            @Override
            public String name() {
                return "test-plugin";
            }

            @Override
            public int featureSize() {
                return 1;
            }

            @Override
            public LabelSpace labelSpace() {
                return LabelSpace.valenceArousal();
            }

            @Override
            public FrameEncoding encode(RgbImage face) {
                return FrameEncoding.of(new float[] {face.width()}, new float[] {0, 0});
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }
}
