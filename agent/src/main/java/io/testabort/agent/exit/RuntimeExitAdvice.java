package io.testabort.agent.exit;

import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code java.lang.Runtime.exit(int)}. {@code java.base} cannot link to the agent's classes,
 * so it calls {@link ExitEvents} by reflection through the system class loader (an exit is rare). It
 * throws only what {@link ExitEvents#exit} hands back: the {@code onExit=fail} refusal.
 */
public final class RuntimeExitAdvice {
  private RuntimeExitAdvice() {}

  @Advice.OnMethodEnter
  static void enter(@Advice.Argument(0) int status) {
    Object refusal = null;
    try {
      refusal =
          ClassLoader.getSystemClassLoader()
              .loadClass("io.testabort.agent.exit.ExitEvents")
              .getMethod("exit", int.class, String.class)
              .invoke(null, status, "System.exit");
    } catch (Throwable ignored) {
      // the agent must never change how a JVM exits, except on purpose
    }
    if (refusal instanceof RuntimeException) {
      throw (RuntimeException) refusal;
    }
  }
}
