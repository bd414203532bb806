package io.testabort.agent.testng;

import net.bytebuddy.asm.Advice;
import org.testng.ITestResult;

/** Inlined into {@code TestInvoker.runTestResultListener(ITestResult)}: the call phase starts or ends. */
public final class ResultListenerAdvice {
  private ResultListenerAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.Argument(0) ITestResult result) {
    TestNGEvents.resultReported(result.getStatus() == ITestResult.STARTED);
  }
}
