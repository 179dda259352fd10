package org.affectiveprocesses.video.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlazeFaceDecoderTest {
    private static final int N1 = 16 * 16 * 2;

    @Test
    void aConfidentAnchorBecomesABoxAroundItsCellCentre() {
        float[] scores = new float[N1];
        java.util.Arrays.fill(scores, -10f);
        float[] boxes = new float[N1 * 16];
        int cellX = 3;
        int cellY = 5;
        int anchor = (cellY * 16 + cellX) * 2 + 1;
        scores[anchor] = 2f;
        boxes[anchor * 16] = 1.5f;
        boxes[anchor * 16 + 1] = -2f;
        boxes[anchor * 16 + 2] = 30f;
        boxes[anchor * 16 + 3] = 40f;
        List<BlazeFaceDecoder.Candidate> out = new ArrayList<>();
        BlazeFaceDecoder.decode(scores, boxes, 16, 2, 128, 0.5, out);
        assertThat(out).hasSize(1);
        BlazeFaceDecoder.Candidate c = out.get(0);
        assertThat(c.cx()).isCloseTo((3 + 0.5) / 16 * 128 + 1.5, offset(1e-9));
        assertThat(c.cy()).isCloseTo((5 + 0.5) / 16 * 128 - 2, offset(1e-9));
        assertThat(c.w()).isEqualTo(30);
        assertThat(c.h()).isEqualTo(40);
        assertThat(c.score()).isCloseTo(1 / (1 + Math.exp(-2)), offset(1e-12));
    }

    @Test
    void candidatesBelowTheThresholdAreDropped() {
        float[] scores = new float[N1];
        float[] boxes = new float[N1 * 16];
        java.util.Arrays.fill(boxes, 10f);
        List<BlazeFaceDecoder.Candidate> out = new ArrayList<>();
        BlazeFaceDecoder.decode(scores, boxes, 16, 2, 128, 0.6, out);
        assertThat(out).as("sigmoid(0) = 0.5 < 0.6").isEmpty();
    }

    @Test
    void overlappingCandidatesAreBlendedByScore() {
        List<BlazeFaceDecoder.Candidate> in = List.of(
                new BlazeFaceDecoder.Candidate(50, 50, 20, 20, 0.9),
                new BlazeFaceDecoder.Candidate(54, 50, 20, 20, 0.6),
                new BlazeFaceDecoder.Candidate(100, 100, 10, 10, 0.7));
        List<BlazeFaceDecoder.Candidate> out = BlazeFaceDecoder.blend(in);
        assertThat(out).hasSize(2);
        assertThat(out.get(0).cx()).isCloseTo((50 * 0.9 + 54 * 0.6) / 1.5, offset(1e-9));
        assertThat(out.get(0).score()).isEqualTo(0.9);
        assertThat(out.get(1).cx()).isEqualTo(100);
    }

    @Test
    void wrongOutputSizesAreRejected() {
        assertThatThrownBy(() -> BlazeFaceDecoder.decode(new float[3], new float[48], 16, 2, 128, 0.5, new ArrayList<>()))
                .hasMessageContaining("needs 512 scores");
    }
}
