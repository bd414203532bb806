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

  @Test
  void parsingWithoutRegexGivesWhatTheRegexGave() {
    String[] inputs = {"12 ms", " 7 ms ", "0", "12", "12ms", "12 ms\n", "12 ms\nx", "12\r\n", "1\u2028x",
        "\u0661\u0662", "99999999999999999999 ms", "-3 ms", "", " ", "ms", "5\u0085", "00:00:01", "7 ms\t"};
    for (String s : inputs) {
      assertThat(Durations.parseMillis(s)).as("'%s'", s).isEqualTo(withRegex(s));
    }
  }

  /** parseMillis as it was written before (one regex per call), for the non-colon case. */
  private static long withRegex(String s) {
    try {
      if (s.contains(":")) {
        return Durations.parseMillis(s);
      }
      String digits = s.trim().replaceFirst("^(\\d+).*$", "$1");
      return digits.isEmpty() || !Character.isDigit(digits.charAt(0)) ? 0 : Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
