package org.affectiveprocesses.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.affectiveprocesses.api.ApArchitecture;
import org.affectiveprocesses.api.ApVariant;
import org.affectiveprocesses.api.Complexity;
import org.affectiveprocesses.api.LabelSpace;
import org.junit.jupiter.api.Test;

class ApModelSpecTest {

    @Test
    void papersConfigurationHas330884Parameters() {
        assertThat(ApModelSpec.paperValenceArousal().parameterCount()).isEqualTo(330_884);
    }

    @Test
    void papersConfigurationCosts23MillionMultiplyAddsAtL70() {
        Complexity c = ApModelSpec.paperValenceArousal().complexity(70);
        // per frame: upsample 1,024 + encoder 163,840 + latent 49,152 + decoder 115,200 = 329,216;
        // per window: latent on the aggregated context 49,152
        assertThat(c.multiplyAdds()).isEqualTo(70L * 329_216 + 49_152);
        assertThat(c.multiplyAdds()).isBetween(20_000_000L, 23_500_000L);
    }

    @Test
    void variantsChangeTheLayers() {
        ApModelSpec base = ApModelSpec.paperValenceArousal();
        ApModelSpec det = new ApModelSpec(ApArchitecture.paper().withVariant(ApVariant.DETERMINISTIC), 512,
                LabelSpace.valenceArousal());
        assertThat(base.parameterCount() - det.parameterCount()).isEqualTo(128 * 128 + 128);
        ApModelSpec noW = new ApModelSpec(ApArchitecture.paper().withPseudoLabels(false), 512, LabelSpace.valenceArousal());
        assertThat(base.parameterCount() - noW.parameterCount()).isEqualTo(2 * 512 + 512 + 512 * 128);
        ApModelSpec plusDet = new ApModelSpec(ApArchitecture.paper().withVariant(ApVariant.LATENT_DETERMINISTIC), 512,
                LabelSpace.valenceArousal());
        assertThat(plusDet.decoderInputSize()).isEqualTo(512 + 128 + 128);
        ApModelSpec att = new ApModelSpec(ApArchitecture.paper().withVariant(ApVariant.LATENT_DETERMINISTIC_ATTENTION),
                512, LabelSpace.valenceArousal());
        assertThat(att.parameterCount() - plusDet.parameterCount()).isEqualTo(4 * (128 * 128 + 128));
        assertThat(att.complexity(70).multiplyAdds() - plusDet.complexity(70).multiplyAdds())
                .isEqualTo(70L * 4 * 128 * 128 + 2L * 70 * 70 * 128);
    }

    @Test
    void initialisationIsSeededAndBounded() {
        ApModelSpec spec = ApModelSpec.paperValenceArousal();
        ApWeights a = WeightInitializer.initialize(spec, 1);
        assertThat(WeightInitializer.initialize(spec, 1)).isEqualTo(a);
        assertThat(WeightInitializer.initialize(spec, 2)).isNotEqualTo(a);
        float[] enc = a.get("encoder.0.weight");
        double bound = 1 / Math.sqrt(1024);
        for (float v : enc) {
            assertThat(Math.abs(v)).isLessThanOrEqualTo((float) bound);
        }
    }
}
