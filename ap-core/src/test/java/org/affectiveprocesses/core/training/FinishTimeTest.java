package org.affectiveprocesses.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FinishTimeTest {
    @Test
    void sourceDateEpochFixesTheTime() {
        assertThat(FinishTime.of("0")).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(FinishTime.of("1765065600")).isEqualTo("2025-12-07T00:00:00Z");
    }

    @Test
    void withoutItTheTimeIsNowToTheSecond() {
        Instant before = Instant.now().minusSeconds(1);
        Instant t = Instant.parse(FinishTime.of(null));
        assertThat(t).isAfter(before).isBeforeOrEqualTo(Instant.now());
        assertThat(t.getNano()).isZero();
        assertThat(FinishTime.of("")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void aMalformedValueIsAClearError() {
        for (String bad : new String[] {"yesterday", "1.5", "99999999999999999999", "-99999999999999999"}) {
            assertThatThrownBy(() -> FinishTime.of(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("SOURCE_DATE_EPOCH").hasMessageContaining(bad);
        }
    }
}
