package io.testabort.reports.junit;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets the counts of every {@code <testsuite>} and {@code <testsuites>} of a report to what its test cases
 * say: {@code tests} is the number of test cases, {@code errors}, {@code failures} and {@code skipped} the
 * number of test cases with such a child. Counting, rather than adding to what is there, also repairs what
 * the writer got wrong (Surefire writes {@code tests="0"} for a class with {@code @Nested} classes), so a
 * file we write always agrees with itself. Only the numbers in start tags change; a {@code <testsuites>}
 * without counts (newer pytest) stays without.
 */
final class SuiteCounts {
  private static final List<String> KEYS = List.of("tests", "errors", "failures", "skipped");
  private static final Pattern COUNT = Pattern.compile("(\\s)(tests|errors|failures|skipped)(\\s*=\\s*)([\"'])([^\"']*)\\4");

  private SuiteCounts() {}

  /** {@code {tests, errors, failures, skipped}} of one test case. */
  static int[] of(boolean error, boolean failure, boolean skipped) {
    return new int[] {1, error ? 1 : 0, failure ? 1 : 0, skipped ? 1 : 0};
  }

  static void add(int[] to, int[] counts) {
    for (int i = 0; i < to.length; i++) {
      to[i] += counts[i];
    }
  }

  /** The start tag of {@code suite} with its counts set to {@code counts} (the tag itself when they agree). */
  static String startTag(ReportScan.Suite suite, int[] counts) {
    return withCounts(suite.startTag, suite.name, suite.attributes, counts);
  }

  private static String withCounts(String tag, String name, Map<String, String> attributes, int[] counts) {
    Matcher m = COUNT.matcher(tag);
    StringBuffer out = new StringBuffer();
    while (m.find()) {
      int value = counts[KEYS.indexOf(m.group(2))];
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + m.group(3) + m.group(4) + value + m.group(4)));
    }
    m.appendTail(out);
    String counted = out.toString();
    if (name.equals("testsuite")) {
      // a suite always gets the counts readers need most
      for (String key : List.of("tests", "errors")) {
        if (!attributes.containsKey(key)) {
          int close = counted.endsWith("/>") ? counted.length() - 2 : counted.length() - 1;
          counted = counted.substring(0, close) + " " + key + "=\"" + counts[KEYS.indexOf(key)] + "\"" + counted.substring(close);
        }
      }
    }
    return counted;
  }
}
