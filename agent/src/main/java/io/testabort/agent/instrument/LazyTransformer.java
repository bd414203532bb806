package io.testabort.agent.instrument;

import io.testabort.agent.core.AgentLog;
import io.testabort.agent.exit.ExitInstrumentation;
import io.testabort.agent.junit4.JUnit4Instrumentation;
import io.testabort.agent.junitplatform.JUnitPlatformInstrumentation;
import io.testabort.agent.testng.TestNGInstrumentation;
import java.io.File;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;

/**
 * The agent's one registered transformer: a set lookup per loaded class, and Byte Buddy only for the
 * {@link HookedClasses}. The Byte Buddy side is built the first time a hooked class loads, so a JVM that
 * never loads a test framework never loads Byte Buddy.
 */
public final class LazyTransformer implements ClassFileTransformer {
  private final File agentJar;
  private volatile AdviceTransformer byteBuddy;
  private volatile TransformedClassCache cache;

  public LazyTransformer(File agentJar) {
    this.agentJar = agentJar;
  }

  private static FrameworkInstrumentation[] instrumentations() {
    return new FrameworkInstrumentation[] {
      new JUnitPlatformInstrumentation(), new JUnit4Instrumentation(), new TestNGInstrumentation(), new ExitInstrumentation()
    };
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain pd, byte[] bytes) {
    if (className == null || !HookedClasses.contains(className)) {
      return null;
    }
    try {
      long start = System.nanoTime();
      byte[] rewritten = cache().get(className, bytes);
      boolean cached = rewritten != null;
      if (!cached) {
        rewritten = byteBuddy().rewrite(loader, className, bytes);
        cache().put(className, bytes, rewritten);
      }
      AgentLog.debug("instrumented " + className + (cached ? " from the class cache" : "") + " in "
          + (System.nanoTime() - start) / 1_000_000 + " ms");
      return rewritten;
    } catch (Throwable t) {
      AgentLog.error("instrumenting " + className, t);
      return null;
    }
  }

  private TransformedClassCache cache() {
    TransformedClassCache c = cache;
    if (c == null) {
      c = TransformedClassCache.forAgent(agentJar);
      cache = c;
    }
    return c;
  }

  private AdviceTransformer byteBuddy() throws Exception {
    AdviceTransformer t = byteBuddy;
    if (t == null) {
      synchronized (this) {
        t = byteBuddy;
        if (t == null) {
          long start = System.nanoTime();
          t = new AdviceTransformer(agentJar);
          for (FrameworkInstrumentation framework : instrumentations()) {
            framework.register(t);
          }
          byteBuddy = t;
          AgentLog.debug("Byte Buddy ready in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
      }
    }
    return t;
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
