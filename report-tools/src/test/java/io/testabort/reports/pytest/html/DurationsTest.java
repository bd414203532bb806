package io.testabort.reports.pytest.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void formatsLikePytestHtml() {
    assertThat(Durations.format(0.0125)).isEqualTo("12 ms");
    assertThat(Durations.format(0.0)).isEqualTo("0 ms");
    assertThat(Durations.format(12.5)).isEqualTo("00:00:12");
    assertThat(Durations.format(3725.6)).isEqualTo("01:02:06");
    assertThat(Durations.format(Double.NaN)).isEqualTo("0 ms");
  }

  @Test
  void parsesLikeAppJs() {
    assertThat(Durations.parseMillis("12 ms")).isEqualTo(12);
    assertThat(Durations.parseMillis("01:02:06")).isEqualTo(3_726_000);
    assertThat(Durations.parseMillis(null)).isZero();
    assertThat(Durations.parseMillis("n/a")).isZero();
  }
}
