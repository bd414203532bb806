package io.testabort.agent.junitplatform;

import io.testabort.agent.core.SkipList;
import io.testabort.agent.instrument.FrameworkInstrumentation;
import io.testabort.agent.instrument.HookedClasses;
import io.testabort.agent.instrument.Hooks;

/**
 * JUnit Platform 1.10+ and 6.x: start and end of every test and container of any engine, seen where the
 * launcher adapts engine events for its listeners; Jupiter's test-method call, which splits a test
 * into the setup, call and teardown phases; and, with a skip list only, Jupiter's skip decision.
 */
public final class JUnitPlatformInstrumentation implements FrameworkInstrumentation {
  @Override
  public void register(Hooks hooks) {
    hooks.onEnter(HookedClasses.PLATFORM_LISTENER_ADAPTER, "executionStarted", 1, new PlatformAdvice(PlatformAdvice.STARTED));
    hooks.onEnter(HookedClasses.PLATFORM_LISTENER_ADAPTER, "executionFinished", 2, new PlatformAdvice(PlatformAdvice.FINISHED));
    // before it the test is in its before-each methods (setup), inside it the test method (call), after it teardown
    hooks.around(HookedClasses.JUPITER_TEST_METHOD, "invokeTestMethod", -1,
        new PlatformAdvice(PlatformAdvice.TEST_METHOD_ENTERED), new PlatformAdvice(PlatformAdvice.TEST_METHOD_EXITED));
    if (SkipList.configured()) {
      // JupiterTestDescriptor's is inherited by classes, methods and invocations; dynamic nodes override it
      hooks.replaceReturn(HookedClasses.JUPITER_DESCRIPTOR, "shouldBeSkipped", 1, new PlatformAdvice(PlatformAdvice.SHOULD_BE_SKIPPED));
      hooks.replaceReturn(HookedClasses.JUPITER_DYNAMIC_NODE, "shouldBeSkipped", 1, new PlatformAdvice(PlatformAdvice.SHOULD_BE_SKIPPED));
    }
  }
}
