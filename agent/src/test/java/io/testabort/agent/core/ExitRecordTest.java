package io.testabort.agent.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which thread, at shutdown, says how the JVM is leaving: a System.exit caller, or a signal. */
class ExitRecordTest {
  private static StackTraceElement frame(String cls, String method) {
    return new StackTraceElement(cls, method, null, -1);
  }

  @Test
  void aThreadInSystemExitIsAnExitCall() {
    StackTraceElement[] trace = {
      frame("java.lang.Object", "wait"), frame("java.lang.Shutdown", "exit"), frame("java.lang.Runtime", "exit"),
      frame("java.lang.System", "exit"), frame("com.x.LedgerTest", "closes"),
    };

    assertThat(ExitRecord.isExiting(trace)).isTrue();
    assertThat(ExitRecord.callerStack(trace)).containsExactly("com.x.LedgerTest.closes(Unknown Source)");
  }

  @Test
  void theJdksSignalHandlerIsNoExitCall() {
    // the stack of the thread that handles SIGTERM on JDK 17 and 25
    StackTraceElement[] trace = {
      frame("java.lang.Shutdown", "exit"), frame("java.lang.Terminator$1", "handle"),
      frame("jdk.internal.misc.Signal$1", "run"), frame("java.lang.Thread", "run"),
    };

    assertThat(ExitRecord.isExiting(trace)).isFalse();
  }

  @Test
  void aThreadElsewhereIsNoExitCall() {
    assertThat(ExitRecord.isExiting(new StackTraceElement[] {frame("com.x.T", "t"), frame("java.lang.Thread", "run")})).isFalse();
  }
}
