package io.testabort.agent.testng;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.testabort.agent.instrument.FrameworkInstrumentation;
import io.testabort.agent.instrument.HookedClasses;
import io.testabort.agent.instrument.Hooks;

/**
 * TestNG 7.5 to 7.12: test invocations in {@code TestInvoker}, configuration methods in
 * {@code ConfigInvoker} (one by one for the containers, in batches for the skip list), and the
 * before-invocation listener call where a skipped test is marked skipped.
 * These internal methods keep their names and parameters across 7.5.1 to 7.12.0 (checked on both jars).
 */
public final class TestNGInstrumentation implements FrameworkInstrumentation {
  private static final String ADVICE = "io.testabort.agent.testng.";

  @Override
  public void register(Hooks hooks) {
    hooks.advise(HookedClasses.TESTNG_TEST_INVOKER, named("invokeMethod").and(takesArguments(3)), ADVICE + "InvokeMethodAdvice");
    hooks.advise(HookedClasses.TESTNG_TEST_INVOKER, named("runTestResultListener").and(takesArguments(1)), ADVICE + "ResultListenerAdvice");
    hooks.advise(HookedClasses.TESTNG_CONFIG_INVOKER, named("invokeConfigurationMethod").and(takesArguments(4)), ADVICE + "ConfigurationMethodAdvice");
    hooks.advise(HookedClasses.TESTNG_CONFIG_INVOKER, named("invokeConfigurations").and(takesArguments(1)), ADVICE + "SkipConfigurationsAdvice");
    hooks.advise(HookedClasses.TESTNG_BASE_INVOKER, named("runInvokedMethodListeners").and(takesArguments(3)), ADVICE + "SkipInvocationAdvice");
  }
}
