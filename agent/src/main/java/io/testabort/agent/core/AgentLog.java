package io.testabort.agent.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's only output: one line on stderr per distinct problem, never stdout (Surefire reads the
 * fork's stdout as its protocol).
 */
public final class AgentLog {
  private static final Set<String> reported = ConcurrentHashMap.newKeySet();
  private static volatile boolean debug;

  private AgentLog() {}

  public static void setDebug(boolean on) {
    debug = on;
  }

  public static boolean isDebug() {
    return debug;
  }

  /** Reports a problem once per {@code key}; the test run goes on. */
  public static void warn(String key, String message) {
    if (reported.add(key)) {
      System.err.println("[test-abort] " + message);
    }
  }

  /** Reports an unexpected agent failure once per place it happened. */
  public static void error(String where, Throwable t) {
    warn(where + ':' + t.getClass().getName(), where + " failed, ignored: " + t);
    if (debug) {
      t.printStackTrace(System.err);
    }
  }

  public static void debug(String message) {
    if (debug) {
      System.err.println("[test-abort] " + message);
    }
  }
}
