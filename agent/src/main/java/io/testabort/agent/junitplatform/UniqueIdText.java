package io.testabort.agent.junitplatform;

import io.testabort.agent.core.AgentLog;
import io.testabort.agent.instrument.Reflect;

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
   * The text of {@code id}, a node's {@code UniqueId}; {@code parentId} and {@code parentText} are its
   * parent's id and text, or null when unknown.
   */
  static String of(Object id, Object parentId, String parentText) {
    if (parentText == null || parentId == null || disabled) {
      return id.toString();
    }
    String built;
    try {
      built = childOf(id, parentId, parentText);
    } catch (ReflectiveOperationException | RuntimeException e) {
      built = null; // a Platform without these methods: its own text
    }
    if (built == null) {
      return id.toString();
    }
    if (!checked) {
      String platform = id.toString();
      checked = true;
      if (!platform.equals(built)) {
        disabled = true;
        AgentLog.debug("this JUnit Platform formats unique ids its own way; formatting them with toString()");
        return platform;
      }
    }
    return built;
  }

  /** {@code parentText + "/[type:value]"} when {@code id} is {@code parentId} plus one plain segment, else null. */
  static String childOf(Object id, Object parentId, String parentText) throws ReflectiveOperationException {
    if (!parentId.equals(Reflect.call(id, "removeLastSegment"))) {
      return null;
    }
    Object segment = Reflect.call(id, "getLastSegment");
    String type = (String) Reflect.call(segment, "getType");
    String value = (String) Reflect.call(segment, "getValue");
    if (!isPlain(type) || !isPlain(value)) {
      return null;
    }
    return new StringBuilder(parentText.length() + type.length() + value.length() + 4)
        .append(parentText).append("/[").append(type).append(':').append(value).append(']').toString();
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
