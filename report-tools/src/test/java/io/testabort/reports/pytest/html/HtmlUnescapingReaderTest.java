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
    assertThat(unescape("a & b &unknown; &#xZZ; &amp")).isEqualTo("a & b &unknown; &#xZZ; &amp");
    assertThat(unescape("&")).isEqualTo("&");
    assertThat(unescape("&#0;")).isEqualTo("\ufffd");
  }
}
