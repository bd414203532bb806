package io.testabort.agent.testng;

import io.testabort.agent.core.SkipList;
import io.testabort.agent.instrument.FrameworkInstrumentation;
import io.testabort.agent.instrument.HookedClasses;
import io.testabort.agent.instrument.Hooks;

/**
 * TestNG 7.5 to 7.12: test invocations in {@code TestInvoker}, configuration methods in
 * {@code ConfigInvoker} (one by one for the containers; in batches, and the before-invocation listener
 * call where a skipped test is marked skipped, with a skip list only).
 * These internal methods keep their names and parameters across 7.5.1 to 7.12.0 (checked on both jars).
 */
public final class TestNGInstrumentation implements FrameworkInstrumentation {
  @Override
  public void register(Hooks hooks) {
    // one invocation on the executing thread; the public invokeTestMethod would miss retries
    hooks.around(HookedClasses.TESTNG_TEST_INVOKER, "invokeMethod", 3,
        new TestNGAdvice(TestNGAdvice.INVOCATION_STARTED), new TestNGAdvice(TestNGAdvice.INVOCATION_FINISHED));
    // the call phase starts or ends
    hooks.onEnter(HookedClasses.TESTNG_TEST_INVOKER, "runTestResultListener", 1, new TestNGAdvice(TestNGAdvice.RESULT_REPORTED));
    hooks.around(HookedClasses.TESTNG_CONFIG_INVOKER, "invokeConfigurationMethod", 4,
        new TestNGAdvice(TestNGAdvice.CONFIGURATION_STARTED), new TestNGAdvice(TestNGAdvice.CONFIGURATION_FINISHED));
    if (SkipList.configured()) {
      hooks.skipWhen(HookedClasses.TESTNG_CONFIG_INVOKER, "invokeConfigurations", 1, new TestNGAdvice(TestNGAdvice.SKIP_CONFIGURATIONS));
      hooks.onReturn(HookedClasses.TESTNG_BASE_INVOKER, "runInvokedMethodListeners", 3, new TestNGAdvice(TestNGAdvice.SKIP_INVOCATION));
    }
  }
}
