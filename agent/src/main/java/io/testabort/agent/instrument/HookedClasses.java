package io.testabort.agent.instrument;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * The only framework classes the agent transforms, by internal name. The {@link LazyTransformer} checks
 * every loaded class against this set and hands just these to Byte Buddy, so a JVM that loads no test
 * framework never loads Byte Buddy, and a test JVM pays for a handful of classes, not every
 * {@code org.junit.*} class.
 */
public final class HookedClasses {
  private HookedClasses() {}

  // JUnit Platform: the launcher's bridge from engine events to TestExecutionListeners (any engine)
  public static final String PLATFORM_LISTENER_ADAPTER = "org.junit.platform.launcher.core.ExecutionListenerAdapter";
  // Jupiter: where a test method runs between its before-each and after-each methods (the phases)
  public static final String JUPITER_TEST_METHOD = "org.junit.jupiter.engine.descriptor.TestMethodTestDescriptor";

  // System.exit and Runtime.halt during a test
  public static final String RUNTIME = "java.lang.Runtime";

  private static final Set<String> INTERNAL_NAMES =
      internalNames(PLATFORM_LISTENER_ADAPTER, JUPITER_TEST_METHOD, RUNTIME);

  public static boolean contains(String internalName) {
    return INTERNAL_NAMES.contains(internalName);
  }

  static Set<String> all() {
    return INTERNAL_NAMES;
  }

  private static Set<String> internalNames(String... binaryNames) {
    Set<String> out = new HashSet<>();
    for (String n : binaryNames) {
      out.add(n.replace('.', '/'));
    }
    return Collections.unmodifiableSet(out);
  }
}
