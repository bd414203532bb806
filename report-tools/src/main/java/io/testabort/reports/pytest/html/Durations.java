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

  private static final java.util.regex.Pattern LEADING_DIGITS = java.util.regex.Pattern.compile("^(\\d+).*$");

  /** Whether {@code s} holds one of the regex line terminators from {@code from} on ('.' stops there). */
  private static boolean hasLineTerminator(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
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
      String t = s.trim();
      int n = 0;
      while (n < t.length() && t.charAt(n) >= '0' && t.charAt(n) <= '9') {
        n++;
      }
      if (n > 0 && !hasLineTerminator(t, n)) {
        // what the pattern below gives for "12 ms", without a regex per result: that was most of
        // postprocess's JIT work on a big report (measured with -XX:+PrintCompilation)
        return Long.parseLong(t, 0, n, 10);
      }
      String digits = LEADING_DIGITS.matcher(t).replaceFirst("$1");
      return digits.isEmpty() || !Character.isDigit(digits.charAt(0)) ? 0 : Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
