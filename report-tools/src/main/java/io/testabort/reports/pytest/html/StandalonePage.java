package io.testabort.reports.pytest.html;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A report of our own making for a test file whose pytest-html report is missing: pytest-html's
 * structure (first paragraph, summary, filters, results table, {@code data-jsonblob}) so mergers
 * accept it, with our own inline CSS and a small script of our own. The crashed rows are also static
 * markup, so the page shows them with scripts off; the script only re-renders the table from the
 * blob, which matters when another tool has merged more results into this page's blob.
 */
final class StandalonePage {
  private static final DateTimeFormatter GENERATED =
      DateTimeFormatter.ofPattern("dd-MMM-yyyy 'at' HH:mm:ss", Locale.ROOT);

  private StandalonePage() {}

  static String render(String title, CrashEntry entry) throws IOException {
    SummaryCounts counts = new SummaryCounts();
    counts.add("Failed", entry.duration);
    StringBuilder b = new StringBuilder(8192);
    String t = Html.escape(title);
    b.append("<!DOCTYPE html>\n<html>\n  <head>\n    <meta charset=\"utf-8\"/>\n    <title>").append(t)
        .append("</title>\n    <style>").append(STYLE).append("</style>\n  </head>\n  <body>\n")
        .append("    <h1 id=\"title\">").append(t).append("</h1>\n")
        .append("    <p>Report generated on ").append(GENERATED.format(ZonedDateTime.now(ZoneOffset.UTC)))
        .append(" by test-abort for a crashed test, in the layout of <a href=\"https://pypi.python.org/pypi/pytest-html\">pytest-html</a>\n")
        .append("        v4.1.1</p>\n")
        .append("    <div class=\"summary\">\n      <div class=\"summary__data\">\n        <h2>Summary</h2>\n")
        .append("        <p class=\"run-count\">").append(counts.runCountText()).append("</p>\n")
        .append("        <div class=\"summary__reload\">\n          <div class=\"summary__reload__button hidden\">\n")
        .append("            <div>There are still tests running.</div>\n          </div>\n        </div>\n")
        .append("        <div class=\"controls\">\n          <div class=\"filters\">\n");
    String[] labels = {"Failed,", "Passed,", "Skipped,", "Expected failures,", "Unexpected passes,", "Errors,", "Reruns"};
    for (int i = 0; i < SummaryCounts.KEYS.length; i++) {
      String key = SummaryCounts.KEYS[i];
      int n = counts.get(key);
      b.append("            <input checked=\"true\" class=\"filter\" name=\"filter_checkbox\" type=\"checkbox\" data-test-result=\"")
          .append(key).append(n == 0 ? "\" disabled/>\n" : "\" />\n")
          .append("            <span class=\"").append(key).append("\">").append(n).append(' ').append(labels[i])
          .append("</span>\n");
    }
    b.append("          </div>\n        </div>\n      </div>\n    </div>\n")
        .append("    <table id=\"results-table\">\n      <thead id=\"results-table-head\">\n        <tr>\n")
        .append("          <th data-column-type=\"result\">Result</th>\n          <th data-column-type=\"testId\">Test</th>\n")
        .append("          <th data-column-type=\"duration\">Duration</th>\n          <th>Links</th>\n        </tr>\n")
        .append("      </thead>\n")
        .append(entry.staticRow())
        .append("    </table>\n  </body>\n  <footer>\n    <div id=\"data-container\" data-jsonblob=\"")
        .append(blob(title, entry))
        .append("\"></div>\n    <script>").append(SCRIPT).append("</script>\n  </footer>\n</html>\n");
    return b.toString();
  }

