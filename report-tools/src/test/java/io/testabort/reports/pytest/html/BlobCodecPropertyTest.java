package io.testabort.reports.pytest.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Random strings (control characters, lone surrogates, markup, entities) through the blob codecs. */
class BlobCodecPropertyTest {
  @TempDir Path tmp;

  private static final String[] PIECES = {
    "a", "Z", " ", "\n", "\r", "\r\n", "\t", "\u0000", "\u0007", "\u001b[31m", "\u007f", "\u0085", "\u009b",
    "\u00ad", "\u200b", "\u200d", "\u2028", "\ufeff", "\ue000", "\udce9", "\ud83d", "\ud83d\ude00",
    "\udb40\udc01", "&", "&amp;", "&#34;", "&lt;", "<", ">", "\"", "'", "\\", "/", "\u00e9", "\u4e2d",
    "<br/>", "&#x27;", "&#", "&unknown;", ";",
  };

  static String randomString(Random r) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(40);
    for (int i = 0; i < n; i++) {
      b.append(PIECES[r.nextInt(PIECES.length)]);
    }
    return b.toString();
  }

  /** An independent statement of pytest-abort's rule, for comparison. */
  static String reference(String s) {
    String t = s.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br/>").replace("\t", "  ");
    StringBuilder b = new StringBuilder();
    t.codePoints().forEach(cp -> {
      int type = Character.getType(cp);
      boolean c = type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
          || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
      if (c) {
        b.append(' ');
      } else {
        b.appendCodePoint(cp);
      }
    });
    return b.toString();
  }

  @Test
  void sanitizeMatchesTheRuleAndIsIdempotent() {
    Random r = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      String s = randomString(r);
      String once = TextSanitizer.sanitize(s);
      assertThat(once).as("input %s", escapeForMessage(s)).isEqualTo(reference(s));
      assertThat(TextSanitizer.sanitize(once)).isSameAs(once);
      if (once.equals(s)) {
        assertThat(once).isSameAs(s);
      }
    }
  }

  /** Reads one char at a time, so every entity is split across reads at some point. */
  private static final class Trickle extends FilterReader {
    Trickle(Reader in) {
      super(in);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      return super.read(cbuf, off, Math.min(len, 1));
    }
  }

  /** Writes in random slices, so surrogate pairs are split across writes. */
  private static void writeSliced(Writer w, String s, Random r) throws IOException {
    int i = 0;
    while (i < s.length()) {
      int n = 1 + r.nextInt(5);
      int end = Math.min(s.length(), i + n);
      w.write(s, i, end - i);
      i = end;
    }
  }

  @Test
  void escapingThenUnescapingGivesBackTheText() throws Exception {
    Random r = new Random(7);
    Pattern surrogate = Pattern.compile("[\\ud800-\\udfff]");
    for (int i = 0; i < 5_000; i++) {
      String s = randomString(r);
      for (HtmlEscapingWriter.Style style : HtmlEscapingWriter.Style.values()) {
        StringWriter sw = new StringWriter();
        HtmlEscapingWriter w = new HtmlEscapingWriter(sw, style);
        writeSliced(w, s, r);
        w.close();
        String escaped = sw.toString();
        assertThat(escaped).doesNotContain("\"", "'", "<", ">");
        if (!surrogate.matcher(s.replaceAll("[\\ud800-\\udbff][\\udc00-\\udfff]", "")).find()) {
          Reader back = new HtmlUnescapingReader(new Trickle(new StringReader(escaped)));
          StringBuilder b = new StringBuilder();
          char[] buf = new char[3];
          int n;
          while ((n = back.read(buf, 0, buf.length)) > 0) {
            b.append(buf, 0, n);
          }
          assertThat(b.toString()).as("input %s", escapeForMessage(s)).isEqualTo(s);
        }
      }
    }
  }

  @Test
  void jsonStringsSurviveTheAttributeRoundTripIncludingLoneSurrogates() throws Exception {
    Random r = new Random(11);
    for (int i = 0; i < 3_000; i++) {
      List<String> values = new ArrayList<>();
      for (int k = 0; k < 5; k++) {
        values.add(randomString(r));
      }
      boolean ascii = r.nextBoolean();
      StringWriter sw = new StringWriter();
      HtmlEscapingWriter w = new HtmlEscapingWriter(sw, HtmlEscapingWriter.Style.JINJA);
      try (JsonGenerator g = Json.generator(w, ascii)) {
        g.writeStartArray();
        for (String v : values) {
          g.writeString(v);
        }
        g.writeEndArray();
      }
      w.close();
      List<String> read = new ArrayList<>();
      try (JsonParser p = Json.parser(new HtmlUnescapingReader(new StringReader(sw.toString())))) {
        p.nextToken();
        while (p.nextToken() == JsonToken.VALUE_STRING) {
          read.add(p.getText());
        }
      }
      assertThat(read).isEqualTo(values);
    }
  }

  @Test
  void sanitizingRandomBlobsGivesTheRuleAndUtf8Output() throws Exception {
    Random r = new Random(3);
    for (int i = 0; i < 200; i++) {
      List<String> values = new ArrayList<>();
      StringWriter sw = new StringWriter();
      HtmlEscapingWriter w = new HtmlEscapingWriter(sw, HtmlEscapingWriter.Style.JINJA);
      try (JsonGenerator g = Json.generator(w, true)) {
        g.writeStartObject();
        g.writeObjectFieldStart("tests");
        for (int k = 0; k < 10; k++) {
          String v = randomString(r);
          values.add(v);
          g.writeStringField("k" + k, v);
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      w.close();
      Path f = tmp.resolve("r" + i + "_log.html");
      Files.writeString(f, "<b>\ufeff\u2028</b><div data-jsonblob=\"" + sw + "\"></div>\n<i>\ud83d\ude00</i>");

      BlobSanitizer.sanitize(f);
      BlobSanitizer.sanitize(f);

      @SuppressWarnings("unchecked")
      java.util.Map<String, Object> tests = BlobReader.tests(f);
      for (int k = 0; k < values.size(); k++) {
        assertThat(tests.get("k" + k)).isEqualTo(reference(values.get(k)));
      }
      String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
      assertThat(text).startsWith("<b>\ufeff\u2028</b><div data-jsonblob=\"").endsWith("\"></div>\n<i>\ud83d\ude00</i>");
      assertThat(text).doesNotContain("\ufffd");
    }
  }

  private static String escapeForMessage(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return b.toString();
  }
}
