package org.affectiveprocesses.baselines;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.affectiveprocesses.api.Complexity;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.core.model.ApModelSpec;

/**
 * Parameters and multiply-adds per window of every model, counted by the SDK from the models'
 * layers (the AP from {@link ApModelSpec#complexity(int)}, the baselines by walking their DJL
 * blocks), next to the paper's figures.
 */
public final class ComplexityTable {
    private static final int PAPER_FEATURES = 512;

    private final List<Row> rows;

    /**
     * One model.
     *
     * @param model the row name
     * @param measured what the SDK counts
     * @param paper the paper's figures for the model
     */
    public record Row(String model, Complexity measured, PaperComplexity paper) {
        /** Validates. */
        public Row {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(measured, "measured");
            Objects.requireNonNull(paper, "paper");
        }
    }

    private ComplexityTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** A table of the given rows. */
    public static ComplexityTable of(List<Row> rows) {
        return new ComplexityTable(rows);
    }

    /**
     * The paper's models at their window lengths, for 512-d features: the AP and ConvGRU for
     * valence/arousal (L = 70, 30), the BiGRU for the 5 BP4D Action Units (L = 60), self-attention
     * for valence/arousal (L = 30); then the two other readings of the paper's text: the ConvGRU
     * over the feature axis and the BiGRU with one bidirectional layer.
     */
    public static ComplexityTable paper() {
        LabelSpace va = LabelSpace.valenceArousal();
        LabelSpace au = LabelSpace.bp4d();
        ConvGruConfig convGru = ConvGruConfig.paper();
        BiGruConfig biGru = BiGruConfig.paper();
        SelfAttentionConfig attention = SelfAttentionConfig.valenceArousal();
        return of(List.of(
                new Row("AP", ApModelSpec.paperValenceArousal().complexity(70), PaperComplexity.AFFECTIVE_PROCESS),
                row("ConvGRU (over time)", convGru, va, PaperComplexity.CONVGRU),
                row("BiGRU (2 layers)", biGru, au, PaperComplexity.BIGRU),
                row("Self-Attn", attention, va, PaperComplexity.SELF_ATTENTION),
                row("ConvGRU over the feature axis (16 x 32)", convGru.withAxis(ConvAxis.FEATURE), va,
                        PaperComplexity.CONVGRU),
                row("BiGRU, 1 bidirectional layer", biGru.withLayers(1), au, PaperComplexity.BIGRU)));
    }

    private static Row row(String name, BaselineArchitecture a, LabelSpace labels, PaperComplexity paper) {
        BaselineSpec spec = new BaselineSpec(a, PAPER_FEATURES, labels, false);
        return new Row(name, spec.complexity(a.windowLength()), paper);
    }

    /** The rows. */
    public List<Row> rows() {
        return rows;
    }

    /** A markdown table: model, L, parameters and multiply-adds counted, and the paper's. */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| Model | L | Parameters | Multiply-adds per window | Paper: parameters | Paper: multiply-adds |\n");
        sb.append("|---|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            Complexity c = r.measured();
            sb.append(String.format(Locale.ROOT, "| %s | %d | %,d | %s | ~%s | ~%s |%n", r.model(), c.windowLength(),
                    c.parameters(), millions(c.multiplyAdds()), compact(r.paper().parameters()),
                    String.format(Locale.ROOT, "%d M", r.paper().multiplyAdds() / 1_000_000)));
        }
        return sb.toString();
    }

    private static String millions(long v) {
        return v >= 1_000_000_000L ? String.format(Locale.ROOT, "%.2f G", v / 1e9)
                : String.format(Locale.ROOT, "%.1f M", v / 1e6);
    }

    private static String compact(long v) {
        return v >= 1_000_000L ? String.format(Locale.ROOT, "%.1f M", v / 1e6)
                : String.format(Locale.ROOT, "%d K", v / 1000);
    }

    @Override
    public String toString() {
        return toMarkdown();
    }
}
