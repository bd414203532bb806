package io.testabort.agent.junitplatform;

import io.testabort.agent.core.AgentLog;
import io.testabort.agent.instrument.Reflect;
import java.util.List;

/**
 * A node's {@code UniqueId} as text, the Platform's own {@code toString()}, built from its parent's text
 * when that is known: {@code parent + "/[" + type + ":" + value + "]"}.
 *
 * <p>Why not just {@code toString()}: the Platform formats an id through a stream over its segments,
 * with a map lookup per character, the first time anyone asks. Where no listener asks (the console
 * launcher), the agent was the one that paid for it: 40% of the agent's samples per test in a JFR
 * profile of 2,000 JUnit 5 tests under {@code -Xint}, which is how a short test JVM runs much of the
 * agent's code. Where a listener asks for the text, the Platform still formats it there; this only
 * spares the agent's own call.
 *
 * <p>Same text by construction: the Platform's {@code UniqueIdFormat} percent-encodes only
 * {@code % + [ ] : /} (its default format), so a type and a value of other printable ASCII characters
 * appear as they are; any other character, or a node whose id is not its parent's plus one segment,
 * takes {@code toString()}. The first id built here in a JVM is also compared with {@code toString()};
 * a difference turns this off for the JVM (a Platform that formats otherwise).
 */
final class UniqueIdText {
  private static volatile boolean checked;
  private static volatile boolean disabled;

  private UniqueIdText() {}

  /**
   * The node of {@code id}, a node's {@code UniqueId}; {@code parentId} and {@code parent} are its
   * parent's id and node, or null when unknown.
   */
  static PlatformNode of(Object id, Object parentId, PlatformNode parent) {
    if (parent == null || parentId == null || disabled) {
      return PlatformNode.parsed(id.toString());
    }
    String[] segment;
    try {
      segment = lastPlainSegment(id, parentId);
    } catch (ReflectiveOperationException | RuntimeException e) {
      segment = null; // a Platform without these methods: its own text
    }
    if (segment == null) {
      return PlatformNode.parsed(id.toString());
    }
    PlatformNode built = parent.child(segment[0], segment[1]);
    if (!checked) {
      String platform = id.toString();
      checked = true;
      if (!platform.equals(built.text)) {
        disabled = true;
        AgentLog.debug("this JUnit Platform formats unique ids its own way; formatting them with toString()");
        return PlatformNode.parsed(platform);
      }
    }
    return built;
  }

  /** {@code parentText + "/[type:value]"} when {@code id} is {@code parentId} plus one plain segment, else null. */
  static String childOf(Object id, Object parentId, String parentText) throws ReflectiveOperationException {
    String[] segment = lastPlainSegment(id, parentId);
    return segment == null ? null : PlatformNode.parsed(parentText).child(segment[0], segment[1]).text;
  }

  /**
   * {type, value} of the last segment of {@code id} when {@code id} is {@code parentId} plus that one
   * segment and both are plain, else null. The Platform's {@code append} shares the parent's segment
   * objects, so an identity check of the prefix usually answers; otherwise the ids are compared.
   */
  static String[] lastPlainSegment(Object id, Object parentId) throws ReflectiveOperationException {
    List<?> segments = (List<?>) Reflect.call(id, "getSegments");
    List<?> parentSegments = (List<?>) Reflect.call(parentId, "getSegments");
    int n = parentSegments.size();
    if (segments.size() != n + 1
        || !sameObjects(segments, parentSegments, n) && !parentId.equals(Reflect.call(id, "removeLastSegment"))) {
      return null;
    }
    Object last = segments.get(n);
    String type = (String) Reflect.call(last, "getType");
    String value = (String) Reflect.call(last, "getValue");
    return isPlain(type) && isPlain(value) ? new String[] {type, value} : null;
  }

  private static boolean sameObjects(List<?> a, List<?> b, int n) {
    for (int i = 0; i < n; i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** Printable ASCII that no version of the Platform encodes. */
  static boolean isPlain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '%' || c == '+' || c == '[' || c == ']' || c == ':' || c == '/') {
        return false;
      }
    }
    return true;
  }
}
