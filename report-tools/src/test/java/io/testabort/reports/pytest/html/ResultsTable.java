package io.testabort.reports.pytest.html;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Test helper: what a person sees of a rendered pytest-html page's results (after its JS ran). */
final class ResultsTable {
  private ResultsTable() {}

  /** Result rows a person sees: tbodies of the results table that are not hidden. */
  static List<Element> visibleRows(Document dom) {
    List<Element> rows = new ArrayList<>();
    for (Element b : dom.select("#results-table tbody.results-table-row")) {
      String style = b.attr("style").replace(" ", "");
      if (!b.hasClass("hidden") && !style.contains("display:none") && !b.hasAttr("hidden")) {
        rows.add(b);
      }
    }
    return rows;
  }

  /** The label of the Failed filter, e.g. {@code 6 Failed,}. */
  static String failedLabel(Document dom) {
    return dom.selectFirst("div.filters span.failed").text();
  }
}
