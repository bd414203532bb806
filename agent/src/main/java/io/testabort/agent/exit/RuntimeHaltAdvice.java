package io.testabort.agent.exit;

import net.bytebuddy.asm.Advice;

/** Inlined into {@code java.lang.Runtime.halt(int)}: no shutdown hook runs after it, so record now. */
public final class RuntimeHaltAdvice {
  private RuntimeHaltAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.Argument(0) int status) throws Exception {
    ClassLoader.getSystemClassLoader()
        .loadClass("io.testabort.agent.exit.ExitEvents")
        .getMethod("exit", int.class, String.class)
        .invoke(null, status, "Runtime.halt");
  }
}
