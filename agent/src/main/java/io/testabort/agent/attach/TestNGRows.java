package io.testabort.agent.attach;

import io.testabort.agent.core.AgentLog;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * TestNG keeps the running invocation's {@code ITestResult} in {@code Reporter}'s thread-local; from it
 * a data-provider row gets the agent's name, {@code schedules[2]}, and Surefire's display name. Read by
 * reflection on the framework's public interfaces, so nothing of TestNG is compiled in.
 */
final class TestNGRows {
  private final OtherThreadLocals threadLocals;

  TestNGRows(OtherThreadLocals threadLocals) {
    this.threadLocals = threadLocals;
  }

  void nameRow(InFlightTest test) {
    if (!"testng".equals(test.framework) || test.lifecycle != Lifecycle.TEST) {
      return;
    }
    try {
      Class<?> testClass = ClassLookup.find(test.thread, test.testClass);
      ClassLoader loader = testClass != null ? testClass.getClassLoader() : test.thread.getContextClassLoader();
      Class<?> reporter = Class.forName("org.testng.Reporter", false, loader);
      Field current = reporter.getDeclaredField("m_currentTestResult");
      current.setAccessible(true);
      Object result = threadLocals.valueOn(test.thread, (ThreadLocal<?>) current.get(null));
      if (result == null) {
        return;
      }
      Class<?> resultType = Class.forName("org.testng.ITestResult", false, reporter.getClassLoader());
      Class<?> methodType = Class.forName("org.testng.ITestNGMethod", false, reporter.getClassLoader());
      Object method = resultType.getMethod("getMethod").invoke(result);
      // the result of this invocation, not one left from an earlier test on this thread
      if (!test.method.equals(methodType.getMethod("getMethodName").invoke(method))
          || !(Boolean) methodType.getMethod("isDataDriven").invoke(method)) {
        return;
      }
      int row = (Integer) resultType.getMethod("getParameterIndex").invoke(result);
      Object[] parameters = (Object[]) resultType.getMethod("getParameters").invoke(result);
      test.invocation = "[" + (row + 1) + "]";
      test.displayName = test.method + Arrays.toString(parameters) + "(" + (row + 1) + ")";
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      AgentLog.debug("no TestNG data-provider row for " + test.testClass + "#" + test.method + ": " + e);
    }
  }
}
