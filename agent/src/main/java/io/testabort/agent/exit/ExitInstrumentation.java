package io.testabort.agent.exit;

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
    hooks.onEnterMayThrow(HookedClasses.RUNTIME, "exit", 1, new RuntimeAdvice(ExitEvents.SYSTEM_EXIT));
    // no shutdown hook runs after halt, so record now; it never refuses
    hooks.onEnter(HookedClasses.RUNTIME, "halt", 1, new RuntimeAdvice(ExitEvents.HALT));
  }
}
