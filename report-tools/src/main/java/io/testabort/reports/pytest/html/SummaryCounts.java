package io.testabort.reports.pytest.html;

import java.util.Locale;

/**
 * The numbers pytest-html prints above the results: one count per filter (blob entries, not node ids)
 * and the run count (passed + failed + xpassed + xfailed, without skipped, errors and reruns).
 */
final class SummaryCounts {
  /** Filter order and labels as pytest-html 4.1.1 renders them. */
  static final String[] KEYS = {"failed", "passed", "skipped", "xfailed", "xpassed", "error", "rerun"};

  private final int[] counts = new int[KEYS.length];
  private long durationMillis;

  /** Counts one blob entry by its {@code result} value; unknown results are not shown by app.js either. */
  void add(String result, String duration) {
    if (result == null) {
      return;
    }
    int i = index(result.toLowerCase(Locale.ROOT));
    if (i >= 0) {
      counts[i]++;
    }
    durationMillis += Durations.parseMillis(duration);
  }

  void addAll(SummaryCounts other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    durationMillis += other.durationMillis;
  }

  int get(String key) {
    return counts[index(key)];
  }

  int runCount() {
    return get("passed") + get("failed") + get("xpassed") + get("xfailed");
  }

  long durationMillis() {
    return durationMillis;
  }

  /** {@code "N tests took D."} in pytest-html's words. */
  String runCountText() {
    int n = runCount();
    return n + (n <= 1 ? " test" : " tests") + " took " + Durations.format(durationMillis / 1000.0) + ".";
  }

  private static int index(String key) {
    for (int i = 0; i < KEYS.length; i++) {
      if (KEYS[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }
}
