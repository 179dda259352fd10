package org.affectiveprocesses.baselines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.affectiveprocesses.api.LabelKind;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.api.ModelFormatException;
import org.affectiveprocesses.api.Provenance;

/**
 * The JSON forms of the manifest's objects: architecture (one schema per model type), label
 * space and provenance (the same layout as the Affective Process model file).
 */
final class ManifestCodec {
    private ManifestCodec() {
    }

    static ObjectNode architecture(BaselineArchitecture a) {
        ObjectNode n = ManifestFields.newObject();
        if (a instanceof ConvGruConfig c) {
            n.put("layers", c.layers());
            n.put("hiddenSize", c.hiddenSize());
            n.put("kernelSize", c.kernelSize());
            n.put("axis", c.axis().name());
            n.put("featureChannels", c.featureChannels());
        } else if (a instanceof BiGruConfig b) {
            n.put("layers", b.layers());
            n.put("hiddenSize", b.hiddenSize());
        } else {
            SelfAttentionConfig s = (SelfAttentionConfig) a;
            n.put("layers", s.layers());
            n.put("heads", s.heads());
            n.put("modelWidth", s.modelWidth());
            n.put("feedForwardSize", s.feedForwardSize());
            n.put("positionalEncoding", s.positionalEncoding());
        }
        n.put("windowLength", a.windowLength());
        return n;
    }

    /** Reads the architecture of a known model type (the caller has checked the type). */
    static BaselineArchitecture architecture(String modelType, ManifestFields f) throws ModelFormatException {
        try {
            switch (modelType) {
                case ConvGruConfig.MODEL_TYPE:
                    f.only("layers", "hiddenSize", "kernelSize", "axis", "featureChannels", "windowLength");
                    return new ConvGruConfig(f.integer("layers"), f.integer("hiddenSize"), f.integer("kernelSize"),
                            f.enumValue("axis", ConvAxis.class), f.integer("featureChannels"), f.integer("windowLength"));
                case BiGruConfig.MODEL_TYPE:
                    f.only("layers", "hiddenSize", "windowLength");
                    return new BiGruConfig(f.integer("layers"), f.integer("hiddenSize"), f.integer("windowLength"));
                default:
                    f.only("layers", "heads", "modelWidth", "feedForwardSize", "positionalEncoding", "windowLength");
                    return new SelfAttentionConfig(f.integer("layers"), f.integer("heads"), f.integer("modelWidth"),
                            f.integer("feedForwardSize"), f.bool("positionalEncoding"), f.integer("windowLength"));
            }
        } catch (IllegalArgumentException e) {
            throw f.fail("", "is invalid: " + e.getMessage());
        }
    }

    static ObjectNode labelSpace(LabelSpace space) {
        ObjectNode n = ManifestFields.newObject();
        n.put("name", space.name());
        n.put("kind", space.kind().name());
        ArrayNode dims = n.putArray("dimensions");
        space.dimensions().forEach(dims::add);
        n.put("rawMin", space.rawMin());
        n.put("rawMax", space.rawMax());
        return n;
    }

    static LabelSpace labelSpace(ManifestFields f) throws ModelFormatException {
        f.only("name", "kind", "dimensions", "rawMin", "rawMax");
        String name = f.text("name");
        LabelKind kind = f.enumValue("kind", LabelKind.class);
        List<String> dims = f.texts("dimensions");
        double min = f.finite("rawMin");
        double max = f.finite("rawMax");
        try {
            return LabelSpace.of(name, kind, dims, min, max);
        } catch (IllegalArgumentException e) {
            throw f.fail("", "is not a valid label space: " + e.getMessage());
        }
    }

    static ObjectNode provenance(Provenance p) {
        ObjectNode n = ManifestFields.newObject();
        n.put("sdkVersion", p.sdkVersion());
        n.put("engine", p.engine());
        n.put("createdUtc", p.createdUtc());
        n.put("trainingConfig", p.trainingConfig());
        n.put("trainingData", p.trainingData());
        n.put("validationData", p.validationData());
        ObjectNode scores = n.putObject("validationScores");
        p.validationScores().forEach((k, v) -> {
            if (v == null) {
                scores.putNull(k);
            } else if (Double.isNaN(v)) {
                scores.put(k, "NaN");
            } else if (Double.isInfinite(v)) {
                scores.put(k, v > 0 ? "Infinity" : "-Infinity");
            } else {
                scores.put(k, v.doubleValue());
            }
        });
        n.put("bestEpoch", p.bestEpoch());
        return n;
    }

    static Provenance provenance(ManifestFields f) throws ModelFormatException {
        f.only("sdkVersion", "engine", "createdUtc", "trainingConfig", "trainingData", "validationData",
                "validationScores", "bestEpoch");
        ManifestFields s = f.object("validationScores");
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : s.entries()) {
            scores.put(e.getKey(), score(s, e.getKey(), e.getValue()));
        }
        return new Provenance(f.text("sdkVersion"), f.text("engine"), f.text("createdUtc"), f.text("trainingConfig"),
                f.text("trainingData"), f.text("validationData"), scores, f.integer("bestEpoch"));
    }

    private static Double score(ManifestFields s, String key, JsonNode v) throws ModelFormatException {
        if (v.isNull()) {
            return null;
        }
        if (v.isNumber() && Double.isFinite(v.doubleValue())) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            switch (v.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw s.fail(key, "must be a finite number, null, \"NaN\", \"Infinity\" or \"-Infinity\", found "
                + ManifestFields.describe(v));
    }
}
