package io.testabort.agent.junit4;

import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code RunBefores.evaluate()}: with a test running on this thread these are its
 * {@code @Before} methods (setup); at class level no test runs and nothing changes.
 */
public final class BeforesAdvice {
  private BeforesAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter() {
    JUnit4Events.beforesEntered();
  }
}