  /** The blob as pytest-html would write it (ASCII JSON, Jinja-escaped). */
  private static String blob(String title, CrashEntry entry) throws IOException {
    StringWriter out = new StringWriter();
    HtmlEscapingWriter esc = new HtmlEscapingWriter(out, HtmlEscapingWriter.Style.JINJA);
    try (JsonGenerator g = Json.generator(esc, true)) {
      g.writeStartObject();
      g.writeObjectFieldStart("environment");
      g.writeEndObject();
      g.writeObjectFieldStart("tests");
      g.writeArrayFieldStart(entry.nodeid);
      entry.write(g);
      g.writeEndArray();
      g.writeEndObject();
      g.writeArrayFieldStart("renderCollapsed");
      g.writeString("passed");
      g.writeEndArray();
      g.writeStringField("initialSort", "result");
      g.writeStringField("title", title);
      g.writeEndObject();
    }
    esc.close();
    return out.toString();
  }

  private static final String STYLE = String.join("\n",
      "",
      "body { font-family: Helvetica, Arial, sans-serif; font-size: 12px; color: #222; margin: 16px; }",
      "h1 { font-size: 24px; } h2 { font-size: 16px; }",
      ".hidden { display: none; }",
      ".filters span { margin-right: 8px; }",
      "#results-table { border-collapse: collapse; width: 100%; border: 1px solid #e6e6e6; }",
      "#results-table th, #results-table td { padding: 5px; border: 1px solid #e6e6e6; text-align: left; }",
      ".failed, .error { color: #c00; } .passed { color: #080; }",
      ".col-result { font-weight: bold; }",
      ".log { white-space: pre-wrap; font-family: monospace; background: #fafafa; padding: 4px; }",
      "    ");

  /**
   * Re-renders rows from the blob. Cells and logs are parsed inside an inert template and only their
   * text (and line breaks) is copied, so nothing in a test name or log can load or run anything.
   */
  private static final String SCRIPT = String.join("\n",
      "",
      "(function () {",
      "  var box = document.getElementById('data-container');",
      "  var table = document.getElementById('results-table');",
      "  if (!box || !table) { return; }",
      "  var data;",
      "  try { data = JSON.parse(box.getAttribute('data-jsonblob')); } catch (e) { return; }",
      "  var tests = data.tests || {};",
      "  var results = [];",
      "  (Array.isArray(tests) ? tests : Object.keys(tests).map(function (k) { return tests[k]; }))",
      "    .forEach(function (v) { results = results.concat(v); });",
      "  function textOf(html, into) {",
      "    var t = document.createElement('template');",
      "    t.innerHTML = String(html);",
      "    (function walk(node) {",
      "      node.childNodes.forEach(function (n) {",
      "        if (n.nodeType === 3) { into.appendChild(document.createTextNode(n.data)); }",
      "        else if (n.nodeName === 'BR') { into.appendChild(document.createElement('br')); }",
      "        else { walk(n); }",
      "      });",
      "    })(t.content);",
      "    return t.content.firstElementChild;",
      "  }",
      "  var rows = [];",
      "  results.forEach(function (r) {",
      "    if (!r || typeof r.result !== 'string') { return; }",
      "    var body = document.createElement('tbody');",
      "    body.className = 'results-table-row ' + r.result.toLowerCase();",
      "    body.id = r.testId || '';",
      "    var tr = document.createElement('tr');",
      "    tr.className = 'collapsible';",
      "    (r.resultsTableRow || []).forEach(function (cell) {",
      "      var td = document.createElement('td');",
      "      var first = textOf(cell, td);",
      "      if (first && first.className) { td.className = first.className; }",
      "      tr.appendChild(td);",
      "    });",
      "    body.appendChild(tr);",
      "    if (r.log) {",
      "      var ex = document.createElement('tr');",
      "      ex.className = 'extras-row';",
      "      var td = document.createElement('td');",
      "      td.className = 'extra';",
      "      td.colSpan = 4;",
      "      var log = document.createElement('div');",
      "      log.className = 'log';",
      "      textOf(r.log, log);",
      "      td.appendChild(log);",
      "      ex.appendChild(td);",
      "      body.appendChild(ex);",
      "    }",
      "    rows.push(body);",
      "  });",
      "  table.querySelectorAll('tbody.results-table-row').forEach(function (b) { b.remove(); });",
      "  rows.forEach(function (b) { table.appendChild(b); });",
      "})();",
      "    ");
}
