package io.testabort.reports.pytest.html;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits the static summary of a pytest-html page (the head before the blob, as ISO-8859-1 text):
 * only the run-count paragraph, the filter checkboxes and their labels, the reload banner and the
 * title are touched, each located by its own markup, never by a search over the whole file.
 */
final class PageSummary {
  private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\s*)(\\d+)");
  private static final Pattern DISABLED = Pattern.compile("\\s+disabled(\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s/>]+))?");

  private String text;

  PageSummary(String text) {
    this.text = text;
  }

  String text() {
    return text;
  }

  /** Where the filter controls begin; the CSS and templates before them are never searched. */
  private int filtersStart() {
    int i = text.indexOf("class=\"filters\"");
    if (i < 0) {
      i = text.indexOf("<h2>Summary</h2>");
    }
    return Math.max(i, 0);
  }

  /** [start, end) of the checkbox tag of a filter, or null. */
  private int[] checkbox(String key) {
    int attr = text.indexOf("data-test-result=\"" + key + "\"", filtersStart());
    if (attr < 0) {
      return null;
    }
    int start = text.lastIndexOf('<', attr);
    int end = text.indexOf('>', attr);
    return start < 0 || end < 0 ? null : new int[] {start, end + 1};
  }

  /** [start, end) of the label text of a filter ({@code <span class="failed">4 Failed,</span>}), or null. */
  private int[] label(String key) {
    int[] box = checkbox(key);
    int from = box == null ? filtersStart() : box[1];
    String open = "<span class=\"" + key + "\">";
    int s = text.indexOf(open, from);
    if (s < 0) {
      return null;
    }
    int nextBox = text.indexOf("<input", from);
    if (box != null && nextBox >= 0 && nextBox < s) {
      return null;
    }
    int start = s + open.length();
    int end = text.indexOf("</span>", start);
    return end < 0 ? null : new int[] {start, end};
  }

  /** The number on a filter label, or -1 when the page has no such label. */
  int count(String key) {
    int[] l = label(key);
    if (l == null) {
      return -1;
    }
    Matcher m = LEADING_NUMBER.matcher(text.substring(l[0], l[1]));
    return m.find() ? Integer.parseInt(m.group(2)) : -1;
  }

  /** Sets a filter's number (the label's words stay) and enables its checkbox exactly when it is non-zero. */
  void setCount(String key, int n) {
    int[] l = label(key);
    if (l != null) {
      String old = text.substring(l[0], l[1]);
      Matcher m = LEADING_NUMBER.matcher(old);
      String updated = m.find() ? m.group(1) + n + old.substring(m.end()) : n + " " + old;
      text = text.substring(0, l[0]) + updated + text.substring(l[1]);
    }
    int[] box = checkbox(key);
    if (box != null) {
      String tag = text.substring(box[0], box[1]);
      String updated;
      boolean disabled = DISABLED.matcher(tag).find();
      if (n > 0 && disabled) {
        updated = DISABLED.matcher(tag).replaceFirst("");
        updated = updated.endsWith("\"/>") ? updated.substring(0, updated.length() - 2) + " />" : updated;
      } else if (n == 0 && !disabled) {
        int close = tag.endsWith("/>") ? tag.length() - 2 : tag.length() - 1;
        updated = tag.substring(0, close).replaceFirst("\\s+$", "") + " disabled" + tag.substring(close);
      } else {
        updated = tag;
      }
      text = text.substring(0, box[0]) + updated + text.substring(box[1]);
    }
  }

  /** [start, end) of the run-count paragraph's text, or null. */
  private int[] runCountRange() {
    int attr = text.indexOf("class=\"run-count\"");
    if (attr < 0) {
      return null;
    }
    int start = text.indexOf('>', attr) + 1;
    int end = text.indexOf("</p>", start);
    return start <= 0 || end < 0 ? null : new int[] {start, end};
  }

  String runCount() {
    int[] r = runCountRange();
    return r == null ? null : text.substring(r[0], r[1]);
  }

  void setRunCount(String value) {
    int[] r = runCountRange();
    if (r != null) {
      text = text.substring(0, r[0]) + Html.asLatin1Bytes(Html.escape(value)) + text.substring(r[1]);
    }
  }

  /** An unfinished page shows "There are still tests running"; a patched or merged one is finished. */
  void hideReloadBanner() {
    // the class name also appears in the inlined CSS, so look for it inside a class attribute only
    Matcher m = RELOAD_CLASS.matcher(text);
    if (!m.find()) {
      return;
    }
    String classes = m.group(1);
    if (!(" " + classes + " ").contains(" hidden ")) {
      text = text.substring(0, m.start(1)) + classes.trim() + " hidden" + text.substring(m.end(1));
    }
  }

  private static final Pattern RELOAD_CLASS = Pattern.compile("class=\"([^\"]*\\bsummary__reload__button\\b[^\"]*)\"");

  /** Sets the {@code <title>} and the {@code <h1 id="title">} text. */
  void setTitle(String title) {
    String t = Html.asLatin1Bytes(Html.escape(title));
    text = replaceElementText(text, "<title", "</title>", t);
    int h1 = text.indexOf("<h1 id=\"title\">");
    if (h1 >= 0) {
      text = text.substring(0, h1) + replaceElementText(text.substring(h1), "<h1", "</h1>", t);
    }
  }

  private static String replaceElementText(String s, String open, String close, String value) {
    int a = s.indexOf(open);
    if (a < 0) {
      return s;
    }
    int start = s.indexOf('>', a) + 1;
    int b = s.indexOf(close, a);
    return start <= 0 || b < start ? s : s.substring(0, start) + value + s.substring(b);
  }

  /** Parsed run-count text: {@code N test(s) took|ran in REST} or the unfinished {@code X/Y test(s) done.} */
  static final Pattern RUN_COUNT = Pattern.compile("^(\\s*)(\\d+)(/\\d+)?(\\s+tests?\\s+)(took|ran in|done)(.*)$", Pattern.DOTALL);

  /** True when the page still says it is running ({@code 0/0 test done.}). */
  boolean unfinished() {
    String rc = runCount();
    if (rc == null) {
      return false;
    }
    Matcher m = RUN_COUNT.matcher(rc);
    return m.matches() && "done".equals(m.group(5));
  }

  /** Adds {@code added} to the run count of a finished page, keeping its wording and duration. */
  void addToRunCount(int added) {
    String rc = runCount();
    if (rc == null) {
      return;
    }
    Matcher m = RUN_COUNT.matcher(rc);
    if (!m.matches() || m.group(3) != null) {
      return;
    }
    int n = Integer.parseInt(m.group(2)) + added;
    String word = m.group(4).replaceFirst("tests?", n <= 1 ? "test" : "tests");
    int[] r = runCountRange();
    text = text.substring(0, r[0]) + m.group(1) + n + word + m.group(5) + m.group(6) + text.substring(r[1]);
  }

  /** Writes all seven filter counts and the run count, e.g. for a merged or formerly unfinished page. */
  void setAll(SummaryCounts counts) {
    for (String key : SummaryCounts.KEYS) {
      setCount(key, counts.get(key));
    }
    setRunCount(counts.runCountText());
    hideReloadBanner();
  }
}
