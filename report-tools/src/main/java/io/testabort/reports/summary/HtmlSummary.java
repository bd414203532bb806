package io.testabort.reports.summary;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

/**
 * The summary as one self-contained HTML page: inline style, no script, a Content-Security-Policy that
 * allows nothing else, built with jsoup so every text is escaped; the fatal error log head is collapsed
 * in {@code <details>}.
 */
public final class HtmlSummary {
  private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}"
      + "table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}"
      + "code,pre{font-family:ui-monospace,monospace;font-size:13px}pre{background:#f6f8fa;padding:.6em;overflow-x:auto}"
      + "h2{margin-top:2em}summary{cursor:pointer}";

  private HtmlSummary() {}

  public static String render(List<SummaryEntry> entries) {
    Document doc = Document.createShell("");
    doc.prependChild(new DocumentType("html", "", "")); // standards mode, not quirks
    doc.outputSettings().charset("UTF-8").prettyPrint(true);
    Element head = doc.head();
    head.appendElement("meta").attr("charset", "utf-8");
    head.appendElement("meta").attr("http-equiv", "Content-Security-Policy")
        .attr("content", "default-src 'none'; style-src 'unsafe-inline'");
    String title = "test-abort: " + entries.size() + (entries.size() == 1 ? " test" : " tests") + " crashed";
    head.appendElement("title").text(title);
    head.appendElement("style").appendChild(new org.jsoup.nodes.DataNode(STYLE));
    Element body = doc.body();
    body.appendElement("h1").text(title);
    if (entries.isEmpty()) {
      body.appendElement("p").text("No test crashed.");
      return doc.outerHtml();
    }
    Element table = body.appendElement("table").attr("id", "crashes");
    Element header = table.appendElement("thead").appendElement("tr");
    for (String h : new String[] {"test", "reason", "phase", "framework", "duration"}) {
      header.appendElement("th").text(h);
    }
    Element rows = table.appendElement("tbody");
    int n = 0;
    for (SummaryEntry e : entries) {
      Element tr = rows.appendElement("tr").addClass("crash");
      tr.appendElement("td").appendElement("a").attr("href", "#crash-" + ++n).appendElement("code").addClass("nodeid")
          .text(VisibleText.of(e.nodeid()));
      tr.appendElement("td").addClass("reason").text(VisibleText.of(e.reason()));
      tr.appendElement("td").addClass("phase").text(VisibleText.of(e.phase()));
      tr.appendElement("td").addClass("framework").text(VisibleText.of(e.framework()));
      tr.appendElement("td").addClass("duration").text(e.duration());
    }
    n = 0;
    for (SummaryEntry e : entries) {
      Element section = body.appendElement("section").attr("id", "crash-" + ++n).addClass("crash-detail");
      section.appendElement("h2").appendElement("code").text(VisibleText.of(e.nodeid()));
      section.appendElement("p").text("Reason: " + VisibleText.of(e.reason()));
      section.appendElement("p").text("Phase: " + VisibleText.of(e.phase()) + ", framework: " + VisibleText.of(e.framework())
          + ", duration: " + e.duration() + ("unknown".equals(e.gpuId()) ? "" : ", GPU: " + VisibleText.of(e.gpuId())));
      if (!e.javaFrames().isEmpty()) {
        section.appendElement("p").text("Java frames of the crashed thread" + (e.thread() != null ? " \"" + VisibleText.of(e.thread()) + "\"" : "") + ":");
        int shown = e.framesToTest();
        section.appendElement("pre").addClass("frames").text(lines(e.javaFrames().subList(0, shown)));
        if (shown < e.javaFrames().size()) {
          Element more = section.appendElement("details").addClass("more-frames");
          more.appendElement("summary").text((e.javaFrames().size() - shown) + " more frames");
          more.appendElement("pre").text(lines(e.javaFrames().subList(shown, e.javaFrames().size())));
        }
      } else {
        section.appendElement("p").addClass("no-frames").text(e.noFramesNote(VisibleText::of));
      }
      if (!e.errorLogHead().isEmpty()) {
        Element details = section.appendElement("details").addClass("error-log");
        details.appendElement("summary").text("Fatal error log " + VisibleText.of(e.errorFile().toString())
            + " (first " + e.errorLogHead().size() + " lines)");
        details.appendElement("pre").text(lines(e.errorLogHead()));
      }
    }
    return doc.outerHtml();
  }

  private static String lines(List<String> lines) {
    StringBuilder s = new StringBuilder();
    for (String l : lines) {
      s.append(VisibleText.of(l)).append('\n');
    }
    return s.toString();
  }
}
