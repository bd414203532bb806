package io.testabort.agent.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The hand-written start time is the text the formatter pytest-abort's format names would write. */
class StartTimeTest {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

  private static String expected(long second, int nanos, ZoneId zone) {
    return LocalDateTime.ofInstant(Instant.ofEpochSecond(second, nanos), zone).format(FORMAT);
  }

  @Test
  void sameTextAsTheFormatterAcrossZonesSecondsAndFractions() {
    ZoneId[] zones = {ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"), ZoneId.of("America/St_Johns"), ZoneId.of("Asia/Kathmandu")};
    long[] seconds = {0L, 1_700_000_000L, 1_711_846_799L, 1_711_846_800L, 1_729_990_799L, 1_729_990_800L, 253_402_300_799L};
    int[] nanos = {0, 999, 1_000, 123_456_789, 999_999_999, 5_000};
    for (ZoneId zone : zones) {
      for (long s : seconds) {
        for (int n : nanos) {
          assertThat(StartTime.format(s, n, TimeZone.getTimeZone(zone))).as("%s %s %s", zone, s, n).isEqualTo(expected(s, n, zone));
        }
      }
    }
  }

  @Test
  void theCachedSecondFollowsAChangeOfTimeZone() {
    long s = 1_700_000_000L;
    assertThat(StartTime.format(s, 1_000, TimeZone.getTimeZone("UTC"))).isEqualTo("2023-11-14T22:13:20.000001");
    assertThat(StartTime.format(s, 2_000, TimeZone.getTimeZone("Asia/Tokyo"))).isEqualTo("2023-11-15T07:13:20.000002");
  }

  @Test
  void yearsBeyondFourDigitsAsTheFormatterWritesThem() {
    long s = 253_402_300_800L; // 10000-01-01T00:00:00Z
    assertThat(StartTime.format(s, 7_000, TimeZone.getTimeZone("UTC"))).isEqualTo(expected(s, 7_000, ZoneId.of("UTC")));
    assertThat(StartTime.format(-62_198_755_200L, 0, TimeZone.getTimeZone("UTC")))
        .isEqualTo(expected(-62_198_755_200L, 0, ZoneId.of("UTC")));
  }

  @Test
  void nowIsLocalTimeWithMicroseconds() {
    assertThat(StartTime.now()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
  }
}
