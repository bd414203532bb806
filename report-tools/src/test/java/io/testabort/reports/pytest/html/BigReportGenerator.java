package io.testabort.reports.pytest.html;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Writes a big synthetic pytest-html 4.1.1 report for the benchmark (bench/big-report.sh): the page of
 * a real report (head and tail copied byte for byte) around a blob with thousands of results whose logs
 * hold what real ones do: ANSI colours, BEL, NUL, TAB, CR, CRLF, cursor moves, escaped markup, non-ASCII.
 *
 * <p>Usage: {@code BigReportGenerator TEMPLATE_REPORT OUT TARGET_BYTES}
 */
public final class BigReportGenerator {
  private BigReportGenerator() {}

  public static void main(String[] args) throws Exception {
    Path template = Paths.get(args[0]);
    Path out = Paths.get(args[1]);
    long target = Long.parseLong(args[2]);
    BlobFile blob = BlobFile.open(template);
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
      os.write(blob.head().getBytes(StandardCharsets.ISO_8859_1));
      CountingStream counter = new CountingStream(os);
      Writer w = new HtmlEscapingWriter(new BufferedWriter(new OutputStreamWriter(counter, StandardCharsets.UTF_8)),
          HtmlEscapingWriter.Style.JINJA);
      try (JsonParser in = blob.parse(); JsonGenerator g = Json.generator(w, true)) {
        in.nextToken();
        g.writeStartObject();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
          String name = in.currentName();
          in.nextToken();
          g.writeFieldName(name);
          if ("tests".equals(name)) {
            in.skipChildren();
            writeTests(g, counter, target);
          } else {
            Tokens.copyValue(in, g);
          }
        }
        g.writeEndObject();
      }
      w.close();
      os.write(blob.tail().getBytes(StandardCharsets.ISO_8859_1));
    }
    System.out.println(out + ": " + Files.size(out) + " bytes");
  }

  private static void writeTests(JsonGenerator g, CountingStream counter, long target) throws Exception {
    g.writeStartObject();
    String[] results = {"Passed", "Passed", "Passed", "Failed", "Skipped", "Passed", "XFailed", "Passed"};
    for (int i = 0; counter.count < target; i++) {
      String id = "test_big.py::test_case[" + i + "-p\u00e4ram]";
      String result = results[i % results.length];
      String duration = (i % 7) + " ms";
      g.writeArrayFieldStart(id);
      g.writeStartObject();
      g.writeArrayFieldStart("extras");
      g.writeEndArray();
      g.writeStringField("result", result);
      g.writeStringField("testId", id);
      g.writeStringField("duration", duration);
      g.writeArrayFieldStart("resultsTableRow");
      g.writeString("<td class=\"col-result\">" + result + "</td>");
      g.writeString("<td class=\"col-testId\">" + id + "</td>");
      g.writeString("<td class=\"col-duration\">" + duration + "</td>");
      g.writeString("<td class=\"col-links\"></td>");
      g.writeEndArray();
      g.writeStringField("log", log(i));
      g.writeEndObject();
      g.writeEndArray();
      if (i % 256 == 0) {
        g.flush();
      }
    }
    g.writeEndObject();
  }

  private static String log(int i) {
    StringBuilder b = new StringBuilder(4096);
    b.append("----------------------------- Captured stdout call -----------------------------\n");
    for (int line = 0; line < 24; line++) {
      b.append("[call ").append(i).append('.').append(line).append("] \u001b[31mred\u001b[0m bell:\u0007 nul:\u0000")
          .append(" tab:\there crlf\r\nlone cr\roverwritten &lt;div class=&quot;x&quot;&gt;&amp;amp; h\u00e9llo \u4e2d\u6587")
          .append(" \u001b[2K\u001b[1A cursor zwj:\u200d bom:\ufeff del:\u007f padding padding padding\n");
    }
    if (i % 4 == 0) {
      b.append("------------------------------ Captured log call -------------------------------\n")
          .append("WARNING  fixture.logger:test_big.py:18 log record ").append(i).append(" with \u0085 NEL\n");
    }
    return b.toString();
  }

  private static final class CountingStream extends java.io.FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
      out.write(b, off, len);
      count += len;
    }

    @Override
    public void write(int b) throws java.io.IOException {
      out.write(b);
      count++;
    }

    @Override
    public void close() throws java.io.IOException {
      out.flush();
    }
  }
}
