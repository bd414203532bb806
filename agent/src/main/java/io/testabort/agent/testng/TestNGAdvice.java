package io.testabort.agent.testng;

import io.testabort.agent.instrument.EnterExitKeys;
import io.testabort.agent.instrument.Hook;
import io.testabort.agent.instrument.Reflect;

/**
 * The TestNG hooks' agent side: reads TestNG's invocation arguments and methods (known here only as
 * {@code Object}s: TestNG may live in a class loader the agent cannot see) and hands {@link TestNGEvents}
 * plain strings and numbers; for the skip list it marks a result skipped with TestNG's own
 * {@code SkipException}.
 */
final class TestNGAdvice implements Hook {
  static final int INVOCATION_STARTED = 0;
  static final int INVOCATION_FINISHED = 1;
  static final int RESULT_REPORTED = 2;
  static final int CONFIGURATION_STARTED = 3;
  static final int CONFIGURATION_FINISHED = 4;
  static final int SKIP_CONFIGURATIONS = 5;
  static final int SKIP_INVOCATION = 6;

  // ITestResult's status codes, fixed since TestNG 5
  private static final int STARTED = 16;
  private static final int SKIP = 3;

  private static final EnterExitKeys invocationKeys = new EnterExitKeys();
  private static final EnterExitKeys configurationKeys = new EnterExitKeys();

  private final int hook;

  TestNGAdvice(int hook) {
    this.hook = hook;
  }

  @Override
  public Object run(Object[] args) throws Exception {
    switch (hook) {
      case INVOCATION_STARTED: {
        String key = null;
        try {
          key = invocationStarted(args[1]);
        } finally {
          invocationKeys.push(key);
        }
        return null;
      }
      case INVOCATION_FINISHED:
        TestNGEvents.invocationFinished(invocationKeys.pop());
        return null;
      case RESULT_REPORTED:
        TestNGEvents.resultReported(((Integer) Reflect.call(args[1], "getStatus")) == STARTED);
        return null;
      case CONFIGURATION_STARTED: {
        String key = null;
        try {
          key = configurationStarted(args[1], args[2]);
        } finally {
          configurationKeys.push(key);
        }
        return null;
      }
      case CONFIGURATION_FINISHED:
        TestNGEvents.classFinished(configurationKeys.pop());
        return null;
      case SKIP_CONFIGURATIONS: // this and SKIP_INVOCATION are woven only when a skip list is set
        return skipConfigurations(args[1]) ? Boolean.TRUE : null;
      case SKIP_INVOCATION:
        skipInvocation(args[1], args[3]);
        return null;
      default:
        return null;
    }
  }

  /**
   * {@code TestInvoker.invokeMethod(TestMethodArguments, XmlSuite, FailureContext)} (private, same signature
   * 7.0 to 7.12): one invocation of a test method, with its before/after-method configurations.
   */
  private static String invocationStarted(Object arguments) throws ReflectiveOperationException {
    Object method = Reflect.call(arguments, "getTestMethod");
    // the class under test, as TestNG's reports name it, not the one declaring an inherited method
    Object testClass = Reflect.call(arguments, "getTestClass");
    Class<?> real = (Class<?>) Reflect.call(testClass != null ? testClass : method, "getRealClass");
    return TestNGEvents.invocationStarted(
        real.getName(),
        (String) Reflect.call(method, "getMethodName"),
        (Boolean) Reflect.call(method, "isDataDriven"),
        (Integer) Reflect.call(arguments, "getParametersIndex"),
        (Integer) Reflect.call(method, "getInvocationCount"),
        (Integer) Reflect.call(method, "getCurrentInvocationCount"),
        (Object[]) Reflect.call(arguments, "getParameterValues"));
  }

  /**
   * {@code ConfigInvoker.invokeConfigurationMethod(Object, ITestNGMethod, Object[], ITestResult)}: outside
   * a test invocation the class of the instance is the running container; before/after-method
   * configurations belong to the invocation already recorded.
   */
  private static String configurationStarted(Object instance, Object method) throws ReflectiveOperationException {
    if (is(method, "isBeforeMethodConfiguration") || is(method, "isAfterMethodConfiguration")) {
      return null;
    }
    boolean after =
        is(method, "isAfterClassConfiguration")
            || is(method, "isAfterTestConfiguration")
            || is(method, "isAfterSuiteConfiguration")
            || is(method, "isAfterGroupsConfiguration");
    Class<?> named;
    if (instance != null) {
      named = instance.getClass();
    } else {
      Object testClass = Reflect.call(method, "getTestClass");
      named = (Class<?>) Reflect.call(testClass != null ? testClass : method, "getRealClass");
    }
    return TestNGEvents.classStarted(named.getName(), after);
  }

  /**
   * {@code ConfigInvoker.invokeConfigurations(ConfigMethodArguments)}: skipped whole for the
   * before/after-method configurations of a skipped invocation and the class-level ones of a class on the
   * skip list, so a skipped test runs none of its setup.
   */
  private static boolean skipConfigurations(Object arguments) throws ReflectiveOperationException {
    Object[] methods = (Object[]) Reflect.call(arguments, "getConfigMethods");
    if (methods == null || methods.length == 0) {
      return false;
    }
    Object first = methods[0];
    boolean methodLevel = is(first, "isBeforeMethodConfiguration") || is(first, "isAfterMethodConfiguration");
    boolean classLevel = is(first, "isBeforeClassConfiguration") || is(first, "isAfterClassConfiguration");
    Object testClass = Reflect.call(arguments, "getTestClass");
    Class<?> real = (Class<?>) Reflect.call(testClass != null ? testClass : first, "getRealClass");
    return TestNGEvents.skipConfigurations(real.getName(), methodLevel, classLevel);
  }

  /**
   * {@code BaseInvoker.runInvokedMethodListeners(InvokedMethodListenerMethod, IInvokedMethod, ITestResult)},
   * on return: after the before-invocation listeners of a skipped test, its result is marked skipped
   * with a {@code SkipException}, as a listener may do; {@code invokeMethod} then reports the skip.
   */
  private static void skipInvocation(Object listenerMethod, Object result) throws ReflectiveOperationException {
    if (result == null
        || ((Integer) Reflect.call(result, "getStatus")) != STARTED
        || !is(Reflect.call(result, "getMethod"), "isTest")) {
      return;
    }
    String reason = TestNGEvents.skipping();
    if (reason != null && "BEFORE_INVOCATION".equals(String.valueOf(listenerMethod))) {
      Object skip = Reflect.construct(Reflect.classNear(result, "org.testng.SkipException"), String.class, reason);
      Reflect.call(result, "setThrowable", Throwable.class, skip);
      Reflect.call(result, "setStatus", int.class, SKIP);
    }
  }

  private static boolean is(Object target, String method) throws ReflectiveOperationException {
    return (Boolean) Reflect.call(target, method);
  }
}
