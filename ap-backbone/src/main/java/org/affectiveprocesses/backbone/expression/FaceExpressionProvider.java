package org.affectiveprocesses.backbone.expression;

import java.io.IOException;
import org.affectiveprocesses.api.backbone.Backbone;
import org.affectiveprocesses.api.backbone.BackboneProvider;

/** Registers {@link FaceExpressionBackbone} as {@code Backbones.byName("face-expression")}. */
public final class FaceExpressionProvider implements BackboneProvider {

    /** Used by {@link java.util.ServiceLoader}. */
    public FaceExpressionProvider() {
    }

    @Override
    public String name() {
        return FaceExpressionBackbone.NAME;
    }

    @Override
    public String description() {
        return "face-api facial expression CNN (MIT, @vladmandic/face-api 1.7.15): 256-d embedding, "
                + "valence/arousal from 7 emotion probabilities";
    }

    @Override
    public Backbone create() throws IOException {
        return FaceExpressionBackbone.load();
    }
}
