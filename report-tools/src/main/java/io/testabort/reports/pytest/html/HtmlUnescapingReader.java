package io.testabort.reports.pytest.html;

import java.io.IOException;
import java.io.Reader;
import org.jsoup.nodes.Entities;

/**
 * Decodes HTML character references while reading, so an attribute value can be fed to a JSON parser
 * without first holding the whole decoded text in memory. Decodes exactly as Python's
 * {@code html.unescape} does (what pytest-abort uses): every HTML5 named reference (jsoup's table),
 * the legacy names also without {@code ;} and as the longest prefix of a longer name, and numeric
 * references with HTML5's replacements (0x80-0x9F as Windows-1252, U+FFFD for 0, surrogates and
 * values past U+10FFFF, nothing for other control characters and non-characters). Anything else is
 * passed through literally.
 */
final class HtmlUnescapingReader extends Reader {
  /** {@code html.unescape} reads at most 32 name characters and a {@code ;}. */
  private static final int MAX_NAME = 32;
  /** What a numeric reference to 0x80-0x9F stands for (HTML5: Windows-1252; its gaps stay as they are). */
  private static final char[] C1_REPLACEMENTS = {
    0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
    0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
  };
  private static final int TOO_LARGE = Character.MAX_CODE_POINT + 1;

  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int lim;
  private boolean eof;
  /** Decoded chars not yet handed out. */
  private String pending = "";
  private int pendingPos;

  HtmlUnescapingReader(Reader in) {
    this.in = in;
  }

  @Override
  public int read(char[] out, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n = 0;
    while (n < len) {
      if (pendingPos < pending.length()) {
        int k = Math.min(len - n, pending.length() - pendingPos);
        pending.getChars(pendingPos, pendingPos + k, out, off + n);
        pendingPos += k;
        n += k;
        continue;
      }
      if (pos >= lim && !fill(1)) {
        break;
      }
      // copy the run up to the next '&' in one go
      int end = Math.min(lim, pos + (len - n));
      int i = pos;
      while (i < end && buf[i] != '&') {
        i++;
      }
      int run = i - pos;
      if (run > 0) {
        System.arraycopy(buf, pos, out, off + n, run);
        n += run;
        pos = i;
        continue;
      }
      decodeReference();
    }
    return n == 0 ? -1 : n;
  }

  private void emit(String s) {
    pending = s;
    pendingPos = 0;
  }

  /** At a '&': decodes one reference into {@link #pending}, or passes the '&' through. */
  private void decodeReference() throws IOException {
    fill(MAX_NAME + 2);
    int at = pos + 1;
    if (at < lim && buf[at] == '#') {
      decodeNumeric();
    } else {
      decodeNamed();
    }
  }

  private void decodeNumeric() throws IOException {
    int at = pos + 2;
    int radix = 10;
    if (at < lim && (buf[at] == 'x' || buf[at] == 'X')) {
      radix = 16;
      at++;
    }
    if (at >= lim || Character.digit(buf[at], radix) < 0 || buf[at] > 'f') {
      emit("&");
      pos++;
      return;
    }
    pos = at;
    // digits may run on past the buffer: html.unescape takes them all
    int value = 0;
    while (fill(1)) {
      char c = buf[pos];
      int d = c <= 'f' ? Character.digit(c, radix) : -1;
      if (d < 0) {
        break;
      }
      value = value >= TOO_LARGE ? TOO_LARGE : Math.min(TOO_LARGE, value * radix + d);
      pos++;
    }
    if (fill(1) && buf[pos] == ';') {
      pos++;
    }
    emit(numeric(value));
  }

  /** What {@code html.unescape} makes of {@code &#value;}. */
  static String numeric(int value) {
    int cp = numericCodePoint(value);
    return cp < 0 ? "" : new String(Character.toChars(cp));
  }

  /** {@link #numeric} as one code point, or -1 when the reference stands for nothing. */
  static int numericCodePoint(int value) {
    if (value == 0) {
      return 0xfffd;
    }
    if (value >= 0x80 && value <= 0x9f) {
      return C1_REPLACEMENTS[value - 0x80];
    }
    if (value == '\r') {
      return '\r';
    }
    if ((value >= 0xd800 && value <= 0xdfff) || value > Character.MAX_CODE_POINT) {
      return 0xfffd;
    }
    if (value < 0x09 || value == 0x0b || (value >= 0x0e && value <= 0x1f) || value == 0x7f
        || (value >= 0xfdd0 && value <= 0xfdef) || (value & 0xfffe) == 0xfffe) {
      return -1; // control characters and non-characters are dropped
    }
    return value;
  }

  private void decodeNamed() {
    int start = pos + 1;
    int end = start;
    while (end < lim && end - start < MAX_NAME && isNameChar(buf[end])) {
      end++;
    }
    if (end == start) {
      emit("&");
      pos++;
      return;
    }
    String name = new String(buf, start, end - start);
    boolean semicolon = end < lim && buf[end] == ';';
    String decoded = semicolon ? fullName(name) : legacyName(name);
    if (decoded != null) {
      emit(decoded);
      pos = end + (semicolon ? 1 : 0);
      return;
    }
    // the longest legacy name the text starts with, e.g. "&notit;" is "¬it;"
    for (int len = Math.min(name.length(), legacyMax()); len >= 2; len--) {
      if (len == name.length() && !semicolon) {
        continue; // the whole name was tried above
      }
      String prefix = legacyName(name.substring(0, len));
      if (prefix != null) {
        emit(prefix);
        pos = start + len;
        return;
      }
    }
    emit("&");
    pos++;
  }

  /** Characters {@code html.unescape} reads as part of a name: anything but blanks, {@code <&#;}. */
  private static boolean isNameChar(char c) {
    return c != '\t' && c != '\n' && c != '\f' && c != ' ' && c != '<' && c != '&' && c != '#' && c != ';';
  }

  /** The longest name HTML5 allows without {@code ;}. */
  private static int legacyMax() {
    return 6;
  }

  private static String fullName(String name) {
    switch (name) { // what the escapers write, without loading the full table
      case "amp": return "&";
      case "lt": return "<";
      case "gt": return ">";
      case "quot": return "\"";
      case "apos": return "'";
      default: return Entities.isNamedEntity(name) ? Entities.getByName(name) : null;
    }
  }

  private static String legacyName(String name) {
    return Entities.isBaseNamedEntity(name) ? Entities.getByName(name) : null;
  }

  /** Makes at least {@code want} chars available if the input has them; false at end of input. */
  private boolean fill(int want) throws IOException {
    if (lim - pos >= want || eof) {
      return lim > pos;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      lim -= pos;
      pos = 0;
    }
    while (lim - pos < want && !eof) {
      int r = in.read(buf, lim, buf.length - lim);
      if (r < 0) {
        eof = true;
      } else {
        lim += r;
      }
    }
    return lim > pos;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
