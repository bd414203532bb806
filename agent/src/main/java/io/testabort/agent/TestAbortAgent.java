package io.testabort.agent;

import io.testabort.agent.attach.AttachRequest;
import io.testabort.agent.attach.AttachSnapshot;
import java.lang.instrument.Instrumentation;

/**
 * The {@code Premain-Class} and {@code Agent-Class}. The agent's classes stay in the system class loader
 * (appending to the bootstrap path would print a CDS warning in every JVM and slow their start-up); hooked
 * framework classes of any class loader, and {@code java.lang.Runtime}, reach them through the bridge that
 * {@code io.testabort.agent.bridge} defines into {@code java.base} when the first hooked class loads.
 * Nothing here may throw into the JVM's start-up.
 */
public final class TestAbortAgent {
  private TestAbortAgent() {}

  public static void premain(String args, Instrumentation inst) {
    start(args, inst, false);
  }

  public static void agentmain(String args, Instrumentation inst) {
    // report-tools attach: name the tests in flight first, so the agent's own marker replaces ours later
    AttachRequest request = AttachRequest.parse(args);
    // a premain agent that waits for its first test resolves its options now, publishing its marker
    AgentRuntime.activate();
    boolean active = AttachSnapshot.agentActive();
    AttachSnapshot.writeIfAsked(request, inst, active);
    if (!active) {
      start(request.agentOptions(), inst, true);
    }
  }

  private static void start(String args, Instrumentation inst, boolean attached) {
    try {
      AgentRuntime.start(args, inst, attached);
    } catch (Throwable t) {
      // never stdout, never a failed JVM start
      System.err.println("[test-abort] agent disabled: " + t);
    }
  }
}
