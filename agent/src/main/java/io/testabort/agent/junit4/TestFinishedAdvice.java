package io.testabort.agent.junit4;

import net.bytebuddy.asm.Advice;
import org.junit.runner.Description;

/** Inlined into {@code RunNotifier.fireTestFinished(Description)}. */
public final class TestFinishedAdvice {
  private TestFinishedAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.Argument(0) Description description) {
    JUnit4Events.testFinished(description.getClassName(), description.getMethodName());
  }
}
