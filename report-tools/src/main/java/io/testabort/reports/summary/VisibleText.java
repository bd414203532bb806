package io.testabort.reports.summary;

/**
 * Text as a reader should see it in any summary: control characters (line breaks included) become
 * their Unicode control pictures (a newline shows as U+240A), bidirectional overrides and lone
 * surrogates become U+FFFD, so a test name can neither break a layout nor hide what it says. Also
 * what {@code run} prints to a terminal or CI log: no name can send an escape sequence or forge a line.
 */
public final class VisibleText {
  private VisibleText() {}

  public static String of(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20) {
        out.append((char) (0x2400 + c));
      } else if (c == 0x7f) {
        out.append('\u2421');
      } else if ((c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
        out.append('\ufffd');
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append('\ufffd');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
