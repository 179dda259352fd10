package org.affectiveprocesses.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.affectiveprocesses.api.InferenceOptions;
import org.affectiveprocesses.corpora.CrossValidation;
import org.affectiveprocesses.evaluation.ContextStudy;
import org.affectiveprocesses.metrics.Calibration;
import org.affectiveprocesses.metrics.CalibrationReport;
import org.affectiveprocesses.metrics.EvaluationReport;
import org.affectiveprocesses.metrics.Metric;

/**
 * The machine-readable outputs of {@code ap evaluate}: JSON (every metric of every report, per
 * fold and pooled, and the context study) and CSV in long format ({@code
 * scope,model,metric,dimension,value}). Undefined values are JSON {@code null} / an empty CSV
 * field.
 */
final class ReportFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportFiles() {
    }

    /**
     * The run as a JSON document.
     *
     * @param data the data in words
     * @param modelFiles the model file of each fold
     * @param options the test protocol of the first model
     * @param report the scores
     * @param study the context study, or null
     */
    static String json(String data, List<String> modelFiles, InferenceOptions options, CrossValidation.Report report,
            ContextStudy.Result study) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", "affective-process-evaluation");
        root.put("formatVersion", 1);
        root.put("data", data);
        ObjectNode p = root.putObject("protocol");
        p.put("window", options.windowLength());
        p.put("hop", options.hop());
        p.put("context", options.contextSize());
        p.put("selector", options.selector().name());
        root.put("pooling", report.pooled().pooling().name());
        ObjectNode pooled = root.putObject("pooled");
        pooled.set(report.modelName(), report(report.pooled()));
        pooled.set("Backbone", report(report.pooledBackbone()));
        ArrayNode folds = root.putArray("folds");
        for (int i = 0; i < report.folds().size(); i++) {
            CrossValidation.Fold f = report.folds().get(i);
            ObjectNode fold = folds.addObject();
            fold.put("name", f.name());
            fold.put("split", f.split());
            fold.put("modelFile", modelFiles.get(i));
            fold.set(report.modelName(), report(f.model()));
            fold.set("Backbone", report(f.backbone()));
        }
        if (study != null) {
            root.set("contextStudy", study(study));
        }
        return MAPPER.writeValueAsString(root) + "\n";
    }

    /** The scores in long CSV format with a header. */
    static String csv(CrossValidation.Report report) {
        StringBuilder sb = new StringBuilder("scope,model,metric,dimension,value\n");
        for (CrossValidation.Fold f : report.folds()) {
            rows(sb, f.name(), report.modelName(), f.model());
            rows(sb, f.name(), "Backbone", f.backbone());
        }
        if (report.folds().size() > 1) {
            rows(sb, "pooled", report.modelName(), report.pooled());
            rows(sb, "pooled", "Backbone", report.pooledBackbone());
        }
        return sb.toString();
    }

    private static ObjectNode report(EvaluationReport e) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("model", e.modelName());
        n.put("sequences", e.sequenceCount());
        n.put("frames", e.frameCount());
        ObjectNode labelled = n.putObject("labelledFrames");
        e.dimensions().forEach(d -> labelled.put(d, e.labelledFrameCount(d)));
        ObjectNode values = n.putObject("values");
        for (Metric m : e.metrics()) {
            ObjectNode mv = values.putObject(m.displayName());
            for (String d : e.dimensions()) {
                put(mv, d, e.value(m, d));
            }
            put(mv, "mean", e.mean(m));
        }
        if (e.hasCalibration()) {
            n.set("calibration", calibration(e.calibration()));
        }
        return n;
    }

    /** Every calibration measure per column (dimensions and "All"), and the reliability diagram. */
    private static ObjectNode calibration(CalibrationReport c) {
        ObjectNode n = MAPPER.createObjectNode();
        for (CalibrationReport.Measure m : CalibrationReport.Measure.values()) {
            ObjectNode mv = n.putObject(m.displayName());
            for (String column : c.columns()) {
                put(mv, column, c.value(m, column));
            }
        }
        ObjectNode reliability = n.putObject("reliability");
        ArrayNode levels = reliability.putArray("expected");
        for (double p : Calibration.levels()) {
            levels.add(p);
        }
        ObjectNode observed = reliability.putObject("observed");
        for (String column : c.columns()) {
            ArrayNode a = observed.putArray(column);
            for (double v : c.observedFrequencies(column)) {
                a.add(v);
            }
        }
        return n;
    }

    private static ObjectNode study(ContextStudy.Result s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("metric", s.metric().displayName());
        ArrayNode sizes = n.putArray("sizes");
        for (int c : s.sizes()) {
            sizes.add(c);
        }
        ObjectNode selectors = n.putObject("selectors");
        for (String sel : s.selectors()) {
            ObjectNode o = selectors.putObject(sel);
            ArrayNode mean = o.putArray("mean");
            ArrayNode contextError = o.putArray("contextError");
            for (int c : s.sizes()) {
                addNumber(mean, s.mean(sel, c));
                addNumber(contextError, s.contextError(sel, c));
            }
            for (String d : s.dimensions()) {
                ArrayNode a = o.putArray(d);
                for (int c : s.sizes()) {
                    addNumber(a, s.score(sel, c, d));
                }
            }
        }
        return n;
    }

    private static void rows(StringBuilder sb, String scope, String model, EvaluationReport e) {
        if (e.hasCalibration()) {
            CalibrationReport c = e.calibration();
            for (CalibrationReport.Measure m : CalibrationReport.Measure.values()) {
                for (String column : c.columns()) {
                    sb.append(csvField(scope)).append(',').append(csvField(model)).append(',')
                            .append(csvField(m.displayName())).append(',').append(csvField(column)).append(',')
                            .append(csvNumber(c.value(m, column))).append('\n');
                }
            }
        }
        for (Metric m : e.metrics()) {
            List<String> dims = e.dimensions();
            for (String d : dims) {
                sb.append(csvField(scope)).append(',').append(csvField(model)).append(',').append(csvField(m.displayName()))
                        .append(',').append(csvField(d)).append(',').append(csvNumber(e.value(m, d))).append('\n');
            }
            sb.append(csvField(scope)).append(',').append(csvField(model)).append(',').append(csvField(m.displayName()))
                    .append(",mean,").append(csvNumber(e.mean(m))).append('\n');
        }
    }

    private static void put(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.putNull(key);
        }
    }

    private static void addNumber(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
    }

    private static String csvNumber(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
