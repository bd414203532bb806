package io.testabort.agent.junit4;

import net.bytebuddy.asm.Advice;
import org.junit.runner.Description;

/**
 * Inlined into {@code RunNotifier.fireTestStarted(Description)}, on exit: every runner reports a test
 * start through it, and after it the Vintage engine's listener has recorded the test if Vintage runs it.
 */
public final class TestStartedAdvice {
  private TestStartedAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.Argument(0) Description description) {
    JUnit4Events.testStarted(description.getClassName(), description.getMethodName(), description.getDisplayName());
  }
}
