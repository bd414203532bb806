package io.testabort.agent.core;

import io.testabort.crash.io.ProcessIds;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The active agent's one {@link TestRegistry}, built on first use from the options, and what happens
 * around it: the steps that wait for the first test (collecting dead JVMs' markers, the watchdog, the
 * {@code Runtime} hook) and the shutdown hook, added with the registry. JVMs that never run a test never
 * build it: the pid, the marker path, the JSON writer and the hook cost start-up time they should not pay.
 */
public final class AgentSession {
  private static volatile TestRegistry registry;
  /** Set once by the agent's start-up; read without a lock on every test event, hence volatile. */
  private static volatile AgentOptions options;
  private static final List<Runnable> firstStartSteps = new ArrayList<>();
  private static volatile boolean firstStartDone;

  private AgentSession() {}

  /** Makes {@link #registry()} build a registry for {@code options}, running {@code firstStart} when a test first starts. */
  public static synchronized void installLazily(AgentOptions agentOptions, Runnable firstStart) {
    firstStartSteps.add(firstStart);
    options = agentOptions;
  }

  /** The registry of this JVM, or null when the agent is inert. */
  static TestRegistry registry() {
    TestRegistry r = registry;
    return r != null || options == null ? r : create();
  }

  private static synchronized TestRegistry create() {
    AgentOptions o = options;
    if (registry == null && o != null) {
      long pid = currentPid();
      TestRegistry r = new TestRegistry(new MarkerFile(o.markerPath(pid)), pid, gpuId(o.gpuEnv()));
      addFirstStartSteps(r, o, pid);
      registry = r;
      addShutdownHook();
    }
    return registry;
  }

  /** With the registry, not at premain: a JVM that builds none has no marker to settle and pays for no hook. */
  private static void addShutdownHook() {
    try {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread("test-abort-shutdown") {
                @Override
                public void run() {
                  shutdownIfCreated();
                }
              });
    } catch (IllegalStateException shuttingDown) {
      // the first test event came during shutdown: nothing is left to settle later
      AgentLog.debug("no shutdown hook: the JVM is shutting down");
    }
  }

  private static void addFirstStartSteps(final TestRegistry r, final AgentOptions o, final long pid) {
    if (o.crashLog() != null) {
      firstStartSteps.add(
          new Runnable() {
            @Override
            public void run() {
              if (o.dirMode()) {
                DeadMarkers.collectInBackground(o.markerDir(), o.crashLog());
              } else {
                DeadMarkers.recordBeforeOverwrite(o.markerPath(pid), o.crashLog(), pid);
              }
            }
          });
    }
    final long timeout = o.timeoutSeconds();
    if (timeout > 0) {
      firstStartSteps.add(
          new Runnable() {
            @Override
            public void run() {
              Watchdog.start(r, timeout);
            }
          });
    }
  }

  /** Before the first start is recorded: the steps that wait for a test, once. */
  static void beforeStart() {
    if (firstStartDone) {
      return;
    }
    List<Runnable> steps;
    synchronized (AgentSession.class) {
      if (firstStartDone) {
        return;
      }
      firstStartDone = true;
      steps = new ArrayList<>(firstStartSteps);
    }
    for (Runnable step : steps) {
      try {
        step.run();
      } catch (Throwable t) {
        AgentLog.error("agent start-up step", t);
      }
    }
  }

  /** Where the marker's JVM facts read the JVM's arguments: the bridge in java.base, cheaper than java.management. */
  public static void jvmArgumentsFrom(Supplier<String[]> arguments) {
    JvmInfo.arguments = arguments;
  }

  /** The agent's shutdown hook: only a registry that was built has a marker to settle. */
  public static void shutdownIfCreated() {
    TestRegistry r = registry;
    if (r != null) {
      DeadMarkers.awaitCollection(2000);
      r.shutdown();
    }
  }

  /** This JVM's pid, without starting {@link ProcessHandle} on Linux (see {@link ProcessIds}). */
  static long currentPid() {
    return ProcessIds.current();
  }

  /** The first GPU visibility variable that is set, as pytest-abort reports it; else "unknown". */
  static String gpuId(List<String> names) {
    for (String name : names) {
      String v = System.getenv(name);
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return "unknown";
  }

  /** For tests: makes {@code r} (or none) this JVM's registry, with no first-start steps. */
  static synchronized void install(TestRegistry r) {
    registry = r;
    options = null;
    firstStartSteps.clear();
    firstStartDone = r != null;
  }
}
