package org.affectiveprocesses.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AffectSequenceTest {
    private static final LabelSpace VA = LabelSpace.valenceArousal();

    @Test
    void holdsFramesAndCopiesInputs() {
        float[] x = {1, 2, 3};
        AffectSequence s = AffectSequence.builder("v", VA, 3).subject("S1")
                .addFrame(x, new float[] {0.1f, 0.2f}, new float[] {0.3f, Float.NaN})
                .addFrame(new float[] {4, 5, 6}, new float[] {0, 0}, null)
                .build();
        x[0] = 99;
        assertThat(s.feature(0, 0)).isEqualTo(1f);
        assertThat(s.length()).isEqualTo(2);
        assertThat(s.subject()).isEqualTo("S1");
        assertThat(s.hasLabel(0)).isTrue();
        assertThat(s.hasLabel(1)).isFalse();
        assertThat(s.label(0, 1)).isNaN();
        assertThat(s.labelledFrameCount()).isEqualTo(1);
        assertThat(s.seconds(1)).isEqualTo(1 / 30.0);
        float[] copy = s.features(1);
        copy[0] = 42;
        assertThat(s.feature(1, 0)).isEqualTo(4f);
    }

    @Test
    void namesSequenceFrameAndFieldOfANonFiniteFeature() {
        assertThatThrownBy(() -> AffectSequence.builder("clip7", VA, 2)
                .addFrame(new float[] {0, 0}, new float[] {0, 0}, null)
                .addFrame(new float[] {0, Float.NaN}, new float[] {0, 0}, null)
                .build())
                .isInstanceOf(InvalidSequenceException.class)
                .hasMessage("sequence 'clip7', frame 1: feature 1 is NaN");
    }

    @Test
    void rejectsWrongSizesAndInfinitePseudoLabels() {
        assertThatThrownBy(() -> AffectSequence.builder("a", VA, 3).addFrame(new float[2], new float[2], null))
                .hasMessageContaining("frame 0: features have 2 values, expected 3");
        assertThatThrownBy(() -> AffectSequence.builder("a", VA, 1)
                .addFrame(new float[1], new float[] {0, Float.POSITIVE_INFINITY}, null).build())
                .hasMessageContaining("pseudo-label arousal is Infinity");
        assertThatThrownBy(() -> AffectSequence.builder("a", VA, 1).build())
                .hasMessageContaining("no frames");
    }

    @Test
    void invalidFramesKeepTimeButHaveNoFeatures() {
        AffectSequence s = AffectSequence.builder("a", VA, 1)
                .addFrame(0.0, new float[] {1}, new float[] {0, 0}, new float[] {0, 0})
                .addInvalidFrame(0.5)
                .addFrame(1.0, new float[] {2}, new float[] {0, 0}, new float[] {0, 0})
                .build();
        assertThat(s.validFrameCount()).isEqualTo(2);
        assertThat(s.isValid(1)).isFalse();
        assertThat(s.labelSeries(0)[1]).isNaN();
        assertThat(s.seconds(1)).isEqualTo(0.5);
    }

    @Test
    void timeMustNotGoBackwards() {
        assertThatThrownBy(() -> AffectSequence.builder("a", VA, 1)
                .addFrame(1.0, new float[] {1}, new float[] {0, 0}, null)
                .addFrame(0.5, new float[] {1}, new float[] {0, 0}, null).build())
                .hasMessageContaining("frame 1: timestamp goes backwards");
    }

    @Test
    void subsequenceKeepsValuesAndSubject() {
        AffectSequence.Builder b = AffectSequence.builder("long", VA, 1).subject("S9");
        for (int t = 0; t < 10; t++) {
            b.addFrame(new float[] {t}, new float[] {t / 10f, 0}, new float[] {t / 20f, 0});
        }
        AffectSequence sub = b.build().subsequence(3, 7);
        assertThat(sub.length()).isEqualTo(4);
        assertThat(sub.feature(0, 0)).isEqualTo(3f);
        assertThat(sub.label(3, 0)).isEqualTo(6 / 20f);
        assertThat(sub.subject()).isEqualTo("S9");
        assertThat(sub.id()).isEqualTo("long[3:7]");
        assertThatThrownBy(() -> sub.subsequence(2, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void anExplicitTimestampMustBeFinite() {
        AffectSequence.Builder b = AffectSequence.builder("clip8", VA, 1).addFrame(0.0, new float[] {0}, new float[] {0, 0}, null);
        assertThatThrownBy(() -> b.addFrame(Double.NaN, new float[] {0}, new float[] {0, 0}, null))
                .isInstanceOf(InvalidSequenceException.class)
                .hasMessageContaining("sequence 'clip8', frame 1: timestamp is NaN");
        assertThatThrownBy(() -> b.addInvalidFrame(Double.POSITIVE_INFINITY))
                .isInstanceOf(InvalidSequenceException.class).hasMessageContaining("timestamp is Infinity");
        assertThat(b.length()).isEqualTo(1);
    }

    @Test
    void labelsAndPseudoLabelsMustLieInTheNormalisedRange() {
        assertThat(AffectSequence.builder("ok", VA, 1)
                .addFrame(new float[] {0}, new float[] {-1, 1}, new float[] {1, -1}).build().label(0, 0)).isEqualTo(1f);
        assertThatThrownBy(() -> AffectSequence.builder("clip9", VA, 1)
                .addFrame(new float[] {0}, new float[] {0, 0}, new float[] {0, 5f}).build())
                .isInstanceOf(InvalidSequenceException.class)
                .hasMessageContaining("sequence 'clip9', frame 0: label arousal is 5.0, outside the normalised range [-1, 1]");
        assertThatThrownBy(() -> AffectSequence.builder("clip9", VA, 1)
                .addFrame(new float[] {0}, new float[] {3.4e38f, 0}, null).build())
                .isInstanceOf(InvalidSequenceException.class)
                .hasMessageContaining("frame 0: pseudo-label valence is 3.4E38, outside the normalised range [-1, 1]");
        assertThatThrownBy(() -> AffectSequence.builder("clip9", VA, 1)
                .addFrame(new float[] {0}, new float[] {0, Float.NaN}, null).build())
                .isInstanceOf(InvalidSequenceException.class).hasMessageContaining("pseudo-label arousal is NaN");
    }
}
