package io.testabort.agent.instrument;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * The only framework classes the agent transforms, by internal name. The {@link LazyTransformer} checks
 * the JUnit and TestNG classes that load against this set and hands just these to ASM, so a JVM that
 * loads no test framework never loads ASM (nor this class), and a test JVM pays for a handful of classes,
 * not every {@code org.junit.*} class.
 */
public final class HookedClasses {
  private HookedClasses() {}

  // JUnit Platform: the launcher's bridge from engine events to TestExecutionListeners (any engine)
  public static final String PLATFORM_LISTENER_ADAPTER = "org.junit.platform.launcher.core.ExecutionListenerAdapter";
  // Jupiter: where a test method runs between its before-each and after-each methods (the phases)
  public static final String JUPITER_TEST_METHOD = "org.junit.jupiter.engine.descriptor.TestMethodTestDescriptor";
  // Jupiter: where a node decides whether it is skipped (the skip list); dynamic nodes override it
  public static final String JUPITER_DESCRIPTOR = "org.junit.jupiter.engine.descriptor.JupiterTestDescriptor";
  public static final String JUPITER_DYNAMIC_NODE = "org.junit.jupiter.engine.descriptor.DynamicNodeTestDescriptor";

  // JUnit 4: test start/end of every runner; class runs and test leaves; the @Before and test statements
  public static final String JUNIT4_NOTIFIER = "org.junit.runner.notification.RunNotifier";
  public static final String JUNIT4_PARENT_RUNNER = "org.junit.runners.ParentRunner";
  public static final String JUNIT4_RUN_BEFORES = "org.junit.internal.runners.statements.RunBefores";
  public static final String JUNIT4_INVOKE_METHOD = "org.junit.internal.runners.statements.InvokeMethod";

  // TestNG: test invocations, configuration methods, invoked-method listener calls
  public static final String TESTNG_TEST_INVOKER = "org.testng.internal.invokers.TestInvoker";
  public static final String TESTNG_CONFIG_INVOKER = "org.testng.internal.invokers.ConfigInvoker";
  public static final String TESTNG_BASE_INVOKER = "org.testng.internal.invokers.BaseInvoker";

  // System.exit and Runtime.halt during a test
  public static final String RUNTIME = "java.lang.Runtime";

  private static final Set<String> INTERNAL_NAMES =
      internalNames(
          PLATFORM_LISTENER_ADAPTER, JUPITER_TEST_METHOD, JUPITER_DESCRIPTOR, JUPITER_DYNAMIC_NODE,
          JUNIT4_NOTIFIER, JUNIT4_PARENT_RUNNER, JUNIT4_RUN_BEFORES, JUNIT4_INVOKE_METHOD,
          TESTNG_TEST_INVOKER, TESTNG_CONFIG_INVOKER, TESTNG_BASE_INVOKER,
          RUNTIME);

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
