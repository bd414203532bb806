package io.testabort.agent.instrument;

/** The hooks of one test framework: which methods, which agent-side code. One implementation per framework package. */
public interface FrameworkInstrumentation {

  void register(Hooks hooks);
}
