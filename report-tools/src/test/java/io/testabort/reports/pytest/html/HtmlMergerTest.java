package io.testabort.reports.pytest.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.testabort.crash.BadInputException;
import io.testabort.reports.cli.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlMergerTest {
  @TempDir Path tmp;

  /** Several inputs incl. the same file under two run folders, an unfinished page, a merged page and our own page. */
  static Path inputs(Path tmp) throws Exception {
    Path in = tmp.resolve("in");
    for (String run : new String[] {"run1/reports", "run2/reports"}) {
      Files.createDirectories(in.resolve(run));
      Fixtures.copy("raw/test_basic_log.html", in.resolve(run));
    }
    Path other = Files.createDirectories(in.resolve("other"));
    Fixtures.copy("raw/test_surrogate_log.html", other);
    Fixtures.copy("raw/test_params_log.html", other);
    Path merged = Fixtures.copy("merged/merged-single-quoted.html", other);
    Files.move(merged, other.resolve("aa_merged_log.html"));
    new PytestHtmlReport().addCrash(other.resolve("test_missing_log.html"), Crashes.of("test_gone"), "test_missing");
    Files.writeString(in.resolve("index.html"), "<html><body>not a report</body></html>");
    return in;
  }

  static int entries(Path report) throws Exception {
    int n = 0;
    for (Object v : BlobReader.tests(report).values()) {
      n += v instanceof List ? ((List<?>) v).size() : 1;
    }
    return n;
  }

  @Test
  void keepsEveryResultAndRecomputesTheCounts() throws Exception {
    Path in = inputs(tmp);
    Path out = tmp.resolve("out/merged.html");

    HtmlMerger.Result r = HtmlMerger.merge(in, out);

    // 15 + 15 (colliding names) + 0 (unfinished) + 18 (params) + 19 (merged) + 1 (created)
    assertThat(r.reports).isEqualTo(6);
    assertThat(entries(out)).isEqualTo(68);
    Map<String, Object> tests = BlobReader.tests(out);
    assertThat(tests).containsKeys("run1/reports/test_basic_log.html::test_basic.py::test_pass",
        "run2/reports/test_basic_log.html::test_basic.py::test_pass",
        "other/test_missing_log.html::test_missing.py::test_gone");
    Document d = Jsoup.parse(out.toFile(), "UTF-8");
    assertThat(d.selectFirst("div.filters span.failed").text()).isEqualTo("19 Failed,");
    assertThat(d.selectFirst("div.filters span.passed").text()).isEqualTo("31 Passed,");
    assertThat(d.selectFirst("div.filters span.error").text()).isEqualTo("6 Errors,");
    assertThat(d.selectFirst("div.filters span.rerun").text()).isEqualTo("0 Reruns");
    assertThat(d.selectFirst("div.filters input[data-test-result=rerun]").hasAttr("disabled")).isTrue();
    assertThat(d.selectFirst("div.filters input[data-test-result=failed]").hasAttr("disabled")).isFalse();
    assertThat(d.selectFirst("p.run-count").text()).startsWith("56 tests took ");
    assertThat(d.selectFirst("h1").text()).isEqualTo("merged.html");
    assertThat(d.title()).isEqualTo("merged.html");
  }

  @Test
  void deterministicAndRemergeable() throws Exception {
    Path in = inputs(tmp);
    Path a = tmp.resolve("a.html");
    Path b = tmp.resolve("b.html");
    HtmlMerger.merge(in, a);
    HtmlMerger.merge(in, b);
    String sa = Files.readString(a).replace("a.html", "X");
    String sb = Files.readString(b).replace("b.html", "X");
    assertThat(sa).isEqualTo(sb);

    // an earlier merge output is a valid input; an output inside the input folder is not read back
    Path again = tmp.resolve("again");
    Files.createDirectories(again);
    Files.copy(a, again.resolve("first_log.html"));
    Fixtures.copy("raw/test_output_log.html", again);
    Path out = again.resolve("merged.html");
    HtmlMerger.merge(again, out);
    HtmlMerger.merge(again, out);
    assertThat(entries(out)).isEqualTo(68 + 4);
  }

  @Test
  void oddVersionWordsAndNoReports() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("odd"));
    Path f = Fixtures.copy("raw/test_basic_log.html", in);
    Files.writeString(f, Files.readString(f).replace("v4.1.1</p>", "vunknown</p>"));
    assertThat(HtmlMerger.merge(in, tmp.resolve("o.html")).results).isEqualTo(15);

    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThat(HtmlMerger.merge(empty, tmp.resolve("e.html"))).isNull();
    assertThat(Main.run("merge-html", "-i", empty.toString(), "-o", tmp.resolve("e.html").toString())).isEqualTo(1);
  }

  @Test
  void brokenInputFailsWithoutWritingOutput() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("bad"));
    Fixtures.copy("raw/test_basic_log.html", in);
    Files.writeString(in.resolve("x_log.html"), "<div data-jsonblob=\"{&#34;tests&#34;: [\"></div>");
    Path out = tmp.resolve("bad.html");
    assertThatThrownBy(() -> HtmlMerger.merge(in, out)).isInstanceOf(BadInputException.class)
        .hasMessageContaining("x_log.html");
    assertThat(out).doesNotExist();
    assertThat(Main.run("merge-html", "-i", in.toString(), "-o", out.toString())).isEqualTo(3);
  }
}
