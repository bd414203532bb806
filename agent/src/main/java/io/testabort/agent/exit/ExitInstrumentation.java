package io.testabort.agent.exit;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.testabort.agent.instrument.FrameworkInstrumentation;
import io.testabort.agent.instrument.HookedClasses;
import io.testabort.agent.instrument.Hooks;

/**
 * Hooks {@code Runtime.exit} (what {@code System.exit} calls) and {@code Runtime.halt}, so an exit during a
 * test is recorded with its code and caller before the JVM goes. {@code Runtime} is loaded before any
 * agent, so it is retransformed when the first test starts.
 */
public final class ExitInstrumentation implements FrameworkInstrumentation {
  @Override
  public void register(Hooks hooks) {
    hooks.advise(HookedClasses.RUNTIME, named("exit").and(takesArguments(int.class)), "io.testabort.agent.exit.RuntimeExitAdvice");
    hooks.advise(HookedClasses.RUNTIME, named("halt").and(takesArguments(int.class)), "io.testabort.agent.exit.RuntimeHaltAdvice");
  }
}
