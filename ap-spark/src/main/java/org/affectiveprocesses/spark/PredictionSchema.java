package org.affectiveprocesses.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.affectiveprocesses.api.LabelSpace;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of a {@link PredictJob}'s output, format version 1: one row per frame with
 * {@code video} (the partition column), {@code split}, {@code frame} (0-based), {@code seconds},
 * {@code face} (whether a face was found), and for every label dimension {@code <dim>_label} (the
 * normalised ground truth), {@code <dim>_pseudo} (the backbone's pseudo-label), {@code <dim>_mean}
 * and {@code <dim>_std} (the AP's predictive mean and standard deviation), all {@code float} and
 * null where there is no value (no face, no annotation). {@code <dim>} is the dimension's name in
 * lower case with characters other than letters and digits replaced by {@code _}.
 *
 * <p>The column metadata, kept by Parquet, says what the columns are: on {@code frame} the format
 * ({@value #FORMAT}), its version, the model's name and the label space's name; on every value
 * column the dimension's real name and which value it is. {@link #read(StructType)} accepts only
 * this.
 */
public final class PredictionSchema {
    /** The format's name. */
    public static final String FORMAT = "ap-spark-predictions";
    /** The format's version. */
    public static final long VERSION = 1;
    /** The partition column: the video's id in the feature store. */
    public static final String VIDEO = "video";
    /** The split the video was predicted as. */
    public static final String SPLIT = "split";
    /** The frame index. */
    public static final String FRAME = "frame";
    /** The frame's time in seconds. */
    public static final String SECONDS = "seconds";
    /** Whether a face was found in the frame. */
    public static final String FACE = "face";

    private static final String KEY_FORMAT = "ap.format";
    private static final String KEY_VERSION = "ap.formatVersion";
    private static final String KEY_MODEL = "ap.model";
    private static final String KEY_LABEL_SPACE = "ap.labelSpace";
    private static final String KEY_DIMENSION = "ap.dimension";
    private static final String KEY_VALUE = "ap.value";

    /** The values stored per label dimension. */
    public enum Value {
        /** The normalised ground truth. */
        LABEL,
        /** The backbone's pseudo-label. */
        PSEUDO,
        /** The AP's predictive mean. */
        MEAN,
        /** The AP's predictive standard deviation. */
        STD;

        String suffix() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String modelName;
    private final String labelSpaceName;
    private final List<String> dimensions;
    private final List<String> stems;

    private PredictionSchema(String modelName, String labelSpaceName, List<String> dimensions) {
        this.modelName = modelName;
        this.labelSpaceName = labelSpaceName;
        this.dimensions = List.copyOf(dimensions);
        this.stems = columnStems(dimensions);
    }

    /** The schema of a model's predictions. */
    static PredictionSchema of(LabelSpace space, String modelName) {
        return new PredictionSchema(modelName, space.name(), space.dimensions());
    }

    /**
     * Reads the schema of a prediction table.
     *
     * @throws IllegalArgumentException naming what is missing if the table is not the output of
     *     a {@link PredictJob} of this format version
     */
    public static PredictionSchema read(StructType type) {
        Set<String> names = Set.of(type.fieldNames());
        for (String c : List.of(VIDEO, SPLIT, FRAME, SECONDS, FACE)) {
            if (!names.contains(c)) {
                throw new IllegalArgumentException("not a prediction table of ap-spark: it has no column '" + c
                        + "' (columns: " + names + ")");
            }
        }
        Metadata m = type.apply(FRAME).metadata();
        if (!m.contains(KEY_FORMAT) || !FORMAT.equals(m.getString(KEY_FORMAT))) {
            throw new IllegalArgumentException("not a prediction table of ap-spark: column 'frame' has no "
                    + KEY_FORMAT + " = " + FORMAT + " in its metadata");
        }
        if (!m.contains(KEY_VERSION) || m.getLong(KEY_VERSION) != VERSION) {
            throw new IllegalArgumentException("prediction table of format version "
                    + (m.contains(KEY_VERSION) ? m.getLong(KEY_VERSION) : "?") + "; this SDK reads version " + VERSION);
        }
        List<String> dims = new ArrayList<>();
        for (StructField f : type.fields()) {
            Metadata fm = f.metadata();
            if (fm.contains(KEY_DIMENSION) && Value.MEAN.suffix().equals(fm.getString(KEY_VALUE))) {
                dims.add(fm.getString(KEY_DIMENSION));
            }
        }
        if (dims.isEmpty()) {
            throw new IllegalArgumentException("prediction table has no value column (no metadata " + KEY_DIMENSION + ")");
        }
        PredictionSchema s = new PredictionSchema(m.getString(KEY_MODEL), m.getString(KEY_LABEL_SPACE), dims);
        for (int d = 0; d < dims.size(); d++) {
            for (Value v : Value.values()) {
                if (!names.contains(s.column(d, v))) {
                    throw new IllegalArgumentException("prediction table has no column '" + s.column(d, v)
                            + "' for dimension '" + dims.get(d) + "'");
                }
            }
        }
        return s;
    }

    /**
     * Reads a prediction table (the output of a {@link PredictJob}) as a DataFrame, with the video
     * ids as strings (Spark would otherwise read a partition {@code video=007} as the number 7).
     *
     * @throws IllegalArgumentException if the directory does not hold a prediction table of this
     *     format version
     */
    public static Dataset<Row> readTable(SparkSession spark, Path directory) {
        SparkSession session = spark.newSession();
        session.conf().set("spark.sql.sources.partitionColumnTypeInference.enabled", "false");
        Dataset<Row> table = session.read().parquet(directory.toAbsolutePath().toUri().toString());
        read(table.schema());
        return table;
    }

    /** The model's name (the row name of {@code ap evaluate}, e.g. {@code "AP"}). */
    public String modelName() {
        return modelName;
    }

    /** The label space's name. */
    public String labelSpaceName() {
        return labelSpaceName;
    }

    /** The label dimensions, in order. */
    public List<String> dimensions() {
        return dimensions;
    }

    /** The column of a dimension's value. */
    public String column(int dimension, Value value) {
        return stems.get(dimension) + "_" + value.suffix();
    }

    /** The Spark schema, with the metadata described above. */
    public StructType structType() {
        Metadata frameMeta = new MetadataBuilder().putString(KEY_FORMAT, FORMAT).putLong(KEY_VERSION, VERSION)
                .putString(KEY_MODEL, modelName).putString(KEY_LABEL_SPACE, labelSpaceName).build();
        StructType t = new StructType()
                .add(VIDEO, DataTypes.StringType, false)
                .add(SPLIT, DataTypes.StringType, false)
                .add(FRAME, DataTypes.IntegerType, false, frameMeta)
                .add(SECONDS, DataTypes.DoubleType, false)
                .add(FACE, DataTypes.BooleanType, false);
        for (int d = 0; d < dimensions.size(); d++) {
            for (Value v : Value.values()) {
                Metadata meta = new MetadataBuilder().putString(KEY_DIMENSION, dimensions.get(d))
                        .putString(KEY_VALUE, v.suffix()).build();
                t = t.add(column(d, v), DataTypes.FloatType, true, meta);
            }
        }
        return t;
    }

    /** Column-name stems of the dimensions, made distinct (Spark compares names case-insensitively). */
    private static List<String> columnStems(List<String> dimensions) {
        List<String> out = new ArrayList<>();
        Set<String> used = new HashSet<>(List.of(VIDEO, SPLIT, FRAME, SECONDS, FACE));
        for (int d = 0; d < dimensions.size(); d++) {
            String stem = dimensions.get(d).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
            if (!used.add(stem)) {
                stem = stem + "_" + d;
                used.add(stem);
            }
            out.add(stem);
        }
        return out;
    }
}
