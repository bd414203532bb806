package io.testabort.reports.pytest.html;

import com.fasterxml.jackson.core.JsonGenerator;
import io.testabort.crash.CrashRecord;
import io.testabort.reports.pytest.CrashText;
import io.testabort.reports.pytest.NodeId;
import java.io.IOException;
import java.util.List;

/** The blob entry (and static row) for one crashed test, shaped like a result pytest-html writes. */
final class CrashEntry {
  final String nodeid;
  final String duration;
  /** HTML-escaped, as pytest-html stores {@code log}. */
  final String log;

  /** The ids pytest-abort would have given this crash in a page it patched ({@link NodeId#pytestAbortForms}). */
  final List<String> pytestAbortIds;

  CrashEntry(CrashRecord crash, String testfile) {
    this.nodeid = nodeid(crash, testfile);
    this.pytestAbortIds = NodeId.pytestAbortForms(nodeid, crash.string("test_name", ""), testfile);
    this.duration = Durations.format(crash.duration());
    this.log = Html.escape(
        "Test crashed: " + oneLineText(crash.reason()) + "\n"
            + "Test Class: " + oneLineText(crash.testClass()) + "\n"
            + "Crash detected at: " + oneLineText(crash.crashTime()) + "\n"
            + "GPU ID: " + oneLineText(crash.gpuId()));
  }

  /**
   * pytest-abort's node id rule: a {@code file.py::name} id is kept; a bare name is anchored to the
   * test file that was running ({@code --testfile}), when one is given.
   */
  static String nodeid(CrashRecord crash, String testfile) {
    String id = crash.nodeid();
    int sep = id.indexOf("::");
    if (sep >= 0 && id.substring(0, sep).endsWith(".py")) {
      return id;
    }
    if (testfile == null || testfile.isEmpty()) {
      return id;
    }
    return (testfile.endsWith(".py") ? testfile : testfile + ".py") + "::" + id;
  }

  /** Control and format characters (other than newline and tab) would only show as garbage. */
  private static String oneLineText(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      if (cp == '\n' || cp == '\t' || !CrashText.isCategoryC(cp)) {
        b.appendCodePoint(cp);
      } else {
        b.append(' ');
      }
    });
    return b.toString();
  }

  /**
   * The {@code resultsTableRow} cells. pytest-html's JS parses them as HTML, so the node id is escaped
   * here: a name like {@code t[<script>…]} then shows as text and runs nothing.
   */
  String[] cells() {
    return new String[] {
      "<td class=\"col-result\">Failed</td>",
      "<td class=\"col-testId\">" + Html.escape(nodeid) + "</td>",
      "<td class=\"col-duration\">" + duration + "</td>",
      "<td class=\"col-links\"></td>",
    };
  }

  /** Writes the result object; key order as pytest-html writes it. */
  void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeArrayFieldStart("extras");
    g.writeEndArray();
    g.writeStringField("result", "Failed");
    g.writeStringField("testId", nodeid);
    g.writeStringField("duration", duration);
    g.writeArrayFieldStart("resultsTableRow");
    for (String c : cells()) {
      g.writeString(c);
    }
    g.writeEndArray();
    g.writeStringField("log", log);
    g.writeEndObject();
  }

  /** The same result as a static {@code <tbody>} in pytest-html's markup, for pages without its JS. */
  String staticRow() {
    StringBuilder b = new StringBuilder();
    b.append("      <tbody class=\"results-table-row failed\" id=\"").append(Html.escape(nodeid)).append("\">\n")
        .append("        <tr class=\"collapsible\">");
    for (String c : cells()) {
      b.append(c);
    }
    b.append("</tr>\n")
        .append("        <tr class=\"extras-row\"><td class=\"extra\" colspan=\"4\"><div class=\"logwrapper\">")
        .append("<div class=\"log\">").append(log).append("</div></div></td></tr>\n")
        .append("      </tbody>\n");
    return b.toString();
  }
}
