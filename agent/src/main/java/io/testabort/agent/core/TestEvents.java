package io.testabort.agent.core;

/**
 * What the framework packages call: the agent's one entry point for test events. Never throws, and
 * does nothing when the agent is inert; an agent error is one stderr line, and the test run goes on.
 */
public final class TestEvents {
  private TestEvents() {}

  /** Whether events are recorded; a framework asks first, to build nothing for an inert agent. */
  public static boolean active() {
    return AgentSession.registry() != null;
  }

  /**
   * Records a start; false when nothing was recorded (inert, its key runs already, or a record of another
   * layer on this thread covers it). {@code parentKey} (may be null) names the enclosing container.
   */
  public static boolean started(RunningTest test, String parentKey) {
    TestRegistry registry = AgentSession.registry();
    if (registry == null || test == null) {
      return false;
    }
    try {
      AgentSession.beforeStart();
      return registry.started(test, parentKey);
    } catch (Throwable t) {
      AgentLog.error("recording the start of " + test.key, t);
      return false;
    }
  }

  public static void finished(String key) {
    TestRegistry registry = AgentSession.registry();
    if (registry == null || key == null) {
      return;
    }
    try {
      registry.finished(key);
    } catch (Throwable t) {
      AgentLog.error("recording the end of " + key, t);
    }
  }

  /**
   * The latest test started on this thread moves to {@code phase} if it is of {@code framework} or
   * {@code alsoFramework} (may be null); one call, where asking for the test and then setting its phase
   * took the registry's lock and searched twice per event.
   */
  public static void phaseOf(String framework, String alsoFramework, String phase) {
    TestRegistry registry = AgentSession.registry();
    if (registry == null) {
      return;
    }
    try {
      registry.phaseOf(framework, alsoFramework, phase);
    } catch (Throwable t) {
      AgentLog.error("recording phase " + phase, t);
    }
  }

  /** See {@link TestRegistry#testMethod}; {@code framework} null for any. */
  public static void testMethod(String framework, String alsoFramework, boolean entering) {
    TestRegistry registry = AgentSession.registry();
    if (registry == null) {
      return;
    }
    try {
      registry.testMethod(framework, alsoFramework, entering);
    } catch (Throwable t) {
      AgentLog.error("recording a test method's " + (entering ? "start" : "end"), t);
    }
  }

  /** See {@link TestRegistry#phaseOutsideMethod}. */
  public static void phaseOutsideMethod(String framework, String alsoFramework, String phase) {
    TestRegistry registry = AgentSession.registry();
    if (registry == null) {
      return;
    }
    try {
      registry.phaseOutsideMethod(framework, alsoFramework, phase);
    } catch (Throwable t) {
      AgentLog.error("recording phase " + phase, t);
    }
  }

  /** The latest test (not container) started on this thread that still runs, or null. */
  public static RunningTest currentTest() {
    TestRegistry registry = AgentSession.registry();
    try {
      return registry == null ? null : registry.currentTest();
    } catch (Throwable t) {
      AgentLog.error("finding this thread's test", t);
      return null;
    }
  }

  public static boolean isRunning(String key) {
    TestRegistry registry = AgentSession.registry();
    try {
      return registry != null && registry.isRunning(key);
    } catch (Throwable t) {
      AgentLog.error("finding " + key, t);
      return false;
    }
  }

  /**
   * {@code System.exit}/{@code Runtime.halt} was called; recorded in the marker when something runs.
   *
   * @return true when a test or container was running
   */
  public static boolean exitCalled(int code, String via, StackTraceElement[] trace) {
    TestRegistry registry = AgentSession.registry();
    try {
      return registry != null && registry.exitCalled(code, via, trace);
    } catch (Throwable t) {
      AgentLog.error("recording " + via, t);
      return false;
    }
  }
}
