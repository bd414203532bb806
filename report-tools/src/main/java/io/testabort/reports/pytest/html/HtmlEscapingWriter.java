package io.testabort.reports.pytest.html;

import java.io.IOException;
import java.io.Writer;

/**
 * Escapes text for an HTML attribute value while writing, so the JSON generator can write straight
 * into the report. A lone UTF-16 surrogate can only reach this writer inside a JSON string, so it is
 * written as its JSON escape ({@code \udce9}): the value stays the same and the file stays valid UTF-8.
 */
final class HtmlEscapingWriter extends Writer {

  /** How quotes are written: pytest-html (Jinja) style or Python {@code html.escape} style. */
  enum Style {
    JINJA("&#34;", "&#39;"),
    PYTHON("&quot;", "&#x27;");

    final String dquote;
    final String squote;

    Style(String dquote, String squote) {
      this.dquote = dquote;
      this.squote = squote;
    }
  }

  private final Writer out;
  private final Style style;
  private char pendingHigh;

  HtmlEscapingWriter(Writer out, Style style) {
    this.out = out;
    this.style = style;
  }

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    int end = off + len;
    int runStart = off;
    for (int i = off; i < end; i++) {
      char c = cbuf[i];
      if (c > '>' && !Character.isSurrogate(c) && pendingHigh == 0) {
        continue;
      }
      String rep;
      switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = style.dquote; break;
        case '\'': rep = style.squote; break;
        default: rep = null;
      }
      if (rep == null && pendingHigh == 0 && !Character.isSurrogate(c)) {
        continue;
      }
      out.write(cbuf, runStart, i - runStart);
      runStart = i + 1;
      if (pendingHigh != 0) {
        if (Character.isLowSurrogate(c)) {
          out.write(pendingHigh);
          out.write(c);
          pendingHigh = 0;
          continue;
        }
        out.write(jsonEscape(pendingHigh));
        pendingHigh = 0;
      }
      if (rep != null) {
        out.write(rep);
      } else if (Character.isHighSurrogate(c)) {
        pendingHigh = c;
      } else if (Character.isLowSurrogate(c)) {
        out.write(jsonEscape(c));
      } else {
        out.write(c);
      }
    }
    out.write(cbuf, runStart, end - runStart);
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    char[] chunk = new char[Math.min(len, 8192)];
    for (int done = 0; done < len; ) {
      int n = Math.min(chunk.length, len - done);
      s.getChars(off + done, off + done + n, chunk, 0);
      write(chunk, 0, n);
      done += n;
    }
  }

  @Override
  public void write(int c) throws IOException {
    write(new char[] {(char) c}, 0, 1);
  }

  private static String jsonEscape(char c) {
    return String.format("\\u%04x", (int) c);
  }

  private void flushPending() throws IOException {
    if (pendingHigh != 0) {
      out.write(jsonEscape(pendingHigh));
      pendingHigh = 0;
    }
  }

  @Override
  public void flush() throws IOException {
    // a high surrogate may still be completed by the next write; only close() settles it
    out.flush();
  }

  @Override
  public void close() throws IOException {
    flushPending();
    out.close();
  }
}
