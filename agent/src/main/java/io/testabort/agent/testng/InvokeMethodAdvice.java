package io.testabort.agent.testng;

import net.bytebuddy.asm.Advice;
import org.testng.ITestClass;
import org.testng.ITestNGMethod;
import org.testng.internal.invokers.TestMethodArguments;

/**
 * Inlined into {@code TestInvoker.invokeMethod(TestMethodArguments, XmlSuite, FailureContext)} (private,
 * same signature 7.0 to 7.12): one invocation of a test method, with its before/after-method
 * configurations, on the executing thread. The public {@code invokeTestMethod} would miss retries.
 */
public final class InvokeMethodAdvice {
  private InvokeMethodAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static String enter(@Advice.Argument(0) TestMethodArguments arguments) {
    ITestNGMethod method = arguments.getTestMethod();
    // the class under test, as TestNG's reports name it, not the one declaring an inherited method
    ITestClass testClass = arguments.getTestClass();
    return TestNGEvents.invocationStarted(
        (testClass != null ? testClass.getRealClass() : method.getRealClass()).getName(),
        method.getMethodName(),
        method.isDataDriven(),
        arguments.getParametersIndex(),
        method.getInvocationCount(),
        method.getCurrentInvocationCount(),
        arguments.getParameterValues());
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(@Advice.Enter String key) {
    TestNGEvents.invocationFinished(key);
  }
}
