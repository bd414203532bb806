package io.testabort.reports.pytest.html;

import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;

/**
 * Decodes HTML character references while reading, so an attribute value can be fed to a JSON parser
 * without first holding the whole decoded text in memory. Knows the named entities that Jinja,
 * Python's {@code html.escape} and BeautifulSoup write, plus every numeric reference; anything else is
 * passed through literally (as a browser would show it).
 */
final class HtmlUnescapingReader extends Reader {
  /** Longest reference we try to decode, e.g. {@code &#x0010FFFF;} or {@code &hellip;}. */
  private static final int MAX_REF = 12;

  private static final Map<String, String> NAMED = new HashMap<>();

  static {
    String[][] pairs = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\u00a0"},
      {"AMP", "&"}, {"LT", "<"}, {"GT", ">"}, {"QUOT", "\""}, {"shy", "\u00ad"}, {"copy", "\u00a9"},
      {"reg", "\u00ae"}, {"hellip", "\u2026"}, {"mdash", "\u2014"}, {"ndash", "\u2013"},
      {"lsquo", "\u2018"}, {"rsquo", "\u2019"}, {"ldquo", "\u201c"}, {"rdquo", "\u201d"},
      {"laquo", "\u00ab"}, {"raquo", "\u00bb"}, {"bull", "\u2022"}, {"middot", "\u00b7"},
      {"times", "\u00d7"}, {"divide", "\u00f7"}, {"deg", "\u00b0"}, {"plusmn", "\u00b1"},
      {"euro", "\u20ac"}, {"trade", "\u2122"}, {"zwj", "\u200d"}, {"zwnj", "\u200c"},
      {"Tab", "\t"}, {"NewLine", "\n"}, {"grave", "`"}, {"equals", "="}, {"num", "#"},
      {"excl", "!"}, {"dollar", "$"}, {"percnt", "%"}, {"lpar", "("}, {"rpar", ")"},
      {"ast", "*"}, {"plus", "+"}, {"comma", ","}, {"period", "."}, {"sol", "/"},
      {"colon", ":"}, {"semi", ";"}, {"quest", "?"}, {"commat", "@"}, {"lsqb", "["},
      {"bsol", "\\"}, {"rsqb", "]"}, {"lowbar", "_"}, {"lcub", "{"}, {"verbar", "|"},
      {"rcub", "}"}, {"Hat", "^"},
    };
    for (String[] p : pairs) {
      NAMED.put(p[0], p[1]);
    }
  }

  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int lim;
  private boolean eof;
  /** Decoded chars not yet handed out (a supplementary code point gives two). */
  private final StringBuilder pending = new StringBuilder(4);

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
      if (pending.length() > 0) {
        out[off + n++] = pending.charAt(0);
        pending.deleteCharAt(0);
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

  /** At a '&': decodes one reference into {@link #pending}, or passes the '&' through. */
  private void decodeReference() throws IOException {
    fill(MAX_REF + 2);
    int start = pos + 1;
    int limit = Math.min(lim, start + MAX_REF + 1);
    int semi = -1;
    for (int i = start; i < limit; i++) {
      char c = buf[i];
      if (c == ';') {
        semi = i;
        break;
      }
      if (!Character.isLetterOrDigit(c) && c != '#') {
        break;
      }
    }
    if (semi > start) {
      String name = new String(buf, start, semi - start);
      String decoded = decode(name);
      if (decoded != null) {
        pending.append(decoded);
        pos = semi + 1;
        return;
      }
    }
    pending.append('&');
    pos++;
  }

  private static String decode(String name) {
    if (name.charAt(0) == '#') {
      int cp;
      try {
        if (name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')) {
          cp = Integer.parseInt(name.substring(2), 16);
        } else {
          cp = Integer.parseInt(name.substring(1), 10);
        }
      } catch (NumberFormatException e) {
        return null;
      }
      if (cp == 0 || cp > Character.MAX_CODE_POINT) {
        return "\ufffd"; // what html.unescape and browsers make of these
      }
      return new String(Character.toChars(cp));
    }
    return NAMED.get(name);
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
