package io.testabort.reports.junit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each element of a well-formed XML document starts and ends in its text, so a report can be
 * patched by splicing text and every other byte stays as the tool wrote it. Call only on documents a
 * real parser has accepted: this scanner trusts the syntax.
 */
final class XmlElements {
  private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=/>]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

  /** One element: its name, attributes (entities decoded), and offsets of its start tag and of its end. */
  static final class Element {
    final String name;
    final Map<String, String> attributes;
    final int start;
    final int startTagEnd;
    int endTagStart;
    int end;
    final Element parent;
    final List<Element> children = new ArrayList<>();

    Element(String name, Map<String, String> attributes, int start, int startTagEnd, Element parent) {
      this.name = name;
      this.attributes = attributes;
      this.start = start;
      this.startTagEnd = startTagEnd;
      this.parent = parent;
    }

    boolean hasChild(String childName) {
      return children.stream().anyMatch(c -> c.name.equals(childName));
    }
  }

  private XmlElements() {}

  /** The root element, with all its descendants. */
  static Element scan(String xml) {
    Deque<Element> open = new ArrayDeque<>();
    Element root = null;
    int i = 0;
    while ((i = xml.indexOf('<', i)) >= 0) {
      if (xml.startsWith("<!--", i)) {
        i = xml.indexOf("-->", i) + 3;
      } else if (xml.startsWith("<![CDATA[", i)) {
        i = xml.indexOf("]]>", i) + 3;
      } else if (xml.startsWith("<?", i)) {
        i = xml.indexOf("?>", i) + 2;
      } else if (xml.startsWith("<!", i)) {
        i = xml.indexOf('>', i) + 1;
      } else if (xml.startsWith("</", i)) {
        int close = xml.indexOf('>', i);
        Element done = open.pop();
        done.endTagStart = i;
        done.end = close + 1;
        i = close + 1;
      } else {
        int close = tagEnd(xml, i);
        String tag = xml.substring(i + 1, close);
        boolean empty = tag.endsWith("/");
        String body = empty ? tag.substring(0, tag.length() - 1) : tag;
        int nameEnd = 0;
        while (nameEnd < body.length() && !Character.isWhitespace(body.charAt(nameEnd))) {
          nameEnd++;
        }
        Element parent = open.peek();
        Element e = new Element(body.substring(0, nameEnd), attributes(body.substring(nameEnd)), i, close + 1, parent);
        if (parent == null) {
          root = e;
        } else {
          parent.children.add(e);
        }
        if (empty) {
          e.endTagStart = close - 1;
          e.end = close + 1;
        } else {
          open.push(e);
        }
        i = close + 1;
      }
    }
    return root;
  }

  /** The {@code >} that ends the tag starting at {@code from}; quoted attribute values may hold {@code >}. */
  private static int tagEnd(String xml, int from) {
    char quote = 0;
    for (int i = from + 1; i < xml.length(); i++) {
      char c = xml.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i;
      }
    }
    throw new IllegalStateException("unterminated tag at " + from);
  }

  private static Map<String, String> attributes(String text) {
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
