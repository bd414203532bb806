package io.testabort.reports.pytest.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class HtmlUnescapingReaderTest {
  private static String unescape(String s) throws Exception {
    try (Reader r = new HtmlUnescapingReader(new StringReader(s))) {
      StringBuilder b = new StringBuilder();
      char[] buf = new char[4];
      int n;
      while ((n = r.read(buf, 0, buf.length)) > 0) {
        b.append(buf, 0, n);
      }
      return b.toString();
    }
  }

  @Test
  void decodesWhatJinjaPythonAndBeautifulSoupWrite() throws Exception {
    assertThat(unescape("&#34;&#39;&amp;&lt;&gt;")).isEqualTo("\"'&<>");
    assertThat(unescape("&quot;&#x27;&apos;&nbsp;")).isEqualTo("\"''\u00a0");
    assertThat(unescape("&#x1F600;&#128512;&#xe9;")).isEqualTo("\ud83d\ude00\ud83d\ude00\u00e9");
  }

  @Test
  void leavesAnythingElseAsItIs() throws Exception {
    assertThat(unescape("a & b &unknown; &#xZZ; &#; &;")).isEqualTo("a & b &unknown; &#xZZ; &#; &;");
    assertThat(unescape("&")).isEqualTo("&");
    assertThat(unescape("&#0;")).isEqualTo("\ufffd");
  }

  @Test
  void decodesAsHtml5DefinesNamesAndNumbers() throws Exception {
    assertThat(unescape("&hearts;&eacute;&eacute&amp&notit;&NotNestedGreaterGreater;")).isEqualTo("\u2665\u00e9\u00e9&\u00acit;\u2aa2\u0338");
    assertThat(unescape("&#150;&#x80;&#x81;&#1;&#xD800;&#x110000;&#65")).isEqualTo("\u2013\u20ac\u0081\ufffd\ufffdA");
    assertThat(unescape("&#" + "0".repeat(100_000) + "65;")).isEqualTo("A");
  }

  /**
   * Issue 7 finding 7: the reader decodes every case as Python's {@code html.unescape} (what
   * pytest-abort and the page's JS effectively use) does. python3 runs as a child process on cases
   * generated here and from its own table of HTML5 names, so the comparison is with the real function.
   */
  @Test
  void matchesPythonsHtmlUnescapeOnGeneratedCases(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    PythonUnescape python = PythonUnescape.start(tmp);
    java.util.List<String> cases = new java.util.ArrayList<>();
    for (String name : python.html5Names()) {
      String bare = name.endsWith(";") ? name.substring(0, name.length() - 1) : name;
      for (String tail : new String[] {"", ";", "x", "x;", "=", " ", "1;", "&amp;"}) {
        cases.add("&" + bare + tail);
      }
    }
    int[] interesting = {0, 1, 8, 9, 10, 11, 12, 13, 14, 31, 32, 38, 60, 127, 128, 129, 141, 150, 159, 160, 0xad, 0xd7ff, 0xd800,
        0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfdcf, 0xfdd0, 0xfdef, 0xfdf0, 0xfffd, 0xfffe, 0xffff, 0x10000, 0x1fffe, 0x1ffff,
        0x1f600, 0x10fffd, 0x10fffe, 0x10ffff, 0x110000, Integer.MAX_VALUE};
    for (int cp : interesting) {
      for (String form : new String[] {"&#%d;", "&#%d", "&#x%x;", "&#X%X", "&#x%X;x", "&#000%d;", "&#%da"}) {
        cases.add(String.format(form, cp));
      }
    }
    cases.addAll(java.util.List.of("&", "&&", "&;", "&#", "&#;", "&#x", "&#x;", "&#xg;", "&# 65;", "&\r&amp\r", "&\u00e9;",
        "&" + "a".repeat(40) + ";", "&" + "a".repeat(31) + "amp;", "&#99999999999999999999999;", "&#x" + "f".repeat(30) + ";",
        "&#\u0663;", "&#x\uff21;", "&lt3", "&AMP", "&AMPx", "&ampamp;", "&notin", "&notinx", "&Eacuteacute;", "&<b>", "&#65&#66;"));
    java.util.Random random = new java.util.Random(7);
    char[] alphabet = "&#;amplt1xX9ACEeno \t<>\u00e9;\r".toCharArray();
    for (int i = 0; i < 5_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int j = random.nextInt(24); j >= 0; j--) {
        b.append(alphabet[random.nextInt(alphabet.length)]);
      }
      cases.add(b.toString());
    }
    // the same cases once more as one text, so references straddle the reader's buffer
    StringBuilder all = new StringBuilder();
    for (String c : cases) {
      all.append(c).append('|');
    }
    cases.add(all.toString());

    java.util.List<String> expected = python.unescape(cases);
    for (int i = 0; i < cases.size(); i++) {
      assertThat(unescape(cases.get(i))).as("html.unescape(%s)", cases.get(i).length() > 200 ? "all cases" : cases.get(i))
          .isEqualTo(expected.get(i));
    }
  }
}
