package io.testabort.agent.junitplatform;

import net.bytebuddy.asm.Advice;

/**
 * Inlined into Jupiter's {@code TestMethodTestDescriptor.invokeTestMethod}: before it the test is in its
 * before-each methods (setup), inside it in the test method (call), after it in after-each (teardown).
 */
public final class TestMethodAdvice {
  private TestMethodAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter() {
    PlatformEvents.testMethodEntered();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit() {
    PlatformEvents.testMethodExited();
  }
}
