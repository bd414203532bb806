package io.testabort.agent.instrument;

/**
 * The hooks of one test framework: which methods, which agent-side code. One implementation per framework
 * package. Registered once the options are known, so hooks that only serve the skip list are left out of a
 * run without one: every test would pay for their calls.
 */
public interface FrameworkInstrumentation {

  void register(Hooks hooks);
}
