package io.testabort.agent.junit4;

import io.testabort.agent.core.SkipList;
import io.testabort.agent.instrument.FrameworkInstrumentation;
import io.testabort.agent.instrument.HookedClasses;
import io.testabort.agent.instrument.Hooks;

/**
 * JUnit 4.12 and 4.13: tests as every runner reports them to {@code RunNotifier}; classes as
 * {@code ParentRunner} runs them; phases from the statements {@code BlockJUnit4ClassRunner} builds. All
 * hooked methods are public or protected API unchanged from 4.12 to 4.13.2.
 */
public final class JUnit4Instrumentation implements FrameworkInstrumentation {
  @Override
  public void register(Hooks hooks) {
    // on return: after it the Vintage engine's listener has recorded the test if Vintage runs it
    hooks.onReturn(HookedClasses.JUNIT4_NOTIFIER, "fireTestStarted", 1, new JUnit4Advice(JUnit4Advice.TEST_STARTED));
    hooks.onEnter(HookedClasses.JUNIT4_NOTIFIER, "fireTestFinished", 1, new JUnit4Advice(JUnit4Advice.TEST_FINISHED));
    // the class container: class-level statements (@BeforeClass, @AfterClass, class rules) and the children
    hooks.around(HookedClasses.JUNIT4_PARENT_RUNNER, "run", 1,
        new JUnit4Advice(JUnit4Advice.CLASS_STARTED), new JUnit4Advice(JUnit4Advice.CLASS_FINISHED));
    if (SkipList.configured()) {
      // a test on the skip list gets a statement that fails its assumption instead of its own (befores, body, afters)
      hooks.replaceArgument(HookedClasses.JUNIT4_PARENT_RUNNER, "runLeaf", 3, 0, new JUnit4Advice(JUnit4Advice.SKIP_LEAF));
      // a class on the skip list (it crashed in @BeforeClass) runs nothing; ParentRunner.run reports the assumption
      hooks.replaceReturn(HookedClasses.JUNIT4_PARENT_RUNNER, "classBlock", 1, new JUnit4Advice(JUnit4Advice.SKIP_CLASS));
    }
    // with a test running on this thread, its @Before methods (setup)
    hooks.onEnter(HookedClasses.JUNIT4_RUN_BEFORES, "evaluate", 0, new JUnit4Advice(JUnit4Advice.BEFORES_ENTERED));
    // the statement that calls the test method inside the @Before/@After ones: call phase, then teardown
    hooks.around(HookedClasses.JUNIT4_INVOKE_METHOD, "evaluate", 0,
        new JUnit4Advice(JUnit4Advice.METHOD_ENTERED), new JUnit4Advice(JUnit4Advice.METHOD_EXITED));
  }
}
