package io.testabort.agent;

import java.lang.instrument.Instrumentation;

/** Placeholder premain; replaced by the real agent entry point. */
public final class TestAbortAgent {
  private TestAbortAgent() {}

  public static void premain(String args, Instrumentation inst) {}

  public static void agentmain(String args, Instrumentation inst) {}
}
