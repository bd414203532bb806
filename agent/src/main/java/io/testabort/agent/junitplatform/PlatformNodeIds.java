package io.testabort.agent.junitplatform;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a JUnit Platform unique id into the node id of docs/interface.md section 3: {@code <class>#<method>}
 * plus {@code [i]} per invocation level ({@code [test-template-invocation:#2]} gives {@code [2]},
 * dynamic containers and tests likewise), the class alone for a class container, and JUnit 4's own
 * method name ({@code parses[1]}) for the Vintage engine.
 */
final class PlatformNodeIds {
  private PlatformNodeIds() {}

  /** One {@code [type:value]} part of a unique id, value decoded. */
  static final class Segment {
    final String type;
    final String value;

    Segment(String type, String value) {
      this.type = type;
      this.value = value;
    }

    boolean isInvocation() {
      return value.startsWith("#");
    }
  }

  /** Splits a unique id; JUnit percent-encodes {@code [ ] / : %} inside types and values, so '/' is safe. */
  static List<Segment> parse(String uniqueId) {
    List<Segment> out = new ArrayList<>();
    for (String part : uniqueId.split("/")) {
      if (part.length() < 2 || part.charAt(0) != '[' || part.charAt(part.length() - 1) != ']') {
        continue;
      }
      String body = part.substring(1, part.length() - 1);
      int colon = body.indexOf(':');
      if (colon < 0) {
        continue;
      }
      out.add(new Segment(decode(body.substring(0, colon)), decode(body.substring(colon + 1))));
    }
    return out;
  }

  /** The id of the innermost engine (the suite engine nests others). */
  static String engine(List<Segment> segments) {
    String engine = "junit-platform";
    for (Segment s : segments) {
      if (s.type.equals("engine")) {
        engine = s.value;
      }
    }
    return engine;
  }

  /** The number of trailing invocation segments ({@code #n} values). */
  static int invocationDepth(List<Segment> segments) {
    int n = 0;
    for (int i = segments.size() - 1; i >= 0 && segments.get(i).isInvocation(); i--) {
      n++;
    }
    return n;
  }

  /**
   * {@code [2]} for one {@code #2} segment, {@code [1][3]} for two, and so on, in the id's order: the
   * trailing ones of a parameterized invocation or dynamic test, and one of a {@code @ParameterizedClass}
   * invocation in the middle ({@code [class-template-invocation:#2]/[method:deposits()]} is
   * {@code deposits[2]}), so each invocation of the class is a test of its own.
   */
  static String invocationSuffix(List<Segment> segments) {
    StringBuilder out = new StringBuilder();
    for (Segment s : segments) {
      if (s.isInvocation()) {
        out.append('[').append(s.value.substring(1)).append(']');
      }
    }
    return out.toString();
  }

  /** Whether any segment is an invocation ({@code #n}), trailing or not. */
  static boolean hasInvocation(List<Segment> segments) {
    for (Segment s : segments) {
      if (s.isInvocation()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The parent to record a node under: engines are not recorded, so a class the suite engine runs,
   * whose parent is the inner engine ({@code [suite:S]/[engine:junit-jupiter]}), counts as the suite's
   * child, and the suite's {@code @AfterSuite} then runs in its teardown, not its setup.
   */
  static String recordedParent(String parentId) {
    if (parentId == null) {
      return null;
    }
    int last = parentId.lastIndexOf("/[engine:");
    return last > 0 && parentId.indexOf('/', last + 1) < 0 ? parentId.substring(0, last) : parentId;
  }

  /** The unique id without its trailing invocation segments: the parameterized or factory method. */
  static String withoutInvocations(String uniqueId, List<Segment> segments) {
    String id = uniqueId;
    for (int i = invocationDepth(segments); i > 0; i--) {
      id = id.substring(0, id.lastIndexOf('/'));
    }
    return id;
  }

  /**
   * For the Vintage engine: JUnit 4 names a test {@code method(class)}; the last segment of type
   * {@code test} holds that name. Returns {class, method} or null.
   */
  static String[] vintageTest(List<Segment> segments) {
    if (segments.isEmpty()) {
      return null;
    }
    Segment last = segments.get(segments.size() - 1);
    String v = last.value;
    if (!last.type.equals("test") || !v.endsWith(")")) {
      return null;
    }
    int open = v.lastIndexOf('(');
    if (open <= 0) {
      return null;
    }
    return new String[] {v.substring(open + 1, v.length() - 1), v.substring(0, open)};
  }

  private static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    try {
      // JUnit encodes only reserved characters; a literal '+' must stay a '+'
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
