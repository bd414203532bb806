package io.testabort.agent.instrument;

import java.util.List;

/**
 * Weaves hook points into a class file: {@link HookWeaver} on the agent's own ASM, or its copy bound to the
 * JDK's ASM ({@link JdkAsmWeaver}). Public because that copy, in a class loader of its own, implements it.
 */
public interface Weaver {
  /** {@code classFile} with {@code points} woven in; unchanged bytes when no method matches. */
  byte[] weave(byte[] classFile, List<HookPoint> points);
}
