package io.testabort.crash;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Local ISO-8601 times the way Python's {@code datetime.isoformat()} writes and reads them. */
public final class IsoTime {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

  private IsoTime() {}

  /** Like {@code datetime.now().isoformat()}: microseconds, omitted when zero; no offset. */
  public static String now() {
    return format(LocalDateTime.now());
  }

  public static String format(LocalDateTime t) {
    LocalDateTime micros = t.truncatedTo(ChronoUnit.MICROS);
    return (micros.getNano() == 0 ? SECONDS : MICROS).format(micros);
  }

  /**
   * The instant of a marker's {@code start_time}: local time without an offset (what pytest-abort
   * writes), or with one; a space instead of {@code T} is accepted as {@code fromisoformat} does.
   */
  public static Instant parse(String text, ZoneId localZone) throws DateTimeParseException {
    String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    try {
      return LocalDateTime.parse(iso).atZone(localZone).toInstant();
    } catch (DateTimeParseException noLocal) {
      return OffsetDateTime.parse(iso).toInstant();
    }
  }

  /** Seconds between two instants, with microsecond resolution like Python's total_seconds(). */
  public static double secondsBetween(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1_000L / 1e6;
  }
}
