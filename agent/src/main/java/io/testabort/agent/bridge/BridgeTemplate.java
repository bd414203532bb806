package io.testabort.agent.bridge;

import java.util.function.BiFunction;

/**
 * The source of the class every hook calls: {@link BootBridge} copies it into {@code java.base} as
 * {@code java.lang.TestAbortBridge}, where framework classes of any class loader (Maven's plugin realms,
 * OSGi bundles, a {@code URLClassLoader} over the platform loader) and {@code java.lang.Runtime} itself
 * resolve it. It speaks JDK types only, so it links in {@code java.base}, and it is never loaded under this
 * name. Nothing here throws into a framework, except the exception the agent hands back on purpose
 * ({@code onExit=fail}).
 */
public final class BridgeTemplate {
  /** The agent's dispatcher: (hook name, [receiver, arguments...]) to a result or null. */
  public static volatile BiFunction<String, Object[], Object> target;

  private static volatile boolean unreachableReported;

  private BridgeTemplate() {}

  /** Runs hook {@code event}; its result, or null when the agent is unreachable or failed. */
  public static Object call(String event, Object[] args) {
    BiFunction<String, Object[], Object> t = target;
    if (t == null) {
      unreachable();
      return null;
    }
    try {
      return t.apply(event, args);
    } catch (Throwable e) {
      return null;
    }
  }

  /** A value the agent may swap: {@code args[0]} unless the agent hands back another one. */
  public static Object replace(String event, Object[] args) {
    Object replacement = call(event, args);
    return replacement != null ? replacement : args[0];
  }

  /** Whether the hooked method is to return at once (its default value), without running. */
  public static boolean skip(String event, Object[] args) {
    return call(event, args) == Boolean.TRUE;
  }

  /** Runs hook {@code event} and throws the runtime exception it hands back, if any. */
  public static void mayThrow(String event, Object[] args) {
    Object refusal = call(event, args);
    if (refusal instanceof RuntimeException) {
      throw (RuntimeException) refusal;
    }
  }

  /**
   * The JVM's own arguments ({@code -XX:ErrorFile=...} among them, JAVA_TOOL_OPTIONS' included), for the
   * marker's JVM facts without java.management, whose start-up costs a test JVM ~20 ms.
   */
  public static String[] vmArguments() {
    return VmStandIn.getRuntimeArguments();
  }

  private static void unreachable() {
    if (!unreachableReported) {
      unreachableReported = true;
      System.err.println("[test-abort] a hooked framework class cannot reach the agent; no markers from this JVM");
    }
  }
}
