package io.testabort.agent.junitplatform;

import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.testabort.agent.instrument.FrameworkInstrumentation;
import io.testabort.agent.instrument.HookedClasses;
import io.testabort.agent.instrument.Hooks;

/**
 * JUnit Platform 1.10+ and 6.x: start and end of every test and container of any engine, seen where the
 * launcher adapts engine events for its listeners; Jupiter's test-method call, which splits a test
 * into the setup, call and teardown phases; and Jupiter's skip decision, for the skip list.
 */
public final class JUnitPlatformInstrumentation implements FrameworkInstrumentation {
  // by name: loading an advice class would resolve framework types the agent's loader cannot see
  private static final String ADVICE = "io.testabort.agent.junitplatform.";

  @Override
  public void register(Hooks hooks) {
    hooks.advise(HookedClasses.PLATFORM_LISTENER_ADAPTER,
        named("executionStarted").and(takesArguments(1)), ADVICE + "ExecutionStartedAdvice");
    hooks.advise(HookedClasses.PLATFORM_LISTENER_ADAPTER,
        named("executionFinished").and(takesArguments(2)), ADVICE + "ExecutionFinishedAdvice");
    hooks.advise(HookedClasses.JUPITER_TEST_METHOD, named("invokeTestMethod"), ADVICE + "TestMethodAdvice");
    hooks.advise(HookedClasses.JUPITER_DESCRIPTOR, named("shouldBeSkipped").and(not(isBridge())), ADVICE + "JupiterSkipAdvice");
    hooks.advise(HookedClasses.JUPITER_DYNAMIC_NODE, named("shouldBeSkipped").and(not(isBridge())), ADVICE + "JupiterSkipAdvice");
  }
}
