package io.testabort.agent.junit4;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.testabort.agent.instrument.FrameworkInstrumentation;
import io.testabort.agent.instrument.HookedClasses;
import io.testabort.agent.instrument.Hooks;

/**
 * JUnit 4.12 and 4.13: tests as every runner reports them to {@code RunNotifier}; classes as
 * {@code ParentRunner} runs them; phases from the statements {@code BlockJUnit4ClassRunner} builds. All
 * hooked methods are public or protected API unchanged from 4.12 to 4.13.2.
 */
public final class JUnit4Instrumentation implements FrameworkInstrumentation {
  private static final String ADVICE = "io.testabort.agent.junit4.";

  @Override
  public void register(Hooks hooks) {
    hooks.advise(HookedClasses.JUNIT4_NOTIFIER, named("fireTestStarted").and(takesArguments(1)), ADVICE + "TestStartedAdvice");
    hooks.advise(HookedClasses.JUNIT4_NOTIFIER, named("fireTestFinished").and(takesArguments(1)), ADVICE + "TestFinishedAdvice");
    hooks.advise(HookedClasses.JUNIT4_PARENT_RUNNER, named("run").and(takesArguments(1)), ADVICE + "ClassRunAdvice");
    hooks.advise(HookedClasses.JUNIT4_PARENT_RUNNER, named("runLeaf").and(takesArguments(3)), ADVICE + "SkipLeafAdvice");
    hooks.advise(HookedClasses.JUNIT4_PARENT_RUNNER, named("classBlock").and(takesArguments(1)), ADVICE + "SkipClassAdvice");
    hooks.advise(HookedClasses.JUNIT4_RUN_BEFORES, named("evaluate").and(takesArguments(0)), ADVICE + "BeforesAdvice");
    hooks.advise(HookedClasses.JUNIT4_INVOKE_METHOD, named("evaluate").and(takesArguments(0)), ADVICE + "InvokeMethodAdvice");
  }
}
