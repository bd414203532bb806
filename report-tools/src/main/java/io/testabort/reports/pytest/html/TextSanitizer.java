package io.testabort.reports.pytest.html;

import io.testabort.reports.pytest.CrashText;

/**
 * pytest-abort's cleanup of one blob string: CRLF and CR become LF, LF becomes {@code <br/>}, TAB two
 * spaces, and every code point of Unicode category C (control, format, surrogate, private use,
 * unassigned) a space. Category data is the running JVM's, which may differ from Python's for code
 * points assigned in recent Unicode versions.
 */
final class TextSanitizer {
  private TextSanitizer() {}

  /** The cleaned string; the same instance when nothing changes (callers use that to detect a change). */
  static String sanitize(String s) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      int cp = s.codePointAt(i);
      if (needsChange(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    if (i == n) {
      return s;
    }
    // copy unchanged runs in bulk: appending code point by code point was a fifth of sanitize's time
    StringBuilder b = new StringBuilder(n + 16);
    int run = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        i++;
        continue;
      }
      int cp = s.codePointAt(i);
      int len = Character.charCount(cp);
      String replacement = null;
      if (cp == '\r') {
        replacement = "<br/>";
        if (i + 1 < n && s.charAt(i + 1) == '\n') {
          len = 2;
        }
      } else if (cp == '\n') {
        replacement = "<br/>";
      } else if (cp == '\t') {
        replacement = "  ";
      } else if (CrashText.isCategoryC(cp)) {
        replacement = " ";
      }
      if (replacement != null) {
        b.append(s, run, i).append(replacement);
        run = i + len;
      }
      i += len;
    }
    return b.append(s, run, n).toString();
  }

  private static boolean needsChange(int cp) {
    // fast path for the printable ASCII that makes up almost all of a log
    if (cp >= 0x20 && cp < 0x7f) {
      return false;
    }
    return CrashText.isCategoryC(cp);
  }
}
