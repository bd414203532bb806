package io.testabort.agent.testng;

import net.bytebuddy.asm.Advice;
import org.testng.ITestResult;
import org.testng.SkipException;

/**
 * Inlined into {@code BaseInvoker.runInvokedMethodListeners}, on exit: after the before-invocation
 * listeners of a skipped test, its result is marked skipped with a {@link SkipException}, as a listener
 * may do; {@code TestInvoker.invokeMethod} then returns without running the body and reports the skip.
 */
public final class SkipInvocationAdvice {
  private SkipInvocationAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.Argument(0) Object listenerMethod, @Advice.Argument(2) ITestResult result) {
    if (result == null || result.getStatus() != ITestResult.STARTED || !result.getMethod().isTest()) {
      return;
    }
    String reason = TestNGEvents.skipping();
    if (reason != null && "BEFORE_INVOCATION".equals(String.valueOf(listenerMethod))) {
      result.setThrowable(new SkipException(reason));
      result.setStatus(ITestResult.SKIP);
    }
  }
}
