package io.testabort.agent;

import io.testabort.agent.core.AgentLog;
import io.testabort.agent.core.AgentOptions;
import io.testabort.agent.core.AgentSession;
import io.testabort.agent.core.SkipList;
import io.testabort.agent.exit.ExitEvents;
import io.testabort.agent.exit.ExitInstrumentation;
import io.testabort.agent.instrument.FrameworkInstrumentation;
import io.testabort.agent.instrument.LazyTransformer;
import io.testabort.agent.junit4.JUnit4Instrumentation;
import io.testabort.agent.junitplatform.JUnitPlatformInstrumentation;
import io.testabort.agent.testng.TestNGInstrumentation;
import java.lang.instrument.Instrumentation;
import java.util.function.Supplier;

/**
 * Start-up of the agent, in two steps, because {@code JAVA_TOOL_OPTIONS} loads it into every JVM of a CI
 * job and most of them never run a test.
 *
 * <ol>
 *   <li>{@link #start}, in premain: when the agent argument names a marker ({@code file=} or {@code dir=}) the
 *       agent is active whatever else is set, so it only registers the {@link LazyTransformer} and keeps the
 *       argument. Three agent classes load; no options, no environment, no shutdown hook, no lambdas.
 *       Otherwise the options are resolved at once (the environment may make it active, or it stays inert
 *       and says why it cannot work).
 *   <li>{@link #activate}, when the first hooked framework class loads ({@link #get}, which also names the
 *       frameworks to hook) or an attach asks: the options, their problems on stderr, the published marker
 *       location, the exit and skip settings and the steps that wait for the first test. The shutdown hook
 *       comes with the registry ({@link AgentSession}).
 * </ol>
 *
 * <p>The one class that knows every package: the core, the transformer, the exit hooks and the
 * frameworks. Below it, packages depend only downward ({@code PackageDependenciesTest}).
 */
public final class AgentRuntime implements Supplier<FrameworkInstrumentation[]> {
  /** What the transformer asks for at the first hooked class: {@link #get}. */
  private static final AgentRuntime ACTIVATION = new AgentRuntime();
  /** The premain argument of an agent not activated yet (report-tools' {@code JvmAttach} reads it). */
  static final String PENDING_ARGS = "testabort.agent.args";
  private static boolean started;
  /** The premain argument, resolved by {@link #activate}; null once resolved. */
  private static String pendingArgs;
  private static AgentOptions options;
  private static boolean activated;
  private static Instrumentation instrumentation;
  private static LazyTransformer transformer;

  private AgentRuntime() {}

  public static void start(String args, Instrumentation inst, boolean attached) {
    synchronized (AgentRuntime.class) {
      // e.g. JAVA_TOOL_OPTIONS and Surefire's argLine both give it: one agent, the first configuration
      if (started) {
        AgentLog.warn("twice", "the agent was given twice; the first -javaagent's options stay in force");
        return;
      }
      started = true;
      instrumentation = inst;
      if (!attached && namesMarker(args)) {
        pendingArgs = args;
        transformer = new LazyTransformer(inst, ACTIVATION);
        // that this JVM runs the agent, for report-tools attach, before any test framework loads (a build
        // tool's own JVM never loads one): asked, it answers from its marker instead of loading an agent
        System.setProperty(PENDING_ARGS, args);
      }
    }
    if (transformer != null) {
      inst.addTransformer(transformer, true);
      return;
    }
    AgentOptions resolved = resolve(args);
    if (!resolved.active()) {
      AgentLog.debug("inert: neither 'file' nor 'dir' is set");
      return;
    }
    synchronized (AgentRuntime.class) {
      options = resolved;
      transformer = new LazyTransformer(inst, ACTIVATION);
    }
    inst.addTransformer(transformer, true);
    if (attached) {
      activate();
      transformer.retransformLoaded(inst, false);
    }
  }

  /**
   * Whether {@code args} names a marker, so the agent is active whatever the system properties and the
   * environment say (the argument wins, key by key). Only a quick look: {@link AgentOptions} reads it
   * properly at {@link #activate}, and its constants are inlined here, so premain loads no more classes.
   */
  static boolean namesMarker(String args) {
    if (args == null) {
      return false;
    }
    int from = 0;
    while (from <= args.length()) {
      int comma = args.indexOf(',', from);
      int end = comma < 0 ? args.length() : comma;
      int eq = args.indexOf('=', from);
      if (eq >= 0 && eq < end) {
        String key = args.substring(from, eq).trim();
        if ((key.equalsIgnoreCase(AgentOptions.FILE) || key.equalsIgnoreCase(AgentOptions.DIR))
            && !args.substring(eq + 1, end).trim().isEmpty()) {
          return true;
        }
      }
      from = end + 1;
    }
    return false;
  }

  /**
   * Resolves and applies the options once; the active options, or null when this JVM's agent is inert,
   * was never started, or cannot work (said on stderr). Called on the first hooked class, by an attach,
   * and by the agent's own start when it is attached.
   */
  public static synchronized AgentOptions activate() {
    if (activated || !started) {
      return options;
    }
    activated = true;
    try {
      if (pendingArgs != null) {
        AgentOptions resolved = resolve(pendingArgs);
        pendingArgs = null;
        options = resolved;
      }
      AgentOptions o = options;
      if (o == null || !o.active()) {
        options = null;
        return null;
      }
      // where this JVM's marker is, for report-tools attach to read without attaching (attach.AttachSnapshot)
      System.setProperty(o.dirMode() ? "testabort.agent.markerDir" : "testabort.agent.markerFile",
          String.valueOf(o.dirMode() ? o.markerDir() : o.markerPath(0)));
      ExitEvents.configure(o.onExit());
      SkipList.configure(o.skipFile());
      // Runtime is loaded long before us; hook it once a test runs, not in every JVM
      final LazyTransformer t = transformer;
      final Instrumentation inst = instrumentation;
      AgentSession.installLazily(
          o,
          new Runnable() {
            @Override
            public void run() {
              t.retransformLoaded(inst, true);
            }
          });
      AgentLog.debug("active, markers " + (o.dirMode() ? "in " + o.markerDir() : "at " + o.markerPath(0)));
      return o;
    } catch (Throwable t) {
      // e.g. a marker path the file system rejects: never fail the JVM, never silent
      options = null;
      AgentLog.warn("disabled", "agent disabled: " + t);
      return null;
    }
  }

  /**
   * Activates the agent (the first hooked class is loading) and names the frameworks to hook, or null
   * when this JVM's agent is inert after all. Here, at the top, so that {@code instrument} knows no
   * framework; the hook types load only when this runs (a {@code new} makes the verifier load nothing).
   */
  @Override
  public FrameworkInstrumentation[] get() {
    if (activate() == null) {
      return null;
    }
    return new FrameworkInstrumentation[] {
      new JUnitPlatformInstrumentation(), new JUnit4Instrumentation(), new TestNGInstrumentation(), new ExitInstrumentation()
    };
  }

  /** The options (reporting their problems once, on stderr) from the argument, system properties and environment. */
  private static AgentOptions resolve(String args) {
    AgentOptions resolved = AgentOptions.fromEnvironment(args);
    AgentLog.setDebug(resolved.debug());
    for (String problem : resolved.problems()) {
      AgentLog.warn(problem, problem);
    }
    return resolved;
  }
}
