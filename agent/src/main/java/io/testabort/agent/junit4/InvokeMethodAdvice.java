package io.testabort.agent.junit4;

import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code InvokeMethod.evaluate()}, the statement that calls the test method inside the
 * {@code @Before}/{@code @After} statements: entering it is the call phase, leaving it teardown.
 */
public final class InvokeMethodAdvice {
  private InvokeMethodAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter() {
    JUnit4Events.methodEntered();
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit() {
    JUnit4Events.methodExited();
  }
}
