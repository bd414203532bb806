package io.testabort.agent.instrument;

import io.testabort.agent.bridge.BootBridge;
import io.testabort.agent.core.AgentLog;
import io.testabort.agent.core.AgentSession;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.function.Supplier;

/**
 * The agent's one registered transformer: a prefix test per loaded class, a set lookup for framework
 * classes, and a rewrite only for the {@link HookedClasses}. The options, the hooks and the bridge are set
 * up the first time a hooked class loads, so a JVM that never loads a test framework pays for the prefix
 * tests alone; this class is all that premain loads of the instrumentation, so it mentions no other agent
 * type in a way the verifier would load. Rewriting is one ASM pass per class, with the JDK's own ASM where
 * it has one ({@link JdkAsmWeaver}), and cheap enough cold that nothing is cached between JVMs.
 */
public final class LazyTransformer implements ClassFileTransformer {
  private final Instrumentation inst;
  /** Activates the agent and names the frameworks to hook, or gives null when it stays inert. */
  private final Supplier<FrameworkInstrumentation[]> activation;
  private volatile HookRegistry hooks;
  /** Set before {@link #hooks}, which publishes it. */
  private Weaver weaver;
  private volatile boolean unavailable;

  public LazyTransformer(Instrumentation inst, Supplier<FrameworkInstrumentation[]> activation) {
    this.inst = inst;
    this.activation = activation;
  }

  /**
   * The cheap first filter: every hooked class is a JUnit or TestNG class, or {@code java.lang.Runtime}
   * (HookedClassesTest keeps this in step). Maven, Gradle and most of a test JVM never get past it.
   */
  static boolean mayBeHooked(String internalName) {
    return internalName.startsWith("org/junit/") || internalName.startsWith("org/testng/")
        || internalName.equals("java/lang/Runtime");
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain pd, byte[] bytes) {
    if (className == null || !mayBeHooked(className) || !HookedClasses.contains(className)) {
      return null;
    }
    try {
      HookRegistry registry = hooks();
      if (registry == null) {
        return null;
      }
      long start = System.nanoTime();
      List<HookPoint> points = registry.pointsFor(className);
      if (points.isEmpty()) {
        return null; // a class hooked only for the skip list, in a run without one
      }
      byte[] rewritten = weaver.weave(bytes, points);
      if (AgentLog.isDebug()) {
        AgentLog.debug("instrumented " + className + " in " + (System.nanoTime() - start) / 1_000 + " µs");
      }
      return rewritten;
    } catch (Throwable t) {
      AgentLog.error("instrumenting " + className, t);
      return null;
    }
  }

  /** The hooks, with the bridge pointing at them; null when this JVM cannot have the bridge. */
  private HookRegistry hooks() {
    HookRegistry h = hooks;
    if (h != null || unavailable) {
      return h;
    }
    synchronized (this) {
      if (hooks == null && !unavailable) {
        FrameworkInstrumentation[] frameworks = activation.get();
        if (frameworks == null) {
          // not active after all (the options said why, on stderr): nothing to hook
          unavailable = true;
          return null;
        }
        long start = System.nanoTime();
        HookRegistry registry = HookRegistry.of(frameworks);
        try {
          Class<?> bridge = BootBridge.install(inst, registry);
          AgentSession.jvmArgumentsFrom(BootBridge.vmArguments(bridge));
          weaver = JdkAsmWeaver.choose(inst);
          hooks = registry;
          if (AgentLog.isDebug()) {
            AgentLog.debug("hooks and bridge ready in " + (System.nanoTime() - start) / 1_000 + " µs");
          }
        } catch (Throwable t) {
          unavailable = true;
          AgentLog.warn("bridge", "test frameworks cannot reach the agent in this JVM, so no markers are written: "
              + Reflect.cause(t));
        }
      }
      return hooks;
    }
  }

  /** Rewrites hooked classes that are already loaded: {@code java.lang.Runtime}, or all of them after an attach. */
  public void retransformLoaded(Instrumentation inst, boolean runtimeOnly) {
    for (Class<?> c : runtimeOnly ? new Class<?>[] {Runtime.class} : inst.getAllLoadedClasses()) {
      if (HookedClasses.contains(c.getName().replace('.', '/')) && inst.isModifiableClass(c)) {
        try {
          inst.retransformClasses(c);
        } catch (Throwable t) {
          AgentLog.error("retransforming " + c.getName(), t);
        }
      }
    }
  }
}
