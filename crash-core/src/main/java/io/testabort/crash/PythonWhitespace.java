package io.testabort.crash;

/**
 * Python's {@code str.strip()} with no argument, so a node id read here is the one pytest-abort reads.
 * Java's {@link String#strip()} keeps what Python also strips: no-break spaces and NEL (U+0085).
 */
final class PythonWhitespace {
  private PythonWhitespace() {}

  static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /** {@code str.isspace()} for one character: Unicode space separators and the bidi classes B, S, WS. */
  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
  }
}
