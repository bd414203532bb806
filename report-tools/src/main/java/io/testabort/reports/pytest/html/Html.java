package io.testabort.reports.pytest.html;

import java.nio.charset.StandardCharsets;

/** Small text helpers for the markup we write. */
final class Html {
  private Html() {}

  /** Python's {@code html.escape(s, quote=True)}: what pytest-html applies to log text. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&': b.append("&amp;"); break;
        case '<': b.append("&lt;"); break;
        case '>': b.append("&gt;"); break;
        case '"': b.append("&quot;"); break;
        case '\'': b.append("&#x27;"); break;
        default: b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Page markup outside the blob is edited as ISO-8859-1 text: every byte maps to one char and back,
   * so whatever encoding the rest of the page has survives unchanged. New text goes in through this.
   */
  static String asLatin1Bytes(String unicode) {
    return new String(unicode.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }
}
