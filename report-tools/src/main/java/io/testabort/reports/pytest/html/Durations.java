package io.testabort.reports.pytest.html;

/** pytest-html's duration strings: {@code "12 ms"} under a second, otherwise {@code "HH:MM:SS"}. */
final class Durations {
  private Durations() {}

  static String format(double seconds) {
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      seconds = 0;
    }
    if (seconds < 1) {
      return (long) Math.rint(seconds * 1000) + " ms"; // Python's round(): half to even
    }
    long hours = (long) Math.floor(seconds / 3600);
    double rest = seconds % 3600;
    long minutes = (long) Math.floor(rest / 60);
    long secs = (long) Math.rint(rest % 60);
    return String.format("%02d:%02d:%02d", hours, minutes, secs);
  }

  /** Milliseconds of a duration string as pytest-html's app.js reads it; 0 when unreadable. */
  static long parseMillis(String s) {
    if (s == null) {
      return 0;
    }
    try {
      if (s.contains(":")) {
        String[] p = s.trim().split(":");
        if (p.length == 3) {
          return ((Long.parseLong(p[0]) * 60 + Long.parseLong(p[1])) * 60 + Long.parseLong(p[2])) * 1000;
        }
        return 0;
      }
      String digits = s.trim().replaceFirst("^(\\d+).*$", "$1");
      return digits.isEmpty() || !Character.isDigit(digits.charAt(0)) ? 0 : Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
