package io.testabort.reports.pytest.html;

import java.util.Random;

/**
 * Test helper: random pytest-html-like pages whose blobs use every way of writing the same text
 * (raw UTF-8, JSON escapes in either case, raw control characters, Jinja or Python quoting, numeric
 * references), for comparing the fast byte path with the jackson path byte for byte.
 */
final class RandomBlobs {
  /** Characters that stress decoding, escaping and sanitizing. */
  private static final int[] ODD = {
    '"', '\\', '&', '<', '>', '\'', '/', ';', '#', 0, 7, '\b', '\t', '\n', '\f', '\r', 0x1b, 0x1f, 0x7f,
    0x80, 0x85, 0x9f, 0xa0, 0xe9, 0x4e2d, 0x200d, 0x2028, 0xfeff, 0xfffd, 0xe000, 0x0378, 0x1f600, 0xf0000,
    0x10ffff, 0xd83d, 0xde00, 0xdce9, 0xd800,
  };

  private final Random r;
  /** Whether to include what the fast path hands to jackson (named references, invalid JSON, ...). */
  private final boolean odd;

  RandomBlobs(long seed, boolean odd) {
    this.r = new Random(seed);
    this.odd = odd;
  }

  /** A whole page: head, data-jsonblob attribute in the given quote, tail. */
  String page(char quote) {
    StringBuilder json = new StringBuilder();
    blank(json);
    json.append('{');
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        json.append(',');
      }
      blank(json);
      string(json, text());
      blank(json);
      json.append(':');
      blank(json);
      value(json, 0);
      blank(json);
    }
    blank(json);
    json.append('}');
    blank(json);
    if (odd && r.nextInt(30) == 0) {
      json.insert(r.nextInt(json.length()), "]x,".charAt(r.nextInt(3)));
    }
    return "<!DOCTYPE html><p class=\"x\">t\u00e9st</p><div id=\"data-container\" data-jsonblob=" + quote
        + escape(json.toString(), quote) + quote + "></div><p>tail \u4e2d</p>\n";
  }

  /** A page shaped like pytest-html's: a summary head, environment, tests keyed by node ids from {@code ids}. */
  String pytestPage(char quote, String[] ids) {
    StringBuilder json = new StringBuilder("{");
    blank(json);
    string(json, "environment");
    json.append(": ");
    value(json, 2);
    int shape = r.nextInt(6);
    if (shape != 0) {
      json.append(", ");
      string(json, "tests");
      json.append(':');
      blank(json);
      boolean list = shape == 1;
      json.append(list ? '[' : '{');
      int n = r.nextInt(6);
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          json.append(", ");
        }
        String id = ids[r.nextInt(ids.length)];
        if (!list) {
          string(json, r.nextInt(4) == 0 ? "file.py:" + id : id);
          json.append(": ");
        }
        int k = r.nextInt(8);
        if (k == 0) {
          value(json, 3);
        } else if (k == 1 || list) {
          result(json, id);
        } else {
          json.append('[');
          result(json, id);
          if (r.nextBoolean()) {
            json.append(", ");
            result(json, id);
          }
          json.append(']');
        }
      }
      json.append(list ? ']' : '}');
    }
    blank(json);
    json.append('}');
    return "<!DOCTYPE html><h1 id=\"title\">t</h1><p class=\"run-count\">3 tests took 00:00:01.</p>"
        + "<div class=\"filters\"><input checked=\"true\" class=\"filter\" data-test-result=\"failed\" disabled/>"
        + "<span class=\"failed\">0 Failed,</span></div><div id=\"data-container\" data-jsonblob=" + quote
        + escape(json.toString(), quote) + quote + "></div><p>tail \u4e2d</p>\n";
  }

  private void result(StringBuilder b, String id) {
    b.append('{');
    string(b, "extras");
    b.append(": [], ");
    string(b, "result");
    b.append(": ");
    string(b, new String[] {"Passed", "Failed", "Skipped", "XFailed", "Error", "Rerun"}[r.nextInt(6)]);
    b.append(", ");
    string(b, "testId");
    b.append(": ");
    string(b, r.nextInt(5) == 0 ? text() : id);
    b.append(", ");
    string(b, "duration");
    b.append(": ");
    if (r.nextInt(5) == 0) {
      b.append(number());
    } else {
      string(b, r.nextInt(100) + " ms");
    }
    b.append(", ");
    string(b, "log");
    b.append(": ");
    string(b, text());
    b.append('}');
  }

  private void value(StringBuilder b, int depth) {
    int kind = r.nextInt(depth > 3 ? 3 : 6);
    switch (kind) {
      case 0: string(b, text()); break;
      case 1: b.append(number()); break;
      case 2: b.append(new String[] {"true", "false", "null"}[r.nextInt(3)]); break;
      case 3:
      case 4: {
        b.append('{');
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            b.append(',');
          }
          blank(b);
          string(b, text());
          blank(b);
          b.append(':');
          blank(b);
          value(b, depth + 1);
          blank(b);
        }
        b.append('}');
        break;
      }
      default: {
        b.append('[');
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            b.append(',');
          }
          blank(b);
          value(b, depth + 1);
          blank(b);
        }
        b.append(']');
      }
    }
  }

  private String number() {
    String[] forms = {"0", "-0", "12", "-7", "1.5", "0.25e-3", "1E+10", "123456789012345678901234567890", "2.0e5",
        "-0.0", "3e0"};
    String n = forms[r.nextInt(forms.length)];
    if (odd && r.nextInt(40) == 0) {
      n = new String[] {"01", "1.", ".5", "+1", "NaN", "1e", "-"}[r.nextInt(7)];
    }
    return n;
  }

  private void blank(StringBuilder b) {
    while (r.nextInt(4) == 0) {
      b.append(" \t\n\r".charAt(r.nextInt(4)));
    }
  }

  /** Random text as UTF-16 (lone surrogates included). */
  private String text() {
    StringBuilder s = new StringBuilder();
    int n = r.nextInt(12);
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(4);
      if (k == 0) {
        s.append("plain text run ".substring(0, 1 + r.nextInt(14)));
      } else if (k == 1) {
        s.appendCodePoint(ODD[r.nextInt(ODD.length)]);
      } else if (k == 2) {
        s.append((char) (0x20 + r.nextInt(0x5f)));
      } else if (r.nextBoolean()) {
        s.append("\r\n");
      } else {
        s.append((char) r.nextInt(0x3000));
      }
    }
    return s.toString();
  }

  /** A JSON string literal for {@code s}, each character written one of the ways JSON allows. */
  private void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
          && r.nextBoolean()) {
        b.append(c).append(s.charAt(++i)); // a raw pair: four bytes of UTF-8
        continue;
      }
      boolean surrogate = Character.isSurrogate(c);
      boolean mustEscape = c == '"' || c == '\\' || surrogate;
      int how = r.nextInt(5);
      if (c < 0x20 && how < 2) {
        b.append(c); // raw control characters: accepted (pytest-abort's repair)
      } else if (mustEscape || c < 0x20 || how == 0) {
        String shortForm = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n" : c == '\t' ? "\\t"
            : c == '\r' ? "\\r" : c == '\b' ? "\\b" : c == '\f' ? "\\f" : c == '/' ? "\\/" : null;
        if (shortForm != null && r.nextBoolean()) {
          b.append(shortForm);
        } else {
          String hex = String.format("%04x", (int) c);
          b.append("\\u").append(r.nextBoolean() ? hex : hex.toUpperCase());
        }
      } else {
        b.append(c);
      }
    }
    b.append('"');
    if (odd && r.nextInt(60) == 0) {
      b.insert(b.length() - 1, new String[] {"\\x", "\\u12", "\\"}[r.nextInt(3)]);
    }
  }

  /** The JSON text as an attribute value in {@code quote}: references chosen at random, some characters raw. */
  private String escape(String json, char quote) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < json.length(); ) {
      int cp = json.codePointAt(i);
      i += Character.charCount(cp);
      int how = r.nextInt(6);
      if (cp == '&' || cp == quote || (cp == '"' || cp == '\'' || cp == '<' || cp == '>') && how < 4) {
        b.append(reference(cp));
      } else if (how == 0 && cp >= 0x20 && cp != 0x7f && !(cp >= 0x80 && cp <= 0x9f)
          && !(cp >= 0xfdd0 && cp <= 0xfdef) && (cp & 0xfffe) != 0xfffe) {
        b.append(r.nextBoolean() ? "&#" + cp + ";" : "&#x" + Integer.toHexString(cp) + ";");
      } else {
        b.appendCodePoint(cp);
      }
      if (odd && r.nextInt(200) == 0) {
        b.append(new String[] {"&eacute;", "&amp", "&", "&#1;", "&#x80;", "&notit;", "&#0;"}[r.nextInt(7)]);
      }
    }
    return b.toString();
  }

  private String reference(int c) {
    switch (c) {
      case '&': return "&amp;";
      case '<': return r.nextBoolean() ? "&lt;" : "&#60;";
      case '>': return r.nextBoolean() ? "&gt;" : "&#x3e;";
      case '"': return new String[] {"&#34;", "&quot;", "&#x22;"}[r.nextInt(3)];
      default: return new String[] {"&#39;", "&#x27;", "&apos;"}[r.nextInt(3)];
    }
  }
}
