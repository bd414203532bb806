package io.testabort.reports.pytest.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.testabort.crash.BadInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PytestHtmlReportTest {
  @TempDir Path tmp;
  private final PytestHtmlReport patcher = new PytestHtmlReport();

  private static String label(Document d, String key) {
    return d.selectFirst("div.filters span." + key).text();
  }

  private static boolean disabled(Document d, String key) {
    return d.selectFirst("div.filters input[data-test-result=" + key + "]").hasAttr("disabled");
  }

  private static Document page(Path p) throws Exception {
    return Jsoup.parse(p.toFile(), "UTF-8");
  }

  @Test
  @SuppressWarnings("unchecked")
  void addsAFailedResultLikePytestHtmlAndUpdatesOnlyTheCounts() throws Exception {
    Path f = Fixtures.copy("raw/test_basic_log.html", tmp);
    String before = Files.readString(f);

    assertThat(patcher.addCrash(f, Crashes.segfault(), null)).isTrue();

    Map<String, Object> tests = BlobReader.tests(f);
    assertThat(tests).hasSize(15).containsKey("test_basic.py::test_crashed_segfault");
    List<Object> results = (List<Object>) tests.get("test_basic.py::test_crashed_segfault");
    Map<String, Object> r = (Map<String, Object>) results.get(0);
    assertThat(r.keySet()).containsExactly("extras", "result", "testId", "duration", "resultsTableRow", "log");
    assertThat(r).containsEntry("result", "Failed").containsEntry("testId", "test_basic.py::test_crashed_segfault")
        .containsEntry("duration", "00:00:12");
    assertThat((List<String>) r.get("resultsTableRow")).containsExactly(
        "<td class=\"col-result\">Failed</td>", "<td class=\"col-testId\">test_basic.py::test_crashed_segfault</td>",
        "<td class=\"col-duration\">00:00:12</td>", "<td class=\"col-links\"></td>");
    assertThat((String) r.get("log")).startsWith("Test crashed: SIGSEGV in C [libcrash.so+0x1139] &lt;module&gt; &amp;  bell\tTAB\n")
        .contains("Test Class: TestCrash\n", "2026-01-01T12:00:00", "GPU ID: 0");
    // every earlier entry is unchanged
    Map<String, Object> original = BlobReader.tests(Fixtures.file("raw/test_basic_log.html"));
    original.forEach((k, v) -> assertThat(tests.get(k)).isEqualTo(v));

    Document d = page(f);
    assertThat(d.selectFirst("p.run-count").text()).isEqualTo("12 tests took 14 ms.");
    assertThat(label(d, "failed")).isEqualTo("5 Failed,");
    assertThat(label(d, "passed")).isEqualTo("5 Passed,");
    // outside the summary and the blob, nothing changed
    String after = Files.readString(f);
    String headBefore = before.substring(0, before.indexOf("data-jsonblob"));
    String headAfter = after.substring(0, after.indexOf("data-jsonblob"));
    assertThat(headAfter.replace("12 tests took", "11 tests took").replace("5 Failed,", "4 Failed,")).isEqualTo(headBefore);
    assertThat(after.substring(after.indexOf("\"></div>", after.indexOf("data-jsonblob"))))
        .isEqualTo(before.substring(before.indexOf("\"></div>", before.indexOf("data-jsonblob"))));
  }

  @Test
  void secondPatchWithTheSameNodeIdChangesNothing() throws Exception {
    Path f = Fixtures.copy("raw/test_params_log.html", tmp);
    assertThat(patcher.addCrash(f, Crashes.segfault(), null)).isTrue();
    byte[] once = Files.readAllBytes(f);
    assertThat(patcher.addCrash(f, Crashes.segfault(), null)).isFalse();
    assertThat(Files.readAllBytes(f)).isEqualTo(once);
  }

  @Test
  void existingNodeIdIsNotAddedAgain() throws Exception {
    Path f = Fixtures.copy("raw/test_basic_log.html", tmp);
    byte[] before = Files.readAllBytes(f);
    assertThat(patcher.addCrash(f, Crashes.of("test_basic.py::test_pass"), null)).isFalse();
    assertThat(patcher.addCrash(f, Crashes.of("test_pass"), "test_basic")).isFalse();
    assertThat(Files.readAllBytes(f)).isEqualTo(before);
  }

  @Test
  void anAddedEntryHoldsItsNodeIdInRawUnicodeAsPytestAbortLooksForIt() throws Exception {
    Path f = Fixtures.copy("raw/test_basic_log.html", tmp);
    String id = "test_basic.py::test_u[\u00e9\u20ac\ud83d\ude00]";

    assertThat(patcher.addCrash(f, Crashes.of(id), null)).isTrue();

    // pytest-abort: `if html_content and nid in html_content: skip`
    assertThat(Files.readString(f)).contains(id);
    assertThat(BlobReader.read(f).toString()).contains("testId=" + id);
    Path lone = Fixtures.copy("raw/test_basic_log.html", Files.createDirectories(tmp.resolve("lone")));
    assertThat(patcher.addCrash(lone, Crashes.of("test_basic.py::test_s[\ud800]"), null)).isTrue();
    assertThat(Files.readString(lone)).contains("test_basic.py::test_s[\\ud800]"); // UTF-8 cannot hold it
  }

  @Test
  void aJvmCrashPytestAbortAddedUnderItsOwnIdIsNotAddedAgain() throws Exception {
    // pytest-abort's postprocess anchors an id without "file.py::" to "<id>.py::<test_name>"
    String blob = "{\"tests\": {\"test_0\": {\"result\": \"failed\", "
        + "\"testId\": \"com.x.HaltTest#halts[2].py::com.x.HaltTest#halts[2]\"}}}";
    Path f = tmp.resolve("mixed_log.html");
    Files.writeString(f, "<p class=\"run-count\">1 test took 5 ms.</p><div data-jsonblob=\"" + Html.escape(blob) + "\"></div>");
    byte[] before = Files.readAllBytes(f);

    assertThat(patcher.addCrash(f, Crashes.of("com.x.HaltTest#halts[2]"), null)).isFalse();
    assertThat(Files.readAllBytes(f)).isEqualTo(before);
    assertThat(patcher.addCrash(f, Crashes.of("com.x.HaltTest#other"), null)).isTrue();
  }

  @Test
  void unfinishedPageBecomesAFinishedOneWithRightCounts() throws Exception {
    Path f = Fixtures.copy("raw/test_surrogate_log.html", tmp);

    assertThat(patcher.addCrash(f, Crashes.of("test_surrogate.py::test_crashed"), null)).isTrue();

    Document d = page(f);
    assertThat(d.selectFirst("p.run-count").text()).isEqualTo("1 test took 00:00:12.");
    assertThat(label(d, "failed")).isEqualTo("1 Failed,");
    assertThat(disabled(d, "failed")).isFalse();
    assertThat(label(d, "passed")).isEqualTo("0 Passed,");
    assertThat(disabled(d, "passed")).isTrue();
    assertThat(d.selectFirst(".summary__reload__button").hasClass("hidden")).isTrue();
    assertThat(BlobReader.tests(f)).containsOnlyKeys("test_surrogate.py::test_crashed");
  }

  @Test
  void reportHoldingAnEscapedLoneSurrogateIsPatchedNotLost() throws Exception {
    Path f = Fixtures.copy("raw/test_surrogate_nocsv_log.html", tmp);
    long size = Files.size(f);

    assertThat(patcher.addCrash(f, Crashes.of("test_surrogate.py::test_crashed"), null)).isTrue();

    assertThat(Files.size(f)).isGreaterThan(size);
    assertThat(Files.readString(f)).contains("\\udce9");
    assertThat(BlobReader.tests(f)).hasSize(3);
    assertThat(label(page(f), "failed")).isEqualTo("2 Failed,");
  }

  @Test
  void singleQuotedMergedBlobGetsTheEntryToo() throws Exception {
    Path f = Fixtures.copy("merged/merged-single-quoted.html", tmp);

    assertThat(patcher.addCrash(f, Crashes.segfault(), null)).isTrue();

    assertThat(Files.readString(f)).contains("data-jsonblob='{");
    assertThat(BlobReader.tests(f)).hasSize(19).containsKey("test_basic.py::test_crashed_segfault");
    Document d = page(f);
    assertThat(label(d, "failed")).isEqualTo("7 Failed,");
    assertThat(d.selectFirst("p.run-count").text()).isEqualTo("16 tests ran in 0.019 seconds");
    // a merged key "reports/x_log.html:<nodeid>" already shows that node id
    assertThat(patcher.addCrash(f, Crashes.of("test_basic.py::test_pass"), null)).isFalse();
  }

  @Test
  void missingReportIsCreatedAsAPageThatShowsTheCrash() throws Exception {
    Path f = tmp.resolve("sub/test_missing_log.html");

    assertThat(patcher.addCrash(f, Crashes.of("test_gone"), "test_missing")).isTrue();

    Document d = page(f);
    assertThat(d.selectFirst("p").text()).startsWith("Report generated on ").endsWith("v4.1.1");
    assertThat(d.select("#results-table tbody.results-table-row.failed")).hasSize(1);
    assertThat(d.selectFirst("tbody.results-table-row").id()).isEqualTo("test_missing.py::test_gone");
    assertThat(label(d, "failed")).isEqualTo("1 Failed,");
    assertThat(d.selectFirst("p.run-count").text()).isEqualTo("1 test took 00:00:12.");
    assertThat(d.select("link, script[src]")).isEmpty();
    assertThat(BlobReader.tests(f)).containsOnlyKeys("test_missing.py::test_gone");
    byte[] once = Files.readAllBytes(f);
    assertThat(patcher.addCrash(f, Crashes.of("test_gone"), "test_missing")).isFalse();
    assertThat(Files.readAllBytes(f)).isEqualTo(once);
  }

  @Test
  void testNamesAreEscapedInStaticMarkupAndInBlobCells() throws Exception {
    Path created = tmp.resolve("x_log.html");
    patcher.addCrash(created, Crashes.of(Crashes.XSS), null);
    Path patched = Fixtures.copy("raw/test_basic_log.html", tmp);
    patcher.addCrash(patched, Crashes.of(Crashes.XSS), null);

    Document d = page(created);
    assertThat(d.select("#results-table img, #results-table script")).isEmpty();
    assertThat(d.selectFirst("td.col-testId").text()).isEqualTo(Crashes.XSS);
    String cell = "<td class=\"col-testId\">" + Html.escape(Crashes.XSS) + "</td>";
    assertThat(BlobReader.read(created).toString()).contains(cell);
    assertThat(BlobReader.read(patched).toString()).contains(cell);
    // the raw attribute never holds a quote, '<' or '>' that could end it or open a tag
    String blob = Files.readString(patched).replaceAll("(?s).*data-jsonblob=\"([^\"]*)\".*", "$1");
    assertThat(blob).doesNotContain("<", ">", "'");
  }

  @Test
  void testsAsListOrBareObjectOrMissing() throws Exception {
    String[] blobs = {
      "{\"tests\": [{\"result\": \"Passed\", \"testId\": \"a\"}]}",
      "{\"tests\": {\"test_0\": {\"result\": \"failed\", \"testId\": \"b\"}}}",
      "{\"environment\": {}}",
    };
    int i = 0;
    for (String json : blobs) {
      Path f = tmp.resolve("shape" + i++ + "_log.html");
      Files.writeString(f, "<p class=\"run-count\">1 test took 5 ms.</p><div data-jsonblob=\""
          + Html.escape(json) + "\"></div>");
      assertThat(patcher.addCrash(f, Crashes.segfault(), null)).isTrue();
      assertThat(BlobReader.read(f).toString()).contains("testId=test_basic.py::test_crashed_segfault");
      assertThat(Files.readString(f)).startsWith("<p class=\"run-count\">2 tests took 5 ms.</p>");
    }
  }

  @Test
  void olderTableOnlyReportGetsAStaticRow() throws Exception {
    Path f = tmp.resolve("old_log.html");
    Files.writeString(f, "<html><body><p>Report generated on 01-Jan-2020 at 00:00:00 by <a>pytest-html</a> v3.2.0</p>"
        + "<h2>Summary</h2><p>2 tests ran in 0.05 seconds. </p>"
        + "<input checked=\"true\" class=\"filter\" data-test-result=\"passed\" name=\"filter_checkbox\" type=\"checkbox\"/>"
        + "<span class=\"passed\">2 passed</span>, "
        + "<input checked=\"true\" class=\"filter\" data-test-result=\"failed\" disabled=\"true\" name=\"filter_checkbox\" type=\"checkbox\"/>"
        + "<span class=\"failed\">0 failed</span>"
        + "<table id=\"results-table\"><thead id=\"results-table-head\"><tr><th>Result</th></tr></thead>"
        + "<tbody class=\"passed results-table-row\"><tr><td class=\"col-result\">Passed</td>"
        + "<td class=\"col-name\">test_a.py::test_ok</td></tr></tbody></table></body></html>");

    assertThat(patcher.addCrash(f, Crashes.segfault(), null)).isTrue();

    Document d = page(f);
    assertThat(d.select("#results-table tbody.results-table-row")).hasSize(2);
    assertThat(d.selectFirst("span.failed").text()).isEqualTo("1 failed");
    assertThat(d.selectFirst("input[data-test-result=failed]").hasAttr("disabled")).isFalse();
    assertThat(d.select("p").get(1).text()).isEqualTo("3 tests ran in 0.05 seconds.");
    byte[] once = Files.readAllBytes(f);
    assertThat(patcher.addCrash(f, Crashes.segfault(), null)).isFalse();
    assertThat(Files.readAllBytes(f)).isEqualTo(once);
  }

  @Test
  void badInputIsRejectedAndLeftAlone() throws Exception {
    Path text = tmp.resolve("a_log.html");
    Files.writeString(text, "just some text");
    Path truncated = Fixtures.copy("raw/test_basic_log.html", tmp);
    byte[] full = Files.readAllBytes(truncated);
    Files.write(truncated, java.util.Arrays.copyOf(full, full.length / 2));
    Path binary = tmp.resolve("b_log.html");
    Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff});
    Path badJson = tmp.resolve("c_log.html");
    Files.write(badJson, "<div data-jsonblob=\"{&#34;tests&#34;: {]\"></div>".getBytes(StandardCharsets.UTF_8));

    for (Path p : new Path[] {text, truncated, binary, badJson, tmp}) {
      byte[] before = Files.isDirectory(p) ? null : Files.readAllBytes(p);
      assertThatThrownBy(() -> patcher.addCrash(p, Crashes.segfault(), null))
          .isInstanceOf(BadInputException.class).hasMessageStartingWith(p.toString());
      if (before != null) {
        assertThat(Files.readAllBytes(p)).isEqualTo(before);
      }
    }
  }

  @Test
  void crashAlreadyAddedByPytestAbortIsNotAddedAgain() throws Exception {
    Path f = Fixtures.copy("pytest-abort-patched/appended/test_basic_log.html", tmp);
    byte[] before = Files.readAllBytes(f);
    assertThat(patcher.addCrash(f, Crashes.segfault(), null)).isFalse();
    assertThat(Files.readAllBytes(f)).isEqualTo(before);
  }

  @Test
  void byteOrderMarkAndNonBmpTextAroundTheBlobSurvive() throws Exception {
    Path f = tmp.resolve("bom_log.html");
    String page = "\ufeff<p class=\"run-count\">1 test took 5 ms.</p><h1>\ud83d\ude00 \u2028</h1>"
        + "<div data-jsonblob=\"{&#34;tests&#34;: {&#34;a&#34;: [{&#34;result&#34;: &#34;Passed&#34;, &#34;log&#34;: &#34;\\ud83d\\ude00 \u2028 \\udce9&#34;}]}}\"></div>";
    Files.writeString(f, page);

    assertThat(patcher.addCrash(f, Crashes.segfault(), null)).isTrue();

    String text = Files.readString(f);
    assertThat(text).startsWith("\ufeff<p class=\"run-count\">2 tests took 5 ms.</p><h1>\ud83d\ude00 \u2028</h1>");
    assertThat(BlobReader.read(f).toString()).contains("log=\ud83d\ude00 \u2028 \udce9");
  }

  @Test
  void referencePipelinePatchThenSanitizeThenMerge() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("logs"));
    Path basic = Fixtures.copy("raw/test_basic_log.html", dir);
    Path surrogate = Fixtures.copy("raw/test_surrogate_nocsv_log.html", dir);
    patcher.addCrash(basic, Crashes.segfault(), null);
    patcher.addCrash(surrogate, Crashes.of("test_surrogate.py::test_crashed"), null);
    patcher.addCrash(dir.resolve("test_missing_log.html"), Crashes.of("test_gone"), "test_missing");
    for (Path p : new Path[] {basic, surrogate, dir.resolve("test_missing_log.html")}) {
      BlobSanitizer.sanitize(p);
      assertThat(BlobSanitizer.sanitize(p)).isFalse();
    }
    Path out = tmp.resolve("merged.html");
    HtmlMerger.merge(dir, out);
    assertThat(HtmlMergerTest.entries(out)).isEqualTo(16 + 3 + 1);
    assertThat(Jsoup.parse(out.toFile(), "UTF-8").selectFirst("div.filters span.failed").text()).isEqualTo("8 Failed,");
  }

  @Test
  void firstFailureEnablesTheFailedFilter() throws Exception {
    Path f = Fixtures.copy("raw/test_bigout_log.html", tmp);
    assertThat(disabled(page(f), "failed")).isTrue();

    assertThat(patcher.addCrash(f, Crashes.segfault(), null)).isTrue();

    Document d = page(f);
    assertThat(label(d, "failed")).isEqualTo("1 Failed,");
    assertThat(disabled(d, "failed")).isFalse();
    assertThat(disabled(d, "rerun")).isTrue();
    assertThat(d.selectFirst("p.run-count").text()).startsWith("3 tests took ");
  }

  @Test
  void reportEmptiedByPytestAbortIsRecreated() throws Exception {
    Path f = tmp.resolve("test_surrogate_nocsv_log.html");
    Files.copy(Fixtures.file("pytest-abort-patched/appended/test_surrogate_nocsv_log.html"), f);
    f.toFile().setWritable(true);
    assertThat(Files.size(f)).isZero();

    assertThat(patcher.addCrash(f, Crashes.segfault(), null)).isTrue();

    assertThat(BlobReader.tests(f)).containsOnlyKeys("test_basic.py::test_crashed_segfault");
  }
}
