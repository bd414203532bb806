package io.testabort.agent.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.TimeZone;

/**
 * A test's {@code start_time}: the local time now as {@code yyyy-MM-dd'T'HH:mm:ss.SSSSSS}, the form
 * pytest-abort's {@code datetime.fromisoformat} reads (microseconds, no offset).
 *
 * <p>Written by hand rather than with {@link DateTimeFormatter}: every test start needs one, and
 * {@code LocalDateTime.now().format(...)} was the largest single cost of a test start in the 5,000-test
 * JUnit 4 benchmark (a quarter of the agent's samples in a JFR profile, much of it the formatter's
 * {@code BigDecimal} fraction), besides the formatter classes it loads. The date and time of day are
 * formatted once per second of the clock (and per default time zone, which a test may change); each
 * call then writes the six digits of the microseconds. Same text as the formatter, pinned by
 * {@code StartTimeTest}; years outside 0-9999 go to the formatter.
 *
 * <p>The offset comes from {@link TimeZone}, not {@code ZoneId}: {@code ZoneId.systemDefault()} rules
 * start java.time's tzdb provider, ~20 ms of CPU on the first test against ~7 ms (measured in a fresh
 * JDK 17), and both read the same tzdb.
 */
final class StartTime {
  private static volatile Second cached;

  private StartTime() {}

  /** The local time now, as {@code LocalDateTime.now().format(yyyy-MM-dd'T'HH:mm:ss.SSSSSS)}. */
  static String now() {
    Instant now = Instant.now();
    Second s = cached;
    if (s != null && s.epochSecond == now.getEpochSecond() && s.prefix != null) {
      // within the second the cache was made for: its offset still holds (a test that changes the
      // default zone is seen from the next second on), and TimeZone.getDefault() clones a zone per call
      return s.text(now.getNano());
    }
    return format(now.getEpochSecond(), now.getNano(), TimeZone.getDefault());
  }

  static String format(long epochSecond, int nanos, TimeZone zone) {
    // the local time is a function of the instant and the offset: a test may change the default zone
    int offsetSeconds = Math.floorDiv(zone.getOffset(epochSecond * 1000), 1000);
    Second s = cached;
    if (s == null || s.epochSecond != epochSecond || s.offsetSeconds != offsetSeconds) {
      s = new Second(epochSecond, offsetSeconds);
      cached = s;
    }
    if (s.prefix == null) {
      return s.time.withNano(nanos / 1000 * 1000).format(Second.slowFormat());
    }
    return s.text(nanos);
  }

  /** One second of the clock at one UTC offset, as text up to the seconds ({@code null}: out of range). */
  private static final class Second {
    private static DateTimeFormatter slow;

    final long epochSecond;
    final int offsetSeconds;
    final LocalDateTime time;
    final byte[] prefix;

    Second(long epochSecond, int offsetSeconds) {
      this.epochSecond = epochSecond;
      this.offsetSeconds = offsetSeconds;
      this.time = LocalDateTime.ofEpochSecond(epochSecond + offsetSeconds, 0, ZoneOffset.UTC);
      int year = time.getYear();
      if (year < 0 || year > 9999) {
        prefix = null;
        return;
      }
      byte[] p = new byte[19];
      digits(p, 0, year, 4);
      p[4] = '-';
      digits(p, 5, time.getMonthValue(), 2);
      p[7] = '-';
      digits(p, 8, time.getDayOfMonth(), 2);
      p[10] = 'T';
      digits(p, 11, time.getHour(), 2);
      p[13] = ':';
      digits(p, 14, time.getMinute(), 2);
      p[16] = ':';
      digits(p, 17, time.getSecond(), 2);
      prefix = p;
    }

    /** The full text at {@code nanos} into this second: the prefix, a dot and six digits of microseconds. */
    String text(int nanos) {
      byte[] text = new byte[26];
      System.arraycopy(prefix, 0, text, 0, 19);
      text[19] = '.';
      int micros = nanos / 1000;
      for (int i = 25; i >= 20; i--) {
        text[i] = (byte) ('0' + micros % 10);
        micros /= 10;
      }
      return new String(text, StandardCharsets.ISO_8859_1);
    }

    private static void digits(byte[] into, int at, int value, int width) {
      for (int i = at + width - 1; i >= at; i--) {
        into[i] = (byte) ('0' + value % 10);
        value /= 10;
      }
    }

    static synchronized DateTimeFormatter slowFormat() {
      if (slow == null) {
        slow = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
      }
      return slow;
    }
  }
}
