package io.testabort.agent.instrument;

/** The hooks of one test framework: which classes, which advice. One implementation per framework package. */
public interface FrameworkInstrumentation {

  void register(Hooks hooks);
}
