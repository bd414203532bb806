package io.testabort.reports.pytest.html;

import io.testabort.testing.Chromium;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a person sees in a browser (headless Chromium, scripts on, no network) after patching and merging. */
class RenderTest {
  @TempDir Path tmp;
  private final PytestHtmlReport patcher = new PytestHtmlReport();

  @BeforeEach
  void needsChromium() {
    Chromium.assumeAvailable();
  }

  private static Element row(Document dom, String nodeid) {
    for (Element e : ResultsTable.visibleRows(dom)) {
      if (e.id().equals(nodeid)) {
        return e;
      }
    }
    return null;
  }

  @ParameterizedTest
  @ValueSource(strings = {"raw/test_basic_log.html", "raw/test_params_log.html", "raw/test_output_log.html",
      "raw/test_surrogate_log.html", "merged/merged-single-quoted.html"})
  void patchedReportShowsTheCrashedRowAndMatchingCounts(String fixture) throws Exception {
    Path f = Fixtures.copy(fixture, tmp);
    int before = HtmlMergerTest.entries(f);
    patcher.addCrash(f, Crashes.segfault(), null);

    Document dom = Chromium.dumpDom(f, null);

    assertThat(ResultsTable.visibleRows(dom)).hasSize(before + 1);
    Element crashed = row(dom, "test_basic.py::test_crashed_segfault");
    assertThat(crashed).isNotNull();
    assertThat(crashed.hasClass("failed")).isTrue();
    assertThat(crashed.selectFirst(".col-duration").text()).isEqualTo("00:00:12");
    assertThat(crashed.selectFirst(".log").text()).contains("<module> &");
    int failedRows = (int) ResultsTable.visibleRows(dom).stream().filter(e -> e.hasClass("failed")).count();
    assertThat(ResultsTable.failedLabel(dom)).isEqualTo(failedRows + " Failed,");
  }

  @Test
  void sortingByDurationStillRenders() throws Exception {
    Path f = Fixtures.copy("raw/test_basic_log.html", tmp);
    patcher.addCrash(f, Crashes.segfault(), null);

    Document dom = Chromium.dumpDom(f, "?sort=duration");

    assertThat(ResultsTable.visibleRows(dom)).hasSize(16);
    assertThat(row(dom, "test_basic.py::test_crashed_segfault")).isNotNull();
  }

  @Test
  void patchedReportWithALoneSurrogateStillRenders() throws Exception {
    // --dump-dom dies (SIGILL) on a DOM holding a lone surrogate, so the blob is checked directly
    // (PytestHtmlReportTest) and the page only has to render a screenshot here
    Path f = Fixtures.copy("raw/test_surrogate_nocsv_log.html", tmp);
    patcher.addCrash(f, Crashes.segfault(), null);
    assertThat(Chromium.screenshotBytes(f)).isGreaterThan(1000);
  }

  @Test
  void createdReportShowsTheCrashWithoutNetwork() throws Exception {
    Path f = tmp.resolve("test_missing_log.html");
    patcher.addCrash(f, Crashes.of("test_gone"), "test_missing");

    Document dom = Chromium.dumpDom(f, null);

    assertThat(ResultsTable.visibleRows(dom)).hasSize(1);
    Element crashed = row(dom, "test_missing.py::test_gone");
    assertThat(crashed.selectFirst(".col-testId").text()).isEqualTo("test_missing.py::test_gone");
    assertThat(crashed.selectFirst(".log").text()).contains("Test crashed: SIGSEGV");
    assertThat(ResultsTable.failedLabel(dom)).isEqualTo("1 Failed,");
    assertThat(dom.selectFirst(".summary__reload__button").hasClass("hidden")).isTrue();
  }

  @Test
  void mergedReportShowsEveryResult() throws Exception {
    Path in = HtmlMergerTest.inputs(tmp);
    Path out = tmp.resolve("merged.html");
    HtmlMerger.merge(in, out);

    Document dom = Chromium.dumpDom(out, null);

    assertThat(ResultsTable.visibleRows(dom)).hasSize(68);
    assertThat(ResultsTable.failedLabel(dom)).isEqualTo("19 Failed,");
    assertThat(row(dom, "test_missing.py::test_gone")).isNotNull();
    assertThat(ResultsTable.visibleRows(dom).stream().filter(e -> e.id().equals("test_basic.py::test_pass"))).hasSize(3);
  }

  @Test
  void mergedPageBuiltOnOurOwnTemplateRendersEveryResult() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("own"));
    patcher.addCrash(in.resolve("a_missing_log.html"), Crashes.of("test_gone"), "a_missing");
    Fixtures.copy("raw/test_basic_log.html", in);
    Path out = tmp.resolve("own.html");
    HtmlMerger.merge(in, out);

    Document dom = Chromium.dumpDom(out, null);

    assertThat(ResultsTable.visibleRows(dom)).hasSize(16);
    assertThat(ResultsTable.failedLabel(dom)).isEqualTo("5 Failed,");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void hostileTestNameIsShownAsTextAndRunsNothing(boolean created) throws Exception {
    String payload = "test_x.py::t[<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">"
        + "<script>document.body.setAttribute('data-pwned','script')</script>]";
    Path f = created ? tmp.resolve("x_log.html") : Fixtures.copy("raw/test_basic_log.html", tmp);
    patcher.addCrash(f, Crashes.of(Crashes.XSS), null);
    patcher.addCrash(f, Crashes.of(payload), null);

    Document dom = Chromium.dumpDom(f, null);

    assertThat(dom.body().hasAttr("data-pwned")).isFalse();
    assertThat(dom.select("#results-table [onerror], #results-table script, #results-table .col-testId img")).isEmpty();
    assertThat(row(dom, Crashes.XSS).selectFirst(".col-testId").text()).isEqualTo(Crashes.XSS);
    assertThat(row(dom, payload).selectFirst(".col-testId").text()).isEqualTo(payload);
  }

  @Test
  void mergingPytestAbortPatchedReportsStillSortsByDuration() throws Exception {
    // pytest-abort's entries have no duration, which breaks app.js's duration sort; merge-html repairs that
    Path in = Files.createDirectories(tmp.resolve("abort"));
    Fixtures.copy("pytest-abort-patched/appended/test_basic_log.html", in);
    Fixtures.copy("raw/test_params_log.html", in);
    Path out = tmp.resolve("abort.html");
    HtmlMerger.merge(in, out);

    Document dom = Chromium.dumpDom(out, "?sort=duration");

    assertThat(ResultsTable.visibleRows(dom)).hasSize(17 + 18);
    assertThat(ResultsTable.failedLabel(dom)).isEqualTo((6 + 4) + " Failed,");
  }
}
