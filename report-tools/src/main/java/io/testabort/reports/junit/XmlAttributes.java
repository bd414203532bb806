package io.testabort.reports.junit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The attributes of a start tag's text, entities decoded, as a well-formed document holds them. */
final class XmlAttributes {
  private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=/>]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

  private XmlAttributes() {}

  /** The attributes in {@code text}, the part of a start tag after its name, in their order. */
  static Map<String, String> of(String text) {
    Map<String, String> attributes = new LinkedHashMap<>();
    Matcher m = ATTRIBUTE.matcher(text);
    while (m.find()) {
      attributes.put(m.group(1), decode(m.group(2) != null ? m.group(2) : m.group(3)));
    }
    return attributes;
  }

  private static String decode(String value) {
    if (value.indexOf('&') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < value.length()) {
      int amp = value.indexOf('&', i);
      int semi = amp < 0 ? -1 : value.indexOf(';', amp);
      if (amp < 0 || semi < 0) {
        out.append(value, i, value.length());
        break;
      }
      out.append(value, i, amp);
      String entity = value.substring(amp + 1, semi);
      switch (entity) {
        case "amp":
          out.append('&');
          break;
        case "lt":
          out.append('<');
          break;
        case "gt":
          out.append('>');
          break;
        case "quot":
          out.append('"');
          break;
        case "apos":
          out.append('\'');
          break;
        default:
          out.appendCodePoint(entity.startsWith("#x") ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1)));
      }
      i = semi + 1;
    }
    return out.toString();
  }
}
