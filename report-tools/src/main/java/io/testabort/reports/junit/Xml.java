package io.testabort.reports.junit;

/** Escaping for XML 1.0 text, attributes and CDATA; characters XML cannot hold are written as {@code \\uXXXX}. */
final class Xml {
  private Xml() {}

  static String text(String s) {
    return escape(s, false);
  }

  static String attribute(String s) {
    return escape(s, true);
  }

  /** A CDATA section for {@code s}; a {@code ]]>} inside is split over two sections. */
  static String cdata(String s) {
    return "<![CDATA[" + legal(s).replace("]]>", "]]]]><![CDATA[>") + "]]>";
  }

  private static String escape(String s, boolean attribute) {
    String legal = legal(s);
    StringBuilder out = new StringBuilder(legal.length() + 16);
    for (int i = 0; i < legal.length(); i++) {
      char c = legal.charAt(i);
      switch (c) {
        case '&':
          out.append("&amp;");
          break;
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '"':
          out.append(attribute ? "&quot;" : "\"");
          break;
        case '\n':
        case '\r':
        case '\t':
          // a raw line break in an attribute would be read back as a space
          out.append(attribute ? "&#" + (int) c + ";" : String.valueOf(c));
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code s} with every character XML 1.0 forbids (C0 controls, lone surrogates, U+FFFE/F) spelled out. */
  static String legal(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        if (out != null) {
          out.append(c).append(s.charAt(i + 1));
        }
        i++;
        continue;
      }
      ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xd800) || (c > 0xdfff && c < 0xfffe);
      if (!ok && out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (out != null) {
        out.append(ok ? String.valueOf(c) : String.format("\\u%04x", (int) c));
      }
    }
    return out == null ? s : out.toString();
  }
}
