package io.testabort.reports.pytest.html;

import io.testabort.crash.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Older pytest-html pages (before 4.0) that hold their results as static table rows and no blob:
 * {@code <tbody class="failed results-table-row">}, labels like {@code <span class="failed">2 failed</span>}
 * and a {@code <p>N tests ran in S seconds. </p>} summary. Such pages are small, so they are edited whole.
 */
final class TableOnlyReport {
  private static final Pattern RAN = Pattern.compile("<p>(\\s*)(\\d+)(\\s+tests?)(\\s+ran in)");

  private TableOnlyReport() {}

  static boolean looksLikeOne(Path file) throws IOException {
    String head;
    try (InputStream in = Files.newInputStream(file)) {
      head = new String(in.readNBytes(1 << 20), StandardCharsets.ISO_8859_1);
    }
    return head.contains("id=\"results-table\"") && head.contains("pytest-html");
  }

  static boolean addCrash(Path file, CrashEntry entry) throws IOException, BadInputException {
    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    int table = text.indexOf("id=\"results-table\"");
    int end = text.indexOf("</table>", table);
    if (table < 0 || end < 0) {
      throw new BadInputException(file, "pytest-html report without a complete results table");
    }
    String shownId = Html.asLatin1Bytes(Html.escape(entry.nodeid));
    String rows = text.substring(table, end);
    if (rows.contains(">" + shownId + "</td>") || rows.contains("id=\"" + shownId + "\"")) {
      return false;
    }
    String row = Html.asLatin1Bytes(entry.staticRow());
    PageSummary summary = new PageSummary(text.substring(0, end) + row + text.substring(end));
    int failed = summary.count("failed");
    if (failed >= 0) {
      summary.setCount("failed", failed + 1);
    }
    String updated = summary.text();
    int h2 = updated.indexOf("<h2>Summary</h2>");
    Matcher m = RAN.matcher(updated);
    if (h2 >= 0 && m.find(h2)) {
      int n = Integer.parseInt(m.group(2)) + 1;
      updated = updated.substring(0, m.start()) + "<p>" + m.group(1) + n + (n <= 1 ? " test" : " tests") + m.group(4)
          + updated.substring(m.end());
    }
    byte[] bytes = updated.getBytes(StandardCharsets.ISO_8859_1);
    io.testabort.crash.io.AtomicFiles.write(file, bytes);
    return true;
  }
}
