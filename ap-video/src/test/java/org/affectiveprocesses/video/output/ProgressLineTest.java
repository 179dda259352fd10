package org.affectiveprocesses.video.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    @Test
    void rendersABarPercentCountAndRate() {
        assertThat(ProgressLine.render(135, 270, 10.0))
                .isEqualTo("[==============>               ]  50%  135/270 frames  13.5 frames/s");
        assertThat(ProgressLine.render(270, 270, 9.0)).startsWith("[==============================] 100%");
        assertThat(ProgressLine.render(42, -1, 2.0)).isEqualTo("42 frames  21.0 frames/s");
    }

    @Test
    void redrawsInPlaceAndEndsTheLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine p = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        p.update(1, 10, 1.0);
        p.update(2, 10, 1.0);
        p.finish();
        String s = bytes.toString(StandardCharsets.UTF_8);
        assertThat(s).startsWith("\r[").endsWith(System.lineSeparator());
        assertThat(s).as("throttled: the second update comes too soon").doesNotContain("2/10");
    }

    @Test
    void onAPipeItWritesOneWholeLinePerTenth() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLine p = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        for (int f = 1; f <= 270; f++) {
            p.update(f, 270, f / 30.0);
        }
        p.finish();
        String s = bytes.toString(StandardCharsets.UTF_8);
        assertThat(s).doesNotContain("\r");
        assertThat(s.lines()).hasSize(11) // 0, 10, ..., 100 %
                .allMatch(l -> l.startsWith("[")).last().asString().contains("100%  270/270 frames");
    }
}
