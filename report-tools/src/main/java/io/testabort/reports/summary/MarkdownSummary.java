package io.testabort.reports.summary;

import java.util.List;

/**
 * The summary as GitHub-flavoured Markdown, for a GitHub Actions job summary: a table of the crashed
 * tests, then per test its reason, the crashed thread's Java frames and the head of the fatal error log
 * collapsed in {@code <details>}. Every text from a record is a code span or a fenced block, so no test
 * name can become Markdown or HTML; in table cells {@code |} is escaped as GFM requires.
 */
public final class MarkdownSummary {
  private MarkdownSummary() {}

  /**
   * The most the summary takes, in UTF-8 bytes: GitHub refuses a job summary over 1 MiB whole ("upload
   * aborted"), and a fatal error log's details are ~14 KB a crash. Past it the details, then the table's
   * rows, are left out and the summary says how many.
   */
  static final int MAX_BYTES = 1000 * 1024;
  /** The table's share of {@link #MAX_BYTES}: the rest is for the details of as many crashes as fit. */
  static final int MAX_TABLE_BYTES = MAX_BYTES / 2;

  public static String render(List<SummaryEntry> entries) {
    return render(entries, MAX_BYTES, MAX_TABLE_BYTES);
  }

  static String render(List<SummaryEntry> entries, int maxBytes, int maxTableBytes) {
    StringBuilder md = new StringBuilder();
    md.append("## test-abort: ").append(entries.size()).append(entries.size() == 1 ? " test" : " tests").append(" crashed\n\n");
    if (entries.isEmpty()) {
      return md.append("No test crashed.\n").toString();
    }
    md.append("| test | reason | phase | framework | duration |\n| --- | --- | --- | --- | --- |\n");
    int bytes = utf8(md);
    int rows = 0;
    for (SummaryEntry e : entries) {
      String row = "| " + cellCode(e.nodeid()) + " | " + cellCode(e.reason()) + " | " + cellCode(e.phase()) + " | "
          + cellCode(e.framework()) + " | " + e.duration() + " |\n";
      if (bytes + utf8(row) > maxTableBytes) {
        break;
      }
      md.append(row);
      bytes += utf8(row);
      rows++;
    }
    if (rows < entries.size()) {
      String note = "\n" + (entries.size() - rows) + " more crashed tests are not listed: a GitHub job summary takes at most"
          + " 1 MiB (`summary --format html` lists them all).\n";
      md.append(note);
      bytes += utf8(note);
    }
    int detailed = 0;
    for (SummaryEntry e : entries.subList(0, rows)) {
      String details = details(e);
      if (bytes + utf8(details) > maxBytes - 300) { // room for the note below
        break;
      }
      md.append(details);
      bytes += utf8(details);
      detailed++;
    }
    if (detailed < rows) {
      md.append("\nThe details (Java frames, fatal error log) of ").append(rows - detailed)
          .append(" more crashed tests are left out: a GitHub job summary takes at most 1 MiB (`summary --format html` has them all).\n");
    }
    return md.toString();
  }

  /** One crashed test's section: reason, phase, its thread's Java frames and the head of the fatal error log. */
  private static String details(SummaryEntry e) {
    StringBuilder md = new StringBuilder();
    md.append("\n### ").append(code(e.nodeid())).append("\n\n");
    md.append("**Reason:** ").append(code(e.reason())).append("  \n");
    md.append("**Phase:** ").append(code(e.phase())).append(", **framework:** ").append(code(e.framework()))
        .append(", **duration:** ").append(e.duration());
    if (!"unknown".equals(e.gpuId())) {
      md.append(", **GPU:** ").append(code(e.gpuId()));
    }
    md.append("\n\n");
    if (!e.javaFrames().isEmpty()) {
      md.append("Java frames of the crashed thread").append(e.thread() != null ? " " + code(e.thread()) : "").append(":\n\n");
      int shown = e.framesToTest();
      fenced(md, e.javaFrames().subList(0, shown));
      if (shown < e.javaFrames().size()) {
        md.append("\n<details><summary>").append(e.javaFrames().size() - shown).append(" more frames</summary>\n\n");
        fenced(md, e.javaFrames().subList(shown, e.javaFrames().size()));
        md.append("\n</details>\n");
      }
    } else {
      md.append(e.noFramesNote(MarkdownSummary::code)).append("\n");
    }
    if (!e.errorLogHead().isEmpty()) {
      md.append("\n<details><summary>Fatal error log ").append(html(e.errorFile().toString()))
          .append(" (first ").append(e.errorLogHead().size()).append(" lines)</summary>\n\n");
      fenced(md, e.errorLogHead());
      md.append("\n</details>\n");
    }
    return md.toString();
  }

  private static int utf8(CharSequence s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /** A code span outside tables: a fence longer than any backtick run, padded when the text touches it. */
  static String code(String text) {
    String t = VisibleText.of(text);
    String fence = "`".repeat(longestRun(t, '`') + 1);
    boolean pad = t.startsWith("`") || t.endsWith("`") || (t.startsWith(" ") && t.endsWith(" ") && !t.isBlank());
    return t.isEmpty() ? "" : fence + (pad ? " " : "") + t + (pad ? " " : "") + fence;
  }

  /** A code span in a table cell: GFM splits cells at every unescaped {@code |}, even inside code. */
  static String cellCode(String text) {
    return code(text).replace("|", "\\|");
  }

  /** A fenced block whose fence no line of {@code lines} can close. */
  static void fenced(StringBuilder md, List<String> lines) {
    StringBuilder body = new StringBuilder();
    for (String line : lines) {
      body.append(VisibleText.of(line)).append('\n');
    }
    String fence = "`".repeat(Math.max(3, longestRun(body, '`') + 1));
    md.append(fence).append("text\n").append(body).append(fence).append('\n');
  }

  /** For the few raw HTML parts ({@code <summary>}). */
  static String html(String text) {
    return VisibleText.of(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static int longestRun(CharSequence s, char c) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == c ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}
