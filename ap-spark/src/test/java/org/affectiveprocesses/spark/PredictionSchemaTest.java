package org.affectiveprocesses.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.affectiveprocesses.api.LabelKind;
import org.affectiveprocesses.api.LabelSpace;
import org.affectiveprocesses.spark.PredictionSchema.Value;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class PredictionSchemaTest {
    @Test
    void columnsNameEveryDimensionAndValueAndReadBack() {
        PredictionSchema s = PredictionSchema.of(LabelSpace.bp4d(), "AP");
        assertThat(s.column(0, Value.MEAN)).isEqualTo("au6_mean");
        assertThat(s.structType().fieldNames()).startsWith("video", "split", "frame", "seconds", "face", "au6_label",
                "au6_pseudo", "au6_mean", "au6_std", "au10_label");
        PredictionSchema back = PredictionSchema.read(s.structType());
        assertThat(back.dimensions()).isEqualTo(LabelSpace.bp4d().dimensions());
        assertThat(back.modelName()).isEqualTo("AP");
        assertThat(back.labelSpaceName()).isEqualTo("bp4d-au");
    }

    @Test
    void dimensionNamesThatCollideAsColumnsGetDistinctColumns() {
        LabelSpace odd = LabelSpace.of("odd", LabelKind.CUSTOM, List.of("Smile", "smile", "face", "a b"), 0, 1);
        PredictionSchema s = PredictionSchema.of(odd, "AP");
        assertThat(List.of(s.column(0, Value.STD), s.column(1, Value.STD), s.column(2, Value.STD), s.column(3, Value.STD)))
                .containsExactly("smile_std", "smile_1_std", "face_2_std", "a_b_std");
        assertThat(PredictionSchema.read(s.structType()).dimensions()).isEqualTo(odd.dimensions());
    }

    @Test
    void aTableWithoutTheMetadataOrColumnsIsRefused() {
        StructType plain = new StructType().add("video", DataTypes.StringType).add("split", DataTypes.StringType)
                .add("frame", DataTypes.IntegerType).add("seconds", DataTypes.DoubleType).add("face", DataTypes.BooleanType);
        assertThatThrownBy(() -> PredictionSchema.read(plain)).hasMessageContaining("ap.format");
        assertThatThrownBy(() -> PredictionSchema.read(new StructType().add("id", DataTypes.LongType)))
                .hasMessageContaining("no column 'video'");
        StructType full = PredictionSchema.of(LabelSpace.valenceArousal(), "AP").structType();
        StructType missing = new StructType(java.util.Arrays.stream(full.fields())
                .filter(f -> !f.name().equals("arousal_std")).toArray(org.apache.spark.sql.types.StructField[]::new));
        assertThatThrownBy(() -> PredictionSchema.read(missing)).hasMessageContaining("arousal_std");
    }
}
