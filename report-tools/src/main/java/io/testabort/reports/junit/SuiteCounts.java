package io.testabort.reports.junit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

  /** {@code xml} (well-formed) with its suites' counts set from their test cases. */
  static String recount(String xml) {
    XmlElements.Element root = XmlElements.scan(xml);
    TreeMap<Integer, String[]> tags = new TreeMap<>();
    recount(xml, root, tags);
    StringBuilder out = new StringBuilder(xml);
    for (Map.Entry<Integer, String[]> e : tags.descendingMap().entrySet()) {
      out.replace(e.getKey(), e.getKey() + e.getValue()[0].length(), e.getValue()[1]);
    }
    return out.toString();
  }

  /** Counts {@code e}'s test cases into {tests, errors, failures, skipped}, noting changed suite start tags. */
  private static int[] recount(String xml, XmlElements.Element e, Map<Integer, String[]> tags) {
    int[] counts = new int[4];
    if (e.name.equals("testcase")) {
      counts[0] = 1;
      counts[1] = e.hasChild("error") ? 1 : 0;
      counts[2] = e.hasChild("failure") ? 1 : 0;
      counts[3] = e.hasChild("skipped") ? 1 : 0;
      return counts;
    }
    for (XmlElements.Element c : e.children) {
      int[] child = recount(xml, c, tags);
      for (int i = 0; i < counts.length; i++) {
        counts[i] += child[i];
      }
    }
    if (e.name.equals("testsuite") || e.name.equals("testsuites")) {
      String tag = xml.substring(e.start, e.startTagEnd);
      String counted = withCounts(tag, e, counts);
      if (!counted.equals(tag)) {
        tags.put(e.start, new String[] {tag, counted});
      }
    }
    return counts;
  }

  private static String withCounts(String tag, XmlElements.Element e, int[] counts) {
    Matcher m = COUNT.matcher(tag);
    StringBuffer out = new StringBuffer();
    while (m.find()) {
      int value = counts[KEYS.indexOf(m.group(2))];
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + m.group(3) + m.group(4) + value + m.group(4)));
    }
    m.appendTail(out);
    String counted = out.toString();
    if (e.name.equals("testsuite")) {
      // a suite always gets the counts readers need most
      for (String key : List.of("tests", "errors")) {
        if (!e.attributes.containsKey(key)) {
          int close = counted.endsWith("/>") ? counted.length() - 2 : counted.length() - 1;
          counted = counted.substring(0, close) + " " + key + "=\"" + counts[KEYS.indexOf(key)] + "\"" + counted.substring(close);
        }
      }
    }
    return counted;
  }
}
