package io.testabort.agent.core;

import io.testabort.agent.exit.ExitEvents;
import io.testabort.agent.instrument.LazyTransformer;
import java.lang.instrument.Instrumentation;
import java.util.function.Function;

/**
 * Start-up of an active agent. Kept cheap because {@code JAVA_TOOL_OPTIONS} loads the agent into every
 * JVM of a CI job: no ASM, no lambdas, no management beans here; those wait for the first test.
 */
public final class AgentRuntime {
  private static boolean started;

  private AgentRuntime() {}

  public static void start(String args, final Instrumentation inst, boolean attached) {
    synchronized (AgentRuntime.class) {
      // e.g. JAVA_TOOL_OPTIONS and Surefire's argLine both give it: one agent, the first configuration
      if (started) {
        AgentLog.warn("twice", "the agent was given twice; the first -javaagent's options stay in force");
        return;
      }
      started = true;
    }
    AgentOptions options =
        AgentOptions.resolve(
            args,
            new Function<String, String>() {
              @Override
              public String apply(String key) {
                return System.getProperty(key);
              }
            },
            new Function<String, String>() {
              @Override
              public String apply(String name) {
                return System.getenv(name);
              }
            });
    AgentLog.setDebug(options.debug());
    for (String problem : options.problems()) {
      AgentLog.warn(problem, problem);
    }
    if (!options.active()) {
      AgentLog.debug("inert: neither 'file' nor 'dir' is set");
      return;
    }
    // where this JVM's marker is, for report-tools attach to read without attaching (attach.AttachSnapshot)
    System.setProperty(options.dirMode() ? "testabort.agent.markerDir" : "testabort.agent.markerFile", String.valueOf(options.dirMode() ? options.markerDir() : options.markerPath(0)));
    ExitEvents.configure(options.onExit());
    SkipList.configure(options.skipFile());
    final LazyTransformer transformer = new LazyTransformer(inst);
    inst.addTransformer(transformer, true);
    // Runtime is loaded long before us; hook it once a test runs, not in every JVM
    AgentSession.installLazily(
        options,
        new Runnable() {
          @Override
          public void run() {
            transformer.retransformLoaded(inst, true);
          }
        });
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread("test-abort-shutdown") {
              @Override
              public void run() {
                AgentSession.shutdownIfCreated();
              }
            });
    if (attached) {
      transformer.retransformLoaded(inst, false);
    }
    AgentLog.debug("active, markers " + (options.dirMode() ? "in " + options.markerDir() : "at " + options.markerPath(0)));
  }
}
