package org.affectiveprocesses.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceDatasetTest {
    private static final LabelSpace VA = LabelSpace.valenceArousal();

    private static AffectSequence sequence(String id, int frames) {
        AffectSequence.Builder b = AffectSequence.builder(id, VA, 2);
        for (int t = 0; t < frames; t++) {
            b.addFrame(new float[] {t, 1}, new float[] {0, 0}, new float[] {0.5f, -0.5f});
        }
        return b.build();
    }

    @Test
    void theIdentityRecordsNameSizesAndTheSourceWhenKnown() {
        List<AffectSequence> seqs = List.of(sequence("a", 3), sequence("b", 4));
        SequenceDataset unknown = SequenceDataset.of("corpus(seed 1)/train", seqs);
        SequenceDataset known = SequenceDataset.of("corpus(seed 1)/train", "1a2b3c4d", seqs);
        assertThat(unknown.source()).isEmpty();
        assertThat(unknown.identity()).isEqualTo("corpus(seed 1)/train (2 sequences, 7 frames, dx 2, valence-arousal)");
        assertThat(known.source()).isEqualTo("1a2b3c4d");
        assertThat(known.identity())
                .isEqualTo("corpus(seed 1)/train (2 sequences, 7 frames, dx 2, valence-arousal, source 1a2b3c4d)");
        // both parts read back from the text, which is what a model's provenance keeps
        assertThat(SequenceDataset.nameOf(known.identity())).isEqualTo("corpus(seed 1)/train");
        assertThat(SequenceDataset.sourceOf(known.identity())).isEqualTo("1a2b3c4d");
        assertThat(SequenceDataset.nameOf(unknown.identity())).isEqualTo("corpus(seed 1)/train");
        assertThat(SequenceDataset.sourceOf(unknown.identity())).isEmpty();
        assertThat(SequenceDataset.nameOf("bare-name")).isEqualTo("bare-name");
        assertThat(SequenceDataset.sourceOf("bare-name")).isEmpty();
        assertThat(SequenceDataset.sourceOf("")).isEmpty();
        // a name that mentions a source is not taken for one
        assertThat(SequenceDataset.sourceOf(SequenceDataset.of("x, source y/train", seqs).identity())).isEmpty();
    }

    @Test
    void aSourceHasOnlyLettersDigitsAndDashes() {
        List<AffectSequence> seqs = List.of(sequence("a", 2));
        assertThat(SequenceDataset.of("d", "sha-256-0A", seqs).source()).isEqualTo("sha-256-0A");
        assertThatThrownBy(() -> SequenceDataset.of("d", "a b", seqs)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dataset 'd'").hasMessageContaining("'a b'");
        assertThatThrownBy(() -> SequenceDataset.of("d", "x)", seqs)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SequenceDataset.of("d", null, seqs)).isInstanceOf(NullPointerException.class);
    }
}
