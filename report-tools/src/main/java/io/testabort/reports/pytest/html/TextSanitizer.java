package io.testabort.reports.pytest.html;

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
    StringBuilder b = new StringBuilder(n + 16);
    b.append(s, 0, i);
    while (i < n) {
      int cp = s.codePointAt(i);
      int len = Character.charCount(cp);
      if (cp == '\r') {
        b.append("<br/>");
        if (i + 1 < n && s.charAt(i + 1) == '\n') {
          len = 2;
        }
      } else if (cp == '\n') {
        b.append("<br/>");
      } else if (cp == '\t') {
        b.append("  ");
      } else if (isCategoryC(cp)) {
        b.append(' ');
      } else {
        b.appendCodePoint(cp);
      }
      i += len;
    }
    return b.toString();
  }

  private static boolean needsChange(int cp) {
    // fast path for the printable ASCII that makes up almost all of a log
    if (cp >= 0x20 && cp < 0x7f) {
      return false;
    }
    return isCategoryC(cp);
  }

  static boolean isCategoryC(int cp) {
    switch (Character.getType(cp)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
        return true;
      default:
        return false;
    }
  }
}
