package org.affectiveprocesses.backbone.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class EmotionTest {
    @Test
    void classesAreInTheModelsOutputOrder() {
        assertThat(FaceExpressionBackbone.emotionLabels())
                .containsExactly("neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised");
    }

    @Test
    void positionsFollowRussellsAngles() {
        assertThat(Emotion.NEUTRAL.valence()).isZero();
        assertThat(Emotion.NEUTRAL.arousal()).isZero();
        assertThat(Emotion.HAPPY.valence()).isCloseTo(Math.cos(Math.toRadians(7.8)), offset(1e-12));
        assertThat(Emotion.SAD.valence()).isNegative();
        assertThat(Emotion.SAD.arousal()).isNegative();
        for (Emotion e : new Emotion[] {Emotion.ANGRY, Emotion.FEARFUL, Emotion.DISGUSTED}) {
            assertThat(e.valence()).as(e.label()).isNegative();
            assertThat(e.arousal()).as(e.label()).isPositive();
        }
        assertThat(Emotion.SURPRISED.valence()).isPositive();
        assertThat(Emotion.SURPRISED.arousal()).isGreaterThan(0.9);
        for (Emotion e : Emotion.values()) {
            double r = Math.hypot(e.valence(), e.arousal());
            assertThat(r).as(e.label()).isCloseTo(e == Emotion.NEUTRAL ? 0 : 1, offset(1e-12));
        }
    }

    @Test
    void valenceArousalIsTheExpectedPosition() {
        float[] happy = {0, 1, 0, 0, 0, 0, 0};
        assertThat(Emotion.valenceArousal(happy)).containsExactly((float) Emotion.HAPPY.valence(),
                (float) Emotion.HAPPY.arousal());
        float[] halfSadHalfNeutral = {0.5f, 0, 0.5f, 0, 0, 0, 0};
        float[] va = Emotion.valenceArousal(halfSadHalfNeutral);
        assertThat(va[0]).isCloseTo((float) (0.5 * Emotion.SAD.valence()), offset(1e-6f));
        assertThat(va[1]).isCloseTo((float) (0.5 * Emotion.SAD.arousal()), offset(1e-6f));
        assertThatThrownBy(() -> Emotion.valenceArousal(new float[3])).hasMessageContaining("expected 7");
    }
}
