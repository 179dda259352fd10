package org.affectiveprocesses.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.covar_pop;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.var_pop;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.affectiveprocesses.spark.PredictionSchema.Value;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The Spark aggregations of an evaluation: prediction rows to the {@link PairedSums} of every
 * video, split and the whole table, for the AP and for the backbone, per label dimension.
 *
 * <p>One pass over the frames gives every video's sums; larger scopes combine the videos' sums
 * exactly (Chan, Golub and LeVeque): s = Σ<sub>v</sub> s<sub>v</sub> + n<sub>v</sub>
 * (mean<sub>v</sub> - mean)², so no frame is read twice.
 */
final class MomentTables {
    static final String MODEL = "model";
    static final String DIMENSION = "dimension";
    static final String BACKBONE = "Backbone";
    static final String MISSING = "firstMissing";
    private static final String[] VIDEO_KEYS = {PredictionSchema.SPLIT, PredictionSchema.VIDEO, MODEL, DIMENSION};

    private MomentTables() {
    }

    /**
     * The labelled frames as (split, video, frame, model, dimension, t, p) rows: the truth t with the
     * AP's mean and, as model {@value #BACKBONE}, with the pseudo-label; frames without a label (or
     * a face) are left out, as {@code ap evaluate} leaves them out.
     */
    static Dataset<Row> pairs(Dataset<Row> predictions, PredictionSchema schema) {
        List<Column> entries = new ArrayList<>();
        for (int d = 0; d < schema.dimensions().size(); d++) {
            Column truth = col(schema.column(d, Value.LABEL)).cast("double").as("t");
            Column dim = lit(schema.dimensions().get(d)).as(DIMENSION);
            entries.add(struct(lit(schema.modelName()).as(MODEL), dim, truth,
                    col(schema.column(d, Value.MEAN)).cast("double").as("p")));
            entries.add(struct(lit(BACKBONE).as(MODEL), dim, truth,
                    col(schema.column(d, Value.PSEUDO)).cast("double").as("p")));
        }
        return predictions.select(col(PredictionSchema.SPLIT), col(PredictionSchema.VIDEO), col(PredictionSchema.FRAME),
                        explode(array(entries.toArray(Column[]::new))).as("x"))
                .select(col(PredictionSchema.SPLIT), col(PredictionSchema.VIDEO), col(PredictionSchema.FRAME),
                        col("x." + MODEL), col("x." + DIMENSION), col("x.t"), col("x.p"))
                .where(col("t").isNotNull());
    }

    /**
     * Per (split, video, model, dimension), in one pass over the frames: n, the means, the
     * extremes, the centred sums of squares and products (Spark's {@code var_pop} and {@code
     * covar_pop}, which update their moments with Welford's stable recurrence and merge partial
     * results exactly), the error sums, and {@value #MISSING}: the first labelled frame without a
     * prediction, or null.
     */
    static Dataset<Row> perVideo(Dataset<Row> pairs) {
        Column n = count(lit(1));
        Column e = col("t").minus(col("p"));
        return pairs.groupBy(columns(VIDEO_KEYS)).agg(n.as("n"), avg("t").as("mt"), avg("p").as("mp"),
                min("t").as("minT"), max("t").as("maxT"), min("p").as("minP"), max("p").as("maxP"),
                var_pop("t").multiply(n).as("stt"), var_pop("p").multiply(n).as("spp"),
                covar_pop("t", "p").multiply(n).as("stp"), sum(e).as("se"), sum(e.multiply(e)).as("se2"),
                sum(abs(e)).as("sae"), min(when(col("p").isNull(), col(PredictionSchema.FRAME))).as(MISSING));
    }

    /** Combines the per-video rows into one row per group of {@code keys} (e.g. split, model, dimension). */
    static Dataset<Row> combine(Dataset<Row> perVideo, String... keys) {
        Column n = col("n").cast("double");
        Dataset<Row> totals = perVideo.groupBy(columns(keys)).agg(sum("n").as("N"),
                sum(n.multiply(col("mt"))).as("snt"), sum(n.multiply(col("mp"))).as("snp"),
                min("minT").as("minT"), max("maxT").as("maxT"), min("minP").as("minP"), max("maxP").as("maxP"),
                sum("se").as("se"), sum("se2").as("se2"), sum("sae").as("sae"))
                .withColumn("gmt", col("snt").divide(col("N").cast("double")))
                .withColumn("gmp", col("snp").divide(col("N").cast("double")));
        Column at = col("mt").minus(col("gmt"));
        Column ap = col("mp").minus(col("gmp"));
        Dataset<Row> centred = perVideo.join(broadcast(totals.select(concat(columns(keys), col("gmt"), col("gmp")))),
                keys).groupBy(columns(keys)).agg(
                sum(col("stt").plus(n.multiply(at).multiply(at))).as("stt"),
                sum(col("spp").plus(n.multiply(ap).multiply(ap))).as("spp"),
                sum(col("stp").plus(n.multiply(at).multiply(ap))).as("stp"));
        return totals.join(centred, keys).select(concat(columns(keys), col("N").as("n"), col("gmt").as("mt"),
                col("gmp").as("mp"), col("minT"), col("maxT"), col("minP"), col("maxP"), col("stt"), col("spp"), col("stp"),
                col("se"), col("se2"), col("sae")));
    }

    /** The sums of a row of {@link #perVideo} or {@link #combine}. */
    static PairedSums sums(Row r) {
        return new PairedSums(r.getLong(r.fieldIndex("n")), r.getDouble(r.fieldIndex("mt")), r.getDouble(r.fieldIndex("mp")),
                r.getDouble(r.fieldIndex("stt")), r.getDouble(r.fieldIndex("spp")), r.getDouble(r.fieldIndex("stp")),
                r.getDouble(r.fieldIndex("se")), r.getDouble(r.fieldIndex("se2")), r.getDouble(r.fieldIndex("sae")),
                r.getDouble(r.fieldIndex("minT")), r.getDouble(r.fieldIndex("maxT")), r.getDouble(r.fieldIndex("minP")),
                r.getDouble(r.fieldIndex("maxP")));
    }

    private static Column[] columns(String... names) {
        return Arrays.stream(names).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Column[] concat(Column[] a, Column... b) {
        Column[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
