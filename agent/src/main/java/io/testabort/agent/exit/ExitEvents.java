package io.testabort.agent.exit;

import io.testabort.agent.core.AgentLog;
import io.testabort.agent.core.AgentOptions;
import io.testabort.agent.core.RunningTest;
import io.testabort.agent.core.TestEvents;

/**
 * What the {@code Runtime} hooks call. Returns the exception {@code System.exit} must
 * throw ({@code onExit=fail} during a test), else null; never throws itself.
 */
public final class ExitEvents {
  static final String SYSTEM_EXIT = "System.exit";
  static final String HALT = "Runtime.halt";

  private static volatile AgentOptions.OnExit mode = AgentOptions.OnExit.RECORD;

  private ExitEvents() {}

  public static void configure(AgentOptions.OnExit onExit) {
    mode = onExit;
  }

  public static RuntimeException exit(int status, String via) {
    if (!TestEvents.active()) {
      return null;
    }
    RunningTest test = null;
    boolean block = false;
    try {
      if (mode == AgentOptions.OnExit.FAIL && via.equals(SYSTEM_EXIT)) {
        test = TestEvents.currentTest();
        block = test != null;
      }
      if (!block) {
        TestEvents.exitCalled(status, via, Thread.currentThread().getStackTrace());
      }
    } catch (Throwable t) {
      AgentLog.error("recording " + via, t);
      return null;
    }
    if (!block) {
      return null;
    }
    return new ExitDuringTestException(
          via + "(" + status + ") called during test " + test.nodeid()
            + "; test-abort (onExit=fail) stopped the JVM from exiting");
  }
}
