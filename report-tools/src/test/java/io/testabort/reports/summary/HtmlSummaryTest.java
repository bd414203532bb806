package io.testabort.reports.summary;

import io.testabort.testing.Chromium;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML summary as headless Chromium renders it, with no network. */
class HtmlSummaryTest {
  @TempDir Path dir;

  @Test
  void hostileNamesRenderAsTextAndNothingRuns() throws Exception {
    Chromium.assumeAvailable();
    Path page = dir.resolve("summary.html");
    Files.writeString(page, HtmlSummary.render(SummaryEntry.of(HostileRecords.two())), StandardCharsets.UTF_8);

    Document dom = Chromium.dumpDom(page);

    assertThat(dom.select("script")).isEmpty();
    assertThat(dom.select("b, i")).as("no markup from a record").isEmpty();
    assertThat(dom.select("#crashes tbody tr")).hasSize(2);
    Element first = dom.selectFirst("#crashes tbody tr");
    assertThat(first.selectFirst("code.nodeid").text()).isEqualTo(VisibleText.of(HostileRecords.NAME).replace('\n', ' '));
    assertThat(first.selectFirst("td.reason").text()).isEqualTo(VisibleText.of(HostileRecords.REASON));
    assertThat(first.selectFirst("td.phase").text()).isEqualTo("call|<i>");
    assertThat(dom.select("section.crash-detail")).hasSize(2);
    assertThat(dom.title()).isEqualTo("test-abort: 2 tests crashed");
  }

  @Test
  void thePageIsSelfContained() {
    String html = HtmlSummary.render(SummaryEntry.of(HostileRecords.two()));
    assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=")
        .contains("Content-Security-Policy").contains("default-src 'none'");
  }
}
